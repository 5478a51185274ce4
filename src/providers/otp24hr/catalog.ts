import { ProviderRejectedError } from '../../domain/errors.ts';
import { Money } from '../../domain/money.ts';
import type { ProviderCountry, ProviderOffer } from '../../domain/provider.ts';
import type { Otp24hrClient } from './client.ts';
import type { Service } from './wire.ts';

/**
 * OTP24HR service codes (sms-activate numbering, the document's `ka`, `fb`, `tg`) → canonical platform
 * keys; the keys are smscode's (src/providers/smscode/catalog.ts) where both sell the platform.
 */
export const PLATFORM_KEYS: Readonly<Record<string, string>> = {
  ka: 'shopee',
  fb: 'facebook',
  tg: 'telegram',
  wa: 'whatsapp',
  lf: 'tiktok',
  me: 'line',
  go: 'google',
  ig: 'instagram',
  tw: 'twitter',
  jg: 'grab',
  dl: 'lazada',
  ni: 'gojek',
  ds: 'discord',
  vi: 'viber',
  wb: 'wechat',
  mm: 'microsoft',
  am: 'amazon',
  oi: 'tinder',
  nf: 'netflix',
  ts: 'paypal',
  mb: 'yahoo',
  ub: 'uber',
};

/** One sms-activate country number the gateway knows. */
export interface Otp24hrCountry {
  /** sms-activate number, as OTP24HR's `country` parameter takes it. */
  readonly id: number;
  /** ISO 3166-1 alpha-2. */
  readonly iso: string;
  readonly name: string;
  /** With `+`. */
  readonly dialCode: string;
}

/**
 * sms-activate country numbers → ISO 3166-1 alpha-2 (52 = Thailand, the document's default). Only
 * numbers known for certain; the catalog loads exactly these (one services.php call each). 12 (a second,
 * "virtual" USA) is left out on purpose: two numbers under one ISO code would give two offers per key.
 */
export const COUNTRIES: readonly Otp24hrCountry[] = [
  { id: 52, iso: 'TH', name: 'Thailand', dialCode: '+66' },
  { id: 6, iso: 'ID', name: 'Indonesia', dialCode: '+62' },
  { id: 7, iso: 'MY', name: 'Malaysia', dialCode: '+60' },
  { id: 10, iso: 'VN', name: 'Vietnam', dialCode: '+84' },
  { id: 4, iso: 'PH', name: 'Philippines', dialCode: '+63' },
  { id: 5, iso: 'MM', name: 'Myanmar', dialCode: '+95' },
  { id: 24, iso: 'KH', name: 'Cambodia', dialCode: '+855' },
  { id: 25, iso: 'LA', name: 'Laos', dialCode: '+856' },
  { id: 3, iso: 'CN', name: 'China', dialCode: '+86' },
  { id: 14, iso: 'HK', name: 'Hong Kong', dialCode: '+852' },
  { id: 22, iso: 'IN', name: 'India', dialCode: '+91' },
  { id: 0, iso: 'RU', name: 'Russia', dialCode: '+7' },
  { id: 1, iso: 'UA', name: 'Ukraine', dialCode: '+380' },
  { id: 2, iso: 'KZ', name: 'Kazakhstan', dialCode: '+7' },
  { id: 16, iso: 'GB', name: 'United Kingdom', dialCode: '+44' },
  { id: 187, iso: 'US', name: 'United States', dialCode: '+1' },
];

const BY_ID = new Map(COUNTRIES.map((c) => [c.id, c]));

/** The canonical platform key of an OTP24HR service code; a code the table does not know is kept (lower-cased). */
export function platformKey(serviceCode: string): string {
  const code = serviceCode.trim().toLowerCase();
  return PLATFORM_KEYS[code] ?? code;
}

/** The country of an sms-activate number, when the table knows it. */
export function countryOf(id: number): Otp24hrCountry | undefined {
  return BY_ID.get(id);
}

/** ISO code of an sms-activate number; a number the table does not know is kept as the provider's own (`"99"`). */
export function isoCountry(id: number): string {
  return BY_ID.get(id)?.iso ?? String(id);
}

/** What buy.php needs, carried in the offer's providerRef as `<service code>:<country number>` (e.g. `ka:52`). */
export interface OfferRef {
  readonly service: string;
  readonly country: number;
}

const OFFER_REF = /^([A-Za-z0-9_-]{1,32}):(\d{1,6})$/;

export function formatOfferRef(ref: OfferRef): string {
  return `${ref.service}:${ref.country}`;
}

/** Reads an offer ref this adapter made; null for anything else. */
export function parseOfferRef(text: string): OfferRef | null {
  const match = OFFER_REF.exec(text);
  if (!match?.[1] || match[2] === undefined) return null;
  return { service: match[1], country: Number(match[2]) };
}

/** The offer ref, or a definite refusal (nothing was sent, nothing spent). */
export function requireOfferRef(text: string): OfferRef {
  const ref = parseOfferRef(text);
  if (!ref) throw new ProviderRejectedError({ provider: 'OTP24HR', providerCode: 'INVALID_OFFER_REF', message: `Not an OTP24HR offer ref: ${JSON.stringify(text)}` });
  return ref;
}

/** One offer of a services.php item in one country. */
export function offerOf(service: Service, country: number): ProviderOffer {
  const platform = platformKey(service.code);
  const iso = isoCountry(country);
  const countryName = countryOf(country)?.name ?? `country ${country}`;
  return {
    serviceKey: `otp:${platform}:${iso}`,
    name: `${service.name || service.code} ${countryName}`,
    providerRef: formatOfferRef({ service: service.code, country }),
    price: Money.fromProvider(service.price_thb, 'THB'),
    // The document gives a yes/no, not a count: "in stock, count unknown" or none at all.
    available: service.available ? null : 0,
    details: { kind: 'OTP_NUMBER', platform, country: iso },
  };
}

/** OTP24HR's catalog: services.php once per country of the table (the core caches the result). */
export class Otp24hrCatalog {
  readonly #client: Otp24hrClient;

  constructor(client: Otp24hrClient) {
    this.#client = client;
  }

  countries(): ProviderCountry[] {
    return COUNTRIES.map((c) => ({ code: c.iso, name: c.name, dialCode: c.dialCode }));
  }

  /**
   * Every service of every table country. One failed country fails the load (the core keeps its cached
   * catalog) rather than publishing a catalog with a country silently missing.
   */
  async offers(): Promise<ProviderOffer[]> {
    const lists = await Promise.all(COUNTRIES.map(async (c) => ({ country: c.id, services: (await this.#client.services(c.id)).services })));
    return lists.flatMap(({ country, services }) => services.map((s) => offerOf(s, country)));
  }
}
