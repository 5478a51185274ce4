import {
  AmbiguousOutcomeError,
  InsufficientBalanceError,
  NoOfferAvailableError,
  ProviderFailure,
  ProviderRejectedError,
  ValidationError,
  isSideEffectFree,
  type OfferAttempt,
} from '../domain/errors.ts';
import { Money } from '../domain/money.ts';
import type { RoutingPolicy, ProviderId, ProviderOrderSnapshot } from '../domain/provider.ts';
import type { Order, UpstreamRequest } from '../db/entities.ts';
import type { Logger } from '../logging/logger.ts';
import { errorSummary, otpServiceKey, type Catalog } from './catalog.ts';
import { IdempotencyStore } from './idempotency.ts';
import type { OfferRouter } from './offer-router.ts';
import type { OrderBook } from './order-book.ts';
import type { ProviderRegistry } from './provider-registry.ts';

export interface BuyNumberInput {
  readonly platform: string;
  readonly country: string;
  readonly provider: ProviderId | null;
  readonly policy: RoutingPolicy;
  readonly maxPrice: Money | null;
  readonly idempotencyKey: string;
}

const PLATFORM = /^[a-z0-9][a-z0-9_.-]{0,39}$/;
const COUNTRY = /^[A-Z]{2}$/;

/**
 * Buying, canceling, completing and resending OTP numbers, following DESIGN.md money safety:
 * idempotency claim → intent committed (PENDING) → one provider call → outcome committed → event.
 */
export class OtpOrders {
  private readonly providers: ProviderRegistry;
  private readonly catalog: Catalog;
  private readonly router: OfferRouter;
  private readonly book: OrderBook;
  private readonly idempotency: IdempotencyStore;
  private readonly logger: Logger;
  /** Called after a purchase so the watcher looks at the new order soon. */
  onOrderOpened: (order: Order) => void = () => {};

  constructor(deps: { providers: ProviderRegistry; catalog: Catalog; router: OfferRouter; book: OrderBook; idempotency: IdempotencyStore; logger: Logger }) {
    this.providers = deps.providers;
    this.catalog = deps.catalog;
    this.router = deps.router;
    this.book = deps.book;
    this.idempotency = deps.idempotency;
    this.logger = deps.logger;
  }

  async buyNumber(ownerId: string, input: BuyNumberInput): Promise<Order> {
    validateBuyInput(input);
    const { idempotencyKey, ...request } = input;
    const requestHash = IdempotencyStore.hash({ ...request, maxPrice: input.maxPrice?.toJSON() ?? null });
    const claim = await this.idempotency.claim(ownerId, idempotencyKey, requestHash);
    if (claim.kind === 'replay') return this.replay(claim.orderId, ownerId);

    let order: Order | null = null;
    // True from the moment a provider call may have spent money until its answer is a definite refusal.
    let mayHaveSpent = false;
    try {
      const offers = await this.catalog.offers({ platform: input.platform, country: input.country, provider: input.provider ?? undefined });
      const route = this.router.route(offers, { maxPrice: input.maxPrice, policy: input.policy });
      const attempts: OfferAttempt[] = [...route.skipped];
      const upstreamKey = IdempotencyStore.upstreamKey(ownerId, idempotencyKey);
      for (const candidate of route.candidates) {
        const upstreamRequest: UpstreamRequest = {
          offerRef: candidate.offer.providerRef,
          maxPrice: candidate.capInProviderCurrency?.amount.toFixed() ?? null,
          policy: input.policy,
          idempotencyKey: upstreamKey,
        };
        if (!order) {
          order = await this.book.createPending({
            ownerId,
            kind: 'OTP_NUMBER',
            provider: candidate.offer.provider,
            offerRef: candidate.offer.providerRef,
            serviceKey: otpServiceKey(input.platform, input.country),
            price: candidate.offer.price,
            idempotencyKey,
            upstreamRequest,
          });
          await this.idempotency.attachOrder(ownerId, idempotencyKey, order.id);
        } else {
          // The intent moves to the next provider before that provider is called.
          order = await this.book.transition(order.id, 'PENDING', 'routed to next offer', {
            provider: candidate.offer.provider,
            offerRef: candidate.offer.providerRef,
            priceAmount: candidate.offer.price.amount.toFixed(),
            currency: candidate.offer.price.currency,
            upstreamRequest,
            attempts,
          });
        }
        mayHaveSpent = true;
        const outcome = await this.callProvider(order, candidate.offer.provider, upstreamRequest, candidate.capInProviderCurrency);
        if (outcome.kind === 'refused') mayHaveSpent = false;
        if (outcome.kind === 'snapshot') {
          attempts.push({ provider: candidate.offer.provider, outcome: 'ok' });
          const done = await this.book.applySnapshot(order.id, outcome.snapshot, 'purchase');
          await this.book.transition(done.id, done.status, 'purchase recorded', { attempts });
          await this.idempotency.complete(ownerId, idempotencyKey);
          this.catalog.invalidate(candidate.offer.provider);
          this.onOrderOpened(done);
          return (await this.book.get(done.id))!;
        }
        if (outcome.kind === 'ambiguous') {
          order = await this.book.transition(order.id, 'UNKNOWN', `ambiguous outcome: ${outcome.error.message}`, { attempts });
          await this.idempotency.complete(ownerId, idempotencyKey);
          this.onOrderOpened(order);
          return order;
        }
        attempts.push({ provider: candidate.offer.provider, outcome: attemptOutcome(outcome.error) });
        // Only a refusal that spent nothing and says "not here" lets us try the next provider.
        const tryNext = outcome.error instanceof NoOfferAvailableError || outcome.error instanceof InsufficientBalanceError;
        if (!tryNext || candidate === route.candidates.at(-1)) {
          throw withAttempts(outcome.error, attempts);
        }
      }
      throw new NoOfferAvailableError({
        provider: offers[0]?.provider ?? input.provider ?? 'SMSCODE',
        providerCode: 'NO_OFFER_AVAILABLE',
        message: `No offer for ${input.platform} in ${input.country}${input.maxPrice ? ` at or under ${input.maxPrice.toString()} ${input.maxPrice.currency}` : ''}`,
        attempts,
      });
    } catch (error) {
      if (mayHaveSpent && order) {
        // Our own bookkeeping failed after the provider may have charged: reconcile, never mark FAILED.
        this.logger.error({ orderId: order.id, err: errorSummary(error) }, 'could not record a purchase outcome; order left for reconciliation');
        await this.book.transition(order.id, 'UNKNOWN', 'outcome not recorded').catch(() => undefined);
        throw error;
      }
      await this.recordFailure(ownerId, idempotencyKey, order, error);
      throw error;
    }
  }

  /** Cancels an ACTIVE order; CancelTooEarly carries the seconds remaining. */
  async cancel(ownerId: string, orderId: string): Promise<Order> {
    const order = await this.book.getOwned(orderId, ownerId);
    if (order.status !== 'ACTIVE' || !order.providerRef) {
      throw new ValidationError(`Only an ACTIVE order without a received code can be canceled; this one is ${order.status}`, 'orderId');
    }
    const adapter = this.otpAdapter(order);
    try {
      const { refund } = await adapter.otp!.cancel(order.providerRef);
      return await this.book.transition(order.id, 'CANCELED', 'canceled by client', {
        refundAmount: (refund ?? Money.of(String(order.priceAmount ?? '0'), order.currency)).amount.toFixed(),
      });
    } catch (error) {
      if (error instanceof AmbiguousOutcomeError) return this.refreshAfterAmbiguity(order, error);
      throw error;
    }
  }

  /** Marks an order whose code arrived as done, releasing the number. */
  async complete(ownerId: string, orderId: string): Promise<Order> {
    const order = await this.book.getOwned(orderId, ownerId);
    if (order.status !== 'OTP_RECEIVED' || !order.providerRef) {
      throw new ValidationError(`Only an order that received a code can be completed; this one is ${order.status}`, 'orderId');
    }
    const adapter = this.otpAdapter(order);
    if (!adapter.otp?.finish) throw new ValidationError(`${adapter.name} cannot complete orders`, 'orderId');
    try {
      await adapter.otp.finish(order.providerRef);
      return await this.book.transition(order.id, 'COMPLETED', 'completed by client');
    } catch (error) {
      if (error instanceof AmbiguousOutcomeError) return this.refreshAfterAmbiguity(order, error);
      throw error;
    }
  }

  /** Asks the provider to send the SMS again; `resent` is false where the platform does not support it. */
  async resend(ownerId: string, orderId: string): Promise<{ order: Order; resent: boolean }> {
    const order = await this.book.getOwned(orderId, ownerId);
    if ((order.status !== 'ACTIVE' && order.status !== 'OTP_RECEIVED') || !order.providerRef) {
      throw new ValidationError(`Only a live order can have its SMS resent; this one is ${order.status}`, 'orderId');
    }
    const adapter = this.otpAdapter(order);
    if (!adapter.otp?.resend || !adapter.capabilities.has('OTP_RESEND')) return { order, resent: false };
    const { resent } = await adapter.otp.resend(order.providerRef);
    this.onOrderOpened(order);
    return { order, resent };
  }

  /**
   * Settles a PENDING/UNKNOWN order from what the provider knows — never by guessing. With a
   * provider reference, its status is read; without one, the provider's idempotent create is asked
   * about the same request (same key, so it cannot charge twice).
   */
  async reconcile(orderId: string): Promise<Order> {
    const order = await this.book.get(orderId);
    if (!order || (order.status !== 'PENDING' && order.status !== 'UNKNOWN')) return order!;
    const adapter = this.providers.get(order.provider as ProviderId);
    if (!adapter?.otp) return order;
    try {
      if (order.providerRef) return await this.book.applySnapshot(order.id, await adapter.otp.getOrder(order.providerRef), 'reconciliation');
      if (!order.upstreamRequest || !adapter.otp.findByIdempotencyKey) return order;
      const request = order.upstreamRequest;
      const snapshot = await adapter.otp.findByIdempotencyKey({
        offerRef: request.offerRef,
        maxPrice: request.maxPrice === null ? null : Money.of(request.maxPrice, order.currency),
        policy: request.policy,
        idempotencyKey: request.idempotencyKey,
      });
      if (!snapshot) return order;
      const settled = await this.book.applySnapshot(order.id, snapshot, 'reconciliation');
      this.onOrderOpened(settled);
      return settled;
    } catch (error) {
      if (error instanceof ProviderFailure && isSideEffectFree(error)) {
        return this.book.transition(order.id, 'FAILED', `reconciliation: ${error.message}`, { failureCode: error.code, failureMessage: error.message });
      }
      if (error instanceof ProviderRejectedError) {
        return this.book.transition(order.id, 'FAILED', `reconciliation: ${error.message}`, { failureCode: error.providerCode, failureMessage: error.message });
      }
      this.logger.warn({ orderId, err: errorSummary(error) }, 'reconciliation inconclusive; will try again');
      return order;
    }
  }

  private async callProvider(
    order: Order,
    provider: ProviderId,
    request: UpstreamRequest,
    cap: Money | null,
  ): Promise<{ kind: 'snapshot'; snapshot: ProviderOrderSnapshot } | { kind: 'ambiguous'; error: Error } | { kind: 'refused'; error: ProviderFailure }> {
    const adapter = this.providers.require(provider);
    try {
      const snapshot = await adapter.otp!.buyNumber({ offerRef: request.offerRef, maxPrice: cap, policy: request.policy, idempotencyKey: request.idempotencyKey });
      return { kind: 'snapshot', snapshot };
    } catch (error) {
      if (error instanceof ProviderFailure) return { kind: 'refused', error };
      // Anything else after the request may have left (timeout, reset, 5xx, garbled body) is ambiguous.
      this.logger.warn({ orderId: order.id, provider, err: errorSummary(error) }, 'purchase outcome ambiguous; order goes UNKNOWN for reconciliation');
      return { kind: 'ambiguous', error: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  private async recordFailure(ownerId: string, key: string, order: Order | null, error: unknown): Promise<void> {
    const code = error instanceof ProviderFailure ? error.code : error instanceof Error && 'code' in error ? String(error.code) : 'INTERNAL';
    const message = error instanceof Error ? error.message : String(error);
    if (order) await this.book.transition(order.id, 'FAILED', `purchase refused: ${code}`, { failureCode: code, failureMessage: message });
    // A refusal that spent nothing frees the key (the client may top up and retry); others are replayed.
    if (!order || isSideEffectFree(error)) await this.idempotency.release(ownerId, key);
    else await this.idempotency.complete(ownerId, key);
  }

  private async replay(orderId: string, ownerId: string): Promise<Order> {
    const order = await this.book.getOwned(orderId, ownerId);
    if (order.status === 'FAILED') {
      throw new ProviderRejectedError({
        provider: order.provider as ProviderId,
        providerCode: order.failureCode ?? 'PROVIDER_ERROR',
        message: order.failureMessage ?? 'The original request failed',
        attempts: order.attempts ?? [],
      });
    }
    return order;
  }

  private async refreshAfterAmbiguity(order: Order, error: AmbiguousOutcomeError): Promise<Order> {
    this.logger.warn({ orderId: order.id, err: errorSummary(error) }, 'order operation outcome ambiguous; reading the provider');
    const adapter = this.otpAdapter(order);
    try {
      return await this.book.applySnapshot(order.id, await adapter.otp!.getOrder(order.providerRef!), 'refresh after ambiguous call');
    } catch {
      throw error;
    }
  }

  private otpAdapter(order: Order) {
    const adapter = this.providers.require(order.provider as ProviderId);
    if (!adapter.otp) throw new ValidationError(`${adapter.name} does not sell OTP numbers`);
    return adapter;
  }
}

function validateBuyInput(input: BuyNumberInput): void {
  IdempotencyStore.validateKey(input.idempotencyKey);
  if (!PLATFORM.test(input.platform)) throw new ValidationError('platform must be a lower-case platform key such as "whatsapp"', 'platform');
  if (!COUNTRY.test(input.country)) throw new ValidationError('country must be an ISO 3166-1 alpha-2 code such as "ID"', 'country');
  if (input.maxPrice && !input.maxPrice.isPositive()) throw new ValidationError('maxPrice must be greater than zero', 'maxPrice');
}

function attemptOutcome(error: ProviderFailure): string {
  if (error instanceof NoOfferAvailableError) return 'no_offer';
  if (error instanceof InsufficientBalanceError) return 'insufficient_balance';
  return error.code.toLowerCase();
}

function withAttempts(error: ProviderFailure, attempts: OfferAttempt[]): ProviderFailure {
  if (error instanceof NoOfferAvailableError) {
    return new NoOfferAvailableError({ provider: error.provider, providerCode: error.providerCode, message: error.message, httpStatus: error.httpStatus, attempts: [...attempts, ...error.attempts.filter((a) => !attempts.includes(a))] });
  }
  return error;
}
