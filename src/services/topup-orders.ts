import { Dec, Money } from '../domain/money.ts';
import { NoOfferAvailableError, ServiceUnavailableError, ValidationError } from '../domain/errors.ts';
import type { OrderKind } from '../domain/order-kind.ts';
import type { OfferDetails, OrderIntent, ProviderData } from '../domain/provider.ts';
import type { Order } from '../db/entities.ts';
import type { Catalog, CatalogOffer } from './catalog.ts';
import { IdempotencyStore } from './idempotency.ts';
import type { SpendingPipeline } from './spending/spending-pipeline.ts';

export interface RefillMobileInput {
  readonly network: string;
  readonly phoneNumber: string;
  readonly amount: string;
  readonly idempotencyKey: string;
}

export interface TopUpGameInput {
  readonly packageId: string;
  readonly topupInfo: Readonly<Record<string, string>>;
  readonly idempotencyKey: string;
}

export interface SocialBoostInput {
  readonly optionId: string;
  readonly link: string;
  readonly quantity: number;
  readonly idempotencyKey: string;
}

export interface PremiumAppInput {
  readonly serviceId: string;
  readonly idempotencyKey: string;
}

const MAX_LINK_LENGTH = 2048;
const MAX_FIELD_LENGTH = 200;

/**
 * Buying everything that is not an OTP number — mobile refills, game top-ups, social boosts,
 * premium app accounts. Input is checked against the catalog offer before anything is sent (a bad
 * field changes nothing), then the one spending pipeline runs.
 */
export class TopUpOrders {
  private readonly catalog: Catalog;
  private readonly pipeline: SpendingPipeline;

  constructor(deps: { catalog: Catalog; pipeline: SpendingPipeline }) {
    this.catalog = deps.catalog;
    this.pipeline = deps.pipeline;
  }

  async refillMobile(ownerId: string, input: RefillMobileInput): Promise<Order> {
    IdempotencyStore.validateKey(input.idempotencyKey);
    const network = input.network.trim().toUpperCase().replace(/[\s_-]/g, '');
    const offer = await this.find('MOBILE_TOPUP', (o) => o.details.kind === 'MOBILE_TOPUP' && o.details.network.toUpperCase().replace(/[\s_-]/g, '') === network, 'network', input.network);
    const details = offer.details as Extract<OfferDetails, { kind: 'MOBILE_TOPUP' }>;
    const phoneNumber = thaiMobileNumber(input.phoneNumber);
    const amount = decimalAmount(input.amount, 'amount');
    if (!details.amounts.some((a) => new Dec(a).equals(amount))) {
      throw new ValidationError(`amount must be one of ${details.amounts.join(', ')} THB for ${details.network}`, 'amount');
    }
    if (details.online === false) {
      throw new ServiceUnavailableError({ provider: offer.provider, providerCode: 'NETWORK_OFFLINE', message: `${details.network} refills are offline at ${offer.provider} right now; nothing was sent` });
    }
    const face = new Money(amount, offer.price.currency);
    return this.spend(ownerId, input.idempotencyKey, { ...offer, price: face }, { kind: 'MOBILE_TOPUP', network: details.network, phoneNumber, amount: amount.toFixed() }, { phoneNumber, network: details.network, amount: amount.toFixed() });
  }

  async topUpGame(ownerId: string, input: TopUpGameInput): Promise<Order> {
    IdempotencyStore.validateKey(input.idempotencyKey);
    const wanted = input.packageId.trim().toLowerCase();
    const offer = await this.find('GAME_TOPUP', (o) => o.providerRef.toLowerCase() === wanted || o.serviceKey === wanted || o.serviceKey === `game:${wanted}`, 'packageId', input.packageId);
    const details = offer.details as Extract<OfferDetails, { kind: 'GAME_TOPUP' }>;
    // No prototype: a field named like an Object method (toString, __proto__) is a field like any other.
    const topupInfo: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [key, value] of Object.entries(input.topupInfo)) {
      // A name that is no field name is not echoed as a field path (it may be anything, of any length).
      if (!/^[A-Za-z0-9_]{1,40}$/.test(key)) throw new ValidationError(`topupInfo field names are 1 to 40 letters, digits and _, got "${key.slice(0, 40)}${key.length > 40 ? '…' : ''}"`, 'topupInfo');
      const text = value.trim();
      if (text.length > MAX_FIELD_LENGTH) throw new ValidationError(`topupInfo.${key} is longer than ${MAX_FIELD_LENGTH} characters`, `topupInfo.${key}`);
      topupInfo[key] = text;
    }
    for (const field of details.fields) {
      if (!topupInfo[field]) throw new ValidationError(`${details.game} needs topupInfo.${field}`, `topupInfo.${field}`);
    }
    return this.spend(ownerId, input.idempotencyKey, offer, { kind: 'GAME_TOPUP', topupInfo }, { game: details.game, packageId: offer.providerRef, topupInfo });
  }

  async orderSocialBoost(ownerId: string, input: SocialBoostInput): Promise<Order> {
    IdempotencyStore.validateKey(input.idempotencyKey);
    const offer = await this.find('SOCIAL_BOOST', (o) => o.serviceKey === input.optionId || o.providerRef === input.optionId, 'optionId', input.optionId);
    const details = offer.details as Extract<OfferDetails, { kind: 'SOCIAL_BOOST' }>;
    const link = httpLink(input.link);
    if (!Number.isSafeInteger(input.quantity) || input.quantity < details.minQuantity || input.quantity > details.maxQuantity) {
      throw new ValidationError(`quantity must be a whole number from ${details.minQuantity} to ${details.maxQuantity}`, 'quantity');
    }
    // The expected charge, exact; the provider's answer records what it really took.
    const price = new Money(offer.price.amount.times(input.quantity).dividedBy(details.unitQuantity).toDecimalPlaces(2, Dec.ROUND_UP), offer.price.currency);
    return this.spend(ownerId, input.idempotencyKey, { ...offer, price }, { kind: 'SOCIAL_BOOST', link, quantity: input.quantity }, { platform: details.platform, link, quantity: input.quantity });
  }

  async buyPremiumApp(ownerId: string, input: PremiumAppInput): Promise<Order> {
    IdempotencyStore.validateKey(input.idempotencyKey);
    const offer = await this.find('PREMIUM_APP', (o) => o.serviceKey === input.serviceId || o.providerRef === input.serviceId, 'serviceId', input.serviceId);
    if (offer.available !== null && offer.available <= 0) {
      throw new NoOfferAvailableError({ provider: offer.provider, providerCode: 'OUT_OF_STOCK', message: `${offer.name} is out of stock; nothing was bought`, attempts: [{ provider: offer.provider, outcome: 'no_stock' }] });
    }
    const details = offer.details as Extract<OfferDetails, { kind: 'PREMIUM_APP' }>;
    return this.spend(ownerId, input.idempotencyKey, offer, { kind: 'PREMIUM_APP' }, { app: details.app });
  }

  private spend(ownerId: string, idempotencyKey: string, offer: CatalogOffer, intent: OrderIntent, details: ProviderData): Promise<Order> {
    return this.pipeline.spend({
      ownerId,
      idempotencyKey,
      fingerprint: { service: offer.serviceKey, intent },
      kind: intent.kind,
      serviceKey: offer.serviceKey,
      intent,
      details,
      route: async () => ({ candidates: [{ offer, capInProviderCurrency: null }], skipped: [] }),
      noOffer: (attempts) => new NoOfferAvailableError({ provider: offer.provider, providerCode: 'NO_OFFER_AVAILABLE', message: `${offer.name} cannot be bought now`, attempts }),
    });
  }

  private async find(kind: OrderKind, match: (offer: CatalogOffer) => boolean, field: string, given: string): Promise<CatalogOffer> {
    const offers = await this.catalog.offers({ kind });
    const offer = offers.find(match);
    if (!offer) throw new ValidationError(`No ${kind.toLowerCase().replace('_', ' ')} "${given}" in the catalog`, field);
    return offer;
  }
}

/** A Thai mobile number in its national form (10 digits starting 06, 08 or 09), from +66 / 66 / 0 forms. */
export function thaiMobileNumber(raw: string): string {
  const digits = raw.replace(/[\s-]/g, '');
  const national = digits.startsWith('+66') ? `0${digits.slice(3)}` : digits.startsWith('66') && digits.length === 11 ? `0${digits.slice(2)}` : digits;
  if (!/^0[689]\d{8}$/.test(national)) throw new ValidationError('phoneNumber must be a Thai mobile number such as 0812345678 or +66812345678', 'phoneNumber');
  return national;
}

function decimalAmount(raw: string, field: string): Dec {
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(raw.trim())) throw new ValidationError(`${field} must be a THB amount such as "100" or "100.00"`, field);
  return new Dec(raw.trim());
}

function httpLink(raw: string): string {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError('link must be an http(s) URL of the post or profile to boost', 'link');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || text.length > MAX_LINK_LENGTH || !url.hostname.includes('.')) {
    throw new ValidationError('link must be an http(s) URL of the post or profile to boost', 'link');
  }
  return text;
}
