import { createHash } from 'node:crypto';
import { ValidationError } from '../../domain/errors.ts';
import type { ProviderOffer } from '../../domain/provider.ts';
import type { Logger } from '../../logging/logger.ts';
import type { CoinRate } from './coin-rate.ts';
import { asObject, pick, readAmount, readCount, readId, readList, readText, slug, squeeze } from './readings.ts';

/** 247xd names no country: its numbers are Thai (Thai local format `0812345678`, coins priced like THB). */
export const XD247_COUNTRY = 'TH';

/**
 * 247xd service (and social platform) names → canonical platform keys, the keys of
 * src/providers/smscode/catalog.ts (and otp24hr's) where both sell the platform. Looked up squeezed
 * (lower case, letters and digits only), so `Google / Gmail` is `googlegmail`. A name not listed is kept
 * under a slug of 247xd's own name (`LINE MAN` would be `line-man` without its row here).
 */
export const PLATFORM_KEYS: Readonly<Record<string, string>> = {
  shopee: 'shopee',
  ช้อปปี้: 'shopee',
  line: 'line',
  ไลน์: 'line',
  facebook: 'facebook',
  fb: 'facebook',
  เฟซบุ๊ก: 'facebook',
  เฟสบุ๊ค: 'facebook',
  whatsapp: 'whatsapp',
  wa: 'whatsapp',
  telegram: 'telegram',
  tg: 'telegram',
  tiktok: 'tiktok',
  ติ๊กต็อก: 'tiktok',
  grab: 'grab',
  lazada: 'lazada',
  google: 'google',
  gmail: 'google',
  googlegmail: 'google',
  gmailgoogle: 'google',
  youtube: 'youtube',
  instagram: 'instagram',
  ig: 'instagram',
  twitter: 'twitter',
  x: 'twitter',
  twitterx: 'twitter',
  xtwitter: 'twitter',
  discord: 'discord',
  gojek: 'gojek',
  wechat: 'wechat',
  microsoft: 'microsoft',
  netflix: 'netflix',
  lineman: 'lineman',
  truemoney: 'truemoney',
  truemoneywallet: 'truemoney',
};

/** The canonical platform key of a 247xd service or platform name (a slug of the name when not in the table). */
export function platformKey(name: string): string {
  return PLATFORM_KEYS[squeeze(name)] ?? (slug(name) || hashSlug(name));
}

/**
 * Premium apps: a word in 247xd's product name (`Netflix Premium 4K (1 จอ) 30 วัน`) → the app's key. The
 * first word of the name that is in the table wins; a name without one keeps the slug of its first word.
 */
export const PREMIUM_APP_KEYS: Readonly<Record<string, string>> = {
  netflix: 'netflix',
  youtube: 'youtube',
  spotify: 'spotify',
  disney: 'disney-plus',
  'disney+': 'disney-plus',
  canva: 'canva',
  chatgpt: 'chatgpt',
  viu: 'viu',
  iqiyi: 'iqiyi',
  wetv: 'wetv',
  hbo: 'hbo-max',
  prime: 'prime-video',
  apple: 'apple-music',
  bilibili: 'bilibili',
  trueid: 'trueid',
  monomax: 'monomax',
  office: 'microsoft-365',
  microsoft: 'microsoft-365',
  capcut: 'capcut',
};

/** The app key of a premium product name. */
export function premiumAppKey(name: string): string {
  const words = name.normalize('NFC').toLowerCase().split(/[\s/()[\],|-]+/).filter(Boolean);
  for (const word of words) {
    const key = PREMIUM_APP_KEYS[word] ?? PREMIUM_APP_KEYS[word.replace(/[^\p{L}\p{N}+]/gu, '')];
    if (key) return key;
  }
  return slug(words[0] ?? '') || hashSlug(name);
}

// A name with neither letters nor digits still needs a stable key.
function hashSlug(name: string): string {
  return `x${createHash('sha256').update(name).digest('hex').slice(0, 10)}`;
}

// ── offer refs (opaque to everyone else) ──────────────────────────────

/** What `place` needs to know about an offer, carried in its providerRef. */
export type OfferRef =
  | { readonly kind: 'OTP_NUMBER'; readonly serviceId: string; readonly priceOptionId: string }
  | { readonly kind: 'SOCIAL_BOOST'; readonly optionId: string; readonly minQuantity: number; readonly maxQuantity: number }
  | { readonly kind: 'PREMIUM_APP'; readonly serviceId: string };

const enc = encodeURIComponent;

/** `otp:<serviceId>:<priceOptionId>`, `social:<optionId>:<min>:<max>`, `premium:<serviceId>` (ids URI-encoded). */
export function formatOfferRef(ref: OfferRef): string {
  switch (ref.kind) {
    case 'OTP_NUMBER':
      return `otp:${enc(ref.serviceId)}:${enc(ref.priceOptionId)}`;
    case 'SOCIAL_BOOST':
      return `social:${enc(ref.optionId)}:${ref.minQuantity}:${ref.maxQuantity}`;
    case 'PREMIUM_APP':
      return `premium:${enc(ref.serviceId)}`;
  }
}

/** The offer ref, or null when `text` is not one of ours. */
export function parseOfferRef(text: string): OfferRef | null {
  const parts = text.split(':');
  const dec = (part: string | undefined): string | null => {
    if (!part) return null;
    try {
      return decodeURIComponent(part);
    } catch {
      return null;
    }
  };
  const int = (part: string | undefined): number | null => (part && /^\d{1,15}$/.test(part) ? Number(part) : null);
  if (parts[0] === 'otp' && parts.length === 3) {
    const serviceId = dec(parts[1]);
    const priceOptionId = dec(parts[2]);
    return serviceId && priceOptionId ? { kind: 'OTP_NUMBER', serviceId, priceOptionId } : null;
  }
  if (parts[0] === 'social' && parts.length === 4) {
    const optionId = dec(parts[1]);
    const min = int(parts[2]);
    const max = int(parts[3]);
    return optionId && min !== null && max !== null && min <= max ? { kind: 'SOCIAL_BOOST', optionId, minQuantity: min, maxQuantity: max } : null;
  }
  if (parts[0] === 'premium' && parts.length === 2) {
    const serviceId = dec(parts[1]);
    return serviceId ? { kind: 'PREMIUM_APP', serviceId } : null;
  }
  return null;
}

/** The offer ref, or a ValidationError naming `offerRef` (nothing is sent for a ref we did not make). */
export function requireOfferRef(text: string): OfferRef {
  const ref = parseOfferRef(text);
  if (!ref) throw new ValidationError(`Not a 247xd offer ref: ${JSON.stringify(text)}`, 'offerRef');
  return ref;
}

// ── the three service lists → offers ─────────────────────────────────

const LIST_NAMES = ['services', 'items', 'list', 'results'];
const ID_NAMES = ['id', 'serviceId', 'uuid', '_id'];
const NAME_NAMES = ['name', 'title', 'serviceName', 'label'];
const STOCK_NAMES = ['stock', 'available', 'availableStock', 'quantity', 'qty', 'count'];

/** One OTP price option as read from GET /otp/services. */
export interface OtpOptionReading {
  readonly serviceId: string;
  readonly serviceName: string;
  readonly priceOptionId: string;
  readonly optionName: string | null;
  /** Coins, exact decimal text. */
  readonly coins: string;
  readonly stock: number | null;
}

/** One social option as read from GET /social/services, its price per `unitQuantity` units. */
export interface SocialOptionReading {
  readonly serviceId: string | null;
  readonly serviceName: string;
  readonly platform: string;
  readonly optionId: string;
  readonly optionName: string | null;
  readonly coins: string;
  readonly unitQuantity: number;
  readonly minQuantity: number;
  readonly maxQuantity: number;
}

/** One premium app as read from GET /premium/services. */
export interface PremiumReading {
  readonly serviceId: string;
  readonly name: string;
  readonly coins: string;
  readonly stock: number | null;
}

/** Items that could not be read, for one warning per catalog load. */
export interface Skipped {
  count: number;
}

function nonNegative(coins: string | null): string | null {
  return coins !== null && !coins.startsWith('-') ? coins : null;
}

/**
 * GET /otp/services `data` ("services with price options and stock"; members not in the document): a
 * list of services, each with a list of options. Read: ids under id/serviceId/…, options under
 * priceOptions/price_options/options/prices, price under price/coins/cost/amount, stock under
 * stock/available/…. An option without a readable id or price is skipped.
 */
export function readOtpServices(data: unknown, skipped: Skipped): OtpOptionReading[] {
  const out: OtpOptionReading[] = [];
  for (const item of readList(data, LIST_NAMES) ?? []) {
    const service = asObject(item);
    const serviceId = readId(pick(service, ID_NAMES));
    const serviceName = readText(pick(service, NAME_NAMES));
    const options = readList(pick(service, ['priceOptions', 'price_options', 'options', 'prices']), []);
    if (!serviceId || !serviceName || !options) {
      skipped.count += 1;
      continue;
    }
    for (const entry of options) {
      const option = asObject(entry);
      const priceOptionId = readId(pick(option, ['id', 'priceOptionId', 'price_option_id', 'optionId', 'uuid', '_id']));
      const coins = nonNegative(readAmount(pick(option, ['price', 'coins', 'cost', 'amount'])));
      if (!priceOptionId || coins === null) {
        skipped.count += 1;
        continue;
      }
      out.push({ serviceId, serviceName, priceOptionId, optionName: readText(pick(option, NAME_NAMES)), coins, stock: readCount(pick(option, STOCK_NAMES)) });
    }
  }
  return out;
}

// Names under which a price per 1000 units is given (SMM panels call it the "rate"), and per single unit.
const PER_1000_NAMES = ['pricePer1000', 'price_per_1000', 'pricePerThousand', 'per1000', 'ratePer1000', 'rate'];
const PER_UNIT_NAMES = ['pricePerUnit', 'price_per_unit', 'unitPrice', 'unit_price'];

/**
 * GET /social/services `data` (not in the document). The price must say what quantity it is for: per
 * 1000 (pricePer1000, rate…), per unit (pricePerUnit…), or `price` with an explicit unit (`per`,
 * `unitQuantity`). A bare `price` with no unit is skipped: reading it wrongly would misquote by 1000×.
 * Bounds: minQuantity/min…, maxQuantity/max…; a missing minimum is 1, a missing maximum unbounded (247xd
 * still checks the quantity itself, with a VALIDATION_ERROR that spends nothing).
 */
export function readSocialServices(data: unknown, skipped: Skipped): SocialOptionReading[] {
  const out: SocialOptionReading[] = [];
  for (const item of readList(data, LIST_NAMES) ?? []) {
    const service = asObject(item);
    const serviceName = readText(pick(service, NAME_NAMES));
    const options = readList(pick(service, ['options', 'priceOptions', 'price_options', 'packages', 'items']), []);
    if (!serviceName || !options) {
      skipped.count += 1;
      continue;
    }
    const platform = readText(pick(service, ['platform', 'category', 'network', 'socialPlatform'])) ?? serviceName.split(/\s+/)[0] ?? serviceName;
    const serviceId = readId(pick(service, ID_NAMES));
    for (const entry of options) {
      const option = asObject(entry);
      const optionId = readId(pick(option, ['id', 'optionId', 'option_id', 'uuid', '_id']));
      const price = socialPrice(option);
      const min = readCount(pick(option, ['minQuantity', 'min_quantity', 'minQty', 'min', 'minimum'])) ?? 1;
      const max = readCount(pick(option, ['maxQuantity', 'max_quantity', 'maxQty', 'max', 'maximum'])) ?? Number.MAX_SAFE_INTEGER;
      if (!optionId || !price || min < 1 || max < min) {
        skipped.count += 1;
        continue;
      }
      out.push({ serviceId, serviceName, platform, optionId, optionName: readText(pick(option, NAME_NAMES)), ...price, minQuantity: min, maxQuantity: max });
    }
  }
  return out;
}

function socialPrice(option: ReturnType<typeof asObject>): { coins: string; unitQuantity: number } | null {
  const per1000 = nonNegative(readAmount(pick(option, PER_1000_NAMES)));
  if (per1000 !== null) return { coins: per1000, unitQuantity: 1000 };
  const perUnit = nonNegative(readAmount(pick(option, PER_UNIT_NAMES)));
  if (perUnit !== null) return { coins: perUnit, unitQuantity: 1 };
  const price = nonNegative(readAmount(pick(option, ['price', 'coins', 'cost'])));
  const unit = readCount(pick(option, ['per', 'unitQuantity', 'unit_quantity', 'priceUnit', 'unit']));
  return price !== null && unit !== null && unit > 0 ? { coins: price, unitQuantity: unit } : null;
}

/** GET /premium/services `data` ("with stock"; members not in the document). */
export function readPremiumServices(data: unknown, skipped: Skipped): PremiumReading[] {
  const out: PremiumReading[] = [];
  for (const item of readList(data, LIST_NAMES) ?? []) {
    const service = asObject(item);
    const serviceId = readId(pick(service, ID_NAMES));
    const name = readText(pick(service, NAME_NAMES));
    const coins = nonNegative(readAmount(pick(service, ['price', 'coins', 'cost', 'amount'])));
    if (!serviceId || !name || coins === null) {
      skipped.count += 1;
      continue;
    }
    out.push({ serviceId, name, coins, stock: readCount(pick(service, STOCK_NAMES)) });
  }
  return out;
}

/** OTP option → offer `otp:<platform>:TH`, one per price option. */
export function otpOffer(o: OtpOptionReading, rate: CoinRate): ProviderOffer {
  const platform = platformKey(o.serviceName);
  return {
    serviceKey: `otp:${platform}:${XD247_COUNTRY}`,
    name: o.optionName ? `${o.serviceName} — ${o.optionName}` : o.serviceName,
    providerRef: formatOfferRef({ kind: 'OTP_NUMBER', serviceId: o.serviceId, priceOptionId: o.priceOptionId }),
    price: rate.toThb(o.coins),
    available: o.stock,
    details: { kind: 'OTP_NUMBER', platform, country: XD247_COUNTRY },
  };
}

/**
 * Social option → offer `social:<platform>:<option slug>`, priced per `unitQuantity`. The option slug is
 * the service's name without its platform word plus the option's name (`Instagram ผู้ติดตาม` /
 * `ผู้ติดตามไทย (คนจริง)` → `ผู้ติดตาม-ผู้ติดตามไทย-คนจริง`): option names repeat across services.
 */
export function socialOffer(o: SocialOptionReading, rate: CoinRate): ProviderOffer {
  const platform = platformKey(o.platform);
  const serviceWords = o.serviceName
    .split(/\s+/)
    .filter((word) => platformKey(word) !== platform)
    .join(' ');
  const optionSlug = slug(`${serviceWords} ${o.optionName ?? ''}`, 120) || slug(o.optionId, 120) || hashSlug(o.optionId);
  return {
    serviceKey: `social:${platform}:${optionSlug}`,
    name: o.optionName ? `${o.serviceName} — ${o.optionName}` : o.serviceName,
    providerRef: formatOfferRef({ kind: 'SOCIAL_BOOST', optionId: o.optionId, minQuantity: o.minQuantity, maxQuantity: o.maxQuantity }),
    price: rate.toThb(o.coins),
    available: null,
    details: { kind: 'SOCIAL_BOOST', platform, minQuantity: o.minQuantity, maxQuantity: o.maxQuantity, unitQuantity: o.unitQuantity },
  };
}

/** Premium app → offer `premium:<slug of the product name>`; available = stock. */
export function premiumOffer(o: PremiumReading, rate: CoinRate): ProviderOffer {
  const app = premiumAppKey(o.name);
  return {
    serviceKey: `premium:${slug(o.name, 120) || app}`,
    name: o.name,
    providerRef: formatOfferRef({ kind: 'PREMIUM_APP', serviceId: o.serviceId }),
    price: rate.toThb(o.coins),
    available: o.stock,
    details: { kind: 'PREMIUM_APP', app },
  };
}

/** Logs once per load how many catalog items could not be read (names only, never values). */
export function reportSkipped(logger: Logger | undefined, list: string, skipped: Skipped): void {
  if (skipped.count > 0) logger?.warn({ list, skipped: skipped.count }, `247xd ${list}: ${skipped.count} item(s) not in a readable shape were left out of the catalog`);
}
