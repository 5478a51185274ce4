import {
  AmbiguousOutcomeError,
  InsufficientBalanceError,
  NoOfferAvailableError,
  ProviderFailure,
  ProviderRejectedError,
  isSideEffectFree,
  ValidationError,
  type OfferAttempt,
} from '../../domain/errors.ts';
import type { OrderKind } from '../../domain/order-kind.ts';
import type { OrderIntent, OrderSnapshot, ProviderData, ProviderId } from '../../domain/provider.ts';
import type { Order } from '../../db/entities.ts';
import type { Logger } from '../../logging/logger.ts';
import { callbackUrl } from '../../providers/shared/callback-url.ts';
import type { Catalog } from '../catalog.ts';
import { errorSummary } from '../errors.ts';
import { IdempotencyStore } from '../idempotency.ts';
import type { Route } from '../offer-router.ts';
import type { OrderBook } from '../order-book.ts';
import { orderHandle } from '../order-handle.ts';
import type { ProviderRegistry } from '../provider-registry.ts';

/** One spending request, whatever it buys. */
export interface SpendRequest {
  readonly ownerId: string;
  readonly idempotencyKey: string;
  /** Everything that identifies the request: the same key with another fingerprint is IdempotencyKeyReused. */
  readonly fingerprint: unknown;
  readonly kind: OrderKind;
  readonly serviceKey: string;
  readonly intent: OrderIntent;
  /** Kind-specific facts recorded on the order from the start (e.g. the top-up target). */
  readonly details: ProviderData;
  /** The offers to try, in order, and those skipped before any call (run after the claim). */
  route(): Promise<Route>;
  /** Which definite refusals move on to the next offer (default: none, one provider only). */
  readonly failover?: (error: ProviderFailure) => boolean;
  /** The error when no offer is left to try. */
  noOffer(attempts: readonly OfferAttempt[]): ProviderFailure;
}

/** Per-client limits checked before a provider is called (src/services/client-limits.ts): throws a typed refusal. */
export interface SpendGuard {
  beforeProviderCall(order: Order): Promise<void>;
}

type CallOutcome = { kind: 'placed'; snapshot: OrderSnapshot } | { kind: 'ambiguous'; error: Error } | { kind: 'refused'; error: ProviderFailure | ValidationError };

/**
 * The one pipeline every spending mutation runs (docs/architecture.md, "Money safety"):
 * idempotency claim → intent committed PENDING with our reference → one provider call → outcome
 * committed → event. A provider is called at most once per intent; an ambiguous answer leaves the
 * order UNKNOWN for reconciliation; failover only follows a definite refusal that spent nothing.
 */
export class SpendingPipeline {
  private readonly providers: ProviderRegistry;
  private readonly catalog: Catalog;
  private readonly book: OrderBook;
  private readonly idempotency: IdempotencyStore;
  private readonly logger: Logger;
  private readonly publicUrl: string | undefined;
  private readonly callDeadlineMs: number;
  private readonly limits: SpendGuard | null;

  constructor(deps: { providers: ProviderRegistry; catalog: Catalog; book: OrderBook; idempotency: IdempotencyStore; logger: Logger; publicUrl: string | undefined; callDeadlineMs: number; limits?: SpendGuard }) {
    this.providers = deps.providers;
    this.catalog = deps.catalog;
    this.book = deps.book;
    this.idempotency = deps.idempotency;
    this.logger = deps.logger;
    this.publicUrl = deps.publicUrl;
    this.callDeadlineMs = deps.callDeadlineMs;
    this.limits = deps.limits ?? null;
  }

  async spend(request: SpendRequest): Promise<Order> {
    const { ownerId, idempotencyKey } = request;
    IdempotencyStore.validateKey(idempotencyKey);
    const claim = await this.idempotency.claim(ownerId, idempotencyKey, IdempotencyStore.hash(request.fingerprint));
    if (claim.kind === 'replay') return this.replay(claim.orderId, ownerId);

    let order: Order | null = null;
    // True from the moment a provider call may have spent money until its answer is a definite refusal.
    let mayHaveSpent = false;
    try {
      const route = await request.route();
      const attempts: OfferAttempt[] = [...route.skipped];
      const reference = IdempotencyStore.upstreamKey(ownerId, idempotencyKey);
      for (const [index, candidate] of route.candidates.entries()) {
        const { offer } = candidate;
        if (!order) {
          order = await this.book.createPending({
            ownerId,
            kind: request.kind,
            provider: offer.provider,
            offerRef: offer.providerRef,
            serviceKey: request.serviceKey,
            price: offer.price,
            maxPrice: candidate.capInProviderCurrency,
            idempotencyKey,
            reference,
            intent: request.intent,
            details: request.details,
            // In flight from the moment the intent is visible: the watcher wakes on its event and must not
            // reconcile (re-send, replay) an order whose first call is about to be made.
            callDeadline: new Date(Date.now() + this.callDeadlineMs),
          });
          await this.idempotency.attachOrder(ownerId, idempotencyKey, order.id);
        } else {
          // The intent moves to the next provider before that provider is called.
          order = await this.book.transition(order.id, 'PENDING', 'routed to next offer', {
            provider: offer.provider,
            offerRef: offer.providerRef,
            priceAmount: offer.price.amount.toFixed(),
            currency: offer.price.currency,
            maxPriceAmount: candidate.capInProviderCurrency?.amount.toFixed() ?? null,
            attempts,
            callDeadline: new Date(Date.now() + this.callDeadlineMs),
          });
        }
        // The client's spend limit, with this intent already committed PENDING (so a concurrent purchase on
        // any instance counts it) and before the call: a refusal here spent nothing.
        await this.limits?.beforeProviderCall(order);
        mayHaveSpent = true;
        const outcome = await this.callProvider(order, offer.provider);
        if (outcome.kind === 'refused') mayHaveSpent = false;
        if (outcome.kind === 'placed') {
          attempts.push({ provider: offer.provider, outcome: 'ok', price: priceOf(offer.price) });
          const placed = await this.book.applySnapshot(order.id, outcome.snapshot, 'purchase');
          await this.book.transition(placed.id, placed.status, 'purchase recorded', { attempts, callDeadline: null });
          await this.idempotency.complete(ownerId, idempotencyKey);
          this.catalog.noteSold(offer.provider, offer.providerRef);
          return (await this.book.get(placed.id))!;
        }
        if (outcome.kind === 'ambiguous') {
          attempts.push({ provider: offer.provider, outcome: 'ambiguous', price: priceOf(offer.price) });
          order = await this.book.transition(order.id, 'UNKNOWN', `ambiguous outcome: ${outcome.error.message}`, { attempts, callDeadline: null });
          await this.idempotency.complete(ownerId, idempotencyKey);
          return order;
        }
        attempts.push({ provider: offer.provider, outcome: attemptOutcome(outcome.error), price: priceOf(offer.price) });
        const last = index === route.candidates.length - 1;
        if (outcome.error instanceof ValidationError) throw outcome.error;
        if (last || !(request.failover?.(outcome.error) ?? false)) throw withAttempts(outcome.error, attempts);
      }
      throw request.noOffer(attempts);
    } catch (error) {
      if (mayHaveSpent && order) {
        // Our own bookkeeping failed after the provider may have charged: reconcile, never mark FAILED.
        this.logger.error({ orderId: order.id, err: errorSummary(error) }, 'could not record a purchase outcome; order left for reconciliation');
        await this.book.transition(order.id, 'UNKNOWN', 'outcome not recorded', { callDeadline: null }).catch(() => undefined);
        throw error;
      }
      await this.recordFailure(ownerId, idempotencyKey, order, error);
      throw error;
    }
  }

  /** The one provider call, marked in flight (for every instance) until its outcome is committed. */
  private async callProvider(order: Order, provider: ProviderId): Promise<CallOutcome> {
    const adapter = this.providers.require(provider);
    await this.book.markCallInFlight(order.id, new Date(Date.now() + this.callDeadlineMs));
    try {
      const snapshot = await adapter.place({
        offerRef: order.offerRef,
        intent: order.intent,
        maxPrice: orderHandle(order).maxPrice,
        reference: order.reference,
        callbackUrl: callbackUrl(this.publicUrl, provider, adapter.webhook?.pathToken),
      });
      return { kind: 'placed', snapshot };
    } catch (error) {
      // A definite refusal, or input the adapter refused before sending anything: nothing was spent.
      if (error instanceof ProviderFailure || error instanceof ValidationError) return { kind: 'refused', error };
      // Anything else after the request may have left (timeout, reset, 5xx, garbled body) is ambiguous.
      this.logger.warn({ orderId: order.id, provider, err: errorSummary(error) }, 'purchase outcome ambiguous; order goes UNKNOWN for reconciliation');
      return { kind: 'ambiguous', error: error instanceof Error ? error : new AmbiguousOutcomeError(provider, String(error)) };
    }
    // The mark is cleared with the outcome's own write (or the next offer's), never before it: between the
    // answer and its commit no reconciler may re-send or replay this order's create.
  }

  private async recordFailure(ownerId: string, key: string, order: Order | null, error: unknown): Promise<void> {
    const code = error instanceof ProviderFailure ? error.code : error instanceof Error && 'code' in error ? String(error.code) : 'INTERNAL';
    const message = error instanceof Error ? error.message : String(error);
    if (order) await this.book.transition(order.id, 'FAILED', `purchase refused: ${code}`, { failureCode: code, failureMessage: message, callDeadline: null });
    // A refusal that spent nothing frees the key (the client may top up and retry); others are replayed.
    if (!order || isSideEffectFree(error)) await this.idempotency.release(ownerId, key);
    else await this.idempotency.complete(ownerId, key);
  }

  private async replay(orderId: string, ownerId: string): Promise<Order> {
    const order = await this.book.getOwned(orderId, ownerId);
    if (order.status === 'FAILED') {
      throw new ProviderRejectedError({
        provider: order.provider,
        providerCode: order.failureCode ?? 'PROVIDER_ERROR',
        message: order.failureMessage ?? 'The original request failed',
        attempts: order.attempts ?? [],
      });
    }
    return order;
  }
}

function priceOf(price: { amount: { toFixed(): string }; currency: string }) {
  return { amount: price.amount.toFixed(), currency: price.currency };
}

function attemptOutcome(error: ProviderFailure | ValidationError): string {
  if (error instanceof NoOfferAvailableError) return 'no_offer';
  if (error instanceof InsufficientBalanceError) return 'insufficient_balance';
  return error.code.toLowerCase();
}

function withAttempts(error: ProviderFailure, attempts: OfferAttempt[]): ProviderFailure {
  if (error instanceof NoOfferAvailableError) {
    return new NoOfferAvailableError({ provider: error.provider, providerCode: error.providerCode, message: error.message, httpStatus: error.httpStatus, attempts: [...attempts, ...error.attempts.filter((a) => !attempts.includes(a))] });
  }
  if (error instanceof ProviderRejectedError) {
    return new ProviderRejectedError({ provider: error.provider, providerCode: error.providerCode, message: error.message, httpStatus: error.httpStatus, attempts });
  }
  return error;
}
