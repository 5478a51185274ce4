import { WebhookRejectedError, type ProviderId } from '../domain/provider.ts';
import type { Logger } from '../logging/logger.ts';
import type { OrderBook } from './order-book.ts';
import type { ProviderRegistry } from './provider-registry.ts';

/** What the HTTP route answers the provider. */
export type WebhookOutcome = { status: 200 | 202 | 401 | 404; body: string };

/**
 * Applies verified provider pushes to the order book: a bad signature changes nothing (401), and a
 * replayed delivery is recognized by its id and applied once.
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

  async receive(providerSlug: string, rawBody: string, headers: Headers): Promise<WebhookOutcome> {
    const adapter = this.providers.all().find((a) => a.id.toLowerCase() === providerSlug.toLowerCase());
    if (!adapter?.webhook) return { status: 404, body: 'unknown provider' };
    let push;
    try {
      push = adapter.webhook.parse(rawBody, headers);
    } catch (error) {
      if (error instanceof WebhookRejectedError) {
        this.logger.warn({ provider: adapter.id, reason: error.message }, 'webhook rejected');
        return { status: 401, body: 'signature rejected' };
      }
      throw error;
    }
    if (!push) return { status: 202, body: 'ignored' };
    const order = await this.book.findByProviderRef(adapter.id as ProviderId, push.snapshot.providerRef);
    if (!order) {
      this.logger.info({ provider: adapter.id, event: push.event }, 'webhook for an order this gateway does not know');
      return { status: 202, body: 'unknown order' };
    }
    const firstTime = await this.book.recordDelivery(adapter.id, push.deliveryId);
    if (!firstTime) return { status: 200, body: 'already applied' };
    await this.book.applySnapshot(order.id, push.snapshot, `webhook ${push.event}`);
    return { status: 200, body: 'applied' };
  }
}
