import {
  AmbiguousOutcomeError,
  NotFoundError,
  ProviderFailure,
  ProviderRejectedError,
  RateLimitedError,
  ServiceUnavailableError,
  ValidationError,
} from '../../domain/errors.ts';
import { Money } from '../../domain/money.ts';
import type { LookupResult, OrderHandle, OrderSnapshot, PlaceOrderRequest, ProviderAdapter, PublishedRate } from '../../domain/provider.ts';
import type { BudgetLimit } from '../shared/request-budget.ts';
import { SmscodeCatalog } from './catalog.ts';
import { SmscodeClient } from './client.ts';
import type { SmscodeRateGroup } from './client.ts';
import { snapshotOfActive, snapshotOfOrder } from './order-snapshots.ts';
import { parseSmscodeWebhook } from './webhook.ts';
import type { CreateOrderBody, CreateOrderResult } from './wire.ts';

// GET /orders pages (the document's maximum limit) and how many of them one history read may take.
const HISTORY_PAGE = 100;
const HISTORY_MAX_PAGES = 20;

export { platformKey } from './catalog.ts';

export interface SmscodeAdapterOptions {
  /** v1 base URL, e.g. https://api.smscode.gg/v1. */
  baseUrl: string;
  apiToken: string;
  /** The secret smscode signs webhooks with; without it every push is rejected and register() refuses. */
  webhookSecret?: string;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** Overrides of the document's per-group rate limits. */
  rateLimits?: Partial<Record<SmscodeRateGroup, BudgetLimit>>;
  now?: () => Date;
}

/** The smscode adapter, with its request counters for benchmarks. */
export interface SmscodeAdapter extends ProviderAdapter {
  /** Upstream HTTP requests per rate-limit group. */
  stats(): Record<SmscodeRateGroup, number>;
}

/** Creates the smscode.gg (v1, IDR) adapter. */
export function createSmscodeAdapter(options: SmscodeAdapterOptions): SmscodeAdapter {
  const now = options.now ?? (() => new Date());
  const client = new SmscodeClient({
    apiToken: options.apiToken,
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    rateLimits: options.rateLimits,
    now: () => now().getTime(),
  });
  const catalog = new SmscodeCatalog(client, () => now().getTime());
  const webhookSecret = options.webhookSecret || undefined;

  async function place(request: PlaceOrderRequest): Promise<OrderSnapshot> {
    const result = await client.createOrders(createBody(request), request.reference);
    return snapshotOfCreate(result, now());
  }

  return {
    id: 'SMSCODE',
    name: 'smscode.gg',
    currency: 'IDR',
    kinds: ['OTP_NUMBER'],
    async balance() {
      const { currency, balance } = await client.balance();
      if (currency !== 'IDR') {
        throw new ProviderRejectedError({ provider: 'SMSCODE', providerCode: 'UNEXPECTED_CURRENCY', message: `smscode v1 balance came in ${currency}, not IDR` });
      }
      return Money.fromProvider(balance, 'IDR');
    },
    health: () => client.health(),
    offers: () => catalog.offers(),
    place,

    /**
     * With a provider ref: GET /orders/{id}. Before one is known: the SAME create is re-sent with the
     * SAME Idempotency-Key. That is not a blind retry: smscode keys creates on it, so a processed
     * first request replays its recorded answer (same order, no second charge) and one that never
     * arrived is placed now, once. Only a definite answer settles anything: a 429, a 5xx, a refused
     * connection or REQUEST_IN_PROGRESS say nothing about the original request.
     */
    async lookup(order: OrderHandle): Promise<LookupResult> {
      try {
        if (order.providerRef) return { outcome: 'found', snapshot: snapshotOfOrder(await client.order(orderIdOf(order.providerRef), { background: true }), now()) };
        return { outcome: 'found', snapshot: await place({ offerRef: order.offerRef, intent: order.intent, maxPrice: order.maxPrice, reference: order.reference, callbackUrl: null }) };
      } catch (error) {
        if (error instanceof NotFoundError) return { outcome: 'absent', reason: error.message };
        if (isInconclusive(error)) return { outcome: 'unknown', reason: error instanceof Error ? error.message : String(error) };
        // A definite refusal of the replayed create: no order exists under this key.
        if (error instanceof ProviderFailure && !order.providerRef) return { outcome: 'absent', reason: error.message };
        throw error;
      }
    },

    operations: {
      async cancel(order) {
        const id = orderIdOf(requireRef(order));
        const result = await client.cancel(id, { orderCreatedAt: order.createdAt });
        return { status: 'CANCELED', refund: Money.fromProvider(result.refund_amount, 'IDR'), providerStatus: result.status };
      },
      async complete(order) {
        const result = await client.finish(orderIdOf(requireRef(order)));
        return { status: 'COMPLETED', refund: null, providerStatus: result.status };
      },
      async resend(order) {
        const { resent } = await client.resend(orderIdOf(requireRef(order)));
        return { resent };
      },
      /** One GET /orders/active for the whole account. */
      /**
       * GET /orders, newest first, 100 a page, until a page reaches past `from` or ends short (at most
       * HISTORY_MAX_PAGES pages: a runaway guard inside the orderQuery budget); orders created in the window.
       */
      async history({ from, to }) {
        const at = now();
        const found: OrderSnapshot[] = [];
        for (let page = 0; page < HISTORY_MAX_PAGES; page++) {
          const orders = await client.orders({ limit: HISTORY_PAGE, offset: page * HISTORY_PAGE }, { background: true });
          for (const order of orders) {
            const created = Date.parse(order.created_at);
            if (created >= from.getTime() && created <= to.getTime()) found.push(snapshotOfOrder(order, at));
          }
          const oldest = orders.at(-1);
          if (orders.length < HISTORY_PAGE || !oldest || Date.parse(oldest.created_at) < from.getTime()) break;
        }
        return found;
      },
      async activeOrders() {
        const at = now();
        return (await client.activeOrders({ background: true })).map((o) => snapshotOfActive(o, at));
      },
      countries: () => catalog.countries(),
      async publishedRates(): Promise<PublishedRate[]> {
        const fx = await client.exchangeRate('USD/IDR');
        if (fx.base_currency !== 'USD' || fx.quote_currency !== 'IDR') {
          throw new ProviderRejectedError({ provider: 'SMSCODE', providerCode: 'UNEXPECTED_PAIR', message: `smscode answered ${fx.pair} for USD/IDR` });
        }
        // v1 gives no timestamp for the rate: the fetch time is the best "as of" there is.
        return [{ base: 'USD', quote: 'IDR', rate: Money.fromProvider(fx.rate, 'IDR').toString(), asOf: now() }];
      },
    },

    webhook: {
      authentication: 'signature',
      receive: (request) => parseSmscodeWebhook(request, webhookSecret),
      async register(url) {
        if (!webhookSecret) {
          // smscode would generate a secret we never see, and every delivery would then be rejected.
          throw new ValidationError('SMSCODE_WEBHOOK_SECRET must be configured before registering a webhook', 'webhookSecret');
        }
        const config = await client.updateWebhook({ webhook_url: url, webhook_secret: webhookSecret });
        return { url: config.webhook_url ?? url };
      },
      async sendTest() {
        const { status_code } = await client.testWebhook();
        // null = smscode could not reach the URL at all.
        return { statusCode: status_code ?? 0 };
      },
    },
    stats: () => client.stats(),
  };
}

/** Answers that tell nothing about whether the original create took effect. */
function isInconclusive(error: unknown): boolean {
  return (
    error instanceof RateLimitedError ||
    error instanceof ServiceUnavailableError ||
    error instanceof AmbiguousOutcomeError ||
    (error instanceof ProviderRejectedError && error.providerCode === 'REQUEST_IN_PROGRESS') ||
    !(error instanceof ProviderFailure || error instanceof NotFoundError)
  );
}

function snapshotOfCreate(result: CreateOrderResult, now: Date): OrderSnapshot {
  const order = result.orders[0];
  if (!order) {
    // A success envelope without an order: nothing was opened, so nothing was charged.
    throw new ProviderRejectedError({ provider: 'SMSCODE', providerCode: 'ORDER_NOT_CREATED', message: `smscode created no order (failed_count ${result.failed_count})` });
  }
  return snapshotOfOrder(order, now);
}

/** POST /orders/create body for a `catalog:<id>` or legacy `product:<id>` offer ref. */
function createBody(request: PlaceOrderRequest): CreateOrderBody {
  if (request.intent.kind !== 'OTP_NUMBER') throw new ValidationError(`smscode sells OTP numbers only, not ${request.intent.kind}`, 'kind');
  const match = /^(catalog|product):([1-9]\d{0,15})$/.exec(request.offerRef);
  const id = match?.[2] === undefined ? Number.NaN : Number(match[2]);
  if (!match || !Number.isSafeInteger(id)) throw new ValidationError(`Not an smscode offer ref: ${request.offerRef}`, 'offerRef');
  const maxPrice = maxPriceIdr(request.maxPrice);
  const cap = maxPrice === undefined ? {} : { max_price: maxPrice };
  if (match[1] === 'product') return { product_id: id, quantity: 1, ...cap };
  const policy = request.intent.policy === 'BEST_SUCCESS' ? 'best_success' : 'cheapest';
  return { catalog_product_id: id, quantity: 1, policy, ...cap };
}

// v1 caps are IDR integers. A fractional cap is floored: rounding up could let a price above the cap through.
function maxPriceIdr(maxPrice: Money | null): number | undefined {
  if (maxPrice === null) return undefined;
  if (maxPrice.currency !== 'IDR') throw new ValidationError(`smscode price caps are in IDR, got ${maxPrice.currency}`, 'maxPrice');
  const whole = maxPrice.amount.floor();
  if (whole.isNegative() || !whole.lessThanOrEqualTo(Number.MAX_SAFE_INTEGER)) {
    throw new ValidationError(`Not a usable IDR price cap: ${maxPrice.toString()}`, 'maxPrice');
  }
  return whole.toNumber();
}

function requireRef(order: OrderHandle): string {
  if (!order.providerRef) throw new ValidationError('This order has no smscode order id yet', 'orderId');
  return order.providerRef;
}

function orderIdOf(providerRef: string): number {
  const id = /^[1-9]\d{0,15}$/.test(providerRef) ? Number(providerRef) : Number.NaN;
  if (!Number.isSafeInteger(id)) throw new ValidationError(`Not an smscode order ref: ${providerRef}`, 'providerRef');
  return id;
}
