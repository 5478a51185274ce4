import { graphql } from '../gql/index.ts';

/** Operations shared by the OTP end-to-end tests (typed by codegen). */
export const BuyNumber = graphql(`
  mutation BuyNumber($input: BuyNumberInput!) {
    buyNumber(input: $input) {
      __typename
      ... on BuyNumberPayload { order { id status phoneNumber provider providerRef price { amount currency } expiresAt } }
      ... on Error { code message }
      ... on NoOfferAvailable { attempts { provider outcome } }
      ... on ProviderFailure { provider providerCode }
    }
  }
`);

export const CancelOrder = graphql(`
  mutation CancelOrder($input: CancelOrderInput!) {
    cancelOrder(input: $input) {
      __typename
      ... on CancelOrderPayload { order { id status refund { amount currency } } }
      ... on CancelTooEarly { secondsRemaining }
      ... on Error { code message }
    }
  }
`);

export const CompleteOrder = graphql(`
  mutation CompleteOrder($input: CompleteOrderInput!) {
    completeOrder(input: $input) {
      __typename
      ... on CompleteOrderPayload { order { id status } }
      ... on Error { code message }
    }
  }
`);

export const ResendSms = graphql(`
  mutation ResendSms($input: ResendSmsInput!) {
    resendSms(input: $input) {
      __typename
      ... on ResendSmsPayload { outcome { resent order { id status } } }
      ... on Error { code message }
    }
  }
`);

export const OrderById = graphql(`
  query OrderById($id: ID!) {
    order(id: $id) {
      id status providerStatus refund { amount currency }
      ... on OtpOrder { phoneNumber messages { code text receivedAt } }
      statusHistory { from to reason }
    }
  }
`);

export const Orders = graphql(`
  query Orders($first: Int, $after: String, $filter: OrderFilter) {
    orders(first: $first, after: $after, filter: $filter) {
      edges { cursor node { id status createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ActiveOrders = graphql(`
  query ActiveOrders { activeOrders { id status } }
`);

export const OtpReceived = graphql(`
  subscription OtpReceived($orderId: ID) {
    otpReceived(orderId: $orderId) { code text receivedAt order { id status } }
  }
`);

export const OrderUpdated = graphql(`
  subscription OrderUpdated($orderId: ID) {
    orderUpdated(orderId: $orderId) { id status }
  }
`);

export const BalancesInThb = graphql(`
  query BalancesIn($currency: Currency!) {
    balances(currency: $currency) {
      currency complete
      total { amount currency }
      providers { provider balance { amount currency } converted { amount currency fx { pair rate source asOf } } }
      rates { pair rate source asOf }
    }
  }
`);

export const Catalog = graphql(`
  query Catalog($currency: Currency, $filter: CatalogFilter, $first: Int, $after: String) {
    catalog(currency: $currency, filter: $filter, first: $first, after: $after) {
      edges { node { key kind name details { ... on OtpServiceDetails { platform country } } offers { provider providerRef available inStock nativePrice { amount currency } price { amount currency fx { pair rate source asOf } } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const Countries = graphql(`
  query Countries { countries { code name dialCode } }
`);

export const Providers = graphql(`
  query Providers { providers { id name currency capabilities health { status } balance { amount currency } } }
`);

export const RegisterWebhook = graphql(`
  mutation RegisterWebhook($provider: ProviderId!, $sendTest: Boolean) {
    registerProviderWebhook(provider: $provider, sendTest: $sendTest) {
      __typename
      ... on RegisterProviderWebhookPayload { registration { provider url testStatusCode } }
      ... on Error { code message }
    }
  }
`);
