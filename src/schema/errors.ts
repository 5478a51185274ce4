import {
  CancelTooEarlyError,
  FxRateUnavailableError,
  IdempotencyKeyReusedError,
  InsufficientBalanceError,
  NoOfferAvailableError,
  NotFoundError,
  ProviderRejectedError,
  RateLimitedError,
  RequestInProgressError,
  ServiceUnavailableError,
  SpendLimitExceededError,
  SwitchboardError,
  UnsupportedError,
  ValidationError,
  type OfferAttempt,
  type ProviderFailure,
} from '../domain/errors.ts';
import { Money, isCurrency } from '../domain/money.ts';
import { builder } from './builder.ts';
import { MoneyRef } from './money.ts';
import { ProviderIdEnum } from './provider-enums.ts';

export const ErrorInterface = builder.interfaceRef<SwitchboardError>('Error').implement({
  description: 'Something the client can act on. Every typed error implements this.',
  fields: (t) => ({
    message: t.string({ description: 'Human-readable explanation.', resolve: (e) => e.message }),
    code: t.string({ description: 'Stable machine-readable code, e.g. CANCEL_TOO_EARLY.', resolve: (e) => e.code }),
  }),
});

const ProviderErrorInterface = builder.interfaceRef<ProviderFailure>('ProviderFailure').implement({
  description: 'A definite refusal by an upstream provider: nothing was spent.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    provider: t.field({ type: ProviderIdEnum, description: 'The provider that refused.', resolve: (e) => e.provider }),
    providerCode: t.string({ description: "The provider's own error code, for support.", resolve: (e) => e.providerCode }),
  }),
});

export const OfferAttemptRef = builder.objectRef<OfferAttempt>('OfferAttempt').implement({
  description: 'One offer considered for a purchase and what came of it.',
  fields: (t) => ({
    provider: t.string({ description: 'Provider (or upstream route) tried.', resolve: (a) => a.provider }),
    outcome: t.string({ description: 'ok, ambiguous, no_numbers, price_above_max, fx_rate_unavailable, insufficient_balance, no_offer, rate_limited, provider_error, …', resolve: (a) => a.outcome }),
    price: t.field({
      type: MoneyRef,
      nullable: true,
      description: "The offer's price in the provider's currency.",
      resolve: (a) => (a.price && isCurrency(a.price.currency) ? Money.of(a.price.amount, a.price.currency) : null),
    }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input was not acceptable; nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.string({ nullable: true, description: 'The input field at fault, when one is.', resolve: (e) => e.field }) }),
});

builder.objectType(NotFoundError, {
  name: 'NotFound',
  description: 'No such object visible to this client.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ resource: t.string({ description: 'Kind of object looked for.', resolve: (e) => e.resource }) }),
});

builder.objectType(FxRateUnavailableError, {
  name: 'FxRateUnavailable',
  description: 'No fresh exchange rate exists for a conversion the request needs.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ pair: t.string({ description: 'The pair that had no usable rate.', resolve: (e) => e.pair }) }),
});

builder.objectType(IdempotencyKeyReusedError, {
  name: 'IdempotencyKeyReused',
  description: 'This idempotency key was already used with a different input. Use a new key.',
  interfaces: [ErrorInterface],
});

builder.objectType(RequestInProgressError, {
  name: 'RequestInProgress',
  description: 'A request with this idempotency key is still being processed. Retry the same request shortly.',
  interfaces: [ErrorInterface],
});

builder.objectType(InsufficientBalanceError, {
  name: 'InsufficientBalance',
  description: "The provider account's balance does not cover the price. Nothing was charged.",
  interfaces: [ProviderErrorInterface, ErrorInterface],
});

builder.objectType(NoOfferAvailableError, {
  name: 'NoOfferAvailable',
  description: 'No offer matched (stock, price cap, provider). Nothing was charged.',
  interfaces: [ProviderErrorInterface, ErrorInterface],
  fields: (t) => ({ attempts: t.field({ type: [OfferAttemptRef], description: 'Every offer considered and why it did not go through.', resolve: (e) => [...e.attempts] }) }),
});

builder.objectType(CancelTooEarlyError, {
  name: 'CancelTooEarly',
  description: 'The provider refuses cancellation in the first minutes of an order.',
  interfaces: [ProviderErrorInterface, ErrorInterface],
  fields: (t) => ({ secondsRemaining: t.int({ description: 'Seconds until a cancel will be accepted.', resolve: (e) => e.secondsRemaining }) }),
});

builder.objectType(RateLimitedError, {
  name: 'RateLimited',
  description: 'The provider asked us to slow down.',
  interfaces: [ProviderErrorInterface, ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.int({ description: 'Seconds to wait before retrying.', resolve: (e) => e.retryAfterSeconds }) }),
});

builder.objectType(ServiceUnavailableError, {
  name: 'ServiceUnavailable',
  description: 'The provider is temporarily unavailable (maintenance). Nothing was charged.',
  interfaces: [ProviderErrorInterface, ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.int({ nullable: true, description: 'Seconds to wait, when the provider said.', resolve: (e) => e.retryAfterSeconds }) }),
});

builder.objectType(ProviderRejectedError, {
  name: 'ProviderError',
  description: "Any other refusal by the provider, with the provider's code and message.",
  interfaces: [ProviderErrorInterface, ErrorInterface],
  fields: (t) => ({ attempts: t.field({ type: [OfferAttemptRef], description: 'Routing attempts, when the provider reported them.', resolve: (e) => [...e.attempts] }) }),
});

builder.objectType(UnsupportedError, {
  name: 'Unsupported',
  description: "The order's provider does not offer this operation (see the provider's capabilities). Nothing was changed.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    provider: t.field({ type: ProviderIdEnum, description: 'The provider asked.', resolve: (e) => e.provider }),
    operation: t.string({ description: 'What was asked for.', resolve: (e) => e.operation }),
  }),
});

builder.objectType(SpendLimitExceededError, {
  name: 'SpendLimitExceeded',
  description: "This purchase would pass the client's spend limit for the period (SPEND_LIMIT or the client's own). Refused before any provider was called: nothing was charged.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    limit: t.field({ type: MoneyRef, description: 'The limit, in its currency.', resolve: (e) => e.limit }),
    spent: t.field({ type: MoneyRef, description: "What the period's orders (every one but FAILED) amount to, converted with the disclosed rates.", resolve: (e) => e.spent }),
    requested: t.field({ type: MoneyRef, description: 'This purchase, converted into the limit currency.', resolve: (e) => e.requested }),
    period: t.string({ description: 'hour, day, week (from Monday) or month, in UTC.', resolve: (e) => e.period }),
    resetsAt: t.field({ type: 'DateTime', description: 'When the period ends and the limit starts again.', resolve: (e) => e.resetsAt }),
  }),
});

/** Errors every spending mutation can return. */
export const SPENDING_ERRORS = [
  ValidationError,
  NotFoundError,
  InsufficientBalanceError,
  NoOfferAvailableError,
  RateLimitedError,
  ServiceUnavailableError,
  ProviderRejectedError,
  IdempotencyKeyReusedError,
  RequestInProgressError,
  FxRateUnavailableError,
  SpendLimitExceededError,
];

/** Errors of mutations on an existing order. */
export const ORDER_ACTION_ERRORS = [ValidationError, NotFoundError, UnsupportedError, CancelTooEarlyError, RateLimitedError, ServiceUnavailableError, ProviderRejectedError];
