import type { Currency, Money } from './money.ts';
import type { OrderStatus } from './order-status.ts';

/** Upstream providers Switchboard knows. */
export const PROVIDER_IDS = ['SMSCODE', 'OTP24HR', 'XD247', 'EASYSOFT', 'P2W'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** What a provider can sell, plus optional operations services may call only when declared. */
export const CAPABILITIES = [
  'OTP_NUMBER',
  'MOBILE_TOPUP',
  'GAME_TOPUP',
  'SOCIAL_BOOST',
  'PREMIUM_APP',
  'OTP_RESEND',
  'OTP_FINISH',
  'WEBHOOK',
  'FX_RATES',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Routing policy a caller may ask the provider to apply when it routes internally. */
export type RoutingPolicy = 'CHEAPEST' | 'BEST_SUCCESS';

/** A rate a provider publishes: `rate` units of `quote` for one unit of `base`. */
export interface PublishedRate {
  readonly base: Currency;
  readonly quote: Currency;
  readonly rate: string;
  readonly asOf: Date;
}

export interface ProviderCountry {
  /** ISO 3166-1 alpha-2. */
  readonly code: string;
  readonly name: string;
  readonly dialCode: string | null;
}

export interface ProviderPlatform {
  /** Canonical platform key, e.g. `whatsapp`. */
  readonly key: string;
  readonly name: string;
}

/** One provider's price for one OTP service (platform × country). */
export interface OtpOffer {
  readonly platform: string;
  readonly country: string;
  readonly name: string;
  /** Opaque to everyone but the adapter that made it. */
  readonly providerRef: string;
  readonly price: Money;
  readonly available: number | null;
}

export interface OtpOfferFilter {
  readonly platform?: string;
  readonly country?: string;
}

export interface BuyNumberRequest {
  readonly offerRef: string;
  /** Cap in the provider's own currency. */
  readonly maxPrice: Money | null;
  readonly policy: RoutingPolicy;
  /** Forwarded upstream where the provider supports idempotent creation. */
  readonly idempotencyKey: string;
}

export interface ReceivedMessage {
  readonly code: string | null;
  readonly text: string;
  readonly receivedAt: Date;
}

/** What the provider currently says about one order. */
export interface ProviderOrderSnapshot {
  readonly providerRef: string;
  readonly status: OrderStatus;
  /** The provider's own status word, kept for support. */
  readonly providerStatus: string;
  readonly phoneNumber: string | null;
  readonly price: Money | null;
  readonly expiresAt: Date | null;
  readonly message: ReceivedMessage | null;
  readonly refund: Money | null;
  readonly failedReason: string | null;
}

export interface OtpNumberOperations {
  countries(): Promise<ProviderCountry[]>;
  platforms(): Promise<ProviderPlatform[]>;
  offers(filter: OtpOfferFilter): Promise<OtpOffer[]>;
  /** Spends money. Called once; throws ProviderError (nothing spent) or AmbiguousOutcomeError. */
  buyNumber(request: BuyNumberRequest): Promise<ProviderOrderSnapshot>;
  getOrder(providerRef: string): Promise<ProviderOrderSnapshot>;
  /** Every order the provider still considers live, in as few calls as the provider allows. */
  activeOrders(): Promise<ProviderOrderSnapshot[]>;
  /** Finds the order a create with this idempotency key made, when the provider can tell. */
  findByIdempotencyKey?(request: BuyNumberRequest): Promise<ProviderOrderSnapshot | null>;
  cancel(providerRef: string): Promise<{ refund: Money | null }>;
  finish?(providerRef: string): Promise<void>;
  resend?(providerRef: string): Promise<{ resent: boolean }>;
}

/** A verified push from a provider, already in the unified vocabulary. */
export interface ProviderPush {
  /** Stable id of this delivery, so a replay is applied once. */
  readonly deliveryId: string;
  readonly event: string;
  readonly snapshot: ProviderOrderSnapshot;
}

export interface WebhookOperations {
  /** Verifies the signature and parses the body; throws WebhookRejectedError when it is not authentic. */
  parse(rawBody: string, headers: Headers): ProviderPush | null;
  register(url: string): Promise<{ url: string }>;
  sendTest(): Promise<{ statusCode: number }>;
}

export interface ProviderHealth {
  readonly status: 'UP' | 'DEGRADED' | 'DOWN';
  readonly checkedAt: Date | null;
  readonly detail: string | null;
}

/** The contract every provider folder implements; services call only what `capabilities` declares. */
export interface ProviderAdapter {
  readonly id: ProviderId;
  readonly name: string;
  readonly currency: Currency;
  readonly capabilities: ReadonlySet<Capability>;
  balance(): Promise<Money>;
  health(): ProviderHealth;
  publishedRates?(): Promise<PublishedRate[]>;
  readonly otp?: OtpNumberOperations;
  readonly webhook?: WebhookOperations;
  close?(): Promise<void>;
}

export class WebhookRejectedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'WebhookRejectedError';
  }
}
