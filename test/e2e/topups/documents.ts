import { graphql } from '../../gql/index.ts';

/** Operations of the top-up end-to-end tests (typed by codegen: `npm run generate`). */

export const TopupRefill = graphql(`
  mutation TopupRefill($input: RefillMobileInput!) {
    refillMobile(input: $input) {
      __typename
      ... on RefillMobilePayload {
        order {
          id kind provider providerRef status providerStatus price { amount currency }
          ... on MobileRefillOrder { phoneNumber network amount { amount currency } }
        }
      }
      ... on Error { code message }
      ... on ValidationError { field }
      ... on ProviderFailure { provider providerCode }
    }
  }
`);

export const TopupCancelRefill = graphql(`
  mutation TopupCancelRefill($input: CancelRefillInput!) {
    cancelRefill(input: $input) {
      __typename
      ... on CancelRefillPayload { order { id status providerStatus refund { amount currency } } }
      ... on Error { code message }
      ... on ValidationError { field }
    }
  }
`);

export const TopupGame = graphql(`
  mutation TopupGame($input: TopUpGameInput!) {
    topUpGame(input: $input) {
      __typename
      ... on TopUpGamePayload {
        order {
          id kind provider providerRef status providerStatus reference price { amount currency }
          ... on GameTopUpOrder { packageId game topupInfo { field value } }
        }
      }
      ... on Error { code message }
      ... on ValidationError { field }
      ... on ProviderFailure { provider providerCode }
    }
  }
`);

export const TopupSocialBoost = graphql(`
  mutation TopupSocialBoost($input: OrderSocialBoostInput!) {
    orderSocialBoost(input: $input) {
      __typename
      ... on OrderSocialBoostPayload {
        order { id kind provider providerRef status price { amount currency } ... on SocialBoostOrder { link quantity delivered remains } }
      }
      ... on Error { code message }
      ... on ValidationError { field }
    }
  }
`);

export const TopupPremium = graphql(`
  mutation TopupPremium($input: BuyPremiumAppInput!) {
    buyPremiumApp(input: $input) {
      __typename
      ... on BuyPremiumAppPayload {
        order { id kind provider providerRef status price { amount currency } ... on PremiumAppOrder { app credentials { username password } } }
      }
      ... on Error { code message }
      ... on ValidationError { field }
    }
  }
`);

/** One order of any kind, with every kind's own fields. */
export const TopupOrder = graphql(`
  query TopupOrder($id: ID!) {
    order(id: $id) {
      __typename id kind provider providerRef status providerStatus
      price { amount currency }
      refund { amount currency }
      failure { code message }
      createdAt
      statusHistory { from to reason }
      ... on MobileRefillOrder { phoneNumber network amount { amount currency } providerResult { name value } }
      ... on GameTopUpOrder { packageId game topupInfo { field value } }
      ... on SocialBoostOrder { link quantity delivered remains }
      ... on PremiumAppOrder { app credentials { username password } }
    }
  }
`);

export const TopupOrderUpdated = graphql(`
  subscription TopupOrderUpdated($orderId: ID) {
    orderUpdated(orderId: $orderId) {
      __typename id status price { amount currency } refund { amount currency }
      ... on MobileRefillOrder { amount { amount currency } }
    }
  }
`);

/** The order list across kinds: the interface fields, plus fragments per type. */
export const TopupOrders = graphql(`
  query TopupOrders($filter: OrderFilter, $first: Int) {
    orders(filter: $filter, first: $first) {
      edges {
        node {
          __typename id kind provider status price { amount currency } createdAt statusHistory { from to at }
          ... on MobileRefillOrder { phoneNumber network }
          ... on GameTopUpOrder { packageId }
          ... on SocialBoostOrder { link quantity }
          ... on PremiumAppOrder { app }
          ... on OtpOrder { expiresAt }
        }
      }
    }
  }
`);

export const TopupCatalog = graphql(`
  query TopupCatalog($filter: CatalogFilter, $first: Int) {
    catalog(filter: $filter, first: $first) {
      edges {
        node {
          key kind name
          details {
            __typename
            ... on MobileTopupServiceDetails { network online amounts }
            ... on GameTopupServiceDetails { game fields }
            ... on SocialBoostServiceDetails { platform minQuantity maxQuantity unitQuantity }
            ... on PremiumAppServiceDetails { app }
          }
          offers { provider providerRef available nativePrice { amount currency } }
        }
      }
    }
  }
`);

export const TopupBalances = graphql(`
  query TopupBalances {
    balances(currency: THB) { providers { provider balance { amount currency } } }
  }
`);
