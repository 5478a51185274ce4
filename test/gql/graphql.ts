/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

/** How a provider has been answering. */
export type HealthStatus =
  /** Answering, but slowly, rate-limited or with errors. */
  | 'DEGRADED'
  /** Not answering. */
  | 'DOWN'
  /** Answering normally. */
  | 'UP';

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

export type BenchOtpCodesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type BenchOtpCodesSubscription = { otpReceived: { code: string | null, order: { id: string } } };

export type MigratedOrdersQueryVariables = Exact<{
  done: string;
  open: string;
}>;


export type MigratedOrdersQuery = { done:
    | { id: string, status: OrderStatus, reference: string, price: { amount: string, currency: Currency } | null, statusHistory: Array<{ to: OrderStatus }> }
    | { id: string, status: OrderStatus, reference: string, price: { amount: string, currency: Currency } | null, statusHistory: Array<{ to: OrderStatus }> }
    | { phoneNumber: string | null, id: string, status: OrderStatus, reference: string, messages: Array<{ code: string | null }>, price: { amount: string, currency: Currency } | null, statusHistory: Array<{ to: OrderStatus }> }
    | { id: string, status: OrderStatus, reference: string, price: { amount: string, currency: Currency } | null, statusHistory: Array<{ to: OrderStatus }> }
    | { id: string, status: OrderStatus, reference: string, price: { amount: string, currency: Currency } | null, statusHistory: Array<{ to: OrderStatus }> }
   | null, open:
    | { id: string, status: OrderStatus, reference: string, providerRef: string | null }
    | { id: string, status: OrderStatus, reference: string, providerRef: string | null }
    | { id: string, status: OrderStatus, reference: string, providerRef: string | null }
    | { id: string, status: OrderStatus, reference: string, providerRef: string | null }
    | { id: string, status: OrderStatus, reference: string, providerRef: string | null }
   | null };

export type AggCatalogQueryVariables = Exact<{
  currency?: Currency | null | undefined;
  filter?: CatalogFilter | null | undefined;
}>;


export type AggCatalogQuery = { catalog: { edges: Array<{ node: { key: string, offers: Array<{ provider: ProviderId, providerRef: string, available: number | null, inStock: boolean, nativePrice: { amount: string, currency: Currency }, price: { amount: string, currency: Currency } | null }> } }> } };

export type AggBuyMutationVariables = Exact<{
  input: BuyNumberInput;
}>;


export type AggBuyMutation = { buyNumber:
    | { __typename: 'BuyNumberPayload', order: { id: string, status: OrderStatus, provider: ProviderId, providerRef: string | null, phoneNumber: string | null, price: { amount: string, currency: Currency } | null }, attempts: Array<{ provider: string, outcome: string, price: { amount: string, currency: Currency } | null }> }
    | { __typename: 'FxRateUnavailable', code: string, message: string }
    | { __typename: 'IdempotencyKeyReused', code: string, message: string }
    | { __typename: 'InsufficientBalance', provider: ProviderId, providerCode: string, code: string, message: string }
    | { __typename: 'NoOfferAvailable', provider: ProviderId, providerCode: string, code: string, message: string, attempts: Array<{ provider: string, outcome: string, price: { amount: string, currency: Currency } | null }> }
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'ProviderError', provider: ProviderId, providerCode: string, code: string, message: string }
    | { __typename: 'RateLimited', retryAfterSeconds: number, provider: ProviderId, providerCode: string, code: string, message: string }
    | { __typename: 'RequestInProgress', code: string, message: string }
    | { __typename: 'ServiceUnavailable', provider: ProviderId, providerCode: string, code: string, message: string, unavailableFor: number | null }
    | { __typename: 'SpendLimitExceeded', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type AggCancelMutationVariables = Exact<{
  input: CancelOrderInput;
}>;


export type AggCancelMutation = { cancelOrder:
    | { __typename: 'CancelOrderPayload', order:
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
       }
    | { __typename: 'CancelTooEarly', secondsRemaining: number, provider: ProviderId, providerCode: string, code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'ProviderError', provider: ProviderId, providerCode: string, code: string, message: string }
    | { __typename: 'RateLimited', retryAfterSeconds: number, provider: ProviderId, providerCode: string, code: string, message: string }
    | { __typename: 'ServiceUnavailable', provider: ProviderId, providerCode: string, code: string, message: string }
    | { __typename: 'Unsupported', provider: ProviderId, operation: string, code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type AggResendMutationVariables = Exact<{
  input: ResendSmsInput;
}>;


export type AggResendMutation = { resendSms:
    | { __typename: 'CancelTooEarly', provider: ProviderId, providerCode: string, code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'ProviderError', provider: ProviderId, providerCode: string, code: string, message: string }
    | { __typename: 'RateLimited', provider: ProviderId, providerCode: string, code: string, message: string }
    | { __typename: 'ResendSmsPayload', outcome: { resent: boolean } }
    | { __typename: 'ServiceUnavailable', provider: ProviderId, providerCode: string, code: string, message: string }
    | { __typename: 'Unsupported', provider: ProviderId, operation: string, code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type AggCompleteMutationVariables = Exact<{
  input: CompleteOrderInput;
}>;


export type AggCompleteMutation = { completeOrder:
    | { __typename: 'CancelTooEarly', provider: ProviderId, providerCode: string, code: string, message: string }
    | { __typename: 'CompleteOrderPayload', order:
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
       }
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'ProviderError', provider: ProviderId, providerCode: string, code: string, message: string }
    | { __typename: 'RateLimited', provider: ProviderId, providerCode: string, code: string, message: string }
    | { __typename: 'ServiceUnavailable', provider: ProviderId, providerCode: string, code: string, message: string }
    | { __typename: 'Unsupported', provider: ProviderId, operation: string, code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type AggProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type AggProvidersQuery = { providers: Array<{ id: ProviderId, capabilities: Array<Capability>, otpSuccessRate: number | null, medianSecondsToOtp: number | null, health: { status: HealthStatus, detail: string | null } }> };

export type AggOrderQueryVariables = Exact<{
  id: string;
}>;


export type AggOrderQuery = { order:
    | { id: string, status: OrderStatus, provider: ProviderId }
    | { id: string, status: OrderStatus, provider: ProviderId }
    | { id: string, status: OrderStatus, provider: ProviderId, messages: Array<{ code: string | null }> }
    | { id: string, status: OrderStatus, provider: ProviderId }
    | { id: string, status: OrderStatus, provider: ProviderId }
   | null };

export type AggOtpReceivedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AggOtpReceivedSubscription = { otpReceived: { code: string | null, receivedAt: string, order: { id: string, provider: ProviderId } } };

export type NodeLookupQueryVariables = Exact<{
  id: string;
}>;


export type NodeLookupQuery = { node:
    | { __typename: 'GameTopUpOrder', status: OrderStatus, id: string }
    | { __typename: 'MobileRefillOrder', status: OrderStatus, id: string }
    | { __typename: 'OtpOrder', status: OrderStatus, id: string }
    | { __typename: 'PremiumAppOrder', status: OrderStatus, id: string }
    | { __typename: 'SocialBoostOrder', status: OrderStatus, id: string }
   | null };

export type BuyNumberMutationVariables = Exact<{
  input: BuyNumberInput;
}>;


export type BuyNumberMutation = { buyNumber:
    | { __typename: 'BuyNumberPayload', order: { id: string, status: OrderStatus, phoneNumber: string | null, provider: ProviderId, providerRef: string | null, expiresAt: string | null, price: { amount: string, currency: Currency } | null } }
    | { __typename: 'FxRateUnavailable', code: string, message: string }
    | { __typename: 'IdempotencyKeyReused', code: string, message: string }
    | { __typename: 'InsufficientBalance', code: string, message: string, provider: ProviderId, providerCode: string }
    | { __typename: 'NoOfferAvailable', code: string, message: string, provider: ProviderId, providerCode: string, attempts: Array<{ provider: string, outcome: string }> }
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string, provider: ProviderId, providerCode: string }
    | { __typename: 'RateLimited', code: string, message: string, provider: ProviderId, providerCode: string }
    | { __typename: 'RequestInProgress', code: string, message: string }
    | { __typename: 'ServiceUnavailable', code: string, message: string, provider: ProviderId, providerCode: string }
    | { __typename: 'SpendLimitExceeded', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type CancelOrderMutationVariables = Exact<{
  input: CancelOrderInput;
}>;


export type CancelOrderMutation = { cancelOrder:
    | { __typename: 'CancelOrderPayload', order:
        | { id: string, status: OrderStatus, refund: { amount: string, currency: Currency } | null }
        | { id: string, status: OrderStatus, refund: { amount: string, currency: Currency } | null }
        | { id: string, status: OrderStatus, refund: { amount: string, currency: Currency } | null }
        | { id: string, status: OrderStatus, refund: { amount: string, currency: Currency } | null }
        | { id: string, status: OrderStatus, refund: { amount: string, currency: Currency } | null }
       }
    | { __typename: 'CancelTooEarly', secondsRemaining: number, code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'RateLimited', code: string, message: string }
    | { __typename: 'ServiceUnavailable', code: string, message: string }
    | { __typename: 'Unsupported', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type CompleteOrderMutationVariables = Exact<{
  input: CompleteOrderInput;
}>;


export type CompleteOrderMutation = { completeOrder:
    | { __typename: 'CancelTooEarly', code: string, message: string }
    | { __typename: 'CompleteOrderPayload', order:
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
        | { id: string, status: OrderStatus }
       }
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'RateLimited', code: string, message: string }
    | { __typename: 'ServiceUnavailable', code: string, message: string }
    | { __typename: 'Unsupported', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type ResendSmsMutationVariables = Exact<{
  input: ResendSmsInput;
}>;


export type ResendSmsMutation = { resendSms:
    | { __typename: 'CancelTooEarly', code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'RateLimited', code: string, message: string }
    | { __typename: 'ResendSmsPayload', outcome: { resent: boolean, order: { id: string, status: OrderStatus } } }
    | { __typename: 'ServiceUnavailable', code: string, message: string }
    | { __typename: 'Unsupported', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type OrderByIdQueryVariables = Exact<{
  id: string;
}>;


export type OrderByIdQuery = { order:
    | { id: string, status: OrderStatus, providerStatus: string | null, refund: { amount: string, currency: Currency } | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, reason: string }> }
    | { id: string, status: OrderStatus, providerStatus: string | null, refund: { amount: string, currency: Currency } | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, reason: string }> }
    | { phoneNumber: string | null, id: string, status: OrderStatus, providerStatus: string | null, messages: Array<{ code: string | null, text: string, receivedAt: string }>, refund: { amount: string, currency: Currency } | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, reason: string }> }
    | { id: string, status: OrderStatus, providerStatus: string | null, refund: { amount: string, currency: Currency } | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, reason: string }> }
    | { id: string, status: OrderStatus, providerStatus: string | null, refund: { amount: string, currency: Currency } | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, reason: string }> }
   | null };

export type OrdersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: OrderFilter | null | undefined;
}>;


export type OrdersQuery = { orders: { edges: Array<{ cursor: string, node:
        | { id: string, status: OrderStatus, createdAt: string }
        | { id: string, status: OrderStatus, createdAt: string }
        | { id: string, status: OrderStatus, createdAt: string }
        | { id: string, status: OrderStatus, createdAt: string }
        | { id: string, status: OrderStatus, createdAt: string }
       }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ActiveOrdersQueryVariables = Exact<{ [key: string]: never; }>;


export type ActiveOrdersQuery = { activeOrders: Array<
    | { id: string, status: OrderStatus }
    | { id: string, status: OrderStatus }
    | { id: string, status: OrderStatus }
    | { id: string, status: OrderStatus }
    | { id: string, status: OrderStatus }
  > };

export type OtpReceivedSubscriptionVariables = Exact<{
  orderId?: string | null | undefined;
}>;


export type OtpReceivedSubscription = { otpReceived: { code: string | null, text: string, receivedAt: string, order: { id: string, status: OrderStatus } } };

export type OrderUpdatedSubscriptionVariables = Exact<{
  orderId?: string | null | undefined;
}>;


export type OrderUpdatedSubscription = { orderUpdated:
    | { id: string, status: OrderStatus }
    | { id: string, status: OrderStatus }
    | { id: string, status: OrderStatus }
    | { id: string, status: OrderStatus }
    | { id: string, status: OrderStatus }
   };

export type BalancesInQueryVariables = Exact<{
  currency: Currency;
}>;


export type BalancesInQuery = { balances: { currency: Currency, complete: boolean, total: { amount: string, currency: Currency }, providers: Array<{ provider: ProviderId, balance: { amount: string, currency: Currency } | null, converted: { amount: string, currency: Currency, fx: { pair: string, rate: string, source: string, asOf: string } } | null }>, rates: Array<{ pair: string, rate: string, source: string, asOf: string }> } };

export type CatalogQueryVariables = Exact<{
  currency?: Currency | null | undefined;
  filter?: CatalogFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CatalogQuery = { catalog: { edges: Array<{ node: { key: string, kind: OrderKind, name: string, details:
          | { platform: string, country: string }
          | Record<PropertyKey, never>
        , offers: Array<{ provider: ProviderId, providerRef: string, available: number | null, inStock: boolean, nativePrice: { amount: string, currency: Currency }, price: { amount: string, currency: Currency, fx: { pair: string, rate: string, source: string, asOf: string } } | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CountriesQueryVariables = Exact<{ [key: string]: never; }>;


export type CountriesQuery = { countries: Array<{ code: string, name: string, dialCode: string | null }> };

export type ProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type ProvidersQuery = { providers: Array<{ id: ProviderId, name: string, currency: Currency, capabilities: Array<Capability>, health: { status: HealthStatus }, balance: { amount: string, currency: Currency } | null }> };

export type RegisterWebhookMutationVariables = Exact<{
  provider: ProviderId;
  sendTest?: boolean | null | undefined;
}>;


export type RegisterWebhookMutation = { registerProviderWebhook:
    | { __typename: 'CancelTooEarly', code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'RateLimited', code: string, message: string }
    | { __typename: 'RegisterProviderWebhookPayload', registration: { provider: string, url: string, testStatusCode: number | null } }
    | { __typename: 'ServiceUnavailable', code: string, message: string }
    | { __typename: 'Unsupported', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type FxRatesQueryVariables = Exact<{ [key: string]: never; }>;


export type FxRatesQuery = { fxRates: Array<{ pair: string, base: Currency, quote: Currency, rate: string, source: string, asOf: string, stale: boolean }> };

export type ConvertQueryVariables = Exact<{
  amount: string;
  from: Currency;
  to: Currency;
}>;


export type ConvertQuery = { convert: { amount: string, currency: Currency, minorUnits: number, original: { amount: string, currency: Currency }, fx: { pair: string, rate: string, source: string, asOf: string } } };

export type RatesChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type RatesChangedSubscription = { fxRatesChanged: Array<{ pair: string, rate: string, source: string }> };

export type PlatformBuyMutationVariables = Exact<{
  input: BuyNumberInput;
}>;


export type PlatformBuyMutation = { buyNumber:
    | { __typename: 'BuyNumberPayload', order: { id: string, status: OrderStatus, providerRef: string | null, phoneNumber: string | null } }
    | { __typename: 'FxRateUnavailable', code: string, message: string }
    | { __typename: 'IdempotencyKeyReused', code: string, message: string }
    | { __typename: 'InsufficientBalance', code: string, message: string }
    | { __typename: 'NoOfferAvailable', code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'RateLimited', retryAfterSeconds: number, code: string, message: string }
    | { __typename: 'RequestInProgress', code: string, message: string }
    | { __typename: 'ServiceUnavailable', code: string, message: string }
    | { __typename: 'SpendLimitExceeded', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type PlatformOrderStateQueryVariables = Exact<{
  id: string;
}>;


export type PlatformOrderStateQuery = { order:
    | { id: string, status: OrderStatus, providerRef: string | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, reason: string }> }
    | { id: string, status: OrderStatus, providerRef: string | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, reason: string }> }
    | { id: string, status: OrderStatus, providerRef: string | null, messages: Array<{ code: string | null, text: string }>, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, reason: string }> }
    | { id: string, status: OrderStatus, providerRef: string | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, reason: string }> }
    | { id: string, status: OrderStatus, providerRef: string | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, reason: string }> }
   | null };

export type PlatformCatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type PlatformCatalogQuery = { catalog: { edges: Array<{ node: { key: string, offers: Array<{ provider: ProviderId, providerRef: string, available: number | null }> } }> } };

export type PlatformWatchOrderSubscriptionVariables = Exact<{
  orderId: string;
}>;


export type PlatformWatchOrderSubscription = { orderUpdated:
    | { id: string, status: OrderStatus }
    | { id: string, status: OrderStatus }
    | { id: string, status: OrderStatus }
    | { id: string, status: OrderStatus }
    | { id: string, status: OrderStatus }
   };

export type PlatformReplayCodesSubscriptionVariables = Exact<{
  orderId: string;
}>;


export type PlatformReplayCodesSubscription = { otpReceived: { code: string | null, order: { id: string } } };

export type TopupRefillMutationVariables = Exact<{
  input: RefillMobileInput;
}>;


export type TopupRefillMutation = { refillMobile:
    | { __typename: 'FxRateUnavailable', code: string, message: string }
    | { __typename: 'IdempotencyKeyReused', code: string, message: string }
    | { __typename: 'InsufficientBalance', code: string, message: string, provider: ProviderId, providerCode: string }
    | { __typename: 'NoOfferAvailable', code: string, message: string, provider: ProviderId, providerCode: string }
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string, provider: ProviderId, providerCode: string }
    | { __typename: 'RateLimited', code: string, message: string, provider: ProviderId, providerCode: string }
    | { __typename: 'RefillMobilePayload', order:
        | { id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, providerStatus: string | null, price: { amount: string, currency: Currency } | null }
        | { phoneNumber: string, network: string, id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, providerStatus: string | null, amount: { amount: string, currency: Currency }, price: { amount: string, currency: Currency } | null }
        | { id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, providerStatus: string | null, price: { amount: string, currency: Currency } | null }
        | { id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, providerStatus: string | null, price: { amount: string, currency: Currency } | null }
        | { id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, providerStatus: string | null, price: { amount: string, currency: Currency } | null }
       }
    | { __typename: 'RequestInProgress', code: string, message: string }
    | { __typename: 'ServiceUnavailable', code: string, message: string, provider: ProviderId, providerCode: string }
    | { __typename: 'SpendLimitExceeded', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type TopupCancelRefillMutationVariables = Exact<{
  input: CancelRefillInput;
}>;


export type TopupCancelRefillMutation = { cancelRefill:
    | { __typename: 'CancelRefillPayload', order:
        | { id: string, status: OrderStatus, providerStatus: string | null, refund: { amount: string, currency: Currency } | null }
        | { id: string, status: OrderStatus, providerStatus: string | null, refund: { amount: string, currency: Currency } | null }
        | { id: string, status: OrderStatus, providerStatus: string | null, refund: { amount: string, currency: Currency } | null }
        | { id: string, status: OrderStatus, providerStatus: string | null, refund: { amount: string, currency: Currency } | null }
        | { id: string, status: OrderStatus, providerStatus: string | null, refund: { amount: string, currency: Currency } | null }
       }
    | { __typename: 'CancelTooEarly', code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'RateLimited', code: string, message: string }
    | { __typename: 'ServiceUnavailable', code: string, message: string }
    | { __typename: 'Unsupported', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type TopupGameMutationVariables = Exact<{
  input: TopUpGameInput;
}>;


export type TopupGameMutation = { topUpGame:
    | { __typename: 'FxRateUnavailable', code: string, message: string }
    | { __typename: 'IdempotencyKeyReused', code: string, message: string }
    | { __typename: 'InsufficientBalance', code: string, message: string, provider: ProviderId, providerCode: string }
    | { __typename: 'NoOfferAvailable', code: string, message: string, provider: ProviderId, providerCode: string }
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string, provider: ProviderId, providerCode: string }
    | { __typename: 'RateLimited', code: string, message: string, provider: ProviderId, providerCode: string }
    | { __typename: 'RequestInProgress', code: string, message: string }
    | { __typename: 'ServiceUnavailable', code: string, message: string, provider: ProviderId, providerCode: string }
    | { __typename: 'SpendLimitExceeded', code: string, message: string }
    | { __typename: 'TopUpGamePayload', order:
        | { packageId: string, game: string | null, id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, providerStatus: string | null, reference: string, topupInfo: Array<{ field: string, value: string }>, price: { amount: string, currency: Currency } | null }
        | { id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, providerStatus: string | null, reference: string, price: { amount: string, currency: Currency } | null }
        | { id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, providerStatus: string | null, reference: string, price: { amount: string, currency: Currency } | null }
        | { id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, providerStatus: string | null, reference: string, price: { amount: string, currency: Currency } | null }
        | { id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, providerStatus: string | null, reference: string, price: { amount: string, currency: Currency } | null }
       }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type TopupSocialBoostMutationVariables = Exact<{
  input: OrderSocialBoostInput;
}>;


export type TopupSocialBoostMutation = { orderSocialBoost:
    | { __typename: 'FxRateUnavailable', code: string, message: string }
    | { __typename: 'IdempotencyKeyReused', code: string, message: string }
    | { __typename: 'InsufficientBalance', code: string, message: string }
    | { __typename: 'NoOfferAvailable', code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'OrderSocialBoostPayload', order:
        | { id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, price: { amount: string, currency: Currency } | null }
        | { id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, price: { amount: string, currency: Currency } | null }
        | { id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, price: { amount: string, currency: Currency } | null }
        | { id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, price: { amount: string, currency: Currency } | null }
        | { link: string, quantity: number, delivered: number | null, remains: number | null, id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, price: { amount: string, currency: Currency } | null }
       }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'RateLimited', code: string, message: string }
    | { __typename: 'RequestInProgress', code: string, message: string }
    | { __typename: 'ServiceUnavailable', code: string, message: string }
    | { __typename: 'SpendLimitExceeded', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type TopupPremiumMutationVariables = Exact<{
  input: BuyPremiumAppInput;
}>;


export type TopupPremiumMutation = { buyPremiumApp:
    | { __typename: 'BuyPremiumAppPayload', order:
        | { id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, price: { amount: string, currency: Currency } | null }
        | { id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, price: { amount: string, currency: Currency } | null }
        | { id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, price: { amount: string, currency: Currency } | null }
        | { app: string | null, id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, credentials: { username: string | null, password: string | null } | null, price: { amount: string, currency: Currency } | null }
        | { id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, price: { amount: string, currency: Currency } | null }
       }
    | { __typename: 'FxRateUnavailable', code: string, message: string }
    | { __typename: 'IdempotencyKeyReused', code: string, message: string }
    | { __typename: 'InsufficientBalance', code: string, message: string }
    | { __typename: 'NoOfferAvailable', code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'RateLimited', code: string, message: string }
    | { __typename: 'RequestInProgress', code: string, message: string }
    | { __typename: 'ServiceUnavailable', code: string, message: string }
    | { __typename: 'SpendLimitExceeded', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type TopupOrderQueryVariables = Exact<{
  id: string;
}>;


export type TopupOrderQuery = { order:
    | { __typename: 'GameTopUpOrder', packageId: string, game: string | null, id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, providerStatus: string | null, createdAt: string, topupInfo: Array<{ field: string, value: string }>, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, reason: string }> }
    | { __typename: 'MobileRefillOrder', phoneNumber: string, network: string, id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, providerStatus: string | null, createdAt: string, amount: { amount: string, currency: Currency }, providerResult: Array<{ name: string, value: string | null }>, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, reason: string }> }
    | { __typename: 'OtpOrder', id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, providerStatus: string | null, createdAt: string, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, reason: string }> }
    | { __typename: 'PremiumAppOrder', app: string | null, id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, providerStatus: string | null, createdAt: string, credentials: { username: string | null, password: string | null } | null, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, reason: string }> }
    | { __typename: 'SocialBoostOrder', link: string, quantity: number, delivered: number | null, remains: number | null, id: string, kind: OrderKind, provider: ProviderId, providerRef: string | null, status: OrderStatus, providerStatus: string | null, createdAt: string, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null, failure: { code: string, message: string } | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, reason: string }> }
   | null };

export type TopupOrderUpdatedSubscriptionVariables = Exact<{
  orderId?: string | null | undefined;
}>;


export type TopupOrderUpdatedSubscription = { orderUpdated:
    | { __typename: 'GameTopUpOrder', id: string, status: OrderStatus, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null }
    | { __typename: 'MobileRefillOrder', id: string, status: OrderStatus, amount: { amount: string, currency: Currency }, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null }
    | { __typename: 'OtpOrder', id: string, status: OrderStatus, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null }
    | { __typename: 'PremiumAppOrder', id: string, status: OrderStatus, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null }
    | { __typename: 'SocialBoostOrder', id: string, status: OrderStatus, price: { amount: string, currency: Currency } | null, refund: { amount: string, currency: Currency } | null }
   };

export type TopupOrdersQueryVariables = Exact<{
  filter?: OrderFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type TopupOrdersQuery = { orders: { edges: Array<{ node:
        | { __typename: 'GameTopUpOrder', packageId: string, id: string, kind: OrderKind, provider: ProviderId, status: OrderStatus, createdAt: string, price: { amount: string, currency: Currency } | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, at: string }> }
        | { __typename: 'MobileRefillOrder', phoneNumber: string, network: string, id: string, kind: OrderKind, provider: ProviderId, status: OrderStatus, createdAt: string, price: { amount: string, currency: Currency } | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, at: string }> }
        | { __typename: 'OtpOrder', expiresAt: string | null, id: string, kind: OrderKind, provider: ProviderId, status: OrderStatus, createdAt: string, price: { amount: string, currency: Currency } | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, at: string }> }
        | { __typename: 'PremiumAppOrder', app: string | null, id: string, kind: OrderKind, provider: ProviderId, status: OrderStatus, createdAt: string, price: { amount: string, currency: Currency } | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, at: string }> }
        | { __typename: 'SocialBoostOrder', link: string, quantity: number, id: string, kind: OrderKind, provider: ProviderId, status: OrderStatus, createdAt: string, price: { amount: string, currency: Currency } | null, statusHistory: Array<{ from: OrderStatus | null, to: OrderStatus, at: string }> }
       }> } };

export type TopupCatalogQueryVariables = Exact<{
  filter?: CatalogFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type TopupCatalogQuery = { catalog: { edges: Array<{ node: { key: string, kind: OrderKind, name: string, details:
          | { __typename: 'GameTopupServiceDetails', game: string, fields: Array<string> }
          | { __typename: 'MobileTopupServiceDetails', network: string, online: boolean | null, amounts: Array<string> }
          | { __typename: 'OtpServiceDetails' }
          | { __typename: 'PremiumAppServiceDetails', app: string }
          | { __typename: 'SocialBoostServiceDetails', platform: string, minQuantity: number, maxQuantity: number, unitQuantity: number }
        , offers: Array<{ provider: ProviderId, providerRef: string, available: number | null, nativePrice: { amount: string, currency: Currency } }> } }> } };

export type TopupBalancesQueryVariables = Exact<{ [key: string]: never; }>;


export type TopupBalancesQuery = { balances: { providers: Array<{ provider: ProviderId, balance: { amount: string, currency: Currency } | null }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const BenchOtpCodesDocument = new TypedDocumentString(`
    subscription BenchOtpCodes {
  otpReceived {
    code
    order {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<BenchOtpCodesSubscription, BenchOtpCodesSubscriptionVariables>;
export const MigratedOrdersDocument = new TypedDocumentString(`
    query MigratedOrders($done: ID!, $open: ID!) {
  done: order(id: $done) {
    id
    status
    reference
    price {
      amount
      currency
    }
    statusHistory {
      to
    }
    ... on OtpOrder {
      phoneNumber
      messages {
        code
      }
    }
  }
  open: order(id: $open) {
    id
    status
    reference
    providerRef
  }
}
    `) as unknown as TypedDocumentString<MigratedOrdersQuery, MigratedOrdersQueryVariables>;
export const AggCatalogDocument = new TypedDocumentString(`
    query AggCatalog($currency: Currency, $filter: CatalogFilter) {
  catalog(currency: $currency, filter: $filter, first: 100) {
    edges {
      node {
        key
        offers {
          provider
          providerRef
          available
          inStock
          nativePrice {
            amount
            currency
          }
          price {
            amount
            currency
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AggCatalogQuery, AggCatalogQueryVariables>;
export const AggBuyDocument = new TypedDocumentString(`
    mutation AggBuy($input: BuyNumberInput!) {
  buyNumber(input: $input) {
    __typename
    ... on BuyNumberPayload {
      order {
        id
        status
        provider
        providerRef
        phoneNumber
        price {
          amount
          currency
        }
      }
      attempts {
        provider
        outcome
        price {
          amount
          currency
        }
      }
    }
    ... on NoOfferAvailable {
      attempts {
        provider
        outcome
        price {
          amount
          currency
        }
      }
    }
    ... on RateLimited {
      retryAfterSeconds
    }
    ... on ServiceUnavailable {
      unavailableFor: retryAfterSeconds
    }
    ... on ProviderFailure {
      provider
      providerCode
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AggBuyMutation, AggBuyMutationVariables>;
export const AggCancelDocument = new TypedDocumentString(`
    mutation AggCancel($input: CancelOrderInput!) {
  cancelOrder(input: $input) {
    __typename
    ... on CancelOrderPayload {
      order {
        id
        status
      }
    }
    ... on CancelTooEarly {
      secondsRemaining
    }
    ... on RateLimited {
      retryAfterSeconds
    }
    ... on ProviderFailure {
      provider
      providerCode
    }
    ... on Unsupported {
      provider
      operation
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AggCancelMutation, AggCancelMutationVariables>;
export const AggResendDocument = new TypedDocumentString(`
    mutation AggResend($input: ResendSmsInput!) {
  resendSms(input: $input) {
    __typename
    ... on ResendSmsPayload {
      outcome {
        resent
      }
    }
    ... on Unsupported {
      provider
      operation
    }
    ... on ProviderFailure {
      provider
      providerCode
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AggResendMutation, AggResendMutationVariables>;
export const AggCompleteDocument = new TypedDocumentString(`
    mutation AggComplete($input: CompleteOrderInput!) {
  completeOrder(input: $input) {
    __typename
    ... on CompleteOrderPayload {
      order {
        id
        status
      }
    }
    ... on Unsupported {
      provider
      operation
    }
    ... on ProviderFailure {
      provider
      providerCode
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AggCompleteMutation, AggCompleteMutationVariables>;
export const AggProvidersDocument = new TypedDocumentString(`
    query AggProviders {
  providers {
    id
    capabilities
    health {
      status
      detail
    }
    otpSuccessRate
    medianSecondsToOtp
  }
}
    `) as unknown as TypedDocumentString<AggProvidersQuery, AggProvidersQueryVariables>;
export const AggOrderDocument = new TypedDocumentString(`
    query AggOrder($id: ID!) {
  order(id: $id) {
    id
    status
    provider
    ... on OtpOrder {
      messages {
        code
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AggOrderQuery, AggOrderQueryVariables>;
export const AggOtpReceivedDocument = new TypedDocumentString(`
    subscription AggOtpReceived {
  otpReceived {
    code
    receivedAt
    order {
      id
      provider
    }
  }
}
    `) as unknown as TypedDocumentString<AggOtpReceivedSubscription, AggOtpReceivedSubscriptionVariables>;
export const NodeLookupDocument = new TypedDocumentString(`
    query NodeLookup($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Order {
      status
    }
  }
}
    `) as unknown as TypedDocumentString<NodeLookupQuery, NodeLookupQueryVariables>;
export const BuyNumberDocument = new TypedDocumentString(`
    mutation BuyNumber($input: BuyNumberInput!) {
  buyNumber(input: $input) {
    __typename
    ... on BuyNumberPayload {
      order {
        id
        status
        phoneNumber
        provider
        providerRef
        price {
          amount
          currency
        }
        expiresAt
      }
    }
    ... on Error {
      code
      message
    }
    ... on NoOfferAvailable {
      attempts {
        provider
        outcome
      }
    }
    ... on ProviderFailure {
      provider
      providerCode
    }
  }
}
    `) as unknown as TypedDocumentString<BuyNumberMutation, BuyNumberMutationVariables>;
export const CancelOrderDocument = new TypedDocumentString(`
    mutation CancelOrder($input: CancelOrderInput!) {
  cancelOrder(input: $input) {
    __typename
    ... on CancelOrderPayload {
      order {
        id
        status
        refund {
          amount
          currency
        }
      }
    }
    ... on CancelTooEarly {
      secondsRemaining
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CancelOrderMutation, CancelOrderMutationVariables>;
export const CompleteOrderDocument = new TypedDocumentString(`
    mutation CompleteOrder($input: CompleteOrderInput!) {
  completeOrder(input: $input) {
    __typename
    ... on CompleteOrderPayload {
      order {
        id
        status
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CompleteOrderMutation, CompleteOrderMutationVariables>;
export const ResendSmsDocument = new TypedDocumentString(`
    mutation ResendSms($input: ResendSmsInput!) {
  resendSms(input: $input) {
    __typename
    ... on ResendSmsPayload {
      outcome {
        resent
        order {
          id
          status
        }
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ResendSmsMutation, ResendSmsMutationVariables>;
export const OrderByIdDocument = new TypedDocumentString(`
    query OrderById($id: ID!) {
  order(id: $id) {
    id
    status
    providerStatus
    refund {
      amount
      currency
    }
    ... on OtpOrder {
      phoneNumber
      messages {
        code
        text
        receivedAt
      }
    }
    statusHistory {
      from
      to
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<OrderByIdQuery, OrderByIdQueryVariables>;
export const OrdersDocument = new TypedDocumentString(`
    query Orders($first: Int, $after: String, $filter: OrderFilter) {
  orders(first: $first, after: $after, filter: $filter) {
    edges {
      cursor
      node {
        id
        status
        createdAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<OrdersQuery, OrdersQueryVariables>;
export const ActiveOrdersDocument = new TypedDocumentString(`
    query ActiveOrders {
  activeOrders {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ActiveOrdersQuery, ActiveOrdersQueryVariables>;
export const OtpReceivedDocument = new TypedDocumentString(`
    subscription OtpReceived($orderId: ID) {
  otpReceived(orderId: $orderId) {
    code
    text
    receivedAt
    order {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<OtpReceivedSubscription, OtpReceivedSubscriptionVariables>;
export const OrderUpdatedDocument = new TypedDocumentString(`
    subscription OrderUpdated($orderId: ID) {
  orderUpdated(orderId: $orderId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<OrderUpdatedSubscription, OrderUpdatedSubscriptionVariables>;
export const BalancesInDocument = new TypedDocumentString(`
    query BalancesIn($currency: Currency!) {
  balances(currency: $currency) {
    currency
    complete
    total {
      amount
      currency
    }
    providers {
      provider
      balance {
        amount
        currency
      }
      converted {
        amount
        currency
        fx {
          pair
          rate
          source
          asOf
        }
      }
    }
    rates {
      pair
      rate
      source
      asOf
    }
  }
}
    `) as unknown as TypedDocumentString<BalancesInQuery, BalancesInQueryVariables>;
export const CatalogDocument = new TypedDocumentString(`
    query Catalog($currency: Currency, $filter: CatalogFilter, $first: Int, $after: String) {
  catalog(currency: $currency, filter: $filter, first: $first, after: $after) {
    edges {
      node {
        key
        kind
        name
        details {
          ... on OtpServiceDetails {
            platform
            country
          }
        }
        offers {
          provider
          providerRef
          available
          inStock
          nativePrice {
            amount
            currency
          }
          price {
            amount
            currency
            fx {
              pair
              rate
              source
              asOf
            }
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogQuery, CatalogQueryVariables>;
export const CountriesDocument = new TypedDocumentString(`
    query Countries {
  countries {
    code
    name
    dialCode
  }
}
    `) as unknown as TypedDocumentString<CountriesQuery, CountriesQueryVariables>;
export const ProvidersDocument = new TypedDocumentString(`
    query Providers {
  providers {
    id
    name
    currency
    capabilities
    health {
      status
    }
    balance {
      amount
      currency
    }
  }
}
    `) as unknown as TypedDocumentString<ProvidersQuery, ProvidersQueryVariables>;
export const RegisterWebhookDocument = new TypedDocumentString(`
    mutation RegisterWebhook($provider: ProviderId!, $sendTest: Boolean) {
  registerProviderWebhook(provider: $provider, sendTest: $sendTest) {
    __typename
    ... on RegisterProviderWebhookPayload {
      registration {
        provider
        url
        testStatusCode
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RegisterWebhookMutation, RegisterWebhookMutationVariables>;
export const FxRatesDocument = new TypedDocumentString(`
    query FxRates {
  fxRates {
    pair
    base
    quote
    rate
    source
    asOf
    stale
  }
}
    `) as unknown as TypedDocumentString<FxRatesQuery, FxRatesQueryVariables>;
export const ConvertDocument = new TypedDocumentString(`
    query Convert($amount: Decimal!, $from: Currency!, $to: Currency!) {
  convert(amount: $amount, from: $from, to: $to) {
    amount
    currency
    minorUnits
    original {
      amount
      currency
    }
    fx {
      pair
      rate
      source
      asOf
    }
  }
}
    `) as unknown as TypedDocumentString<ConvertQuery, ConvertQueryVariables>;
export const RatesChangedDocument = new TypedDocumentString(`
    subscription RatesChanged {
  fxRatesChanged {
    pair
    rate
    source
  }
}
    `) as unknown as TypedDocumentString<RatesChangedSubscription, RatesChangedSubscriptionVariables>;
export const PlatformBuyDocument = new TypedDocumentString(`
    mutation PlatformBuy($input: BuyNumberInput!) {
  buyNumber(input: $input) {
    __typename
    ... on BuyNumberPayload {
      order {
        id
        status
        providerRef
        phoneNumber
      }
    }
    ... on RateLimited {
      retryAfterSeconds
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<PlatformBuyMutation, PlatformBuyMutationVariables>;
export const PlatformOrderStateDocument = new TypedDocumentString(`
    query PlatformOrderState($id: ID!) {
  order(id: $id) {
    id
    status
    providerRef
    ... on OtpOrder {
      messages {
        code
        text
      }
    }
    statusHistory {
      from
      to
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<PlatformOrderStateQuery, PlatformOrderStateQueryVariables>;
export const PlatformCatalogDocument = new TypedDocumentString(`
    query PlatformCatalog {
  catalog(first: 100, filter: {service: "whatsapp", country: "ID"}) {
    edges {
      node {
        key
        offers {
          provider
          providerRef
          available
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PlatformCatalogQuery, PlatformCatalogQueryVariables>;
export const PlatformWatchOrderDocument = new TypedDocumentString(`
    subscription PlatformWatchOrder($orderId: ID!) {
  orderUpdated(orderId: $orderId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<PlatformWatchOrderSubscription, PlatformWatchOrderSubscriptionVariables>;
export const PlatformReplayCodesDocument = new TypedDocumentString(`
    subscription PlatformReplayCodes($orderId: ID!) {
  otpReceived(orderId: $orderId, replay: true) {
    code
    order {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<PlatformReplayCodesSubscription, PlatformReplayCodesSubscriptionVariables>;
export const TopupRefillDocument = new TypedDocumentString(`
    mutation TopupRefill($input: RefillMobileInput!) {
  refillMobile(input: $input) {
    __typename
    ... on RefillMobilePayload {
      order {
        id
        kind
        provider
        providerRef
        status
        providerStatus
        price {
          amount
          currency
        }
        ... on MobileRefillOrder {
          phoneNumber
          network
          amount {
            amount
            currency
          }
        }
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
    ... on ProviderFailure {
      provider
      providerCode
    }
  }
}
    `) as unknown as TypedDocumentString<TopupRefillMutation, TopupRefillMutationVariables>;
export const TopupCancelRefillDocument = new TypedDocumentString(`
    mutation TopupCancelRefill($input: CancelRefillInput!) {
  cancelRefill(input: $input) {
    __typename
    ... on CancelRefillPayload {
      order {
        id
        status
        providerStatus
        refund {
          amount
          currency
        }
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    `) as unknown as TypedDocumentString<TopupCancelRefillMutation, TopupCancelRefillMutationVariables>;
export const TopupGameDocument = new TypedDocumentString(`
    mutation TopupGame($input: TopUpGameInput!) {
  topUpGame(input: $input) {
    __typename
    ... on TopUpGamePayload {
      order {
        id
        kind
        provider
        providerRef
        status
        providerStatus
        reference
        price {
          amount
          currency
        }
        ... on GameTopUpOrder {
          packageId
          game
          topupInfo {
            field
            value
          }
        }
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
    ... on ProviderFailure {
      provider
      providerCode
    }
  }
}
    `) as unknown as TypedDocumentString<TopupGameMutation, TopupGameMutationVariables>;
export const TopupSocialBoostDocument = new TypedDocumentString(`
    mutation TopupSocialBoost($input: OrderSocialBoostInput!) {
  orderSocialBoost(input: $input) {
    __typename
    ... on OrderSocialBoostPayload {
      order {
        id
        kind
        provider
        providerRef
        status
        price {
          amount
          currency
        }
        ... on SocialBoostOrder {
          link
          quantity
          delivered
          remains
        }
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    `) as unknown as TypedDocumentString<TopupSocialBoostMutation, TopupSocialBoostMutationVariables>;
export const TopupPremiumDocument = new TypedDocumentString(`
    mutation TopupPremium($input: BuyPremiumAppInput!) {
  buyPremiumApp(input: $input) {
    __typename
    ... on BuyPremiumAppPayload {
      order {
        id
        kind
        provider
        providerRef
        status
        price {
          amount
          currency
        }
        ... on PremiumAppOrder {
          app
          credentials {
            username
            password
          }
        }
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    `) as unknown as TypedDocumentString<TopupPremiumMutation, TopupPremiumMutationVariables>;
export const TopupOrderDocument = new TypedDocumentString(`
    query TopupOrder($id: ID!) {
  order(id: $id) {
    __typename
    id
    kind
    provider
    providerRef
    status
    providerStatus
    price {
      amount
      currency
    }
    refund {
      amount
      currency
    }
    failure {
      code
      message
    }
    createdAt
    statusHistory {
      from
      to
      reason
    }
    ... on MobileRefillOrder {
      phoneNumber
      network
      amount {
        amount
        currency
      }
      providerResult {
        name
        value
      }
    }
    ... on GameTopUpOrder {
      packageId
      game
      topupInfo {
        field
        value
      }
    }
    ... on SocialBoostOrder {
      link
      quantity
      delivered
      remains
    }
    ... on PremiumAppOrder {
      app
      credentials {
        username
        password
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TopupOrderQuery, TopupOrderQueryVariables>;
export const TopupOrderUpdatedDocument = new TypedDocumentString(`
    subscription TopupOrderUpdated($orderId: ID) {
  orderUpdated(orderId: $orderId) {
    __typename
    id
    status
    price {
      amount
      currency
    }
    refund {
      amount
      currency
    }
    ... on MobileRefillOrder {
      amount {
        amount
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TopupOrderUpdatedSubscription, TopupOrderUpdatedSubscriptionVariables>;
export const TopupOrdersDocument = new TypedDocumentString(`
    query TopupOrders($filter: OrderFilter, $first: Int) {
  orders(filter: $filter, first: $first) {
    edges {
      node {
        __typename
        id
        kind
        provider
        status
        price {
          amount
          currency
        }
        createdAt
        statusHistory {
          from
          to
          at
        }
        ... on MobileRefillOrder {
          phoneNumber
          network
        }
        ... on GameTopUpOrder {
          packageId
        }
        ... on SocialBoostOrder {
          link
          quantity
        }
        ... on PremiumAppOrder {
          app
        }
        ... on OtpOrder {
          expiresAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TopupOrdersQuery, TopupOrdersQueryVariables>;
export const TopupCatalogDocument = new TypedDocumentString(`
    query TopupCatalog($filter: CatalogFilter, $first: Int) {
  catalog(filter: $filter, first: $first) {
    edges {
      node {
        key
        kind
        name
        details {
          __typename
          ... on MobileTopupServiceDetails {
            network
            online
            amounts
          }
          ... on GameTopupServiceDetails {
            game
            fields
          }
          ... on SocialBoostServiceDetails {
            platform
            minQuantity
            maxQuantity
            unitQuantity
          }
          ... on PremiumAppServiceDetails {
            app
          }
        }
        offers {
          provider
          providerRef
          available
          nativePrice {
            amount
            currency
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TopupCatalogQuery, TopupCatalogQueryVariables>;
export const TopupBalancesDocument = new TypedDocumentString(`
    query TopupBalances {
  balances(currency: THB) {
    providers {
      provider
      balance {
        amount
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TopupBalancesQuery, TopupBalancesQueryVariables>;