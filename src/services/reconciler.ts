import type { Order } from '../db/entities.ts';
import type { ProviderId } from '../domain/provider.ts';
import type { Logger } from '../logging/logger.ts';
import { errorSummary } from './errors.ts';
import { orderHandle } from './order-handle.ts';
import type { OrderBook } from './order-book.ts';
import type { ProviderRegistry } from './provider-registry.ts';

/**
 * Settles PENDING and UNKNOWN orders of every kind from what the provider knows — never by guessing
 * (docs/architecture.md, "Money safety"). Only a definite answer ends an order: "here it is" applies
 * it, "no such order" fails it (nothing was charged); "cannot tell now" leaves it for the next pass.
 * An order whose provider call may still be in flight, on any instance, is left alone.
 */
export class Reconciler {
  private readonly providers: ProviderRegistry;
  private readonly book: OrderBook;
  private readonly logger: Logger;

  constructor(deps: { providers: ProviderRegistry; book: OrderBook; logger: Logger }) {
    this.providers = deps.providers;
    this.book = deps.book;
    this.logger = deps.logger;
  }

  async reconcile(orderId: string): Promise<Order | null> {
    const order = await this.book.get(orderId);
    if (!order || (order.status !== 'PENDING' && order.status !== 'UNKNOWN')) return order;
    if (order.callDeadline && order.callDeadline.getTime() > Date.now()) {
      this.logger.debug({ orderId, until: order.callDeadline }, 'reconciliation waits: a provider call for this order may still be in flight');
      return order;
    }
    const adapter = this.providers.get(order.provider);
    if (!adapter) return order;
    let result;
    try {
      result = await adapter.lookup(orderHandle(order));
    } catch (error) {
      this.logger.warn({ orderId, err: errorSummary(error) }, 'reconciliation inconclusive; will try again');
      return order;
    }
    if (result.outcome === 'found') {
      // A match found without our ref (OTP24HR's history infers it) may be another order's create whose
      // answer is not committed yet: while a purchase of the same offer is in flight, wait for it.
      if (!order.providerRef && (await this.sameOfferInFlight(order))) {
        this.logger.info({ orderId, providerRef: result.snapshot.providerRef }, 'reconciliation waits: a purchase of the same offer is in flight and may own this match');
        return order;
      }
      return this.book.applySnapshot(order.id, result.snapshot, 'reconciliation');
    }
    if (result.outcome === 'absent') {
      return this.book.transition(order.id, 'FAILED', `reconciliation: ${result.reason}`, { failureCode: 'NOT_PLACED', failureMessage: `The provider has no such order: ${result.reason}` });
    }
    this.logger.info({ orderId, reason: result.reason }, 'reconciliation: the provider cannot tell yet; will try again');
    // A PENDING order whose call is no longer in flight (its process died mid-call) and that the provider
    // cannot account for is UNKNOWN: said so to the client, and its idempotency claim completes, so a
    // retry replays the order instead of answering RequestInProgress forever.
    if (order.status === 'PENDING') return this.book.transition(order.id, 'UNKNOWN', `reconciliation: outcome unknown: ${result.reason}`);
    return order;
  }

  private async sameOfferInFlight(order: Order): Promise<boolean> {
    const now = Date.now();
    return (await this.book.open(order.provider as ProviderId)).some((o) => o.id !== order.id && o.offerRef === order.offerRef && !o.providerRef && o.callDeadline !== null && o.callDeadline !== undefined && o.callDeadline.getTime() > now);
  }
}
