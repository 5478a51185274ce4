import { Money } from '../../domain/money.ts';
import type { ProviderCountry, ProviderOffer } from '../../domain/provider.ts';
import type { SmscodeClient } from './client.ts';
import type { Country, Product, Service } from './wire.ts';

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

// Countries and services rarely change; products (prices, stock) are fetched on each catalog load.
const REFERENCE_TTL_MS = 5 * 60_000;
const PRODUCT_PAGE_SIZE = 1000;
// A runaway guard only: 100 pages of 1,000 is far beyond any real catalog.
const MAX_PRODUCT_PAGES = 100;

/** smscode's catalog as unified offers: one per catalog_product_id (its stable id), at its cheapest in-stock product. */
export class SmscodeCatalog {
  readonly #client: SmscodeClient;
  readonly #now: () => number;
  #countries: { at: number; value: Promise<Country[]> } | null = null;
  #services: { at: number; value: Promise<Service[]> } | null = null;

  constructor(client: SmscodeClient, now: () => number) {
    this.#client = client;
    this.#now = now;
  }

  async countries(): Promise<ProviderCountry[]> {
    const countries = await this.#countryList();
    return countries.filter((c) => c.active).map((c) => ({ code: c.code.toUpperCase(), name: c.name, dialCode: c.dial_code || null }));
  }

  async offers(): Promise<ProviderOffer[]> {
    const [countries, services] = await Promise.all([this.#countryList(), this.#serviceList()]);
    const countryCode = new Map(countries.filter((c) => c.active).map((c) => [c.id, c.code.toUpperCase()]));
    const serviceKey = new Map(services.filter((s) => s.active).map((s) => [s.id, platformKey(s.code)]));

    const groups = new Map<number, Product[]>();
    for (const product of await this.#allProducts()) {
      if (!product.active) continue;
      const group = groups.get(product.catalog_product_id);
      if (group) group.push(product);
      else groups.set(product.catalog_product_id, [product]);
    }

    const offers: ProviderOffer[] = [];
    for (const [catalogProductId, products] of groups) {
      const chosen = cheapest(products.filter((p) => p.available > 0)) ?? cheapest(products);
      const country = chosen && countryCode.get(chosen.country_id);
      const platform = chosen && serviceKey.get(chosen.platform_id);
      if (!chosen || !country || !platform) continue;
      offers.push({
        serviceKey: `otp:${platform}:${country}`,
        name: chosen.name,
        providerRef: `catalog:${catalogProductId}`,
        price: Money.fromProvider(chosen.price, 'IDR'),
        available: products.reduce((sum, p) => sum + p.available, 0),
        details: { kind: 'OTP_NUMBER', platform, country },
      });
    }
    return offers;
  }

  async #allProducts(): Promise<Product[]> {
    const all: Product[] = [];
    for (let page = 1; page <= MAX_PRODUCT_PAGES; page++) {
      const { products } = await this.#client.products({ sort: 'price_asc', limit: PRODUCT_PAGE_SIZE, page });
      all.push(...products);
      if (products.length < PRODUCT_PAGE_SIZE) break;
    }
    return all;
  }

  #countryList(): Promise<Country[]> {
    const now = this.#now();
    if (!this.#countries || now - this.#countries.at >= REFERENCE_TTL_MS) {
      const entry = { at: now, value: this.#client.countries() };
      entry.value.catch(() => {
        if (this.#countries === entry) this.#countries = null;
      });
      this.#countries = entry;
    }
    return this.#countries.value;
  }

  #serviceList(): Promise<Service[]> {
    const now = this.#now();
    if (!this.#services || now - this.#services.at >= REFERENCE_TTL_MS) {
      const entry = { at: now, value: this.#client.services() };
      entry.value.catch(() => {
        if (this.#services === entry) this.#services = null;
      });
      this.#services = entry;
    }
    return this.#services.value;
  }
}

function cheapest(products: readonly Product[]): Product | undefined {
  let best: Product | undefined;
  for (const p of products) if (!best || Money.fromProvider(p.price, 'IDR').compare(Money.fromProvider(best.price, 'IDR')) < 0) best = p;
  return best;
}
