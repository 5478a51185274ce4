import { ProviderRejectedError, ValidationError } from '../../domain/errors.ts';
import { Money } from '../../domain/money.ts';
import type {
  BuyNumberRequest,
  Capability,
  OtpNumberOperations,
  OtpOffer,
  OtpOfferFilter,
  ProviderAdapter,
  ProviderCountry,
  ProviderHealth,
  ProviderOrderSnapshot,
  ProviderPlatform,
  PublishedRate,
  WebhookOperations,
} from '../../domain/provider.ts';
import type { BudgetLimit } from '../shared/request-budget.ts';
import { SmscodeClient } from './client.ts';
import type { SmscodeCallOutcome, SmscodeRateGroup } from './client.ts';
import { snapshotOfActive, snapshotOfOrder } from './order-snapshots.ts';
import type { KnownOrderFacts } from './order-snapshots.ts';
import { parseSmscodeWebhook } from './webhook.ts';
import type { Country, CreateOrderBody, CreateOrderResult, Product, Service } from './wire.ts';

/** smscode service codes → canonical platform keys; any other code is used lower-cased. */
const PLATFORM_KEYS: Readonly<Record<string, string>> = {
  wa: 'whatsapp',
  tg: 'telegram',
  fb: 'facebook',
  shopee: 'shopee',
  line: 'line',
  go: 'google',
  tiktok: 'tiktok',
  ig: 'instagram',
  tw: 'twitter',
};

/** The canonical platform key of an smscode service code. */
export function platformKey(serviceCode: string): string {
  return PLATFORM_KEYS[serviceCode.toLowerCase()] ?? serviceCode.toLowerCase();
}

const CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>(['OTP_NUMBER', 'OTP_RESEND', 'OTP_FINISH', 'WEBHOOK', 'FX_RATES']);
// Countries and services rarely change; products (prices, stock) are always fetched live.
const CATALOG_TTL_MS = 5 * 60_000;
const PRODUCT_PAGE_SIZE = 1000;
// A runaway guard only: 100 pages of 1,000 is far beyond any real catalog.
const MAX_PRODUCT_PAGES = 100;
const KNOWN_ORDERS_LIMIT = 10_000;
const DOWN_AFTER_FAILURES = 3;
const RATE_LIMITED_DEGRADES_MS = 60_000;

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

/** The smscode adapter: every optional operation it declares is present. */
export interface SmscodeAdapter extends ProviderAdapter {
  readonly otp: Required<OtpNumberOperations>;
  readonly webhook: WebhookOperations;
  publishedRates(): Promise<PublishedRate[]>;
  /** Upstream HTTP requests per rate-limit group (for benchmarks). */
  stats(): Record<SmscodeRateGroup, number>;
}

/** Creates the smscode.gg (v1, IDR) adapter. */
export function createSmscodeAdapter(options: SmscodeAdapterOptions): SmscodeAdapter {
  const now = options.now ?? (() => new Date());
  const health = new HealthTracker(now);
  const client = new SmscodeClient({
    apiToken: options.apiToken,
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    rateLimits: options.rateLimits,
    now: () => now().getTime(),
    onOutcome: (outcome, detail) => health.record(outcome, detail),
  });
  const catalog = new CatalogCache(client, now);
  const known = new KnownOrders();
  const otp = new SmscodeOtp(client, catalog, known, now);
  const webhookSecret = options.webhookSecret || undefined;

  return {
    id: 'SMSCODE',
    name: 'smscode.gg',
    currency: 'IDR',
    capabilities: CAPABILITIES,
    async balance() {
      const { currency, balance } = await client.balance();
      if (currency !== 'IDR') {
        throw new ProviderRejectedError({ provider: 'SMSCODE', providerCode: 'UNEXPECTED_CURRENCY', message: `smscode v1 balance came in ${currency}, not IDR` });
      }
      return Money.fromProvider(balance, 'IDR');
    },
    health: () => health.current(),
    async publishedRates() {
      const fx = await client.exchangeRate('USD/IDR');
      if (fx.base_currency !== 'USD' || fx.quote_currency !== 'IDR') {
        throw new ProviderRejectedError({ provider: 'SMSCODE', providerCode: 'UNEXPECTED_PAIR', message: `smscode answered ${fx.pair} for USD/IDR` });
      }
      // v1 gives no timestamp for the rate: the fetch time is the best "as of" there is.
      return [{ base: 'USD', quote: 'IDR', rate: Money.fromProvider(fx.rate, 'IDR').toString(), asOf: now() }];
    },
    otp,
    webhook: {
      parse: (rawBody, headers) => parseSmscodeWebhook(rawBody, headers, webhookSecret),
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

/** The OTP-number operations over smscode's v1 orders API. */
class SmscodeOtp implements Required<OtpNumberOperations> {
  readonly #client: SmscodeClient;
  readonly #catalog: CatalogCache;
  readonly #known: KnownOrders;
  readonly #now: () => Date;

  constructor(client: SmscodeClient, catalog: CatalogCache, known: KnownOrders, now: () => Date) {
    this.#client = client;
    this.#catalog = catalog;
    this.#known = known;
    this.#now = now;
  }

  async countries(): Promise<ProviderCountry[]> {
    const countries = await this.#catalog.countries();
    return countries.filter((c) => c.active).map((c) => ({ code: c.code.toUpperCase(), name: c.name, dialCode: c.dial_code || null }));
  }

  async platforms(): Promise<ProviderPlatform[]> {
    const byKey = new Map<string, ProviderPlatform>();
    for (const s of await this.#catalog.services()) {
      const key = platformKey(s.code);
      if (s.active && !byKey.has(key)) byKey.set(key, { key, name: s.name });
    }
    return [...byKey.values()];
  }

  /** One offer per catalog_product_id (the stable id), priced at its cheapest in-stock product. */
  async offers(filter: OtpOfferFilter): Promise<OtpOffer[]> {
    const [countries, services] = await Promise.all([this.#catalog.countries(), this.#catalog.services()]);
    const countryCode = new Map(countries.filter((c) => c.active).map((c) => [c.id, c.code.toUpperCase()]));
    const serviceKey = new Map(services.filter((s) => s.active).map((s) => [s.id, platformKey(s.code)]));
    const countryIds = idsMatching(countryCode, filter.country?.toUpperCase());
    const platformIds = idsMatching(serviceKey, filter.platform?.toLowerCase());
    if (countryIds?.length === 0 || platformIds?.length === 0) return [];

    const groups = new Map<number, Product[]>();
    for (const product of await this.#allProducts(single(countryIds), single(platformIds))) {
      if (!product.active) continue;
      if (countryIds && !countryIds.includes(product.country_id)) continue;
      if (platformIds && !platformIds.includes(product.platform_id)) continue;
      const group = groups.get(product.catalog_product_id);
      if (group) group.push(product);
      else groups.set(product.catalog_product_id, [product]);
    }

    const offers: OtpOffer[] = [];
    for (const [catalogProductId, products] of groups) {
      const chosen = cheapest(products.filter((p) => p.available > 0)) ?? cheapest(products);
      const country = chosen && countryCode.get(chosen.country_id);
      const platform = chosen && serviceKey.get(chosen.platform_id);
      if (!chosen || !country || !platform) continue;
      offers.push({
        platform,
        country,
        name: chosen.name,
        providerRef: `catalog:${catalogProductId}`,
        price: Money.fromProvider(chosen.price, 'IDR'),
        available: products.reduce((sum, p) => sum + p.available, 0),
      });
    }
    return offers;
  }

  /** Exactly one POST /orders/create, carrying the caller's Idempotency-Key. */
  async buyNumber(request: BuyNumberRequest): Promise<ProviderOrderSnapshot> {
    const result = await this.#client.createOrders(createBody(request), request.idempotencyKey);
    return this.#snapshotOfCreate(result);
  }

  /**
   * Re-sends the SAME body with the SAME Idempotency-Key. This is not a blind retry: smscode keys
   * create on it, so if the first request was processed this replays its recorded answer (the same
   * order, no second charge); if it never arrived, it is placed now, once. Null while the first one
   * is still being processed (REQUEST_IN_PROGRESS). Any other definite refusal is rethrown.
   */
  async findByIdempotencyKey(request: BuyNumberRequest): Promise<ProviderOrderSnapshot | null> {
    try {
      return await this.buyNumber(request);
    } catch (error) {
      if (error instanceof ProviderRejectedError && error.providerCode === 'REQUEST_IN_PROGRESS') return null;
      throw error;
    }
  }

  async getOrder(providerRef: string): Promise<ProviderOrderSnapshot> {
    const order = await this.#client.order(orderIdOf(providerRef));
    this.#known.remember(order.id, { createdAt: new Date(order.created_at), phoneNumber: order.phone_number, price: Money.fromProvider(order.amount, 'IDR') });
    return snapshotOfOrder(order, this.#now());
  }

  /** One GET /orders/active for the whole account. */
  async activeOrders(): Promise<ProviderOrderSnapshot[]> {
    const orders = await this.#client.activeOrders();
    const now = this.#now();
    return orders.map((o) => snapshotOfActive(o, this.#known.get(o.id), now));
  }

  async cancel(providerRef: string): Promise<{ refund: Money | null }> {
    const id = orderIdOf(providerRef);
    const result = await this.#client.cancel(id, { orderCreatedAt: this.#known.get(id)?.createdAt ?? null });
    return { refund: Money.fromProvider(result.refund_amount, 'IDR') };
  }

  async finish(providerRef: string): Promise<void> {
    await this.#client.finish(orderIdOf(providerRef));
  }

  async resend(providerRef: string): Promise<{ resent: boolean }> {
    const { resent } = await this.#client.resend(orderIdOf(providerRef));
    return { resent };
  }

  async #allProducts(countryId: number | undefined, platformId: number | undefined): Promise<Product[]> {
    const all: Product[] = [];
    for (let page = 1; page <= MAX_PRODUCT_PAGES; page++) {
      const { products } = await this.#client.products({ country_id: countryId, platform_id: platformId, sort: 'price_asc', limit: PRODUCT_PAGE_SIZE, page });
      all.push(...products);
      if (products.length < PRODUCT_PAGE_SIZE) break;
    }
    return all;
  }

  #snapshotOfCreate(result: CreateOrderResult): ProviderOrderSnapshot {
    const order = result.orders[0];
    if (!order) {
      // A success envelope without an order: nothing was opened, so nothing was charged.
      throw new ProviderRejectedError({ provider: 'SMSCODE', providerCode: 'ORDER_NOT_CREATED', message: `smscode created no order (failed_count ${result.failed_count})` });
    }
    const now = this.#now();
    const snapshot = snapshotOfOrder(order, now);
    // The create answer has no created_at; the local answer time is at or after it, so a remaining
    // cancel lock computed from it errs on the long side.
    this.#known.remember(order.id, { createdAt: now, phoneNumber: snapshot.phoneNumber, price: snapshot.price });
    return snapshot;
  }
}

/** POST /orders/create body for a `catalog:<id>` or legacy `product:<id>` offer ref. */
function createBody(request: BuyNumberRequest): CreateOrderBody {
  const match = /^(catalog|product):([1-9]\d{0,15})$/.exec(request.offerRef);
  const id = match?.[2] === undefined ? Number.NaN : Number(match[2]);
  if (!match || !Number.isSafeInteger(id)) throw new ValidationError(`Not an smscode offer ref: ${request.offerRef}`, 'offerRef');
  const maxPrice = maxPriceIdr(request.maxPrice);
  const cap = maxPrice === undefined ? {} : { max_price: maxPrice };
  if (match[1] === 'product') return { product_id: id, quantity: 1, ...cap };
  const policy = request.policy === 'BEST_SUCCESS' ? 'best_success' : 'cheapest';
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

function orderIdOf(providerRef: string): number {
  const id = /^[1-9]\d{0,15}$/.test(providerRef) ? Number(providerRef) : Number.NaN;
  if (!Number.isSafeInteger(id)) throw new ValidationError(`Not an smscode order ref: ${providerRef}`, 'providerRef');
  return id;
}

// Undefined = no filter; [] = the filter matches nothing.
function idsMatching(names: ReadonlyMap<number, string>, wanted: string | undefined): number[] | undefined {
  if (wanted === undefined) return undefined;
  return [...names].filter(([, name]) => name === wanted).map(([id]) => id);
}

// Only a filter that resolves to one id can be pushed down to the upstream query.
function single(ids: number[] | undefined): number | undefined {
  return ids?.length === 1 ? ids[0] : undefined;
}

function cheapest(products: readonly Product[]): Product | undefined {
  let best: Product | undefined;
  for (const p of products) if (!best || p.price < best.price) best = p;
  return best;
}

/** Countries and services, fetched at most once per TTL (concurrent callers share one request). */
class CatalogCache {
  readonly #client: SmscodeClient;
  readonly #now: () => Date;
  #countries: { at: number; value: Promise<Country[]> } | null = null;
  #services: { at: number; value: Promise<Service[]> } | null = null;

  constructor(client: SmscodeClient, now: () => Date) {
    this.#client = client;
    this.#now = now;
  }

  countries(): Promise<Country[]> {
    const now = this.#now().getTime();
    if (!this.#countries || now - this.#countries.at >= CATALOG_TTL_MS) {
      const entry = { at: now, value: this.#client.countries() };
      entry.value.catch(() => {
        if (this.#countries === entry) this.#countries = null;
      });
      this.#countries = entry;
    }
    return this.#countries.value;
  }

  services(): Promise<Service[]> {
    const now = this.#now().getTime();
    if (!this.#services || now - this.#services.at >= CATALOG_TTL_MS) {
      const entry = { at: now, value: this.#client.services() };
      entry.value.catch(() => {
        if (this.#services === entry) this.#services = null;
      });
      this.#services = entry;
    }
    return this.#services.value;
  }
}

/** What earlier answers told about recent orders; bounded, oldest forgotten first. */
class KnownOrders {
  readonly #facts = new Map<number, KnownOrderFacts & { createdAt: Date }>();

  remember(id: number, facts: KnownOrderFacts & { createdAt: Date }): void {
    this.#facts.delete(id);
    this.#facts.set(id, facts);
    if (this.#facts.size > KNOWN_ORDERS_LIMIT) {
      const oldest = this.#facts.keys().next();
      if (!oldest.done) this.#facts.delete(oldest.value);
    }
  }

  get(id: number): (KnownOrderFacts & { createdAt: Date }) | undefined {
    return this.#facts.get(id);
  }
}

/** Health from the outcomes of the calls already made: no probe requests of its own. */
class HealthTracker {
  readonly #now: () => Date;
  #checkedAt: Date | null = null;
  #consecutiveFailures = 0;
  #lastFailure: string | null = null;
  #rateLimitedAt: number | null = null;

  constructor(now: () => Date) {
    this.#now = now;
  }

  record(outcome: SmscodeCallOutcome, detail: string): void {
    const at = this.#now();
    this.#checkedAt = at;
    if (outcome === 'failed') {
      this.#consecutiveFailures += 1;
      this.#lastFailure = detail;
      return;
    }
    this.#consecutiveFailures = 0;
    if (outcome === 'rateLimited') this.#rateLimitedAt = at.getTime();
  }

  current(): ProviderHealth {
    const checkedAt = this.#checkedAt;
    if (this.#consecutiveFailures >= DOWN_AFTER_FAILURES) {
      return { status: 'DOWN', checkedAt, detail: `${this.#consecutiveFailures} failed calls in a row; last: ${this.#lastFailure}` };
    }
    if (this.#consecutiveFailures > 0) return { status: 'DEGRADED', checkedAt, detail: `last call failed: ${this.#lastFailure}` };
    if (this.#rateLimitedAt !== null && this.#now().getTime() - this.#rateLimitedAt < RATE_LIMITED_DEGRADES_MS) {
      return { status: 'DEGRADED', checkedAt, detail: 'rate limited by smscode recently' };
    }
    return { status: 'UP', checkedAt, detail: checkedAt === null ? 'no call made yet' : null };
  }
}
