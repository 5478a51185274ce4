import type { Money } from './money.ts';
import type { ProviderId } from './provider.ts';

/**
 * Errors a client can act on. Every layer throws these; the schema exposes each class as a
 * typed GraphQL error object. Messages never contain credentials.
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

/** One routing attempt: which provider was tried (or skipped) and what came of it. */
export interface OfferAttempt {
  readonly provider: string;
  readonly outcome: string;
  /** The offer's price in the provider's currency, when an offer was tried or skipped. */
  readonly price?: { readonly amount: string; readonly currency: string } | null;
}

interface ProviderErrorInit {
  provider: ProviderId;
  providerCode: string;
  message: string;
  httpStatus?: number | null;
}

/** Base of every definite refusal by a provider: nothing was spent. Not exposed itself. */
export abstract class ProviderFailure extends SwitchboardError {
  readonly provider: ProviderId;
  readonly providerCode: string;
  readonly httpStatus: number | null;
  constructor(code: string, init: ProviderErrorInit) {
    super(code, init.message);
    this.provider = init.provider;
    this.providerCode = init.providerCode;
    this.httpStatus = init.httpStatus ?? null;
  }
}

export class InsufficientBalanceError extends ProviderFailure {
  constructor(init: ProviderErrorInit) {
    super('INSUFFICIENT_BALANCE', init);
  }
}

export class NoOfferAvailableError extends ProviderFailure {
  readonly attempts: readonly OfferAttempt[];
  constructor(init: ProviderErrorInit & { attempts?: readonly OfferAttempt[] }) {
    super('NO_OFFER_AVAILABLE', init);
    this.attempts = init.attempts ?? [];
  }
}

export class CancelTooEarlyError extends ProviderFailure {
  readonly secondsRemaining: number;
  constructor(init: ProviderErrorInit & { secondsRemaining: number }) {
    super('CANCEL_TOO_EARLY', init);
    this.secondsRemaining = init.secondsRemaining;
  }
}

export class RateLimitedError extends ProviderFailure {
  readonly retryAfterSeconds: number;
  constructor(init: ProviderErrorInit & { retryAfterSeconds: number }) {
    super('RATE_LIMITED', init);
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export class ServiceUnavailableError extends ProviderFailure {
  readonly retryAfterSeconds: number | null;
  constructor(init: ProviderErrorInit & { retryAfterSeconds?: number | null }) {
    super('SERVICE_UNAVAILABLE', init);
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

/** Any other refusal: the provider's own code and message, passed through. */
export class ProviderRejectedError extends ProviderFailure {
  readonly attempts: readonly OfferAttempt[];
  constructor(init: ProviderErrorInit & { attempts?: readonly OfferAttempt[] }) {
    super('PROVIDER_ERROR', init);
    this.attempts = init.attempts ?? [];
  }
}

/**
 * The request may or may not have taken effect upstream (timeout, dropped connection, 5xx after
 * sending). Never retried blindly: the order goes UNKNOWN and is reconciled.
 */
export class AmbiguousOutcomeError extends SwitchboardError {
  readonly provider: ProviderId;
  constructor(provider: ProviderId, message: string) {
    super('AMBIGUOUS_OUTCOME', message);
    this.provider = provider;
  }
}

/**
 * The client's spend limit for the period would be passed by this purchase: refused before any
 * provider was called (nothing spent). `spent` counts the period's orders that were, or may have
 * been, charged (every status but FAILED), converted into the limit's currency.
 */
export class SpendLimitExceededError extends SwitchboardError {
  readonly limit: Money;
  readonly spent: Money;
  readonly requested: Money;
  readonly period: string;
  readonly resetsAt: Date;
  constructor(init: { limit: Money; spent: Money; requested: Money; period: string; resetsAt: Date }) {
    super(
      'SPEND_LIMIT_EXCEEDED',
      `Spend limit ${init.limit.amount.toFixed()} ${init.limit.currency} per ${init.period} reached: ${init.spent.amount.toFixed(2)} spent, this purchase ${init.requested.amount.toFixed(2)}; resets at ${init.resetsAt.toISOString()}`,
    );
    this.limit = init.limit;
    this.spent = init.spent;
    this.requested = init.requested;
    this.period = init.period;
    this.resetsAt = init.resetsAt;
  }
}

/** Failures after which retrying the same request can never have charged anything. */
export function isSideEffectFree(error: unknown): boolean {
  return (
    error instanceof InsufficientBalanceError ||
    error instanceof NoOfferAvailableError ||
    error instanceof RateLimitedError ||
    error instanceof ServiceUnavailableError ||
    error instanceof ValidationError ||
    error instanceof FxRateUnavailableError ||
    error instanceof SpendLimitExceededError
  );
}

/** The provider does not offer this operation (cancel, refund, resend…) or order kind. */
export class UnsupportedError extends SwitchboardError {
  readonly provider: ProviderId;
  readonly operation: string;
  constructor(provider: ProviderId, operation: string, providerName: string = provider) {
    super('UNSUPPORTED', `${providerName} does not support ${operation}`);
    this.provider = provider;
    this.operation = operation;
  }
}
