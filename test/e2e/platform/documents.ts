import { graphql } from '../../gql/index.ts';

/** Operations of the platform-defect tests (typed by codegen). */
export const Buy = graphql(`
  mutation PlatformBuy($input: BuyNumberInput!) {
    buyNumber(input: $input) {
      __typename
      ... on BuyNumberPayload { order { id status providerRef phoneNumber } }
      ... on RateLimited { retryAfterSeconds }
      ... on Error { code message }
    }
  }
`);

export const OrderState = graphql(`
  query PlatformOrderState($id: ID!) {
    order(id: $id) {
      id status providerRef
      ... on OtpOrder { messages { code text } }
      statusHistory { from to reason }
    }
  }
`);

export const Catalog = graphql(`
  query PlatformCatalog {
    catalog(first: 100, filter: { service: "whatsapp", country: "ID" }) { edges { node { key offers { provider providerRef available } } } }
  }
`);

export const WatchOrder = graphql(`
  subscription PlatformWatchOrder($orderId: ID!) { orderUpdated(orderId: $orderId) { id status } }
`);

export const ReplayCodes = graphql(`
  subscription PlatformReplayCodes($orderId: ID!) { otpReceived(orderId: $orderId, replay: true) { code order { id } } }
`);
