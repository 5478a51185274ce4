import { timingSafeEqual } from 'node:crypto';
import { WebhookRejectedError, type ProviderAdapter, type WebhookUpdate } from '../domain/provider.ts';
import type { Order } from '../db/entities.ts';
import type { Logger } from '../logging/logger.ts';
import { errorSummary } from './errors.ts';
import { orderHandle } from './order-handle.ts';
import type { OrderBook } from './order-book.ts';
import type { ProviderRegistry } from './provider-registry.ts';

/** What the HTTP route answers the provider. */
export interface WebhookOutcome {
  readonly status: number;
  readonly body: string;
  readonly contentType: string;
}

/**
 * Applies verified provider pushes to the order book (docs/architecture.md, "Webhooks"). The route
 * hands over the raw request; the adapter verifies it and says what it means and what to answer. A
 * push that fails verification changes nothing (401); a replayed delivery is applied once; a push
 * marked `confirm` (unsigned providers) is only a hint: what a lookup then says is applied.
 */
export class WebhookInbox {
  private readonly providers: ProviderRegistry;
  private readonly book: OrderBook;
  private readonly logger: Logger;

  constructor(deps: { providers: ProviderRegistry; book: OrderBook; logger: Logger }) {
    this.providers = deps.providers;
    this.book = deps.book;
    this.logger = deps.logger;
  }

  async receive(providerSlug: string, pathToken: string | null, request: { rawBody: string; headers: Headers; url: URL }): Promise<WebhookOutcome> {
    const adapter = this.providers.all().find((a) => a.id.toLowerCase() === providerSlug.toLowerCase());
    const webhook = adapter?.webhook;
    // An unsigned provider is authenticated by the secret in its callback path; a wrong one looks like no route at all.
    if (!adapter || !webhook || !pathMatches(webhook.authentication === 'path-token' ? (webhook.pathToken ?? null) : null, pathToken)) {
      return { status: 404, body: '{"error":"not found"}', contentType: 'application/json' };
    }
    // The moment the provider's word arrived: the OTP latency metric counts from here (docs/metrics.md).
    const arrivedAt = Date.now();
    let result;
    try {
      result = webhook.receive(request);
    } catch (error) {
      if (error instanceof WebhookRejectedError) {
        this.logger.warn({ provider: adapter.id, reason: error.message }, 'webhook rejected');
        return { status: 401, body: '{"error":"signature rejected"}', contentType: 'application/json' };
      }
      throw error;
    }
    for (const update of result.updates) await this.apply(adapter, update, arrivedAt);
    return { status: result.reply.status, body: result.reply.body, contentType: result.reply.contentType ?? 'text/plain; charset=utf-8' };
  }

  private async apply(adapter: ProviderAdapter, update: WebhookUpdate, arrivedAt: number): Promise<void> {
    const known = update.providerRef && !update.confirm && update.snapshot ? this.book.knownOrderId(adapter.id, update.providerRef) : null;
    if (known) {
      // A signed push for an order this instance knows: straight to the locked update (one read less).
      await this.book.applySnapshot(known, update.snapshot!, `webhook ${update.event}`, arrivedAt, { provider: adapter.id, deliveryId: update.deliveryId });
      return;
    }
    const order = await this.findOrder(adapter, update);
    if (!order) {
      this.logger.info({ provider: adapter.id, event: update.event }, 'webhook for an order this gateway does not know');
      return;
    }
    if (!update.confirm && update.snapshot) {
      await this.book.applySnapshot(order.id, update.snapshot, `webhook ${update.event}`, arrivedAt, { provider: adapter.id, deliveryId: update.deliveryId });
      return;
    }
    if (!(await this.book.recordDelivery(adapter.id, update.deliveryId))) return;
    // Unsigned: ask the provider what is true and apply only that.
    try {
      const found = await adapter.lookup(orderHandle(order));
      if (found.outcome === 'found') await this.book.applySnapshot(order.id, found.snapshot, `webhook ${update.event}, confirmed by lookup`);
    } catch (error) {
      this.logger.warn({ provider: adapter.id, orderId: order.id, err: errorSummary(error) }, 'webhook hint could not be confirmed; the watcher will look again');
    }
  }

  private async findOrder(adapter: ProviderAdapter, update: WebhookUpdate): Promise<Order | null> {
    if (update.providerRef) {
      const byRef = await this.book.findByProviderRef(adapter.id, update.providerRef);
      if (byRef) return byRef;
    }
    return update.reference ? this.book.findByReference(adapter.id, update.reference) : null;
  }
}

function pathMatches(expected: string | null, given: string | null): boolean {
  if (expected === null) return given === null;
  if (given === null || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
