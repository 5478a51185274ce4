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
  // The catalog is read far more often than it changes: offers tagged once per loaded list, and the
  // grouped, sorted services kept per filter while the lists and the rates they were sorted by are the same.
  private readonly tagged = new WeakMap<readonly ProviderOffer[], CatalogOffer[]>();
  private readonly grouped = new Map<string, { sources: readonly (readonly ProviderOffer[])[]; fxVersion: number; fxUntil: number; services: CatalogService[] }>();
  private readonly changeListeners = new Set<() => void>();

  constructor(providers: ProviderRegistry, fx: FxService, logger: Logger, ttlMs = 30_000) {
    this.providers = providers;
    this.fx = fx;
    this.logger = logger;
    this.offersCache = new TtlCache({ ttlMs });
    this.countriesCache = new TtlCache({ ttlMs: Math.max(ttlMs, 5 * 60_000) });
  }

  /** Services matching the filter, sorted by key, each with its offers cheapest first across currencies. */
  async services(filter: CatalogFilter = {}): Promise<CatalogService[]> {
    const key = `${filter.kind ?? ''}|${filter.platform ?? ''}|${filter.country ?? ''}|${filter.provider ?? ''}`;
    const sources = await this.sourceLists(filter);
    const memo = this.grouped.get(key);
    const fresh = memo && memo.fxVersion === this.fx.version && Date.now() < memo.fxUntil;
    if (fresh && memo.sources.length === sources.length && memo.sources.every((list, i) => list === sources[i])) return memo.services;
    const services = this.group(sources.flat().filter((o) => matches(o, filter)));
    this.grouped.set(key, { sources, fxVersion: this.fx.version, fxUntil: this.fx.validUntil(), services });
    return services;
  }

  /** Calls `listener` whenever what the catalog answers may have changed (offers loaded, stock sold, cache dropped). */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Until when (epoch ms) every provider's offers now cached stay cached; after that a read reloads them. */
  validUntil(filter: CatalogFilter = {}): number {
    let until = Number.POSITIVE_INFINITY;
    for (const adapter of this.adaptersFor(filter)) {
      const expiry = this.offersCache.expiresAt(adapter.id);
      if (expiry === null) return 0;
      until = Math.min(until, expiry);
    }
    return until;
  }

  private group(offers: readonly CatalogOffer[]): CatalogService[] {
    const byKey = new Map<string, CatalogOffer[]>();
    for (const offer of offers) {
      const list = byKey.get(offer.serviceKey);
      if (list) list.push(offer);
      else byKey.set(offer.serviceKey, [offer]);
    }
    return [...byKey.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, list]) => ({ key, kind: list[0]!.details.kind, name: list[0]!.name, offers: this.cheapestFirst(list) }));
  }

  async offers(filter: CatalogFilter = {}): Promise<CatalogOffer[]> {
    return (await this.sourceLists(filter)).flat().filter((o) => matches(o, filter));
  }

  private adaptersFor(filter: CatalogFilter): ProviderAdapter[] {
    return this.providers.all().filter((a) => (!filter.provider || a.id === filter.provider) && (!filter.kind || a.kinds.includes(filter.kind)));
  }

  /** Each provider's tagged offers (the same array while its cached list is the same). */
  private sourceLists(filter: CatalogFilter): Promise<CatalogOffer[][]> {
    return Promise.all(
      this.adaptersFor(filter).map(async (adapter) => {
        try {
          const offers = await this.offersCache.get(adapter.id, async () => {
            const loaded = await adapter.offers();
            queueMicrotask(() => this.changed());
            return loaded;
          });
          this.lastOffers.set(adapter.id, offers);
          return this.tag(adapter.id, offers);
        } catch (error) {
          // "Not now" is not "nothing to sell": a reload refused for the rate limit keeps the last offers.
          const last = error instanceof RateLimitedError ? this.lastOffers.get(adapter.id) : undefined;
          this.logger.warn({ provider: adapter.id, err: errorSummary(error), servingLastOffers: Boolean(last) }, 'catalog: provider offers unavailable');
          return last ? this.tag(adapter.id, last) : [];
        }
      }),
    );
  }

  private tag(provider: ProviderId, offers: readonly ProviderOffer[]): CatalogOffer[] {
    let tagged = this.tagged.get(offers);
    if (!tagged) this.tagged.set(offers, (tagged = offers.map((o): CatalogOffer => ({ ...o, provider }))));
    return tagged;
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
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
    this.changed();
  }

  /** Drops cached offers (e.g. a simulator changed prices in a test). */
  invalidate(provider?: ProviderId): void {
    this.offersCache.invalidate(provider);
    this.changed();
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
