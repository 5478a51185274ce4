/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What number to buy, and the idempotency key that makes retrying this mutation safe. */
export type BuyNumberInput = {
  /** ISO 3166-1 alpha-2 country code, e.g. "ID". */
  country: string;
  /** Unique per purchase (1–128 printable ASCII characters). Retrying with the same key and input returns the same order; nothing is bought twice. */
  idempotencyKey: string;
  /** Refuse to pay more than this, in any currency (converted to each provider’s currency). */
  maxPrice?: MoneyInput | null | undefined;
  /** Prefer this provider: ties go to it under CHEAPEST; it leads under BEST_SUCCESS. */
  preferProvider?: ProviderId | null | undefined;
  /** Only buy from this provider (default: the best offer of any). */
  provider?: ProviderId | null | undefined;
  /** How offers are ranked across providers; on no numbers, no provider balance or a provider limit the next one is tried (only one is ever charged). Providers that route among their own upstreams (smscode) follow the same policy. */
  routing?: RoutingPolicy | null | undefined;
  /** Platform key, e.g. "whatsapp" (see catalog). */
  service: string;
};

/** A premium app account. */
export type BuyPremiumAppInput = {
  /** Unique per purchase (1–128 printable ASCII characters). Retrying with the same key and input returns the same order; nothing is bought twice. */
  idempotencyKey: string;
  /** The app: the key of a PREMIUM_APP service in the catalog (or its offer’s providerRef). */
  serviceId: string;
};

/** Which order to cancel. */
export type CancelOrderInput = {
  /** Global id of the order. */
  orderId: string;
};

/** Which refill to cancel. */
export type CancelRefillInput = {
  /** Global id of the order. */
  orderId: string;
};

/** What a provider can do. */
export type Capability =
  /** Can cancel an order that is still processing (refunded). */
  | 'CANCEL'
  /** Publishes exchange rates. */
  | 'FX_RATES'
  /** Tops up game accounts. */
  | 'GAME_TOPUP'
  /** Refills mobile airtime. */
  | 'MOBILE_TOPUP'
  /** Can mark an OTP order complete early. */
  | 'OTP_FINISH'
  /** Rents virtual numbers that receive OTP codes. */
  | 'OTP_NUMBER'
  /** Can ask for an SMS to be sent again. */
  | 'OTP_RESEND'
  /** Sells premium app accounts. */
  | 'PREMIUM_APP'
  /** Can refund an order after the fact. */
  | 'REFUND'
  /** Sells social media boosts. */
  | 'SOCIAL_BOOST'
  /** Pushes order updates to a webhook. */
  | 'WEBHOOK';

/** Narrows the catalog. */
export type CatalogFilter = {
  /** ISO 3166-1 alpha-2 code, e.g. "ID". */
  country?: string | null | undefined;
  /** Leave out services with nothing in stock. */
  inStockOnly?: boolean | null | undefined;
  /** Only services of this kind. */
  kind?: OrderKind | null | undefined;
  /** Only this provider’s offers. */
  provider?: ProviderId | null | undefined;
  /** OTP platform key, e.g. "whatsapp" (OTP services only). */
  service?: string | null | undefined;
};

/** Which order to complete. */
export type CompleteOrderInput = {
  /** Global id of the order. */
  orderId: string;
};

/** ISO 4217 currency code of an amount. */
export type Currency =
  /** Indonesian rupiah. */
  | 'IDR'
  /** Thai baht. */
  | 'THB'
  /** US dollar. */
  | 'USD';

/** An amount in a currency, e.g. { amount: "0.50", currency: USD }. */
export type MoneyInput = {
  /** Exact decimal amount as a string. */
  amount: string;
  /** Currency of the amount. */
  currency: Currency;
};

/** Narrows the order list; every field is optional and they combine with AND. */
export type OrderFilter = {
  /** Created at or after this time. */
  createdAfter?: string | null | undefined;
  /** Created before this time. */
  createdBefore?: string | null | undefined;
  /** Any of these kinds. */
  kind?: Array<OrderKind> | null | undefined;
  /** Any of these providers. */
  provider?: Array<ProviderId> | null | undefined;
  /** Any of these statuses. */
  status?: Array<OrderStatus> | null | undefined;
};

/** What an order buys. */
export type OrderKind =
  /** A game topup order. */
  | 'GAME_TOPUP'
  /** A mobile topup order. */
  | 'MOBILE_TOPUP'
  /** A otp number order. */
  | 'OTP_NUMBER'
  /** A premium app order. */
  | 'PREMIUM_APP'
  /** A social boost order. */
  | 'SOCIAL_BOOST';

/** A social media boost. */
export type OrderSocialBoostInput = {
  /** Unique per purchase (1–128 printable ASCII characters). Retrying with the same key and input returns the same order; nothing is bought twice. */
  idempotencyKey: string;
  /** http(s) URL of the post or profile to boost. */
  link: string;
  /** The option: the key of a SOCIAL_BOOST service in the catalog (or its offer’s providerRef). */
  optionId: string;
  /** How many; within the option’s minQuantity and maxQuantity. */
  quantity: number;
};

/** The one monotonic status machine every order follows; a status never moves backwards. */
export type OrderStatus =
  /** Live at the provider: waiting for a code, or processing. */
  | 'ACTIVE'
  /** Canceled; the price was refunded to the provider balance. */
  | 'CANCELED'
  /** Done. */
  | 'COMPLETED'
  /** Ran out of time without a code; refunded. */
  | 'EXPIRED'
  /** The provider refused; nothing was charged (or it was returned). */
  | 'FAILED'
  /** At least one SMS/code arrived. */
  | 'OTP_RECEIVED'
  /** Intent recorded; the provider has not answered yet. */
  | 'PENDING'
  /** Refunded after completion. */
  | 'REFUNDED'
  /** The provider outcome was ambiguous; being reconciled from the provider. */
  | 'UNKNOWN';

/** An upstream provider this build can talk to. */
export type ProviderId =
  /** easysoft */
  | 'EASYSOFT'
  /** OTP24HR */
  | 'OTP24HR'
  /** P2W */
  | 'P2W'
  /** smscode.gg */
  | 'SMSCODE'
  /** 247xd */
  | 'XD247';

/** A mobile airtime refill. */
export type RefillMobileInput = {
  /** Face value in THB; one of the amounts the network’s service lists. */
  amount: string;
  /** Unique per purchase (1–128 printable ASCII characters). Retrying with the same key and input returns the same order; nothing is bought twice. */
  idempotencyKey: string;
  /** Network key from the catalog (MOBILE_TOPUP services): AIS, DTAC, TRUEH, TOT3G, MY, FEELS, PENGUIN. */
  network: string;
  /** Thai mobile number: 0812345678, +66812345678 or 66812345678. */
  phoneNumber: string;
};

/** Which order should get its SMS again. */
export type ResendSmsInput = {
  /** Global id of the order. */
  orderId: string;
};

/** How offers of several providers are ranked for a purchase. */
export type RoutingPolicy =
  /** By this gateway's OTP success rate per provider and service over the last 30 complete days, in 10% steps (neutral below 20 orders), then cheapest. */
  | 'BEST_SUCCESS'
  /** Cheapest first after conversion into one currency (default). */
  | 'CHEAPEST';

/** One field of the game account (the package lists which it needs). */
export type TopUpFieldInput = {
  /** Field name, e.g. gameid or server. */
  field: string;
  /** Its value. */
  value: string;
};

/** A game top-up. */
export type TopUpGameInput = {
  /** Unique per purchase (1–128 printable ASCII characters). Retrying with the same key and input returns the same order; nothing is bought twice. */
  idempotencyKey: string;
  /** The package: its id (e.g. ROLTH_A01_P001) or its service key from the catalog. */
  packageId: string;
  /** The game account; every field the package lists is required. */
  topupInfo: Array<TopUpFieldInput>;
};

export type StorefrontBalancesQueryVariables = Exact<{
  currency: Currency;
}>;


export type StorefrontBalancesQuery = { balances: { currency: Currency, complete: boolean, total: { amount: string, currency: Currency }, rates: Array<{ pair: string, rate: string, source: string, asOf: string }>, providers: Array<{ provider: ProviderId, error: string | null, balance: { amount: string, currency: Currency } | null, converted: { amount: string, currency: Currency } | null }> } };

export type CatalogQueryVariables = Exact<{
  currency?: Currency | null | undefined;
  filter?: CatalogFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CatalogQuery = { catalog: { edges: Array<{ node: { key: string, kind: OrderKind, name: string, details:
          | { __typename: 'GameTopupServiceDetails', game: string, fields: Array<string> }
          | { __typename: 'MobileTopupServiceDetails', network: string, amounts: Array<string>, online: boolean | null }
          | { __typename: 'OtpServiceDetails', platform: string, country: string }
          | { __typename: 'PremiumAppServiceDetails', app: string }
          | { __typename: 'SocialBoostServiceDetails', platform: string, minQuantity: number, maxQuantity: number, unitQuantity: number }
        , offers: Array<{ provider: ProviderId, providerRef: string, inStock: boolean, available: number | null, nativePrice: { amount: string, currency: Currency }, price: { amount: string, currency: Currency, fx: { pair: string, rate: string, source: string, asOf: string } } | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CountriesQueryVariables = Exact<{ [key: string]: never; }>;


export type CountriesQuery = { countries: Array<{ code: string, name: string, dialCode: string | null }> };

export type StorefrontBuyNumberMutationVariables = Exact<{
  input: BuyNumberInput;
}>;


export type StorefrontBuyNumberMutation = { buyNumber:
    | { __typename: 'BuyNumberPayload', order: { id: string, status: OrderStatus, phoneNumber: string | null, provider: ProviderId, expiresAt: string | null }, attempts: Array<{ provider: string, outcome: string, price: { amount: string, currency: Currency } | null }> }
    | { __typename: 'FxRateUnavailable', code: string, message: string, pair: string }
    | { __typename: 'IdempotencyKeyReused', code: string, message: string }
    | { __typename: 'InsufficientBalance', code: string, message: string, provider: ProviderId }
    | { __typename: 'NoOfferAvailable', code: string, message: string, provider: ProviderId, attempts: Array<{ provider: string, outcome: string, price: { amount: string, currency: Currency } | null }> }
    | { __typename: 'NotFound', code: string, message: string, resource: string }
    | { __typename: 'ProviderError', code: string, message: string, provider: ProviderId }
    | { __typename: 'RateLimited', code: string, message: string, provider: ProviderId, retryAfterSeconds: number }
    | { __typename: 'RequestInProgress', code: string, message: string }
    | { __typename: 'ServiceUnavailable', code: string, message: string, provider: ProviderId, unavailableForSeconds: number | null }
    | { __typename: 'SpendLimitExceeded', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

type OrderFields_GameTopUpOrder_Fragment = { __typename: 'GameTopUpOrder', game: string | null, packageId: string, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, topupInfo: Array<{ field: string, value: string }>, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null };

type OrderFields_MobileRefillOrder_Fragment = { __typename: 'MobileRefillOrder', network: string, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, refillNumber: string, amount: { amount: string, currency: Currency }, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null };

type OrderFields_OtpOrder_Fragment = { __typename: 'OtpOrder', phoneNumber: string | null, expiresAt: string | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, messages: Array<{ code: string | null, text: string, receivedAt: string }>, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null };

type OrderFields_PremiumAppOrder_Fragment = { __typename: 'PremiumAppOrder', app: string | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null };

type OrderFields_SocialBoostOrder_Fragment = { __typename: 'SocialBoostOrder', link: string, quantity: number, delivered: number | null, remains: number | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null };

export type OrderFieldsFragment =
  | OrderFields_GameTopUpOrder_Fragment
  | OrderFields_MobileRefillOrder_Fragment
  | OrderFields_OtpOrder_Fragment
  | OrderFields_PremiumAppOrder_Fragment
  | OrderFields_SocialBoostOrder_Fragment
;

export type StorefrontOrderQueryVariables = Exact<{
  id: string;
}>;


export type StorefrontOrderQuery = { order:
    | { __typename: 'GameTopUpOrder', game: string | null, packageId: string, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, topupInfo: Array<{ field: string, value: string }>, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
    | { __typename: 'MobileRefillOrder', network: string, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, refillNumber: string, amount: { amount: string, currency: Currency }, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
    | { __typename: 'OtpOrder', phoneNumber: string | null, expiresAt: string | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, messages: Array<{ code: string | null, text: string, receivedAt: string }>, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
    | { __typename: 'PremiumAppOrder', app: string | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
    | { __typename: 'SocialBoostOrder', link: string, quantity: number, delivered: number | null, remains: number | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
   | null, providers: Array<{ id: ProviderId, capabilities: Array<Capability> }> };

export type StorefrontOrderUpdatedSubscriptionVariables = Exact<{
  orderId: string;
}>;


export type StorefrontOrderUpdatedSubscription = { orderUpdated:
    | { __typename: 'GameTopUpOrder', game: string | null, packageId: string, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, topupInfo: Array<{ field: string, value: string }>, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
    | { __typename: 'MobileRefillOrder', network: string, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, refillNumber: string, amount: { amount: string, currency: Currency }, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
    | { __typename: 'OtpOrder', phoneNumber: string | null, expiresAt: string | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, messages: Array<{ code: string | null, text: string, receivedAt: string }>, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
    | { __typename: 'PremiumAppOrder', app: string | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
    | { __typename: 'SocialBoostOrder', link: string, quantity: number, delivered: number | null, remains: number | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
   };

export type StorefrontOtpReceivedSubscriptionVariables = Exact<{
  orderId: string;
}>;


export type StorefrontOtpReceivedSubscription = { otpReceived: { code: string | null, text: string, receivedAt: string, order: { id: string, status: OrderStatus } } };

export type StorefrontCredentialsQueryVariables = Exact<{
  id: string;
}>;


export type StorefrontCredentialsQuery = { order:
    | { __typename: 'GameTopUpOrder', id: string }
    | { __typename: 'MobileRefillOrder', id: string }
    | { __typename: 'OtpOrder', id: string }
    | { __typename: 'PremiumAppOrder', id: string, credentials: { username: string | null, password: string | null, pin: string | null, profile: string | null, expiresAt: string | null } | null }
    | { __typename: 'SocialBoostOrder', id: string }
   | null };

export type StorefrontCancelMutationVariables = Exact<{
  input: CancelOrderInput;
}>;


export type StorefrontCancelMutation = { cancelOrder:
    | { __typename: 'CancelOrderPayload', order:
        | { __typename: 'GameTopUpOrder', game: string | null, packageId: string, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, topupInfo: Array<{ field: string, value: string }>, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
        | { __typename: 'MobileRefillOrder', network: string, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, refillNumber: string, amount: { amount: string, currency: Currency }, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
        | { __typename: 'OtpOrder', phoneNumber: string | null, expiresAt: string | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, messages: Array<{ code: string | null, text: string, receivedAt: string }>, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
        | { __typename: 'PremiumAppOrder', app: string | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
        | { __typename: 'SocialBoostOrder', link: string, quantity: number, delivered: number | null, remains: number | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
       }
    | { __typename: 'CancelTooEarly', code: string, message: string, provider: ProviderId, secondsRemaining: number }
    | { __typename: 'NotFound', code: string, message: string, resource: string }
    | { __typename: 'ProviderError', code: string, message: string, provider: ProviderId }
    | { __typename: 'RateLimited', code: string, message: string, provider: ProviderId, retryAfterSeconds: number }
    | { __typename: 'ServiceUnavailable', code: string, message: string, provider: ProviderId, unavailableForSeconds: number | null }
    | { __typename: 'Unsupported', code: string, message: string, provider: ProviderId, operation: string }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type StorefrontCancelRefillMutationVariables = Exact<{
  input: CancelRefillInput;
}>;


export type StorefrontCancelRefillMutation = { cancelRefill:
    | { __typename: 'CancelRefillPayload', order:
        | { __typename: 'GameTopUpOrder', game: string | null, packageId: string, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, topupInfo: Array<{ field: string, value: string }>, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
        | { __typename: 'MobileRefillOrder', network: string, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, refillNumber: string, amount: { amount: string, currency: Currency }, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
        | { __typename: 'OtpOrder', phoneNumber: string | null, expiresAt: string | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, messages: Array<{ code: string | null, text: string, receivedAt: string }>, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
        | { __typename: 'PremiumAppOrder', app: string | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
        | { __typename: 'SocialBoostOrder', link: string, quantity: number, delivered: number | null, remains: number | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
       }
    | { __typename: 'CancelTooEarly', code: string, message: string, provider: ProviderId, secondsRemaining: number }
    | { __typename: 'NotFound', code: string, message: string, resource: string }
    | { __typename: 'ProviderError', code: string, message: string, provider: ProviderId }
    | { __typename: 'RateLimited', code: string, message: string, provider: ProviderId, retryAfterSeconds: number }
    | { __typename: 'ServiceUnavailable', code: string, message: string, provider: ProviderId, unavailableForSeconds: number | null }
    | { __typename: 'Unsupported', code: string, message: string, provider: ProviderId, operation: string }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type StorefrontResendMutationVariables = Exact<{
  input: ResendSmsInput;
}>;


export type StorefrontResendMutation = { resendSms:
    | { __typename: 'CancelTooEarly', code: string, message: string, provider: ProviderId, secondsRemaining: number }
    | { __typename: 'NotFound', code: string, message: string, resource: string }
    | { __typename: 'ProviderError', code: string, message: string, provider: ProviderId }
    | { __typename: 'RateLimited', code: string, message: string, provider: ProviderId, retryAfterSeconds: number }
    | { __typename: 'ResendSmsPayload', outcome: { resent: boolean } }
    | { __typename: 'ServiceUnavailable', code: string, message: string, provider: ProviderId, unavailableForSeconds: number | null }
    | { __typename: 'Unsupported', code: string, message: string, provider: ProviderId, operation: string }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type StorefrontCompleteMutationVariables = Exact<{
  input: CompleteOrderInput;
}>;


export type StorefrontCompleteMutation = { completeOrder:
    | { __typename: 'CancelTooEarly', code: string, message: string, provider: ProviderId, secondsRemaining: number }
    | { __typename: 'CompleteOrderPayload', order:
        | { __typename: 'GameTopUpOrder', game: string | null, packageId: string, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, topupInfo: Array<{ field: string, value: string }>, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
        | { __typename: 'MobileRefillOrder', network: string, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, refillNumber: string, amount: { amount: string, currency: Currency }, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
        | { __typename: 'OtpOrder', phoneNumber: string | null, expiresAt: string | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, messages: Array<{ code: string | null, text: string, receivedAt: string }>, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
        | { __typename: 'PremiumAppOrder', app: string | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
        | { __typename: 'SocialBoostOrder', link: string, quantity: number, delivered: number | null, remains: number | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, providerRef: string | null, createdAt: string, updatedAt: string, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null }
       }
    | { __typename: 'NotFound', code: string, message: string, resource: string }
    | { __typename: 'ProviderError', code: string, message: string, provider: ProviderId }
    | { __typename: 'RateLimited', code: string, message: string, provider: ProviderId, retryAfterSeconds: number }
    | { __typename: 'ServiceUnavailable', code: string, message: string, provider: ProviderId, unavailableForSeconds: number | null }
    | { __typename: 'Unsupported', code: string, message: string, provider: ProviderId, operation: string }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type StorefrontOrdersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: OrderFilter | null | undefined;
}>;


export type StorefrontOrdersQuery = { orders: { edges: Array<{ cursor: string, node:
        | { __typename: 'GameTopUpOrder', id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, createdAt: string, price: { amount: string, currency: Currency } | null }
        | { __typename: 'MobileRefillOrder', id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, createdAt: string, price: { amount: string, currency: Currency } | null }
        | { __typename: 'OtpOrder', phoneNumber: string | null, id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, createdAt: string, price: { amount: string, currency: Currency } | null }
        | { __typename: 'PremiumAppOrder', id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, createdAt: string, price: { amount: string, currency: Currency } | null }
        | { __typename: 'SocialBoostOrder', id: string, kind: OrderKind, status: OrderStatus, service: string, provider: ProviderId, createdAt: string, price: { amount: string, currency: Currency } | null }
       }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type StorefrontRefillMutationVariables = Exact<{
  input: RefillMobileInput;
}>;


export type StorefrontRefillMutation = { refillMobile:
    | { __typename: 'FxRateUnavailable', code: string, message: string, pair: string }
    | { __typename: 'IdempotencyKeyReused', code: string, message: string }
    | { __typename: 'InsufficientBalance', code: string, message: string, provider: ProviderId }
    | { __typename: 'NoOfferAvailable', code: string, message: string, provider: ProviderId }
    | { __typename: 'NotFound', code: string, message: string, resource: string }
    | { __typename: 'ProviderError', code: string, message: string, provider: ProviderId }
    | { __typename: 'RateLimited', code: string, message: string, provider: ProviderId, retryAfterSeconds: number }
    | { __typename: 'RefillMobilePayload', order:
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
       }
    | { __typename: 'RequestInProgress', code: string, message: string }
    | { __typename: 'ServiceUnavailable', code: string, message: string, provider: ProviderId, unavailableForSeconds: number | null }
    | { __typename: 'SpendLimitExceeded', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type StorefrontTopUpGameMutationVariables = Exact<{
  input: TopUpGameInput;
}>;


export type StorefrontTopUpGameMutation = { topUpGame:
    | { __typename: 'FxRateUnavailable', code: string, message: string, pair: string }
    | { __typename: 'IdempotencyKeyReused', code: string, message: string }
    | { __typename: 'InsufficientBalance', code: string, message: string, provider: ProviderId }
    | { __typename: 'NoOfferAvailable', code: string, message: string, provider: ProviderId }
    | { __typename: 'NotFound', code: string, message: string, resource: string }
    | { __typename: 'ProviderError', code: string, message: string, provider: ProviderId }
    | { __typename: 'RateLimited', code: string, message: string, provider: ProviderId, retryAfterSeconds: number }
    | { __typename: 'RequestInProgress', code: string, message: string }
    | { __typename: 'ServiceUnavailable', code: string, message: string, provider: ProviderId, unavailableForSeconds: number | null }
    | { __typename: 'SpendLimitExceeded', code: string, message: string }
    | { __typename: 'TopUpGamePayload', order:
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
       }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type StorefrontSocialBoostMutationVariables = Exact<{
  input: OrderSocialBoostInput;
}>;


export type StorefrontSocialBoostMutation = { orderSocialBoost:
    | { __typename: 'FxRateUnavailable', code: string, message: string, pair: string }
    | { __typename: 'IdempotencyKeyReused', code: string, message: string }
    | { __typename: 'InsufficientBalance', code: string, message: string, provider: ProviderId }
    | { __typename: 'NoOfferAvailable', code: string, message: string, provider: ProviderId }
    | { __typename: 'NotFound', code: string, message: string, resource: string }
    | { __typename: 'OrderSocialBoostPayload', order:
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
       }
    | { __typename: 'ProviderError', code: string, message: string, provider: ProviderId }
    | { __typename: 'RateLimited', code: string, message: string, provider: ProviderId, retryAfterSeconds: number }
    | { __typename: 'RequestInProgress', code: string, message: string }
    | { __typename: 'ServiceUnavailable', code: string, message: string, provider: ProviderId, unavailableForSeconds: number | null }
    | { __typename: 'SpendLimitExceeded', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type StorefrontBuyPremiumMutationVariables = Exact<{
  input: BuyPremiumAppInput;
}>;


export type StorefrontBuyPremiumMutation = { buyPremiumApp:
    | { __typename: 'BuyPremiumAppPayload', order:
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
       }
    | { __typename: 'FxRateUnavailable', code: string, message: string, pair: string }
    | { __typename: 'IdempotencyKeyReused', code: string, message: string }
    | { __typename: 'InsufficientBalance', code: string, message: string, provider: ProviderId }
    | { __typename: 'NoOfferAvailable', code: string, message: string, provider: ProviderId }
    | { __typename: 'NotFound', code: string, message: string, resource: string }
    | { __typename: 'ProviderError', code: string, message: string, provider: ProviderId }
    | { __typename: 'RateLimited', code: string, message: string, provider: ProviderId, retryAfterSeconds: number }
    | { __typename: 'RequestInProgress', code: string, message: string }
    | { __typename: 'ServiceUnavailable', code: string, message: string, provider: ProviderId, unavailableForSeconds: number | null }
    | { __typename: 'SpendLimitExceeded', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export const OrderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OtpOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MobileRefillOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"network"}},{"kind":"Field","alias":{"kind":"Name","value":"refillNumber"},"name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GameTopUpOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"game"}},{"kind":"Field","name":{"kind":"Name","value":"packageId"}},{"kind":"Field","name":{"kind":"Name","value":"topupInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SocialBoostOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"delivered"}},{"kind":"Field","name":{"kind":"Name","value":"remains"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PremiumAppOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"app"}}]}}]}}]} as unknown as DocumentNode<OrderFieldsFragment, unknown>;
export const StorefrontBalancesDocument = {"__meta__":{"hash":"sha256:adc1c6e2d85e6fd7b437f8ebafedd96b89ab8696768b599bb681bf6d2d440b92"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StorefrontBalances"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currency"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Currency"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"currency"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currency"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pair"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}}]}},{"kind":"Field","name":{"kind":"Name","value":"providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"converted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StorefrontBalancesQuery, StorefrontBalancesQueryVariables>;
export const CatalogDocument = {"__meta__":{"hash":"sha256:e25f5f5bf663b9946cc1bfcc91084d556aa73f34fabed5a14c18d32b7d0114c7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Catalog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currency"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Currency"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"currency"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currency"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OtpServiceDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MobileTopupServiceDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"network"}},{"kind":"Field","name":{"kind":"Name","value":"amounts"}},{"kind":"Field","name":{"kind":"Name","value":"online"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GameTopupServiceDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"game"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SocialBoostServiceDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"minQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"maxQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitQuantity"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PremiumAppServiceDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"app"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"offers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"inStock"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"nativePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"fx"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pair"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<CatalogQuery, CatalogQueryVariables>;
export const CountriesDocument = {"__meta__":{"hash":"sha256:5b64f3862baa147c14f0ccbea4cc5faf405d9b2ed1aca0eb2749b30557a2ea91"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Countries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dialCode"}}]}}]}}]} as unknown as DocumentNode<CountriesQuery, CountriesQueryVariables>;
export const StorefrontBuyNumberDocument = {"__meta__":{"hash":"sha256:b4c080133b778a188d048de3b31ebbe10ebc0ef6258d8f4b48b84d7ee99cceec"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StorefrontBuyNumber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BuyNumberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buyNumber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BuyNumberPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NoOfferAvailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimited"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceUnavailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"unavailableForSeconds"},"name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FxRateUnavailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pair"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFound"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resource"}}]}}]}}]}}]} as unknown as DocumentNode<StorefrontBuyNumberMutation, StorefrontBuyNumberMutationVariables>;
export const StorefrontOrderDocument = {"__meta__":{"hash":"sha256:9d7c28d5024589820524b2e33bbd50a1461c351700d19ec371a58f262649cf80"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StorefrontOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OtpOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MobileRefillOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"network"}},{"kind":"Field","alias":{"kind":"Name","value":"refillNumber"},"name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GameTopUpOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"game"}},{"kind":"Field","name":{"kind":"Name","value":"packageId"}},{"kind":"Field","name":{"kind":"Name","value":"topupInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SocialBoostOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"delivered"}},{"kind":"Field","name":{"kind":"Name","value":"remains"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PremiumAppOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"app"}}]}}]}}]} as unknown as DocumentNode<StorefrontOrderQuery, StorefrontOrderQueryVariables>;
export const StorefrontOrderUpdatedDocument = {"__meta__":{"hash":"sha256:901936351335f505f31a22ab69d2afadf9686001e56216e2058e51f0d99ca726"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StorefrontOrderUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OtpOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MobileRefillOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"network"}},{"kind":"Field","alias":{"kind":"Name","value":"refillNumber"},"name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GameTopUpOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"game"}},{"kind":"Field","name":{"kind":"Name","value":"packageId"}},{"kind":"Field","name":{"kind":"Name","value":"topupInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SocialBoostOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"delivered"}},{"kind":"Field","name":{"kind":"Name","value":"remains"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PremiumAppOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"app"}}]}}]}}]} as unknown as DocumentNode<StorefrontOrderUpdatedSubscription, StorefrontOrderUpdatedSubscriptionVariables>;
export const StorefrontOtpReceivedDocument = {"__meta__":{"hash":"sha256:12c39d3a8b2fe6d698eac0293aadb39a2fa1379076db01d0585f9990199df647"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StorefrontOtpReceived"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"otpReceived"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}}},{"kind":"Argument","name":{"kind":"Name","value":"replay"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<StorefrontOtpReceivedSubscription, StorefrontOtpReceivedSubscriptionVariables>;
export const StorefrontCredentialsDocument = {"__meta__":{"hash":"sha256:0e772db9abb5025cc8dc33d139893f66e7507aa9a1f12591cd4b8a0f666177af"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StorefrontCredentials"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PremiumAppOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"credentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"password"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"profile"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StorefrontCredentialsQuery, StorefrontCredentialsQueryVariables>;
export const StorefrontCancelDocument = {"__meta__":{"hash":"sha256:1f167ffddcee93d0d9f518a0868e2861b6d1f9229001c70ee55fef0c9b9cc9ec"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StorefrontCancel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CancelOrderPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CancelTooEarly"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secondsRemaining"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimited"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceUnavailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"unavailableForSeconds"},"name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Unsupported"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFound"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resource"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OtpOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MobileRefillOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"network"}},{"kind":"Field","alias":{"kind":"Name","value":"refillNumber"},"name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GameTopUpOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"game"}},{"kind":"Field","name":{"kind":"Name","value":"packageId"}},{"kind":"Field","name":{"kind":"Name","value":"topupInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SocialBoostOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"delivered"}},{"kind":"Field","name":{"kind":"Name","value":"remains"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PremiumAppOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"app"}}]}}]}}]} as unknown as DocumentNode<StorefrontCancelMutation, StorefrontCancelMutationVariables>;
export const StorefrontCancelRefillDocument = {"__meta__":{"hash":"sha256:1495e34abcf28430b3c9cfaa4f0045efebdec2958c3f119a272ece5c121ef9c9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StorefrontCancelRefill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelRefillInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelRefill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CancelRefillPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CancelTooEarly"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secondsRemaining"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimited"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceUnavailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"unavailableForSeconds"},"name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Unsupported"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFound"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resource"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OtpOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MobileRefillOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"network"}},{"kind":"Field","alias":{"kind":"Name","value":"refillNumber"},"name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GameTopUpOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"game"}},{"kind":"Field","name":{"kind":"Name","value":"packageId"}},{"kind":"Field","name":{"kind":"Name","value":"topupInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SocialBoostOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"delivered"}},{"kind":"Field","name":{"kind":"Name","value":"remains"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PremiumAppOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"app"}}]}}]}}]} as unknown as DocumentNode<StorefrontCancelRefillMutation, StorefrontCancelRefillMutationVariables>;
export const StorefrontResendDocument = {"__meta__":{"hash":"sha256:fb8afd71ef3def1ef75914cf533fdf9795fad34a25558d242c2b2638cf8b2724"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StorefrontResend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResendSmsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendSms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResendSmsPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resent"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CancelTooEarly"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secondsRemaining"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimited"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceUnavailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"unavailableForSeconds"},"name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Unsupported"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFound"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resource"}}]}}]}}]}}]} as unknown as DocumentNode<StorefrontResendMutation, StorefrontResendMutationVariables>;
export const StorefrontCompleteDocument = {"__meta__":{"hash":"sha256:94732b815c3537fcabd70f123ae8be940beb42140ac53e9b2b8115e58fb87bc6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StorefrontComplete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompleteOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CompleteOrderPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CancelTooEarly"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secondsRemaining"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimited"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceUnavailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"unavailableForSeconds"},"name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Unsupported"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFound"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resource"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OtpOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MobileRefillOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"network"}},{"kind":"Field","alias":{"kind":"Name","value":"refillNumber"},"name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GameTopUpOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"game"}},{"kind":"Field","name":{"kind":"Name","value":"packageId"}},{"kind":"Field","name":{"kind":"Name","value":"topupInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SocialBoostOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"delivered"}},{"kind":"Field","name":{"kind":"Name","value":"remains"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PremiumAppOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"app"}}]}}]}}]} as unknown as DocumentNode<StorefrontCompleteMutation, StorefrontCompleteMutationVariables>;
export const StorefrontOrdersDocument = {"__meta__":{"hash":"sha256:9b21c037e69acd9338c995d1a7fbac5ecf02ad305ccb6681338385546d3c224c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StorefrontOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OtpOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<StorefrontOrdersQuery, StorefrontOrdersQueryVariables>;
export const StorefrontRefillDocument = {"__meta__":{"hash":"sha256:619efb818ef4de52ff879224ad05b74a08e40589986de26c05d93a942d3fa36d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StorefrontRefill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RefillMobileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refillMobile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RefillMobilePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimited"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceUnavailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"unavailableForSeconds"},"name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FxRateUnavailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pair"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFound"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resource"}}]}}]}}]}}]} as unknown as DocumentNode<StorefrontRefillMutation, StorefrontRefillMutationVariables>;
export const StorefrontTopUpGameDocument = {"__meta__":{"hash":"sha256:b49dd75b19834bbbe5f2d0fed9adce4ba6c85090bf74fd304e16f3fca0c12f72"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StorefrontTopUpGame"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TopUpGameInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topUpGame"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TopUpGamePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimited"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceUnavailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"unavailableForSeconds"},"name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FxRateUnavailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pair"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFound"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resource"}}]}}]}}]}}]} as unknown as DocumentNode<StorefrontTopUpGameMutation, StorefrontTopUpGameMutationVariables>;
export const StorefrontSocialBoostDocument = {"__meta__":{"hash":"sha256:a1688dbb225850d1f72b579f2a100eb5898cf6130d04f136f127ebbc48301e63"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StorefrontSocialBoost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderSocialBoostInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderSocialBoost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OrderSocialBoostPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimited"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceUnavailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"unavailableForSeconds"},"name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FxRateUnavailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pair"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFound"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resource"}}]}}]}}]}}]} as unknown as DocumentNode<StorefrontSocialBoostMutation, StorefrontSocialBoostMutationVariables>;
export const StorefrontBuyPremiumDocument = {"__meta__":{"hash":"sha256:079876ecdb08f4c9a9ccf1c846437cddbfc990bd79623cee218f862bacd15628"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StorefrontBuyPremium"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BuyPremiumAppInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buyPremiumApp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BuyPremiumAppPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimited"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceUnavailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"unavailableForSeconds"},"name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FxRateUnavailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pair"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFound"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resource"}}]}}]}}]}}]} as unknown as DocumentNode<StorefrontBuyPremiumMutation, StorefrontBuyPremiumMutationVariables>;