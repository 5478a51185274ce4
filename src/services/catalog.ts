import { FxRateUnavailableError, RateLimitedError } from '../domain/errors.ts';
import type { Money } from '../domain/money.ts';
import type { OrderKind } from '../domain/order-kind.ts';
import type { ProviderAdapter, ProviderCountry, ProviderId, ProviderOffer } from '../domain/provider.ts';
import { supports } from '../domain/provider.ts';
import type { Logger } from '../logging/logger.ts';
import { TtlCache } from '../providers/shared/ttl-cache.ts';
import { errorSummary } from './errors.ts';
import type { FxService } from './fx.ts';
import type { ProviderRegistry } from './provider-registry.ts';

export { errorSummary } from './errors.ts';

/** One provider's offer, tagged with the provider it came from. */
export interface CatalogOffer extends ProviderOffer {
  readonly provider: ProviderId;
}

/** Something a customer buys, provider-neutral, with every provider's offer for it (cheapest first). */
export interface CatalogService {
  /** e.g. `otp:whatsapp:ID`. */
  readonly key: string;
  readonly kind: OrderKind;
  readonly name: string;
  readonly offers: readonly CatalogOffer[];
}

export interface CatalogFilter {
  readonly kind?: OrderKind;
  readonly platform?: string;
  readonly country?: string;
  readonly provider?: ProviderId;
}

export function otpServiceKey(platform: string, country: string): string {
  return `otp:${platform}:${country}`;
}

/**
 * The unified catalog. Each provider's offers are cached for a TTL with request coalescing (N
 * concurrent catalog queries cost at most one upstream load per provider per TTL); a purchase
 * adjusts the cached stock instead of reloading. A provider that fails is left out of the answer,
 * and its health (from the transport) shows why; one that is only rate limited (its request budget is
 * busy, e.g. with polling) keeps its last loaded offers until a reload goes through.
 */
export class Catalog {
  private readonly providers: ProviderRegistry;
  private readonly fx: FxService;
  private readonly logger: Logger;
  private readonly offersCache: TtlCache<ProviderOffer[]>;
  private readonly countriesCache: TtlCache<ProviderCountry[]>;
  /** Each provider's last successfully loaded offers (stock adjusted by sales), served while a reload is rate limited. */
  private readonly lastOffers = new Map<ProviderId, ProviderOffer[]>();

  constructor(providers: ProviderRegistry, fx: FxService, logger: Logger, ttlMs = 30_000) {
    this.providers = providers;
    this.fx = fx;
    this.logger = logger;
    this.offersCache = new TtlCache({ ttlMs });
    this.countriesCache = new TtlCache({ ttlMs: Math.max(ttlMs, 5 * 60_000) });
  }

  /** Services matching the filter, sorted by key, each with its offers cheapest first across currencies. */
  async services(filter: CatalogFilter = {}): Promise<CatalogService[]> {
    const byKey = new Map<string, CatalogOffer[]>();
    for (const offer of await this.offers(filter)) {
      const list = byKey.get(offer.serviceKey);
      if (list) list.push(offer);
      else byKey.set(offer.serviceKey, [offer]);
    }
    return [...byKey.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, list]) => ({ key, kind: list[0]!.details.kind, name: list[0]!.name, offers: this.cheapestFirst(list) }));
  }

  async offers(filter: CatalogFilter = {}): Promise<CatalogOffer[]> {
    const adapters = this.providers.all().filter((a) => (!filter.provider || a.id === filter.provider) && (!filter.kind || a.kinds.includes(filter.kind)));
    const lists = await Promise.all(
      adapters.map(async (adapter) => {
        const tag = (offers: readonly ProviderOffer[]) => offers.map((o): CatalogOffer => ({ ...o, provider: adapter.id }));
        try {
          const offers = await this.offersCache.get(adapter.id, () => adapter.offers());
          this.lastOffers.set(adapter.id, offers);
          return tag(offers);
        } catch (error) {
          // "Not now" is not "nothing to sell": a reload refused for the rate limit keeps the last offers.
          const last = error instanceof RateLimitedError ? this.lastOffers.get(adapter.id) : undefined;
          this.logger.warn({ provider: adapter.id, err: errorSummary(error), servingLastOffers: Boolean(last) }, 'catalog: provider offers unavailable');
          return last ? tag(last) : [];
        }
      }),
    );
    return lists.flat().filter((o) => matches(o, filter));
  }

  /** Countries any OTP provider sells numbers in. */
  async countries(): Promise<ProviderCountry[]> {
    const seen = new Map<string, ProviderCountry>();
    const withCountries = this.providers.all().filter((a) => supports(a, 'countries'));
    const lists = await Promise.all(withCountries.map((a) => this.countriesOf(a)));
    for (const c of lists.flat()) if (!seen.has(c.code)) seen.set(c.code, c);
    return [...seen.values()].sort((a, b) => a.code.localeCompare(b.code));
  }

  /** One unit of an offer was sold: the cached stock goes down instead of the whole catalog being reloaded. */
  noteSold(provider: ProviderId, providerRef: string): void {
    const sold = (offers: ProviderOffer[]) => offers.map((o) => (o.providerRef === providerRef && o.available !== null ? { ...o, available: Math.max(0, o.available - 1) } : o));
    this.offersCache.update(provider, sold);
    const last = this.lastOffers.get(provider);
    if (last) this.lastOffers.set(provider, sold(last));
  }

  /** Drops cached offers (e.g. a simulator changed prices in a test). */
  invalidate(provider?: ProviderId): void {
    this.offersCache.invalidate(provider);
  }

  /** Offers ordered by price converted into one currency, so THB beside IDR compares correctly; unratable last. */
  cheapestFirst<T extends { price: Money }>(offers: readonly T[]): T[] {
    const keyed = offers.map((offer) => ({ offer, usd: this.inUsd(offer.price) }));
    keyed.sort((a, b) => Number(a.usd === null) - Number(b.usd === null) || (a.usd && b.usd ? a.usd.compare(b.usd) : 0));
    return keyed.map((k) => k.offer);
  }

  private async countriesOf(adapter: ProviderAdapter): Promise<ProviderCountry[]> {
    try {
      return await this.countriesCache.get(adapter.id, () => adapter.operations.countries!());
    } catch (error) {
      this.logger.warn({ provider: adapter.id, err: errorSummary(error) }, 'catalog: provider countries unavailable');
      return [];
    }
  }

  private inUsd(price: Money): Money | null {
    try {
      return this.fx.convertExact(price, 'USD');
    } catch (error) {
      if (error instanceof FxRateUnavailableError) return null;
      throw error;
    }
  }
}

function matches(offer: CatalogOffer, filter: CatalogFilter): boolean {
  if (filter.kind && offer.details.kind !== filter.kind) return false;
  if (filter.platform || filter.country) {
    if (offer.details.kind !== 'OTP_NUMBER') return false;
    if (filter.platform && offer.details.platform !== filter.platform) return false;
    if (filter.country && offer.details.country !== filter.country) return false;
  }
  return true;
}
