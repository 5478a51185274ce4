import type { ProviderId } from './provider.ts';

/**
 * Errors a client can act on. Every layer throws these; the schema maps each `code`
 * to a typed GraphQL error object. Messages never contain credentials.
 */
export class SwitchboardError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

export class ValidationError extends SwitchboardError {
  readonly field: string | null;
  constructor(message: string, field: string | null = null) {
    super('VALIDATION', message);
    this.field = field;
  }
}

export class NotFoundError extends SwitchboardError {
  readonly resource: string;
  constructor(resource: string, id: string) {
    super('NOT_FOUND', `${resource} ${id} was not found`);
    this.resource = resource;
  }
}

export class FxRateUnavailableError extends SwitchboardError {
  readonly pair: string;
  constructor(pair: string, reason: string) {
    super('FX_RATE_UNAVAILABLE', `No usable ${pair} rate: ${reason}`);
    this.pair = pair;
  }
}

export class IdempotencyKeyReusedError extends SwitchboardError {
  constructor(key: string) {
    super('IDEMPOTENCY_KEY_REUSED', `Idempotency key "${key}" was already used with a different input`);
  }
}

export class RequestInProgressError extends SwitchboardError {
  constructor(key: string) {
    super('REQUEST_IN_PROGRESS', `A request with idempotency key "${key}" is still in progress`);
  }
}

/** Reasons a provider call can fail, in the gateway's vocabulary. */
export type ProviderFailure =
  | 'INSUFFICIENT_BALANCE'
  | 'NO_OFFER_AVAILABLE'
  | 'CANCEL_TOO_EARLY'
  | 'RATE_LIMITED'
  | 'NOT_FOUND'
  | 'SERVICE_UNAVAILABLE'
  | 'INVALID_REQUEST'
  | 'CONFLICT'
  | 'AUTHENTICATION'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'REQUEST_IN_PROGRESS'
  | 'REJECTED';

/** One routing attempt the provider reported (smscode `details.attempts`). */
export interface OfferAttempt {
  readonly provider: string;
  readonly outcome: string;
}

/** A provider said no, definitely: nothing was spent. */
export class ProviderError extends SwitchboardError {
  readonly provider: ProviderId;
  readonly failure: ProviderFailure;
  readonly providerCode: string;
  readonly httpStatus: number | null;
  readonly retryAfterSeconds: number | null;
  readonly secondsRemaining: number | null;
  readonly attempts: readonly OfferAttempt[];
  constructor(init: {
    provider: ProviderId;
    failure: ProviderFailure;
    providerCode: string;
    message: string;
    httpStatus?: number | null;
    retryAfterSeconds?: number | null;
    secondsRemaining?: number | null;
    attempts?: readonly OfferAttempt[];
  }) {
    super(init.failure, init.message);
    this.provider = init.provider;
    this.failure = init.failure;
    this.providerCode = init.providerCode;
    this.httpStatus = init.httpStatus ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.secondsRemaining = init.secondsRemaining ?? null;
    this.attempts = init.attempts ?? [];
  }
}

/**
 * The request may or may not have taken effect upstream (timeout, dropped connection, 5xx after sending).
 * Never retried blindly: the order goes UNKNOWN and is reconciled.
 */
export class AmbiguousOutcomeError extends SwitchboardError {
  readonly provider: ProviderId;
  constructor(provider: ProviderId, message: string) {
    super('AMBIGUOUS_OUTCOME', message);
    this.provider = provider;
  }
}
