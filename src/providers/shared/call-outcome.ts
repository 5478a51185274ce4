import {
  AmbiguousOutcomeError,
  ProviderRejectedError,
  RateLimitedError,
  ServiceUnavailableError,
  SwitchboardError,
} from '../../domain/errors.ts';
import type { ProviderId } from '../../domain/provider.ts';
import type { CallOutcome } from './health.ts';

/**
 * The one classification of how an upstream call ended, shared by the transport, every provider
 * client and the spending pipeline:
 *
 *  refused before any effect   connection refused, DNS failure, circuit open   → ServiceUnavailableError
 *                              the client-side request budget                   → RateLimitedError
 *  failed after it was sent    timeout, reset, truncated answer                → write: AmbiguousOutcomeError
 *                                                                                 read:  ServiceUnavailableError
 *  answered but unreadable     write → AmbiguousOutcomeError; read 5xx → ServiceUnavailableError;
 *                              otherwise ProviderRejectedError MALFORMED_RESPONSE
 *
 * A write is never retried by the transport; a read only on connection, timeout or 5xx failures.
 */

/** A mutating call may have taken effect when its answer is lost; a read never has. */
export type CallEffect = 'read' | 'write';

/** Who was called, for messages and error fields. */
export interface CallContext {
  readonly provider: ProviderId;
  readonly effect: CallEffect;
  /** `PROVIDER METHOD /path?query`, already redacted. */
  readonly label: string;
}

/** Whether any byte of the request may have reached the upstream. */
export type FailureStage = 'beforeSending' | 'afterSending';

/** A request that got no complete HTTP answer (thrown inside the transport's policies, never past it). */
export class TransportFailure extends Error {
  readonly stage: FailureStage;
  /** Network code (ECONNREFUSED, UND_ERR_SOCKET, …), TIMEOUT or ANSWER_TRUNCATED. */
  readonly code: string;
  constructor(stage: FailureStage, code: string, text: string) {
    super(text);
    this.name = 'TransportFailure';
    this.stage = stage;
    this.code = code;
  }
}

// Error codes undici reports when the connection could not be opened, i.e. no byte of the request left.
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * What a fetch() rejection (or a failure reading the answer body, `whileReading`) means. A timeout
 * counts as after sending: the request may have been on the wire when it fired.
 */
export function transportFailureOf(error: unknown, whileReading: boolean): TransportFailure {
  if (error instanceof TransportFailure) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return new TransportFailure('afterSending', 'TIMEOUT', 'timed out');
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : 'NETWORK_ERROR';
  if (CONNECT_FAILURES.has(code)) return new TransportFailure('beforeSending', code, `could not connect (${code})`);
  if (whileReading) return new TransportFailure('afterSending', 'ANSWER_TRUNCATED', `answer cut off (${code})`);
  return new TransportFailure('afterSending', code, `connection lost before an answer (${code})`);
}

/** The domain error for a request that got no complete answer (after any read retries). */
export function failureError(failure: TransportFailure, context: CallContext): ServiceUnavailableError | AmbiguousOutcomeError {
  if (failure.stage === 'afterSending' && context.effect === 'write') {
    return new AmbiguousOutcomeError(context.provider, `${context.label}: ${failure.message} after the request was sent; its outcome is unknown`);
  }
  return new ServiceUnavailableError({ provider: context.provider, providerCode: failure.code, message: `${context.label}: ${failure.message}` });
}

/** The breaker refuses calls for now: nothing was sent. */
export function circuitOpenError(context: CallContext, retryAfterSeconds: number | null): ServiceUnavailableError {
  return new ServiceUnavailableError({
    provider: context.provider,
    providerCode: 'CIRCUIT_OPEN',
    retryAfterSeconds,
    message: `${context.label}: not sent, ${context.provider} failed repeatedly and calls are paused`,
  });
}

/** The client-side budget of `group` has no slot soon enough: nothing was sent. */
export function budgetError(context: CallContext, group: string, waitMs: number): RateLimitedError {
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new RateLimitedError({
    provider: context.provider,
    providerCode: 'REQUEST_BUDGET',
    retryAfterSeconds,
    message: `${context.label}: not sent, the "${group}" request budget has no free slot for ${retryAfterSeconds} s`,
  });
}

/**
 * An answer the client could not read (not the documented shape, cut short, an HTML proxy page):
 * a write may have taken effect; a read's 5xx is a passing unavailability; anything else is malformed.
 */
export function unreadableAnswer(context: CallContext, answer: { readonly status: number }, what = 'unreadable answer'): SwitchboardError {
  const status = answer.status;
  if (context.effect === 'write') {
    return new AmbiguousOutcomeError(context.provider, `${context.label}: ${what} (HTTP ${status}); its outcome is unknown`);
  }
  const init = { provider: context.provider, httpStatus: status, message: `${context.label}: ${what} (HTTP ${status})` };
  if (status >= 500) return new ServiceUnavailableError({ ...init, providerCode: `HTTP_${status}` });
  return new ProviderRejectedError({ ...init, providerCode: 'MALFORMED_RESPONSE' });
}

/** What a call's error says about the provider's health (a business refusal means it is up). */
export function callOutcomeOf(error: unknown): CallOutcome {
  if (error instanceof RateLimitedError) return 'rateLimited';
  if (error instanceof ServiceUnavailableError || error instanceof AmbiguousOutcomeError) return 'failed';
  if (error instanceof ProviderRejectedError && error.providerCode === 'MALFORMED_RESPONSE') return 'failed';
  return 'ok';
}

/**
 * Whether a failed call may have changed something upstream (money spent, order placed): only an
 * ambiguous outcome, or an error this classification does not know (a bug), which is treated as one.
 */
export function mayHaveTakenEffect(error: unknown): boolean {
  if (error instanceof AmbiguousOutcomeError) return true;
  return !(error instanceof SwitchboardError);
}
