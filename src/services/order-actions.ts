import { AmbiguousOutcomeError, UnsupportedError, ValidationError } from '../domain/errors.ts';
import type { OrderStatus } from '../domain/order-status.ts';
import { supports, type ActionOutcome, type ProviderAdapter, type ProviderOperation } from '../domain/provider.ts';
import type { Order } from '../db/entities.ts';
import type { Logger } from '../logging/logger.ts';
import { errorSummary } from './errors.ts';
import { orderHandle } from './order-handle.ts';
import type { OrderBook } from './order-book.ts';
import type { ProviderRegistry } from './provider-registry.ts';

/** What each action needs the order to be in, and what it is called in messages. */
const ALLOWED: Record<'cancel' | 'complete' | 'refund', { from: readonly OrderStatus[]; label: string }> = {
  cancel: { from: ['ACTIVE'], label: 'Only an ACTIVE order (no code received, still processing) can be canceled' },
  complete: { from: ['OTP_RECEIVED'], label: 'Only an order that received a code can be completed' },
  refund: { from: ['CANCELED', 'EXPIRED', 'ACTIVE', 'COMPLETED'], label: 'Only a canceled, expired or delivered order can be refunded' },
};

/**
 * Actions on an existing order, for every kind and provider: cancel, complete, refund, resend. A
 * provider that does not declare the operation answers one typed Unsupported error; an ambiguous
 * answer is settled by reading the order back, never by guessing.
 */
export class OrderActions {
  private readonly providers: ProviderRegistry;
  private readonly book: OrderBook;
  private readonly logger: Logger;

  constructor(deps: { providers: ProviderRegistry; book: OrderBook; logger: Logger }) {
    this.providers = deps.providers;
    this.book = deps.book;
    this.logger = deps.logger;
  }

  cancel(ownerId: string, orderId: string): Promise<Order> {
    return this.act(ownerId, orderId, 'cancel', 'canceled by client');
  }

  complete(ownerId: string, orderId: string): Promise<Order> {
    return this.act(ownerId, orderId, 'complete', 'completed by client');
  }

  refund(ownerId: string, orderId: string): Promise<Order> {
    return this.act(ownerId, orderId, 'refund', 'refund asked by client');
  }

  /** Asks the provider to send the SMS again; `resent` is false where the platform refused to. */
  async resend(ownerId: string, orderId: string): Promise<{ order: Order; resent: boolean }> {
    const order = await this.book.getOwned(orderId, ownerId);
    const adapter = this.adapterFor(order, 'resend');
    if ((order.status !== 'ACTIVE' && order.status !== 'OTP_RECEIVED') || !order.providerRef) {
      throw new ValidationError(`Only a live order can have its SMS resent; this one is ${order.status}`, 'orderId');
    }
    const { resent } = await adapter.operations.resend!(orderHandle(order));
    return { order, resent };
  }

  private async act(ownerId: string, orderId: string, action: 'cancel' | 'complete' | 'refund', reason: string): Promise<Order> {
    const order = await this.book.getOwned(orderId, ownerId);
    const adapter = this.adapterFor(order, action);
    const rule = ALLOWED[action];
    if (!rule.from.includes(order.status) || !order.providerRef) throw new ValidationError(`${rule.label}; this one is ${order.status}`, 'orderId');
    let outcome: ActionOutcome;
    try {
      outcome = await adapter.operations[action]!(orderHandle(order));
    } catch (error) {
      if (error instanceof AmbiguousOutcomeError) return this.readBack(adapter, order, error);
      throw error;
    }
    // Only what the provider says came back is booked: a refund it did not confirm is never assumed.
    const refund = outcome.refund;
    return this.book.transition(order.id, outcome.status, reason, {
      ...(refund ? { refundAmount: refund.amount.toFixed() } : {}),
      ...(outcome.providerStatus ? { providerStatus: outcome.providerStatus } : {}),
    });
  }

  private async readBack(adapter: ProviderAdapter, order: Order, error: AmbiguousOutcomeError): Promise<Order> {
    this.logger.warn({ orderId: order.id, err: errorSummary(error) }, 'order action outcome ambiguous; reading the provider');
    const found = await adapter.lookup(orderHandle(order)).catch(() => null);
    if (found?.outcome === 'found') return this.book.applySnapshot(order.id, found.snapshot, 'read back after an ambiguous call');
    throw error;
  }

  private adapterFor(order: Order, operation: ProviderOperation): ProviderAdapter {
    const adapter = this.providers.require(order.provider);
    if (!supports(adapter, operation)) throw new UnsupportedError(adapter.id, `${operation} for ${order.kind.toLowerCase().replace('_', ' ')} orders`, adapter.name);
    return adapter;
  }
}
