import type { Currency, Money } from './money.ts';
import type { OrderKind } from './order-kind.ts';
import type { OrderStatus } from './order-status.ts';

/**
 * The contract every provider folder implements (docs/architecture.md, "The provider contract").
 * One shape for every order kind: a catalog of offers, place, look up, and the optional operations a
 * provider declares once in `operations` (present = supported; the core answers Unsupported otherwise).
 */

/** Upstream providers Switchboard knows. */
export const PROVIDER_IDS = ['SMSCODE', 'OTP24HR', 'XD247', 'EASYSOFT', 'P2W'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** Routing policy a caller may ask a provider to apply when it routes internally (smscode does). */
export type RoutingPolicy = 'CHEAPEST' | 'BEST_SUCCESS';

/** JSON the core stores for an adapter and hands back on every call (nothing a restart needs lives only in memory). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type ProviderData = Readonly<Record<string, JsonValue>>;

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

// ── catalog ──

/** Kind-specific facts of an offer: what a customer chooses and what the provider needs to know. */
export type OfferDetails =
  | { readonly kind: 'OTP_NUMBER'; readonly platform: string; readonly country: string }
  | { readonly kind: 'MOBILE_TOPUP'; readonly network: string; readonly online: boolean | null; readonly amounts: readonly string[] }
  | { readonly kind: 'GAME_TOPUP'; readonly game: string; readonly fields: readonly string[] }
  | { readonly kind: 'SOCIAL_BOOST'; readonly platform: string; readonly minQuantity: number; readonly maxQuantity: number; readonly unitQuantity: number }
  | { readonly kind: 'PREMIUM_APP'; readonly app: string };

/** One provider's price for one service. */
export interface ProviderOffer {
  /** Canonical, provider-neutral key of what is sold, e.g. `otp:shopee:TH`; offers of one key are one Service. */
  readonly serviceKey: string;
  readonly name: string;
  /** Opaque to everyone but the adapter that made it. */
  readonly providerRef: string;
  /** In the provider's currency: per order (per `unitQuantity` for social boosts). */
  readonly price: Money;
  /** Units in stock when the provider says; null when it does not. */
  readonly available: number | null;
  readonly details: OfferDetails;
}

// ── orders ──

/** What the client asked for, kind by kind (stored on the order, handed back to the adapter). */
export type OrderIntent =
  | { readonly kind: 'OTP_NUMBER'; readonly policy: RoutingPolicy }
  | { readonly kind: 'MOBILE_TOPUP'; readonly network: string; readonly phoneNumber: string; readonly amount: string }
  | { readonly kind: 'GAME_TOPUP'; readonly topupInfo: Readonly<Record<string, string>> }
  | { readonly kind: 'SOCIAL_BOOST'; readonly link: string; readonly quantity: number }
  | { readonly kind: 'PREMIUM_APP' };

/** A spending request, placed once. */
export interface PlaceOrderRequest {
  readonly offerRef: string;
  readonly intent: OrderIntent;
  /** Cap in the provider's own currency, when the client set one. */
  readonly maxPrice: Money | null;
  /**
   * The gateway's own reference of this order (`[A-Za-z0-9_-]`, ≤ 64): forwarded where the provider
   * keys creates on one (smscode Idempotency-Key, P2W refID), so a replay can never charge twice.
   */
  readonly reference: string;
  /** Where the provider should push updates for this order, when it takes a URL per order. */
  readonly callbackUrl: string | null;
}

/** The order as the core stores it, handed to the adapter for every later call. */
export interface OrderHandle {
  readonly kind: OrderKind;
  readonly reference: string;
  readonly providerRef: string | null;
  readonly offerRef: string;
  readonly intent: OrderIntent;
  readonly maxPrice: Money | null;
  readonly price: Money | null;
  readonly providerData: ProviderData;
  /** When the intent was recorded locally (at or before the provider created it). */
  readonly createdAt: Date;
}

/** An SMS received on an OTP number. */
export interface ReceivedMessage {
  /**
   * What identifies this SMS for this provider (its message id, or its content where it has none):
   * the same SMS seen by poll and by webhook is stored once, whatever timestamps each carries.
   */
  readonly key: string;
  readonly code: string | null;
  readonly text: string;
  readonly receivedAt: Date;
}

/** What the provider currently says about one order. */
export interface OrderSnapshot {
  readonly providerRef: string;
  readonly status: OrderStatus;
  /** The provider's own status word, kept for support. */
  readonly providerStatus: string;
  /** What was charged, when the answer says. */
  readonly price: Money | null;
  /** What came back (cancel, expiry, failed top-up), when the answer says. */
  readonly refund: Money | null;
  readonly failedReason: string | null;
  /** OTP orders: the number, its expiry, and the newest SMS when the answer carries one. */
  readonly otp?: { readonly phoneNumber: string | null; readonly expiresAt: Date | null; readonly message: ReceivedMessage | null };
  /**
   * Kind-specific facts to keep on the order (target, amount delivered, raw result codes…), merged
   * in. Under SENSITIVE_DETAIL_KEY: what only the owner may see (premium credentials), sealed at rest.
   */
  readonly details?: ProviderData;
  /** Adapter-private facts to persist (merged into the order's providerData). */
  readonly providerData?: ProviderData;
}

/** The key of `OrderSnapshot.details` whose value is sealed at rest and shown to the order's owner only. */
export const SENSITIVE_DETAIL_KEY = 'credentials';

/** What a lookup could tell about an order. */
export type LookupResult =
  | { readonly outcome: 'found'; readonly snapshot: OrderSnapshot }
  /** A definite answer: the provider has no such order (the create never took effect). */
  | { readonly outcome: 'absent'; readonly reason: string }
  /** No definite answer now (rate limited, down, or the API cannot tell): ask again later. */
  | { readonly outcome: 'unknown'; readonly reason: string };

/** Where an order stands after an action (cancel, refund, complete) the provider accepted. */
export interface ActionOutcome {
  readonly status: OrderStatus;
  readonly refund: Money | null;
  readonly providerStatus?: string;
}

/** Operations a provider may support beyond catalog, place and lookup: present = supported. */
export interface ProviderOperations {
  cancel?(order: OrderHandle): Promise<ActionOutcome>;
  refund?(order: OrderHandle): Promise<ActionOutcome>;
  complete?(order: OrderHandle): Promise<ActionOutcome>;
  resend?(order: OrderHandle): Promise<{ resent: boolean }>;
  /** Every order the provider still considers live, in as few calls as it allows (batched polling). */
  activeOrders?(): Promise<OrderSnapshot[]>;
  countries?(): Promise<ProviderCountry[]>;
  publishedRates?(): Promise<PublishedRate[]>;
  /**
   * The provider's own record of the orders created within `window`, read from its order listing: for
   * reconciling against its books and finding orders with no local record (orphans). Only where the API
   * lists orders — smscode (GET /orders), OTP24HR (orders.php); 247xd, easysoft and P2W have no listing.
   */
  history?(window: { from: Date; to: Date }): Promise<OrderSnapshot[]>;
}
export type ProviderOperation = keyof ProviderOperations;

// ── pushes ──

/** One request a provider pushed to the gateway, as it arrived. */
export interface WebhookRequest {
  readonly rawBody: string;
  readonly headers: Headers;
  readonly url: URL;
}

/** One verified update inside a push. */
export interface WebhookUpdate {
  /** Stable id of this delivery, so a replay is applied once. */
  readonly deliveryId: string;
  readonly event: string;
  /** The provider's order id and/or the gateway's reference: at least one identifies the order. */
  readonly providerRef: string | null;
  readonly reference: string | null;
  /** What the push says. With `confirm`, the core applies only what a lookup then says (unsigned pushes). */
  readonly snapshot: OrderSnapshot | null;
  readonly confirm: boolean;
}

export interface WebhookResult {
  readonly updates: readonly WebhookUpdate[];
  /** What the provider expects in answer. */
  readonly reply: { readonly status: number; readonly body: string; readonly contentType?: string };
}

export interface ProviderWebhook {
  /**
   * `signature`: the adapter verifies the body itself. `path-token`: the provider signs nothing, so
   * the route only hands the adapter requests whose path carries the gateway's secret token.
   */
  readonly authentication: 'signature' | 'path-token';
  /** With `path-token`: the secret the callback path must carry. */
  readonly pathToken?: string;
  /** Verifies and parses; throws WebhookRejectedError when the push is not authentic (→ 401, nothing changed). */
  receive(request: WebhookRequest): WebhookResult;
  /** Registers the URL with the provider, where its API has such a call. */
  register?(url: string): Promise<{ url: string }>;
  /** Asks the provider to send its test event, where it has one. */
  sendTest?(): Promise<{ statusCode: number }>;
}

export interface ProviderHealth {
  readonly status: 'UP' | 'DEGRADED' | 'DOWN';
  readonly checkedAt: Date | null;
  readonly detail: string | null;
}

/** The contract every provider folder implements. */
export interface ProviderAdapter {
  readonly id: ProviderId;
  readonly name: string;
  readonly currency: Currency;
  /** Kinds of order it sells. */
  readonly kinds: readonly OrderKind[];
  balance(): Promise<Money>;
  health(): ProviderHealth;
  /** The provider's whole catalog as offers (the core caches it). */
  offers(): Promise<ProviderOffer[]>;
  /** Spends money. Called once; throws a ProviderFailure (nothing spent) or AmbiguousOutcomeError. */
  place(request: PlaceOrderRequest): Promise<OrderSnapshot>;
  /** Finds the order, by its provider ref or, before one is known, by what the provider keys on. */
  lookup(order: OrderHandle): Promise<LookupResult>;
  readonly operations: ProviderOperations;
  readonly webhook?: ProviderWebhook;
  close?(): Promise<void>;
}

/** Whether the adapter declares `operation`. */
export function supports(adapter: ProviderAdapter, operation: ProviderOperation): boolean {
  return typeof adapter.operations[operation] === 'function';
}

export class WebhookRejectedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'WebhookRejectedError';
  }
}
