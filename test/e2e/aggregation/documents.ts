import { graphql } from '../../gql/index.ts';

/** Operations of the OTP-aggregation tests (typed by codegen). */
export const AggCatalog = graphql(`
  query AggCatalog($currency: Currency, $filter: CatalogFilter) {
    catalog(currency: $currency, filter: $filter, first: 100) {
      edges { node { key offers { provider providerRef available inStock nativePrice { amount currency } price { amount currency } } } }
    }
  }
`);

export const AggBuy = graphql(`
  mutation AggBuy($input: BuyNumberInput!) {
    buyNumber(input: $input) {
      __typename
      ... on BuyNumberPayload {
        order { id status provider providerRef phoneNumber price { amount currency } }
        attempts { provider outcome price { amount currency } }
      }
      ... on NoOfferAvailable { attempts { provider outcome price { amount currency } } }
      ... on RateLimited { retryAfterSeconds }
      ... on ServiceUnavailable { unavailableFor: retryAfterSeconds }
      ... on ProviderFailure { provider providerCode }
      ... on Error { code message }
    }
  }
`);

export const AggCancel = graphql(`
  mutation AggCancel($input: CancelOrderInput!) {
    cancelOrder(input: $input) {
      __typename
      ... on CancelOrderPayload { order { id status } }
      ... on CancelTooEarly { secondsRemaining }
      ... on RateLimited { retryAfterSeconds }
      ... on ProviderFailure { provider providerCode }
      ... on Unsupported { provider operation }
      ... on Error { code message }
    }
  }
`);

export const AggResend = graphql(`
  mutation AggResend($input: ResendSmsInput!) {
    resendSms(input: $input) {
      __typename
      ... on ResendSmsPayload { outcome { resent } }
      ... on Unsupported { provider operation }
      ... on ProviderFailure { provider providerCode }
      ... on Error { code message }
    }
  }
`);

export const AggComplete = graphql(`
  mutation AggComplete($input: CompleteOrderInput!) {
    completeOrder(input: $input) {
      __typename
      ... on CompleteOrderPayload { order { id status } }
      ... on Unsupported { provider operation }
      ... on ProviderFailure { provider providerCode }
      ... on Error { code message }
    }
  }
`);

export const AggProviders = graphql(`
  query AggProviders {
    providers { id capabilities health { status detail } otpSuccessRate medianSecondsToOtp }
  }
`);

export const AggOrder = graphql(`
  query AggOrder($id: ID!) {
    order(id: $id) { id status provider ... on OtpOrder { messages { code } } }
  }
`);

export const AggOtpReceived = graphql(`
  subscription AggOtpReceived {
    otpReceived { code receivedAt order { id provider } }
  }
`);
