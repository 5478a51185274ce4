import type { SeedCatalogProduct, SeedCountry, SeedPlatform } from './catalog-seed.ts';
import { assertIdr } from './money-projection.ts';

/** One live provider offer, i.e. one row of `/catalog/products`. */
export interface Offer {
  id: number;
  name: string;
  countryId: number;
  platformId: number;
  catalogProductId: number;
  /** Hidden upstream provider code (`prov_a`…), only used by `prefer_provider` and routing. */
  provider: string;
  available: number;
  price: number;
  active: boolean;
}

/** The documented `sort` values of `/catalog/products`. */
export const PRODUCT_SORTS = ['price_asc', 'price_desc', 'available_asc', 'available_desc', 'name_asc', 'name_desc'] as const;

/** One of {@link PRODUCT_SORTS}. */
export type ProductSort = (typeof PRODUCT_SORTS)[number];

const byId = (a: Offer, b: Offer): number => a.id - b.id;
const byName = (a: Offer, b: Offer): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const SORTERS: Record<ProductSort, (a: Offer, b: Offer) => number> = {
  price_asc: (a, b) => a.price - b.price || byId(a, b),
  price_desc: (a, b) => b.price - a.price || byId(a, b),
  available_asc: (a, b) => a.available - b.available || byId(a, b),
  available_desc: (a, b) => b.available - a.available || byId(a, b),
  name_asc: (a, b) => byName(a, b) || a.price - b.price || byId(a, b),
  name_desc: (a, b) => byName(b, a) || a.price - b.price || byId(a, b),
};

/** Countries, platforms and the mutable offer book (stock and prices move as the sandbox runs). */
export class Catalog {
  readonly countries: readonly SeedCountry[];
  readonly platforms: readonly SeedPlatform[];
  readonly #offers = new Map<number, Offer>();
  #nextProductId: number;

  constructor(countries: readonly SeedCountry[], platforms: readonly SeedPlatform[], products: readonly SeedCatalogProduct[]) {
    this.countries = countries;
    this.platforms = platforms;
    for (const product of products) {
      const country = this.country(product.countryId);
      const platform = this.platform(product.platformId);
      if (!country || !platform) throw new Error(`catalog seed: unknown country/platform in ${product.catalogProductId}`);
      for (const offer of product.offers) {
        assertIdr(offer.price);
        this.#offers.set(offer.id, {
          id: offer.id,
          name: `${platform.name} ${country.name}`,
          countryId: product.countryId,
          platformId: product.platformId,
          catalogProductId: product.catalogProductId,
          provider: offer.provider,
          available: offer.available,
          price: offer.price,
          active: true,
        });
      }
    }
    this.#nextProductId = Math.max(0, ...this.#offers.keys()) + 1;
  }

  /** The country with this id, if any. */
  country(id: number): SeedCountry | undefined {
    return this.countries.find((c) => c.id === id);
  }

  /** The platform with this id, if any. */
  platform(id: number): SeedPlatform | undefined {
    return this.platforms.find((p) => p.id === id);
  }

  /** Platforms offered at all, or in one country. */
  servicesIn(countryId: number | undefined): SeedPlatform[] {
    if (countryId === undefined) return [...this.platforms];
    const ids = new Set([...this.#offers.values()].filter((o) => o.countryId === countryId).map((o) => o.platformId));
    return this.platforms.filter((p) => ids.has(p.id));
  }

  /** Offers matching the filters, sorted. */
  products(filter: { countryId?: number | undefined; platformId?: number | undefined; sort: ProductSort }): Offer[] {
    return [...this.#offers.values()]
      .filter((o) => filter.countryId === undefined || o.countryId === filter.countryId)
      .filter((o) => filter.platformId === undefined || o.platformId === filter.platformId)
      .sort(SORTERS[filter.sort]);
  }

  /** The offer with this product id, if it still exists. */
  offer(productId: number): Offer | undefined {
    return this.#offers.get(productId);
  }

  /** Every offer under a stable catalog product id. */
  offersOf(catalogProductId: number): Offer[] {
    return [...this.#offers.values()].filter((o) => o.catalogProductId === catalogProductId);
  }

  /** Sets the stock of an offer. */
  setStock(productId: number, available: number): void {
    if (!Number.isSafeInteger(available) || available < 0) throw new RangeError('available must be a non-negative integer');
    this.#require(productId).available = available;
  }

  /** A provider changes its price tier: the offer gets a new volatile product id, the catalog id stays. Returns the new id. */
  reprice(productId: number, price: number): number {
    assertIdr(price);
    const old = this.#require(productId);
    this.#offers.delete(productId);
    const id = this.#nextProductId++;
    this.#offers.set(id, { ...old, id, price });
    return id;
  }

  #require(productId: number): Offer {
    const offer = this.#offers.get(productId);
    if (!offer) throw new Error(`unknown smscode product ${productId}`);
    return offer;
  }
}
