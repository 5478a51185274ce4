import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTracer } from '../../src/providers/shared/call-tracing.ts';
import { tracingOf, tracingSdkLoaded } from '../../src/server/tracing.ts';
import { gqlData, TEST_CLIENT_TOKEN, TEST_CLIENT_TOKENS } from '../support/clients.ts';
import { startSandboxGateway, type SandboxGateway } from '../support/sandbox-gateway.ts';
import { BuyNumber, Catalog } from './documents.ts';

/**
 * Optional tracing (docs/metrics.md, "Tracing"): off, nothing of OpenTelemetry is loaded; on, a real
 * OTLP/HTTP collector (a node:http server here, reading the JSON the exporter sends) receives a span
 * per operation and a child span per provider call, with none of the gateway's secrets in the payload
 * and no trace context sent to the providers.
 */

interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
  boolValue?: boolean;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: OtlpValue }[];
}
interface ExportRequest {
  resourceSpans: { resource?: { attributes?: { key: string; value: OtlpValue }[] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
}

/** An OTLP/HTTP traces receiver: every POST body kept raw, answered 200 as a collector does. */
async function startCollector(): Promise<{ server: Server; url: string; bodies: string[]; headers: IncomingHttpHeaders[] }> {
  const bodies: string[] = [];
  const headers: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        headers.push(req.headers);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies, headers };
}

const attribute = (span: OtlpSpan, key: string): string | number | boolean | undefined => {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  if (!value) return undefined;
  if (value.intValue !== undefined) return Number(value.intValue);
  return value.stringValue ?? value.boolValue;
};

/** Every string value of the sandbox providers' settings whose name says it is a credential. */
function sandboxSecrets(gw: SandboxGateway): string[] {
  const secrets: string[] = [];
  for (const { settings } of gw.app.sandbox!.providers) {
    for (const [name, value] of Object.entries(settings as Record<string, unknown>)) {
      if (typeof value === 'string' && /token|secret|password|key/i.test(name) && value.length >= 6) secrets.push(value);
    }
  }
  return secrets;
}

describe('tracing off (no OTLP endpoint)', () => {
  let gw: SandboxGateway;
  beforeAll(async () => {
    gw = await startSandboxGateway({ env: { CLIENT_TOKENS: TEST_CLIENT_TOKENS } });
  });
  afterAll(async () => {
    await gw?.stop();
  });

  it('loads no exporter: no tracing handle, no call tracer, the SDK never imported, and queries are answered', async () => {
    const { catalog } = await gqlData(gw.url, Catalog, { filter: { service: 'shopee', country: 'TH' } }, TEST_CLIENT_TOKEN);
    expect(catalog.edges.length).toBeGreaterThan(0);
    expect(tracingOf(gw.app.services)).toBeNull();
    expect(callTracer()).toBeNull();
    expect(tracingSdkLoaded()).toBe(false);
  });
});

describe('tracing on (OTEL_EXPORTER_OTLP_ENDPOINT set)', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let gw: SandboxGateway;
  const realFetch = globalThis.fetch;
  // Headers of every request the gateway sends to a provider (the transports take the global fetch when created).
  const upstreamHeaders: Headers[] = [];

  beforeAll(async () => {
    collector = await startCollector();
    globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      upstreamHeaders.push(new Headers(init?.headers));
      return realFetch(input, init);
    }) as typeof fetch;
    try {
      gw = await startSandboxGateway({ env: { CLIENT_TOKENS: TEST_CLIENT_TOKENS, OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SERVICE_NAME: 'switchboard-test' } });
    } finally {
      globalThis.fetch = realFetch;
    }
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    await gw?.stop();
    await new Promise((r) => collector?.server.close(r));
  });

  it('exports the operation spans and the provider call as a child of the buy, with no secret, no variable and no trace context upstream', async () => {
    expect(tracingSdkLoaded()).toBe(true);
    expect(tracingOf(gw.app.services)?.url).toBe(`${collector.url}/v1/traces`);
    const { catalog } = await gqlData(gw.url, Catalog, { filter: { service: 'shopee', country: 'TH' } }, TEST_CLIENT_TOKEN);
    expect(catalog.edges.length).toBeGreaterThan(0);
    const idempotencyKey = `tracing-${process.pid}-${Date.now()}`;
    const { buyNumber } = await gqlData(gw.url, BuyNumber, { input: { service: 'shopee', country: 'TH', idempotencyKey } as never }, TEST_CLIENT_TOKEN);
    if (buyNumber.__typename !== 'BuyNumberPayload') throw new Error(`buy failed: ${JSON.stringify(buyNumber)}`);
    const bought = buyNumber.order;

    // Stopping the gateway flushes what the batch processor still holds: every span is at the collector then.
    await gw.app.stop();
    expect(collector.bodies.length).toBeGreaterThan(0);
    expect(collector.headers.every((h) => String(h['content-type']).startsWith('application/json'))).toBe(true);
    const requests = collector.bodies.map((b) => JSON.parse(b) as ExportRequest);
    const spans = requests.flatMap((r) => r.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((s) => s.spans)));
    const serviceNames = requests.flatMap((r) => r.resourceSpans.map((rs) => rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue));
    expect(new Set(serviceNames)).toEqual(new Set(['switchboard-test']));

    const catalogSpan = spans.find((s) => s.name === 'query Catalog');
    expect(catalogSpan, spans.map((s) => s.name).join(', ')).toBeDefined();
    expect(attribute(catalogSpan!, 'graphql.operation.type')).toBe('query');
    expect(attribute(catalogSpan!, 'graphql.operation.name')).toBe('Catalog');
    expect(attribute(catalogSpan!, 'switchboard.outcome')).toBe('ok');

    const buySpan = spans.find((s) => s.name === 'mutation BuyNumber');
    expect(buySpan).toBeDefined();
    expect(attribute(buySpan!, 'graphql.operation.type')).toBe('mutation');
    expect(attribute(buySpan!, 'switchboard.outcome')).toBe('ok');
    const children = spans.filter((s) => s.parentSpanId === buySpan!.spanId);
    const create = children.find((s) => attribute(s, 'switchboard.provider') === bought.provider && attribute(s, 'http.request.method') === 'POST');
    expect(create, JSON.stringify(children)).toBeDefined();
    expect(create!.traceId).toBe(buySpan!.traceId);
    expect(create!.kind).toBe(3); // SPAN_KIND_CLIENT
    expect(attribute(create!, 'http.response.status_code')).toBeGreaterThanOrEqual(200);
    expect(attribute(create!, 'http.response.status_code')).toBeLessThan(300);
    expect(attribute(create!, 'switchboard.call.outcome')).toBe('ok');
    expect(attribute(create!, 'switchboard.call.effect')).toBe('write');
    expect(String(attribute(create!, 'url.template'))).toMatch(/^\/[^?]*$/);
    expect(create!.name).toBe(`POST ${attribute(create!, 'url.template')}`);

    // Every provider call span carries a path template only: no query string, no scheme or host.
    for (const span of spans.filter((s) => attribute(s, 'switchboard.provider') !== undefined)) {
      expect(String(attribute(span, 'url.template'))).not.toMatch(/[?=&]|:\/\//);
    }

    // Nothing secret or client-supplied anywhere in what was exported.
    const payload = collector.bodies.join('\n');
    const secrets = [TEST_CLIENT_TOKEN, ...TEST_CLIENT_TOKENS.split(',').map((e) => e.slice(e.indexOf(':') + 1)), ...sandboxSecrets(gw)];
    expect(secrets.length).toBeGreaterThanOrEqual(6);
    for (const secret of secrets) expect(payload.includes(secret), 'a secret was exported').toBe(false);
    expect(payload).not.toContain(idempotencyKey);
    expect(payload).not.toContain('Bearer');

    // No trace context went upstream: our trace ids stay ours.
    expect(upstreamHeaders.length).toBeGreaterThan(0);
    for (const headers of upstreamHeaders) {
      expect(headers.has('traceparent')).toBe(false);
      expect(headers.has('tracestate')).toBe(false);
    }
    expect(callTracer()).toBeNull();
  });
});
