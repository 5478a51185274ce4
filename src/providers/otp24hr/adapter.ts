import { NoOfferAvailableError, NotFoundError, ProviderRejectedError, ValidationError } from '../../domain/errors.ts';
import { Money } from '../../domain/money.ts';
import type { LookupResult, OrderHandle, OrderSnapshot, PlaceOrderRequest, ProviderAdapter } from '../../domain/provider.ts';
import type { Logger } from '../../logging/logger.ts';
import { Otp24hrCatalog, offerOf, parseOfferRef, requireOfferRef } from './catalog.ts';
import type { OfferRef } from './catalog.ts';
import { Otp24hrClient } from './client.ts';
import { expiryOf, liveOrders, parseProviderTime, settleFromHistory } from './order-history.ts';
import { snapshotOfBuy, snapshotOfHistoryItem, snapshotOfStatus, storedFacts } from './order-snapshots.ts';
import { ORDERS_LIMIT_MAX } from './wire.ts';
import type { OrderHistoryItem } from './wire.ts';

// orders.php pages one history read may take (a runaway guard inside the key's budget).
const HISTORY_MAX_PAGES = 20;

export { platformKey } from './catalog.ts';

export interface Otp24hrAdapterOptions {
  /** e.g. https://otp24hr.store/api/v1. */
  baseUrl: string;
  apiKey: string;
  /** Requests per minute for the whole key, every call included (default 60). */
  rateLimitPerMinute?: number;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** Longest wait for a budget slot a foreground call accepts (default 3 s). */
  maxBudgetWaitMs?: number;
  now?: () => Date;
  logger?: Logger;
  fetch?: typeof fetch;
}

/** The OTP24HR adapter, with its request counter for benchmarks and tests. */
export interface Otp24hrAdapter extends ProviderAdapter {
  /** Upstream HTTP requests sent so far (all share one budget). */
  requestsSent(): number;
}

/** Creates the OTP24HR (THB, OTP numbers) adapter. */
export function createOtp24hrAdapter(options: Otp24hrAdapterOptions): Otp24hrAdapter {
  const now = options.now ?? (() => new Date());
  const logger = options.logger?.child({ provider: 'OTP24HR' });
  const client = new Otp24hrClient({
    apiKey: options.apiKey,
    baseUrl: options.baseUrl,
    rateLimitPerMinute: options.rateLimitPerMinute,
    timeoutMs: options.timeoutMs,
    maxBudgetWaitMs: options.maxBudgetWaitMs,
    now: () => now().getTime(),
    logger: options.logger,
    fetch: options.fetch,
  });
  const catalog = new Otp24hrCatalog(client);

  /**
   * buy.php takes no price cap: with a cap, the current price is read first (a read, nothing spent) and
   * the buy is not sent when it is above. The price can still change between the two calls; the buy
   * answer's price is what is recorded.
   */
  async function checkCap(ref: OfferRef, cap: Money): Promise<void> {
    if (cap.currency !== 'THB') throw new ProviderRejectedError({ provider: 'OTP24HR', providerCode: 'CAP_CURRENCY', message: `OTP24HR price caps are in THB, got ${cap.currency}` });
    const { services } = await client.services(ref.country);
    const service = services.find((s) => s.code === ref.service);
    const init = { provider: 'OTP24HR' as const, httpStatus: null };
    if (!service) throw new NoOfferAvailableError({ ...init, providerCode: 'SERVICE_NOT_FOUND', message: `OTP24HR no longer lists ${ref.service} in country ${ref.country}` });
    const price = offerOf(service, ref.country).price;
    if (price.compare(cap) > 0) {
      throw new NoOfferAvailableError({ ...init, providerCode: 'PRICE_ABOVE_CAP', message: `OTP24HR ${ref.service}/${ref.country} costs ${price.toString()} THB, above the cap of ${cap.toString()} THB` });
    }
  }

  async function place(request: PlaceOrderRequest): Promise<OrderSnapshot> {
    if (request.intent.kind !== 'OTP_NUMBER') {
      throw new ProviderRejectedError({ provider: 'OTP24HR', providerCode: 'UNSUPPORTED_KIND', message: `OTP24HR sells OTP numbers only, not ${request.intent.kind}` });
    }
    const ref = requireOfferRef(request.offerRef);
    if (request.maxPrice) await checkCap(ref, request.maxPrice);
    // Sent once, never again: OTP24HR has no idempotent create, so a lost answer is ambiguous (the transport says so).
    const answer = await client.buy(ref.service, ref.country);
    const snapshot = snapshotOfBuy(answer, now());
    if (request.maxPrice && snapshot.price && snapshot.price.compare(request.maxPrice) > 0) {
      logger?.warn({ orderId: answer.order_id, price: snapshot.price.toString(), cap: request.maxPrice.toString() }, 'OTP24HR charged above the cap: the price changed between the check and the buy');
    }
    return snapshot;
  }

  async function lookupByRef(order: OrderHandle, providerRef: string): Promise<LookupResult> {
    const facts = storedFacts(order.providerData, parseOfferRef(order.offerRef)?.country ?? null);
    try {
      return { outcome: 'found', snapshot: snapshotOfStatus(await client.status(orderIdOf(providerRef)), facts, now()) };
    } catch (error) {
      // Only ORDER_NOT_FOUND is definite; 429, 5xx, a refused connection, an auth or FORBIDDEN answer tell nothing.
      if (error instanceof NotFoundError) return { outcome: 'absent', reason: error.message };
      return { outcome: 'unknown', reason: messageOf(error) };
    }
  }

  /** The order an ambiguous buy opened, from orders.php (the rule and its limits: order-history.ts). */
  async function lookupAmbiguous(order: OrderHandle): Promise<LookupResult> {
    const ref = parseOfferRef(order.offerRef);
    // place() refuses such a ref before sending anything.
    if (!ref) return { outcome: 'absent', reason: `${order.offerRef} is not an OTP24HR offer ref: no buy was sent` };
    let item: OrderHistoryItem;
    try {
      const settled = await settleFromHistory(client, { service: ref.service, country: ref.country, expectedPrice: order.price, createdAt: order.createdAt }, now());
      if (settled.outcome !== 'found') return settled;
      item = settled.item;
    } catch (error) {
      return { outcome: 'unknown', reason: `the order history cannot be read: ${messageOf(error)}` };
    }
    const facts = { country: item.country ?? ref.country, expiresAt: expiryOf(item) };
    const fromHistory = snapshotOfHistoryItem(item, facts, now());
    try {
      // status.php has the documented shape (number, price): prefer it, keep what the history added.
      const current = snapshotOfStatus(await client.status(item.order_id), facts, now());
      return { outcome: 'found', snapshot: { ...current, providerData: fromHistory.providerData ?? {} } };
    } catch (error) {
      if (error instanceof NotFoundError) return { outcome: 'unknown', reason: `order ${item.order_id} is in the history but status.php does not know it` };
      return { outcome: 'found', snapshot: fromHistory };
    }
  }

  return {
    id: 'OTP24HR',
    name: 'OTP24HR',
    currency: 'THB',
    kinds: ['OTP_NUMBER'],
    async balance() {
      const answer = await client.balance();
      if (answer.currency !== 'THB') {
        throw new ProviderRejectedError({ provider: 'OTP24HR', providerCode: 'UNEXPECTED_CURRENCY', message: `OTP24HR balance came in ${answer.currency}, not THB` });
      }
      return Money.fromProvider(answer.balance_thb, 'THB');
    },
    health: () => client.health(),
    offers: () => catalog.offers(),
    place,
    lookup: (order) => (order.providerRef ? lookupByRef(order, order.providerRef) : lookupAmbiguous(order)),
    operations: {
      async cancel(order) {
        const answer = await client.cancel(orderIdOf(requireRef(order)), order.createdAt);
        return { status: 'CANCELED', refund: Money.fromProvider(answer.refunded_thb, 'THB'), providerStatus: 'cancel' };
      },
      async complete(order) {
        await client.complete(orderIdOf(requireRef(order)));
        return { status: 'COMPLETED', refund: null, providerStatus: 'success' };
      },
      /** orders.php as the watcher's batch: the key's orders still in their rental, in one to three calls. */
      async activeOrders() {
        const at = now();
        return (await liveOrders(client, at)).map((item) => snapshotOfHistoryItem(item, { country: item.country ?? null, expiresAt: expiryOf(item) }, at));
      },
      countries: async () => catalog.countries(),
      /**
       * orders.php, newest first, 200 a page (limit/offset), until a page reaches past `from` or ends short
       * (at most HISTORY_MAX_PAGES pages); items created in the window. An item without a readable
       * created_at cannot be placed in time and is kept (the caller sees every order it cannot rule out).
       */
      async history({ from, to }) {
        const at = now();
        const found: OrderSnapshot[] = [];
        for (let page = 0; page < HISTORY_MAX_PAGES; page++) {
          const { orders } = await client.orders({ limit: ORDERS_LIMIT_MAX, offset: page * ORDERS_LIMIT_MAX }, { background: true });
          let reachedOlder = false;
          for (const item of orders) {
            const created = parseProviderTime(item.created_at)?.getTime() ?? null;
            if (created !== null && created < from.getTime()) reachedOlder = true;
            if (created === null || (created >= from.getTime() && created <= to.getTime())) {
              found.push(snapshotOfHistoryItem(item, { country: item.country ?? null, expiresAt: expiryOf(item) }, at));
            }
          }
          if (reachedOlder || orders.length < ORDERS_LIMIT_MAX) break;
        }
        return found;
      },
    },
    requestsSent: () => client.requestsSent(),
  };
}

function requireRef(order: OrderHandle): string {
  if (!order.providerRef) throw new ValidationError('This order has no OTP24HR order id yet', 'orderId');
  return order.providerRef;
}

function orderIdOf(providerRef: string): number {
  const id = /^[1-9]\d{0,15}$/.test(providerRef) ? Number(providerRef) : Number.NaN;
  if (!Number.isSafeInteger(id)) throw new ValidationError(`Not an OTP24HR order ref: ${providerRef}`, 'providerRef');
  return id;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
