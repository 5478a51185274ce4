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

/** Which order to cancel. */
export type CancelOrderInput = {
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