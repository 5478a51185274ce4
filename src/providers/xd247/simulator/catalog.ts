import { parseCoins } from './coins.ts';
import type { Coins } from './coins.ts';
import type { OtpServiceSeed, PremiumServiceSeed, SocialServiceSeed } from './public-types.ts';

/** An OTP price option with its live stock. */
export interface OtpPriceOption {
  readonly id: string;
  readonly serviceId: string;
  readonly name: string;
  readonly price: Coins;
  stock: number;
}

/** An OTP service and its options, in seed order. */
export interface OtpService {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly options: OtpPriceOption[];
}

/** A social booster option. */
export interface SocialOption {
  readonly id: string;
  readonly serviceId: string;
  readonly name: string;
  readonly pricePer1000: Coins;
  readonly minQuantity: number;
  readonly maxQuantity: number;
}

/** A social booster service and its options. */
export interface SocialService {
  readonly id: string;
  readonly name: string;
  readonly platform: string;
  readonly options: SocialOption[];
}

/** A premium app with its live stock. */
export interface PremiumService {
  readonly id: string;
  readonly name: string;
  readonly price: Coins;
  readonly durationDays: number;
  stock: number;
}

function assertStock(stock: number, what: string): void {
  if (!Number.isSafeInteger(stock) || stock < 0) throw new RangeError(`${what}: stock must be a non-negative integer`);
}

/** What 247xd sells: OTP services, social boosters and premium apps, with stock where the document says so. */
export class Catalog {
  readonly otpServices: OtpService[];
  readonly socialServices: SocialService[];
  readonly premiumServices: PremiumService[];
  readonly #otpOptions = new Map<string, OtpPriceOption>();
  readonly #socialOptions = new Map<string, SocialOption>();
  readonly #premium = new Map<string, PremiumService>();
  readonly #ids = new Set<string>();

  constructor(otp: readonly OtpServiceSeed[], socialSeed: readonly SocialServiceSeed[], premium: readonly PremiumServiceSeed[]) {
    this.otpServices = otp.map((s) => {
      this.#claim(s.id);
      const service: OtpService = { id: s.id, code: s.code, name: s.name, options: [] };
      for (const o of s.priceOptions) {
        this.#claim(o.id);
        assertStock(o.stock, `OTP option ${o.id}`);
        const option: OtpPriceOption = { id: o.id, serviceId: s.id, name: o.name, price: parseCoins(o.price, `price of ${o.id}`), stock: o.stock };
        service.options.push(option);
        this.#otpOptions.set(option.id, option);
      }
      return service;
    });
    this.socialServices = socialSeed.map((s) => {
      this.#claim(s.id);
      const service: SocialService = { id: s.id, name: s.name, platform: s.platform, options: [] };
      for (const o of s.options) {
        this.#claim(o.id);
        if (!(Number.isSafeInteger(o.minQuantity) && o.minQuantity >= 1 && Number.isSafeInteger(o.maxQuantity) && o.maxQuantity >= o.minQuantity)) {
          throw new RangeError(`social option ${o.id}: need 1 <= minQuantity <= maxQuantity`);
        }
        const option: SocialOption = {
          id: o.id,
          serviceId: s.id,
          name: o.name,
          pricePer1000: parseCoins(o.pricePer1000, `pricePer1000 of ${o.id}`),
          minQuantity: o.minQuantity,
          maxQuantity: o.maxQuantity,
        };
        service.options.push(option);
        this.#socialOptions.set(option.id, option);
      }
      return service;
    });
    this.premiumServices = premium.map((p) => {
      this.#claim(p.id);
      assertStock(p.stock, `premium service ${p.id}`);
      if (!Number.isSafeInteger(p.durationDays) || p.durationDays < 1) throw new RangeError(`premium service ${p.id}: durationDays must be >= 1`);
      const service: PremiumService = { id: p.id, name: p.name, price: parseCoins(p.price, `price of ${p.id}`), durationDays: p.durationDays, stock: p.stock };
      this.#premium.set(service.id, service);
      return service;
    });
  }

  otpService(id: string): OtpService | undefined {
    return this.otpServices.find((s) => s.id === id);
  }

  otpOption(id: string): OtpPriceOption | undefined {
    return this.#otpOptions.get(id);
  }

  socialOption(id: string): SocialOption | undefined {
    return this.#socialOptions.get(id);
  }

  premiumService(id: string): PremiumService | undefined {
    return this.#premium.get(id);
  }

  /** Sets the stock of an OTP price option or of a premium app (ids are unique across the catalog). */
  setStock(id: string, stock: number): void {
    assertStock(stock, id);
    const item = this.#otpOptions.get(id) ?? this.#premium.get(id);
    if (!item) throw new Error(`no OTP price option or premium service with id ${id}`);
    item.stock = stock;
  }

  #claim(id: string): void {
    if (this.#ids.has(id)) throw new Error(`duplicate catalog id ${id}`);
    this.#ids.add(id);
  }
}
