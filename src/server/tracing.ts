import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import type { Logger } from '../logging/logger.ts';
import type { GraphQLContext } from '../schema/builder.ts';

/**
 * Optional OpenTelemetry tracing (docs/metrics.md, "Tracing"), off unless an OTLP endpoint is set.
 * This module imports nothing of OpenTelemetry: with tracing off the SDK and the exporter are never
 * loaded (idle memory, docs/performance.md); with it on, ./tracing-sdk.ts is imported once at start-up.
 */
export interface Tracing {
  /** Where spans are sent: the OTLP/HTTP traces URL. */
  readonly url: string;
  /** The Yoga plugin giving each executed operation its span (src/server/graphql.ts adds it). */
  readonly plugin: Plugin<GraphQLContext>;
  /** Ends tracing: exports the spans still queued (bounded wait), then stops the exporter. */
  shutdown(): Promise<void>;
}

/**
 * The OTLP/HTTP traces URL from the standard variables: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as it is,
 * else OTEL_EXPORTER_OTLP_ENDPOINT with `/v1/traces` appended (as the OTLP specification says); null
 * when neither is set (tracing off).
 */
export function tracesUrl(config: Pick<Config, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'>): string | null {
  if (config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (config.OTEL_EXPORTER_OTLP_ENDPOINT) return `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
  return null;
}

let sdkImported = false;

/** Whether this process has loaded the OpenTelemetry SDK (only ever after tracing was turned on). */
export function tracingSdkLoaded(): boolean {
  return sdkImported;
}

/** Tracing for a gateway with this configuration, or null (nothing loaded) when no endpoint is set. */
export async function startTracing(config: Config, logger: Logger): Promise<Tracing | null> {
  const url = tracesUrl(config);
  if (!url) return null;
  const { createTracing } = await import('./tracing-sdk.ts');
  sdkImported = true;
  const tracing = createTracing({ url, serviceName: config.OTEL_SERVICE_NAME });
  // The URL's origin only: a collector URL may carry a key in its path or query.
  logger.info({ collector: new URL(url).origin, serviceName: config.OTEL_SERVICE_NAME }, 'tracing on: spans go to the OTLP/HTTP collector');
  return tracing;
}

const attached = new WeakMap<object, Tracing>();

/** Ties a gateway's tracing to its services (the composition root does, before the HTTP server starts). */
export function attachTracing(services: object, tracing: Tracing): void {
  attached.set(services, tracing);
}

/** The tracing of the gateway these services belong to, or null when it is off. */
export function tracingOf(services: object): Tracing | null {
  return attached.get(services) ?? null;
}
