import { AsyncLocalStorage } from 'node:async_hooks';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { SwitchboardError } from '../domain/errors.ts';
import type { GraphQLContext } from '../schema/builder.ts';
import { installCallTracer, type CallSpanStart, type CallTracer } from '../providers/shared/call-tracing.ts';
import type { Tracing } from './tracing.ts';

/**
 * The OpenTelemetry side of tracing (docs/metrics.md, "Tracing"), imported only when it is on.
 *
 * Spans: one per executed GraphQL operation (its type, name and outcome) and one per upstream call of
 * the shared transport (provider, budget group, method, path template, HTTP status, outcome), a child
 * of the operation it was made for. The parent is found through an AsyncLocalStorage of this module,
 * not a global context manager, and no propagator is registered: nothing injects `traceparent` into
 * the requests sent to providers, so our trace ids never reach them. Incoming trace headers are not
 * read either. Never exported: variables, the document, argument values, error messages, headers,
 * query strings, bodies, hosts — only the fields named above.
 */

/** The operation a resolver runs in; the span is set by onExecute/onSubscribe inside the same async scope. */
interface OperationScope {
  span: Span | null;
}

// Exporting must never hold the gateway's stop for long when the collector is unreachable.
const EXPORT_TIMEOUT_MS = 5_000;
const SHUTDOWN_WAIT_MS = 6_000;

export function createTracing(options: { url: string; serviceName: string }): Tracing {
  const exporter = new OTLPTraceExporter({ url: options.url, timeoutMillis: EXPORT_TIMEOUT_MS });
  const provider = new TracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ 'service.name': options.serviceName })),
    // Operation names and codes are short; a longer value is cut, never exported whole.
    spanLimits: { attributeValueLengthLimit: 200, attributeCountLimit: 16, eventCountLimit: 0, linkCountLimit: 0 },
    spanProcessors: [
      // Every 5 s (the SDK's default); shutdown exports what is still queued.
      new BatchSpanProcessor({ exporter, exportTimeoutMillis: EXPORT_TIMEOUT_MS }),
    ],
  });
  const tracer = provider.getTracer('switchboard');
  const scopes = new AsyncLocalStorage<OperationScope>();
  const calls = callTracer(tracer, scopes);
  const replaced = installCallTracer(calls);

  let stopped: Promise<void> | null = null;
  return {
    url: options.url,
    plugin: operationPlugin(tracer, scopes),
    shutdown: () =>
      (stopped ??= (async () => {
        // Only this gateway's tracer is taken out (another gateway of the process may have installed its own since).
        const current = installCallTracer(null);
        if (current !== calls) installCallTracer(current);
        else if (replaced) installCallTracer(replaced);
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          provider.shutdown().catch(() => undefined),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, SHUTDOWN_WAIT_MS);
            timer.unref();
          }),
        ]);
        clearTimeout(timer);
      })()),
  };
}

function callTracer(tracer: Tracer, scopes: AsyncLocalStorage<OperationScope>): CallTracer {
  return {
    start(call: CallSpanStart) {
      const parent = scopes.getStore()?.span ?? null;
      const span = tracer.startSpan(
        `${call.method} ${call.endpoint}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'switchboard.provider': call.provider,
            'switchboard.call.group': call.group,
            'switchboard.call.effect': call.effect,
            'http.request.method': call.method,
            'url.template': call.endpoint,
          },
        },
        parent ? trace.setSpan(ROOT_CONTEXT, parent) : ROOT_CONTEXT,
      );
      return {
        end(result) {
          if (result.httpStatus !== null) span.setAttribute('http.response.status_code', result.httpStatus);
          span.setAttribute('switchboard.call.outcome', result.outcome);
          if (result.errorCode) span.setAttribute('error.type', result.errorCode);
          if (result.outcome !== 'ok' && result.outcome !== 'rejected') span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        },
      };
    },
  };
}

function operationPlugin(tracer: Tracer, scopes: AsyncLocalStorage<OperationScope>): Plugin<GraphQLContext> {
  const begin = (document: DocumentNode, operationName: string | null | undefined): Span => {
    const { type, name } = operationOf(document, operationName);
    const span = tracer.startSpan(`${type} ${name}`, { kind: SpanKind.SERVER, attributes: { 'graphql.operation.type': type, 'graphql.operation.name': name } });
    const scope = scopes.getStore();
    if (scope) scope.span = span;
    return span;
  };
  const finish = (span: Span, result: unknown): void => {
    const outcome = outcomeOf(result);
    span.setAttribute('switchboard.outcome', outcome);
    if (outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  return {
    // Each execute/subscribe phase runs in its own scope, so the upstream calls its resolvers make find their operation.
    instrumentation: {
      execute: (_payload, wrapped) => scopes.run({ span: null }, wrapped),
      subscribe: (_payload, wrapped) => scopes.run({ span: null }, wrapped),
    },
    onExecute({ args }) {
      const span = begin(args.document, args.operationName);
      return { onExecuteDone: ({ result }) => finish(span, result) };
    },
    // A subscription's span covers setting it up (and its first answer); the events after it are not traced.
    onSubscribe({ args }) {
      const span = begin(args.document, args.operationName);
      let ended = false;
      const end = (result: unknown) => {
        if (ended) return;
        ended = true;
        finish(span, result);
      };
      return {
        onSubscribeResult: ({ result }) => end(result),
        onSubscribeError: () => end({ errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
      };
    },
  };
}

function operationOf(document: DocumentNode, operationName: string | null | undefined): { type: string; name: string } {
  const operation = getOperationAST(document, operationName);
  return { type: operation?.operation ?? 'query', name: operation?.name?.value ?? 'anonymous' };
}

// The code the client is shown (the error's own, a domain error's), or INTERNAL_SERVER_ERROR; only code-shaped values.
function outcomeOf(result: unknown): string {
  if (typeof result === 'object' && result !== null && Symbol.asyncIterator in result) return 'ok';
  const error = (result as ExecutionResult | undefined)?.errors?.[0];
  if (!error) return 'ok';
  const code = error.extensions?.code ?? (error.originalError instanceof SwitchboardError ? error.originalError.code : 'INTERNAL_SERVER_ERROR');
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,47}$/.test(code) ? code : 'ERROR';
}
