import type { Decimal } from 'decimal.js';
import type { SeedCountry, SeedOffer, SeedService } from './catalog-seed.ts';
import { parseThb } from './money.ts';

/** One service in one country as the simulator sells it. */
export interface Offer {
  service: string;
  country: number;
  price: Decimal;
  stock: number;
}

/** Countries, services and offers (price + stock per service and country). */
export class Catalog {
  readonly #countries = new Map<number, SeedCountry>();
  readonly #services = new Map<string, SeedService>();
  readonly #offers = new Map<string, Offer>();

  constructor(countries: readonly SeedCountry[], services: readonly SeedService[], offers: readonly SeedOffer[]) {
    for (const country of countries) this.#countries.set(country.id, country);
    for (const service of services) this.#services.set(service.code, service);
    for (const o of offers) {
      if (!this.#services.has(o.service)) throw new Error(`offer for unknown service ${o.service}`);
      if (!this.#countries.has(o.country)) throw new Error(`offer for unknown country ${o.country}`);
      assertStock(o.stock);
      this.#offers.set(key(o.service, o.country), { service: o.service, country: o.country, price: parseThb(o.priceThb, 'priceThb'), stock: o.stock });
    }
  }

  country(id: number): SeedCountry | undefined {
    return this.#countries.get(id);
  }

  service(code: string): SeedService | undefined {
    return this.#services.get(code);
  }

  offer(service: string, country: number): Offer | undefined {
    return this.#offers.get(key(service, country));
  }

  /** Offers of one country, in seed order. */
  offersIn(country: number): Offer[] {
    return [...this.#offers.values()].filter((o) => o.country === country);
  }

  /** Sets an offer's stock, creating the offer (price 0.00 until setPrice) when the service and country exist. */
  setStock(service: string, country: number, count: number): void {
    assertStock(count);
    this.#ensure(service, country).stock = count;
  }

  /** Sets an offer's price (THB decimal string), creating the offer (stock 0 until setStock) when needed. */
  setPrice(service: string, country: number, priceThb: string): void {
    this.#ensure(service, country).price = parseThb(priceThb, 'priceThb');
  }

  #ensure(service: string, country: number): Offer {
    const existing = this.#offers.get(key(service, country));
    if (existing) return existing;
    if (!this.#services.has(service)) throw new Error(`unknown OTP24HR service ${service}`);
    if (!this.#countries.has(country)) throw new Error(`unknown OTP24HR country ${country}`);
    const created: Offer = { service, country, price: parseThb('0', 'price'), stock: 0 };
    this.#offers.set(key(service, country), created);
    return created;
  }
}

function key(service: string, country: number): string {
  return `${service}:${country}`;
}

function assertStock(count: number): void {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`stock must be a non-negative integer, got ${count}`);
}
