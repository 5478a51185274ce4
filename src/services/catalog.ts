import type { OtpOffer, ProviderAdapter, ProviderCountry, ProviderId } from '../domain/provider.ts';
import type { Logger } from '../logging/logger.ts';
import type { ProviderRegistry } from './provider-registry.ts';

/** One provider's offer, tagged with the provider it came from. */
export interface CatalogOffer extends OtpOffer {
  readonly provider: ProviderId;
}

/** Something a customer buys, provider-neutral, with every provider's offer for it. */
export interface CatalogService {
  /** `otp:<platform>:<country>`. */
  readonly key: string;
  readonly kind: 'OTP_NUMBER';
  readonly platform: string;
  readonly country: string;
  readonly name: string;
  readonly offers: readonly CatalogOffer[];
}

export interface CatalogFilter {
  readonly platform?: string;
  readonly country?: string;
  readonly provider?: ProviderId;
}

export function otpServiceKey(platform: string, country: string): string {
  return `otp:${platform}:${country}`;
}

interface CacheEntry<T> {
  readonly expiresAt: number;
  readonly value: Promise<T>;
}

/**
 * The unified catalog. Offers are fetched from every OTP provider and cached briefly: catalogs
 * change slowly, and a cached read keeps Switchboard far inside each provider's request budget.
 */
export class Catalog {
  private readonly providers: ProviderRegistry;
  private readonly logger: Logger;
  private readonly ttlMs: number;
  private readonly offersCache = new Map<ProviderId, CacheEntry<OtpOffer[]>>();
  private readonly countriesCache = new Map<ProviderId, CacheEntry<ProviderCountry[]>>();

  constructor(providers: ProviderRegistry, logger: Logger, ttlMs = 30_000) {
    this.providers = providers;
    this.logger = logger;
    this.ttlMs = ttlMs;
  }

  /** Services matching the filter, sorted by key; a provider that fails is left out (and logged). */
  async services(filter: CatalogFilter = {}): Promise<CatalogService[]> {
    const offers = await this.offers(filter);
    const byKey = new Map<string, CatalogOffer[]>();
    for (const offer of offers) {
      const key = otpServiceKey(offer.platform, offer.country);
      byKey.set(key, [...(byKey.get(key) ?? []), offer]);
    }
    return [...byKey.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, list]) => ({
        key,
        kind: 'OTP_NUMBER' as const,
        platform: list[0]!.platform,
        country: list[0]!.country,
        name: list[0]!.name,
        offers: list,
      }));
  }

  async offers(filter: CatalogFilter = {}): Promise<CatalogOffer[]> {
    const adapters = this.otpProviders(filter.provider);
    const lists = await Promise.all(
      adapters.map(async (adapter) => {
        try {
          const offers = await this.cached(this.offersCache, adapter.id, () => adapter.otp!.offers({}));
          return offers.map((o) => ({ ...o, provider: adapter.id }));
        } catch (error) {
          this.logger.warn({ provider: adapter.id, err: errorSummary(error) }, 'catalog: provider offers unavailable');
          return [];
        }
      }),
    );
    return lists
      .flat()
      .filter((o) => (!filter.platform || o.platform === filter.platform) && (!filter.country || o.country === filter.country));
  }

  async countries(): Promise<ProviderCountry[]> {
    const seen = new Map<string, ProviderCountry>();
    for (const adapter of this.otpProviders()) {
      try {
        for (const c of await this.cached(this.countriesCache, adapter.id, () => adapter.otp!.countries())) {
          if (!seen.has(c.code)) seen.set(c.code, c);
        }
      } catch (error) {
        this.logger.warn({ provider: adapter.id, err: errorSummary(error) }, 'catalog: provider countries unavailable');
      }
    }
    return [...seen.values()].sort((a, b) => a.code.localeCompare(b.code));
  }

  /** Drops cached offers (after a purchase changes availability, for instance). */
  invalidate(provider?: ProviderId): void {
    if (provider) this.offersCache.delete(provider);
    else this.offersCache.clear();
  }

  private otpProviders(only?: ProviderId): ProviderAdapter[] {
    return this.providers.withCapability('OTP_NUMBER').filter((a) => a.otp && (!only || a.id === only));
  }

  private cached<T>(cache: Map<ProviderId, CacheEntry<T>>, id: ProviderId, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(id);
    if (hit && hit.expiresAt > Date.now()) return hit.value;
    const value = load();
    cache.set(id, { expiresAt: Date.now() + this.ttlMs, value });
    // A failed load must not be served from the cache.
    value.catch(() => {
      if (cache.get(id)?.value === value) cache.delete(id);
    });
    return value;
  }
}

export function errorSummary(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
