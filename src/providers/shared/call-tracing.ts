/**
 * The hook through which the shared transport reports its calls to tracing (docs/metrics.md,
 * "Tracing"), without knowing OpenTelemetry: with tracing off nothing is installed and a call costs one
 * null check. The tracing module (src/server/tracing.ts) installs the one tracer of the process while
 * a gateway with tracing runs, and removes it when that gateway stops.
 */

/** What a span of one upstream call carries. Never a query string, a header, a body or a credential. */
export interface CallSpanStart {
  readonly provider: string;
  /** Request-budget group of the call. */
  readonly group: string;
  readonly method: string;
  /** The path template as /metrics counts it (`/orders/:id/cancel`): no query, no id, no token. */
  readonly endpoint: string;
  readonly effect: 'read' | 'write';
}

/** How the call ended. */
export interface CallSpanEnd {
  /** The HTTP status of the last answer, or null when none arrived (refused locally, timeout, reset). */
  readonly httpStatus: number | null;
  /** The same outcome /metrics counts: ok, rejected, rate_limited, failed or refused. */
  readonly outcome: string;
  /** The typed error's code when the call ended in one (e.g. PROVIDER_UNAVAILABLE), never its message. */
  readonly errorCode: string | null;
}

export interface CallSpan {
  end(result: CallSpanEnd): void;
}

export interface CallTracer {
  start(call: CallSpanStart): CallSpan;
}

let installed: CallTracer | null = null;

/** The tracer of this process, or null with tracing off. */
export function callTracer(): CallTracer | null {
  return installed;
}

/** Installs (or with null removes) the process's call tracer; answers the one it replaced. */
export function installCallTracer(tracer: CallTracer | null): CallTracer | null {
  const previous = installed;
  installed = tracer;
  return previous;
}
