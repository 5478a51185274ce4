/* eslint-disable */
import * as types from './graphql.ts';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  subscription BenchOtpCodes { otpReceived { code order { id } } }\n": typeof types.BenchOtpCodesDocument,
    "\n  query MigratedOrders($done: ID!, $open: ID!) {\n    done: order(id: $done) { id status reference price { amount currency } statusHistory { to } ... on OtpOrder { phoneNumber messages { code } } }\n    open: order(id: $open) { id status reference providerRef }\n  }\n": typeof types.MigratedOrdersDocument,
    "\n  query AggCatalog($currency: Currency, $filter: CatalogFilter) {\n    catalog(currency: $currency, filter: $filter, first: 100) {\n      edges { node { key offers { provider providerRef available inStock nativePrice { amount currency } price { amount currency } } } }\n    }\n  }\n": typeof types.AggCatalogDocument,
    "\n  mutation AggBuy($input: BuyNumberInput!) {\n    buyNumber(input: $input) {\n      __typename\n      ... on BuyNumberPayload {\n        order { id status provider providerRef phoneNumber price { amount currency } }\n        attempts { provider outcome price { amount currency } }\n      }\n      ... on NoOfferAvailable { attempts { provider outcome price { amount currency } } }\n      ... on RateLimited { retryAfterSeconds }\n      ... on ServiceUnavailable { unavailableFor: retryAfterSeconds }\n      ... on ProviderFailure { provider providerCode }\n      ... on Error { code message }\n    }\n  }\n": typeof types.AggBuyDocument,
    "\n  mutation AggCancel($input: CancelOrderInput!) {\n    cancelOrder(input: $input) {\n      __typename\n      ... on CancelOrderPayload { order { id status } }\n      ... on CancelTooEarly { secondsRemaining }\n      ... on RateLimited { retryAfterSeconds }\n      ... on ProviderFailure { provider providerCode }\n      ... on Unsupported { provider operation }\n      ... on Error { code message }\n    }\n  }\n": typeof types.AggCancelDocument,
    "\n  mutation AggResend($input: ResendSmsInput!) {\n    resendSms(input: $input) {\n      __typename\n      ... on ResendSmsPayload { outcome { resent } }\n      ... on Unsupported { provider operation }\n      ... on ProviderFailure { provider providerCode }\n      ... on Error { code message }\n    }\n  }\n": typeof types.AggResendDocument,
    "\n  mutation AggComplete($input: CompleteOrderInput!) {\n    completeOrder(input: $input) {\n      __typename\n      ... on CompleteOrderPayload { order { id status } }\n      ... on Unsupported { provider operation }\n      ... on ProviderFailure { provider providerCode }\n      ... on Error { code message }\n    }\n  }\n": typeof types.AggCompleteDocument,
    "\n  query AggProviders {\n    providers { id capabilities health { status detail } otpSuccessRate medianSecondsToOtp }\n  }\n": typeof types.AggProvidersDocument,
    "\n  query AggOrder($id: ID!) {\n    order(id: $id) { id status provider ... on OtpOrder { messages { code } } }\n  }\n": typeof types.AggOrderDocument,
    "\n  subscription AggOtpReceived {\n    otpReceived { code receivedAt order { id provider } }\n  }\n": typeof types.AggOtpReceivedDocument,
    "\n  query NodeLookup($id: ID!) { node(id: $id) { __typename id ... on Order { status } } }\n": typeof types.NodeLookupDocument,
    "\n  mutation BuyNumber($input: BuyNumberInput!) {\n    buyNumber(input: $input) {\n      __typename\n      ... on BuyNumberPayload { order { id status phoneNumber provider providerRef price { amount currency } expiresAt } }\n      ... on Error { code message }\n      ... on NoOfferAvailable { attempts { provider outcome } }\n      ... on ProviderFailure { provider providerCode }\n    }\n  }\n": typeof types.BuyNumberDocument,
    "\n  mutation CancelOrder($input: CancelOrderInput!) {\n    cancelOrder(input: $input) {\n      __typename\n      ... on CancelOrderPayload { order { id status refund { amount currency } } }\n      ... on CancelTooEarly { secondsRemaining }\n      ... on Error { code message }\n    }\n  }\n": typeof types.CancelOrderDocument,
    "\n  mutation CompleteOrder($input: CompleteOrderInput!) {\n    completeOrder(input: $input) {\n      __typename\n      ... on CompleteOrderPayload { order { id status } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.CompleteOrderDocument,
    "\n  mutation ResendSms($input: ResendSmsInput!) {\n    resendSms(input: $input) {\n      __typename\n      ... on ResendSmsPayload { outcome { resent order { id status } } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ResendSmsDocument,
    "\n  query OrderById($id: ID!) {\n    order(id: $id) {\n      id status providerStatus refund { amount currency }\n      ... on OtpOrder { phoneNumber messages { code text receivedAt } }\n      statusHistory { from to reason }\n    }\n  }\n": typeof types.OrderByIdDocument,
    "\n  query Orders($first: Int, $after: String, $filter: OrderFilter) {\n    orders(first: $first, after: $after, filter: $filter) {\n      edges { cursor node { id status createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.OrdersDocument,
    "\n  query ActiveOrders { activeOrders { id status } }\n": typeof types.ActiveOrdersDocument,
    "\n  subscription OtpReceived($orderId: ID) {\n    otpReceived(orderId: $orderId) { code text receivedAt order { id status } }\n  }\n": typeof types.OtpReceivedDocument,
    "\n  subscription OrderUpdated($orderId: ID) {\n    orderUpdated(orderId: $orderId) { id status }\n  }\n": typeof types.OrderUpdatedDocument,
    "\n  query BalancesIn($currency: Currency!) {\n    balances(currency: $currency) {\n      currency complete\n      total { amount currency }\n      providers { provider balance { amount currency } converted { amount currency fx { pair rate source asOf } } }\n      rates { pair rate source asOf }\n    }\n  }\n": typeof types.BalancesInDocument,
    "\n  query Catalog($currency: Currency, $filter: CatalogFilter, $first: Int, $after: String) {\n    catalog(currency: $currency, filter: $filter, first: $first, after: $after) {\n      edges { node { key kind name details { ... on OtpServiceDetails { platform country } } offers { provider providerRef available inStock nativePrice { amount currency } price { amount currency fx { pair rate source asOf } } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.CatalogDocument,
    "\n  query Countries { countries { code name dialCode } }\n": typeof types.CountriesDocument,
    "\n  query Providers { providers { id name currency capabilities health { status } balance { amount currency } } }\n": typeof types.ProvidersDocument,
    "\n  mutation RegisterWebhook($provider: ProviderId!, $sendTest: Boolean) {\n    registerProviderWebhook(provider: $provider, sendTest: $sendTest) {\n      __typename\n      ... on RegisterProviderWebhookPayload { registration { provider url testStatusCode } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.RegisterWebhookDocument,
    "\n  query FxRates {\n    fxRates { pair base quote rate source asOf stale }\n  }\n": typeof types.FxRatesDocument,
    "\n  query Convert($amount: Decimal!, $from: Currency!, $to: Currency!) {\n    convert(amount: $amount, from: $from, to: $to) { amount currency minorUnits original { amount currency } fx { pair rate source asOf } }\n  }\n": typeof types.ConvertDocument,
    "\n  subscription RatesChanged {\n    fxRatesChanged { pair rate source }\n  }\n": typeof types.RatesChangedDocument,
    "\n  mutation PlatformBuy($input: BuyNumberInput!) {\n    buyNumber(input: $input) {\n      __typename\n      ... on BuyNumberPayload { order { id status providerRef phoneNumber } }\n      ... on RateLimited { retryAfterSeconds }\n      ... on Error { code message }\n    }\n  }\n": typeof types.PlatformBuyDocument,
    "\n  query PlatformOrderState($id: ID!) {\n    order(id: $id) {\n      id status providerRef\n      ... on OtpOrder { messages { code text } }\n      statusHistory { from to reason }\n    }\n  }\n": typeof types.PlatformOrderStateDocument,
    "\n  query PlatformCatalog {\n    catalog(first: 100, filter: { service: \"whatsapp\", country: \"ID\" }) { edges { node { key offers { provider providerRef available } } } }\n  }\n": typeof types.PlatformCatalogDocument,
    "\n  subscription PlatformWatchOrder($orderId: ID!) { orderUpdated(orderId: $orderId) { id status } }\n": typeof types.PlatformWatchOrderDocument,
    "\n  subscription PlatformReplayCodes($orderId: ID!) { otpReceived(orderId: $orderId, replay: true) { code order { id } } }\n": typeof types.PlatformReplayCodesDocument,
    "\n  mutation TopupRefill($input: RefillMobileInput!) {\n    refillMobile(input: $input) {\n      __typename\n      ... on RefillMobilePayload {\n        order {\n          id kind provider providerRef status providerStatus price { amount currency }\n          ... on MobileRefillOrder { phoneNumber network amount { amount currency } }\n        }\n      }\n      ... on Error { code message }\n      ... on ValidationError { field }\n      ... on ProviderFailure { provider providerCode }\n    }\n  }\n": typeof types.TopupRefillDocument,
    "\n  mutation TopupCancelRefill($input: CancelRefillInput!) {\n    cancelRefill(input: $input) {\n      __typename\n      ... on CancelRefillPayload { order { id status providerStatus refund { amount currency } } }\n      ... on Error { code message }\n      ... on ValidationError { field }\n    }\n  }\n": typeof types.TopupCancelRefillDocument,
    "\n  mutation TopupGame($input: TopUpGameInput!) {\n    topUpGame(input: $input) {\n      __typename\n      ... on TopUpGamePayload {\n        order {\n          id kind provider providerRef status providerStatus reference price { amount currency }\n          ... on GameTopUpOrder { packageId game topupInfo { field value } }\n        }\n      }\n      ... on Error { code message }\n      ... on ValidationError { field }\n      ... on ProviderFailure { provider providerCode }\n    }\n  }\n": typeof types.TopupGameDocument,
    "\n  mutation TopupSocialBoost($input: OrderSocialBoostInput!) {\n    orderSocialBoost(input: $input) {\n      __typename\n      ... on OrderSocialBoostPayload {\n        order { id kind provider providerRef status price { amount currency } ... on SocialBoostOrder { link quantity delivered remains } }\n      }\n      ... on Error { code message }\n      ... on ValidationError { field }\n    }\n  }\n": typeof types.TopupSocialBoostDocument,
    "\n  mutation TopupPremium($input: BuyPremiumAppInput!) {\n    buyPremiumApp(input: $input) {\n      __typename\n      ... on BuyPremiumAppPayload {\n        order { id kind provider providerRef status price { amount currency } ... on PremiumAppOrder { app credentials { username password } } }\n      }\n      ... on Error { code message }\n      ... on ValidationError { field }\n    }\n  }\n": typeof types.TopupPremiumDocument,
    "\n  query TopupOrder($id: ID!) {\n    order(id: $id) {\n      __typename id kind provider providerRef status providerStatus\n      price { amount currency }\n      refund { amount currency }\n      failure { code message }\n      createdAt\n      statusHistory { from to reason }\n      ... on MobileRefillOrder { phoneNumber network amount { amount currency } providerResult { name value } }\n      ... on GameTopUpOrder { packageId game topupInfo { field value } }\n      ... on SocialBoostOrder { link quantity delivered remains }\n      ... on PremiumAppOrder { app credentials { username password } }\n    }\n  }\n": typeof types.TopupOrderDocument,
    "\n  subscription TopupOrderUpdated($orderId: ID) {\n    orderUpdated(orderId: $orderId) {\n      __typename id status price { amount currency } refund { amount currency }\n      ... on MobileRefillOrder { amount { amount currency } }\n    }\n  }\n": typeof types.TopupOrderUpdatedDocument,
    "\n  query TopupOrders($filter: OrderFilter, $first: Int) {\n    orders(filter: $filter, first: $first) {\n      edges {\n        node {\n          __typename id kind provider status price { amount currency } createdAt statusHistory { from to at }\n          ... on MobileRefillOrder { phoneNumber network }\n          ... on GameTopUpOrder { packageId }\n          ... on SocialBoostOrder { link quantity }\n          ... on PremiumAppOrder { app }\n          ... on OtpOrder { expiresAt }\n        }\n      }\n    }\n  }\n": typeof types.TopupOrdersDocument,
    "\n  query TopupCatalog($filter: CatalogFilter, $first: Int) {\n    catalog(filter: $filter, first: $first) {\n      edges {\n        node {\n          key kind name\n          details {\n            __typename\n            ... on MobileTopupServiceDetails { network online amounts }\n            ... on GameTopupServiceDetails { game fields }\n            ... on SocialBoostServiceDetails { platform minQuantity maxQuantity unitQuantity }\n            ... on PremiumAppServiceDetails { app }\n          }\n          offers { provider providerRef available nativePrice { amount currency } }\n        }\n      }\n    }\n  }\n": typeof types.TopupCatalogDocument,
    "\n  query TopupBalances {\n    balances(currency: THB) { providers { provider balance { amount currency } } }\n  }\n": typeof types.TopupBalancesDocument,
};
const documents: Documents = {
    "\n  subscription BenchOtpCodes { otpReceived { code order { id } } }\n": types.BenchOtpCodesDocument,
    "\n  query MigratedOrders($done: ID!, $open: ID!) {\n    done: order(id: $done) { id status reference price { amount currency } statusHistory { to } ... on OtpOrder { phoneNumber messages { code } } }\n    open: order(id: $open) { id status reference providerRef }\n  }\n": types.MigratedOrdersDocument,
    "\n  query AggCatalog($currency: Currency, $filter: CatalogFilter) {\n    catalog(currency: $currency, filter: $filter, first: 100) {\n      edges { node { key offers { provider providerRef available inStock nativePrice { amount currency } price { amount currency } } } }\n    }\n  }\n": types.AggCatalogDocument,
    "\n  mutation AggBuy($input: BuyNumberInput!) {\n    buyNumber(input: $input) {\n      __typename\n      ... on BuyNumberPayload {\n        order { id status provider providerRef phoneNumber price { amount currency } }\n        attempts { provider outcome price { amount currency } }\n      }\n      ... on NoOfferAvailable { attempts { provider outcome price { amount currency } } }\n      ... on RateLimited { retryAfterSeconds }\n      ... on ServiceUnavailable { unavailableFor: retryAfterSeconds }\n      ... on ProviderFailure { provider providerCode }\n      ... on Error { code message }\n    }\n  }\n": types.AggBuyDocument,
    "\n  mutation AggCancel($input: CancelOrderInput!) {\n    cancelOrder(input: $input) {\n      __typename\n      ... on CancelOrderPayload { order { id status } }\n      ... on CancelTooEarly { secondsRemaining }\n      ... on RateLimited { retryAfterSeconds }\n      ... on ProviderFailure { provider providerCode }\n      ... on Unsupported { provider operation }\n      ... on Error { code message }\n    }\n  }\n": types.AggCancelDocument,
    "\n  mutation AggResend($input: ResendSmsInput!) {\n    resendSms(input: $input) {\n      __typename\n      ... on ResendSmsPayload { outcome { resent } }\n      ... on Unsupported { provider operation }\n      ... on ProviderFailure { provider providerCode }\n      ... on Error { code message }\n    }\n  }\n": types.AggResendDocument,
    "\n  mutation AggComplete($input: CompleteOrderInput!) {\n    completeOrder(input: $input) {\n      __typename\n      ... on CompleteOrderPayload { order { id status } }\n      ... on Unsupported { provider operation }\n      ... on ProviderFailure { provider providerCode }\n      ... on Error { code message }\n    }\n  }\n": types.AggCompleteDocument,
    "\n  query AggProviders {\n    providers { id capabilities health { status detail } otpSuccessRate medianSecondsToOtp }\n  }\n": types.AggProvidersDocument,
    "\n  query AggOrder($id: ID!) {\n    order(id: $id) { id status provider ... on OtpOrder { messages { code } } }\n  }\n": types.AggOrderDocument,
    "\n  subscription AggOtpReceived {\n    otpReceived { code receivedAt order { id provider } }\n  }\n": types.AggOtpReceivedDocument,
    "\n  query NodeLookup($id: ID!) { node(id: $id) { __typename id ... on Order { status } } }\n": types.NodeLookupDocument,
    "\n  mutation BuyNumber($input: BuyNumberInput!) {\n    buyNumber(input: $input) {\n      __typename\n      ... on BuyNumberPayload { order { id status phoneNumber provider providerRef price { amount currency } expiresAt } }\n      ... on Error { code message }\n      ... on NoOfferAvailable { attempts { provider outcome } }\n      ... on ProviderFailure { provider providerCode }\n    }\n  }\n": types.BuyNumberDocument,
    "\n  mutation CancelOrder($input: CancelOrderInput!) {\n    cancelOrder(input: $input) {\n      __typename\n      ... on CancelOrderPayload { order { id status refund { amount currency } } }\n      ... on CancelTooEarly { secondsRemaining }\n      ... on Error { code message }\n    }\n  }\n": types.CancelOrderDocument,
    "\n  mutation CompleteOrder($input: CompleteOrderInput!) {\n    completeOrder(input: $input) {\n      __typename\n      ... on CompleteOrderPayload { order { id status } }\n      ... on Error { code message }\n    }\n  }\n": types.CompleteOrderDocument,
    "\n  mutation ResendSms($input: ResendSmsInput!) {\n    resendSms(input: $input) {\n      __typename\n      ... on ResendSmsPayload { outcome { resent order { id status } } }\n      ... on Error { code message }\n    }\n  }\n": types.ResendSmsDocument,
    "\n  query OrderById($id: ID!) {\n    order(id: $id) {\n      id status providerStatus refund { amount currency }\n      ... on OtpOrder { phoneNumber messages { code text receivedAt } }\n      statusHistory { from to reason }\n    }\n  }\n": types.OrderByIdDocument,
    "\n  query Orders($first: Int, $after: String, $filter: OrderFilter) {\n    orders(first: $first, after: $after, filter: $filter) {\n      edges { cursor node { id status createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.OrdersDocument,
    "\n  query ActiveOrders { activeOrders { id status } }\n": types.ActiveOrdersDocument,
    "\n  subscription OtpReceived($orderId: ID) {\n    otpReceived(orderId: $orderId) { code text receivedAt order { id status } }\n  }\n": types.OtpReceivedDocument,
    "\n  subscription OrderUpdated($orderId: ID) {\n    orderUpdated(orderId: $orderId) { id status }\n  }\n": types.OrderUpdatedDocument,
    "\n  query BalancesIn($currency: Currency!) {\n    balances(currency: $currency) {\n      currency complete\n      total { amount currency }\n      providers { provider balance { amount currency } converted { amount currency fx { pair rate source asOf } } }\n      rates { pair rate source asOf }\n    }\n  }\n": types.BalancesInDocument,
    "\n  query Catalog($currency: Currency, $filter: CatalogFilter, $first: Int, $after: String) {\n    catalog(currency: $currency, filter: $filter, first: $first, after: $after) {\n      edges { node { key kind name details { ... on OtpServiceDetails { platform country } } offers { provider providerRef available inStock nativePrice { amount currency } price { amount currency fx { pair rate source asOf } } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.CatalogDocument,
    "\n  query Countries { countries { code name dialCode } }\n": types.CountriesDocument,
    "\n  query Providers { providers { id name currency capabilities health { status } balance { amount currency } } }\n": types.ProvidersDocument,
    "\n  mutation RegisterWebhook($provider: ProviderId!, $sendTest: Boolean) {\n    registerProviderWebhook(provider: $provider, sendTest: $sendTest) {\n      __typename\n      ... on RegisterProviderWebhookPayload { registration { provider url testStatusCode } }\n      ... on Error { code message }\n    }\n  }\n": types.RegisterWebhookDocument,
    "\n  query FxRates {\n    fxRates { pair base quote rate source asOf stale }\n  }\n": types.FxRatesDocument,
    "\n  query Convert($amount: Decimal!, $from: Currency!, $to: Currency!) {\n    convert(amount: $amount, from: $from, to: $to) { amount currency minorUnits original { amount currency } fx { pair rate source asOf } }\n  }\n": types.ConvertDocument,
    "\n  subscription RatesChanged {\n    fxRatesChanged { pair rate source }\n  }\n": types.RatesChangedDocument,
    "\n  mutation PlatformBuy($input: BuyNumberInput!) {\n    buyNumber(input: $input) {\n      __typename\n      ... on BuyNumberPayload { order { id status providerRef phoneNumber } }\n      ... on RateLimited { retryAfterSeconds }\n      ... on Error { code message }\n    }\n  }\n": types.PlatformBuyDocument,
    "\n  query PlatformOrderState($id: ID!) {\n    order(id: $id) {\n      id status providerRef\n      ... on OtpOrder { messages { code text } }\n      statusHistory { from to reason }\n    }\n  }\n": types.PlatformOrderStateDocument,
    "\n  query PlatformCatalog {\n    catalog(first: 100, filter: { service: \"whatsapp\", country: \"ID\" }) { edges { node { key offers { provider providerRef available } } } }\n  }\n": types.PlatformCatalogDocument,
    "\n  subscription PlatformWatchOrder($orderId: ID!) { orderUpdated(orderId: $orderId) { id status } }\n": types.PlatformWatchOrderDocument,
    "\n  subscription PlatformReplayCodes($orderId: ID!) { otpReceived(orderId: $orderId, replay: true) { code order { id } } }\n": types.PlatformReplayCodesDocument,
    "\n  mutation TopupRefill($input: RefillMobileInput!) {\n    refillMobile(input: $input) {\n      __typename\n      ... on RefillMobilePayload {\n        order {\n          id kind provider providerRef status providerStatus price { amount currency }\n          ... on MobileRefillOrder { phoneNumber network amount { amount currency } }\n        }\n      }\n      ... on Error { code message }\n      ... on ValidationError { field }\n      ... on ProviderFailure { provider providerCode }\n    }\n  }\n": types.TopupRefillDocument,
    "\n  mutation TopupCancelRefill($input: CancelRefillInput!) {\n    cancelRefill(input: $input) {\n      __typename\n      ... on CancelRefillPayload { order { id status providerStatus refund { amount currency } } }\n      ... on Error { code message }\n      ... on ValidationError { field }\n    }\n  }\n": types.TopupCancelRefillDocument,
    "\n  mutation TopupGame($input: TopUpGameInput!) {\n    topUpGame(input: $input) {\n      __typename\n      ... on TopUpGamePayload {\n        order {\n          id kind provider providerRef status providerStatus reference price { amount currency }\n          ... on GameTopUpOrder { packageId game topupInfo { field value } }\n        }\n      }\n      ... on Error { code message }\n      ... on ValidationError { field }\n      ... on ProviderFailure { provider providerCode }\n    }\n  }\n": types.TopupGameDocument,
    "\n  mutation TopupSocialBoost($input: OrderSocialBoostInput!) {\n    orderSocialBoost(input: $input) {\n      __typename\n      ... on OrderSocialBoostPayload {\n        order { id kind provider providerRef status price { amount currency } ... on SocialBoostOrder { link quantity delivered remains } }\n      }\n      ... on Error { code message }\n      ... on ValidationError { field }\n    }\n  }\n": types.TopupSocialBoostDocument,
    "\n  mutation TopupPremium($input: BuyPremiumAppInput!) {\n    buyPremiumApp(input: $input) {\n      __typename\n      ... on BuyPremiumAppPayload {\n        order { id kind provider providerRef status price { amount currency } ... on PremiumAppOrder { app credentials { username password } } }\n      }\n      ... on Error { code message }\n      ... on ValidationError { field }\n    }\n  }\n": types.TopupPremiumDocument,
    "\n  query TopupOrder($id: ID!) {\n    order(id: $id) {\n      __typename id kind provider providerRef status providerStatus\n      price { amount currency }\n      refund { amount currency }\n      failure { code message }\n      createdAt\n      statusHistory { from to reason }\n      ... on MobileRefillOrder { phoneNumber network amount { amount currency } providerResult { name value } }\n      ... on GameTopUpOrder { packageId game topupInfo { field value } }\n      ... on SocialBoostOrder { link quantity delivered remains }\n      ... on PremiumAppOrder { app credentials { username password } }\n    }\n  }\n": types.TopupOrderDocument,
    "\n  subscription TopupOrderUpdated($orderId: ID) {\n    orderUpdated(orderId: $orderId) {\n      __typename id status price { amount currency } refund { amount currency }\n      ... on MobileRefillOrder { amount { amount currency } }\n    }\n  }\n": types.TopupOrderUpdatedDocument,
    "\n  query TopupOrders($filter: OrderFilter, $first: Int) {\n    orders(filter: $filter, first: $first) {\n      edges {\n        node {\n          __typename id kind provider status price { amount currency } createdAt statusHistory { from to at }\n          ... on MobileRefillOrder { phoneNumber network }\n          ... on GameTopUpOrder { packageId }\n          ... on SocialBoostOrder { link quantity }\n          ... on PremiumAppOrder { app }\n          ... on OtpOrder { expiresAt }\n        }\n      }\n    }\n  }\n": types.TopupOrdersDocument,
    "\n  query TopupCatalog($filter: CatalogFilter, $first: Int) {\n    catalog(filter: $filter, first: $first) {\n      edges {\n        node {\n          key kind name\n          details {\n            __typename\n            ... on MobileTopupServiceDetails { network online amounts }\n            ... on GameTopupServiceDetails { game fields }\n            ... on SocialBoostServiceDetails { platform minQuantity maxQuantity unitQuantity }\n            ... on PremiumAppServiceDetails { app }\n          }\n          offers { provider providerRef available nativePrice { amount currency } }\n        }\n      }\n    }\n  }\n": types.TopupCatalogDocument,
    "\n  query TopupBalances {\n    balances(currency: THB) { providers { provider balance { amount currency } } }\n  }\n": types.TopupBalancesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BenchOtpCodes { otpReceived { code order { id } } }\n"): typeof import('./graphql.ts').BenchOtpCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MigratedOrders($done: ID!, $open: ID!) {\n    done: order(id: $done) { id status reference price { amount currency } statusHistory { to } ... on OtpOrder { phoneNumber messages { code } } }\n    open: order(id: $open) { id status reference providerRef }\n  }\n"): typeof import('./graphql.ts').MigratedOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AggCatalog($currency: Currency, $filter: CatalogFilter) {\n    catalog(currency: $currency, filter: $filter, first: 100) {\n      edges { node { key offers { provider providerRef available inStock nativePrice { amount currency } price { amount currency } } } }\n    }\n  }\n"): typeof import('./graphql.ts').AggCatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AggBuy($input: BuyNumberInput!) {\n    buyNumber(input: $input) {\n      __typename\n      ... on BuyNumberPayload {\n        order { id status provider providerRef phoneNumber price { amount currency } }\n        attempts { provider outcome price { amount currency } }\n      }\n      ... on NoOfferAvailable { attempts { provider outcome price { amount currency } } }\n      ... on RateLimited { retryAfterSeconds }\n      ... on ServiceUnavailable { unavailableFor: retryAfterSeconds }\n      ... on ProviderFailure { provider providerCode }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.ts').AggBuyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AggCancel($input: CancelOrderInput!) {\n    cancelOrder(input: $input) {\n      __typename\n      ... on CancelOrderPayload { order { id status } }\n      ... on CancelTooEarly { secondsRemaining }\n      ... on RateLimited { retryAfterSeconds }\n      ... on ProviderFailure { provider providerCode }\n      ... on Unsupported { provider operation }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.ts').AggCancelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AggResend($input: ResendSmsInput!) {\n    resendSms(input: $input) {\n      __typename\n      ... on ResendSmsPayload { outcome { resent } }\n      ... on Unsupported { provider operation }\n      ... on ProviderFailure { provider providerCode }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.ts').AggResendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AggComplete($input: CompleteOrderInput!) {\n    completeOrder(input: $input) {\n      __typename\n      ... on CompleteOrderPayload { order { id status } }\n      ... on Unsupported { provider operation }\n      ... on ProviderFailure { provider providerCode }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.ts').AggCompleteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AggProviders {\n    providers { id capabilities health { status detail } otpSuccessRate medianSecondsToOtp }\n  }\n"): typeof import('./graphql.ts').AggProvidersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AggOrder($id: ID!) {\n    order(id: $id) { id status provider ... on OtpOrder { messages { code } } }\n  }\n"): typeof import('./graphql.ts').AggOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AggOtpReceived {\n    otpReceived { code receivedAt order { id provider } }\n  }\n"): typeof import('./graphql.ts').AggOtpReceivedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeLookup($id: ID!) { node(id: $id) { __typename id ... on Order { status } } }\n"): typeof import('./graphql.ts').NodeLookupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BuyNumber($input: BuyNumberInput!) {\n    buyNumber(input: $input) {\n      __typename\n      ... on BuyNumberPayload { order { id status phoneNumber provider providerRef price { amount currency } expiresAt } }\n      ... on Error { code message }\n      ... on NoOfferAvailable { attempts { provider outcome } }\n      ... on ProviderFailure { provider providerCode }\n    }\n  }\n"): typeof import('./graphql.ts').BuyNumberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelOrder($input: CancelOrderInput!) {\n    cancelOrder(input: $input) {\n      __typename\n      ... on CancelOrderPayload { order { id status refund { amount currency } } }\n      ... on CancelTooEarly { secondsRemaining }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.ts').CancelOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteOrder($input: CompleteOrderInput!) {\n    completeOrder(input: $input) {\n      __typename\n      ... on CompleteOrderPayload { order { id status } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.ts').CompleteOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendSms($input: ResendSmsInput!) {\n    resendSms(input: $input) {\n      __typename\n      ... on ResendSmsPayload { outcome { resent order { id status } } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.ts').ResendSmsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderById($id: ID!) {\n    order(id: $id) {\n      id status providerStatus refund { amount currency }\n      ... on OtpOrder { phoneNumber messages { code text receivedAt } }\n      statusHistory { from to reason }\n    }\n  }\n"): typeof import('./graphql.ts').OrderByIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Orders($first: Int, $after: String, $filter: OrderFilter) {\n    orders(first: $first, after: $after, filter: $filter) {\n      edges { cursor node { id status createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql.ts').OrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActiveOrders { activeOrders { id status } }\n"): typeof import('./graphql.ts').ActiveOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OtpReceived($orderId: ID) {\n    otpReceived(orderId: $orderId) { code text receivedAt order { id status } }\n  }\n"): typeof import('./graphql.ts').OtpReceivedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OrderUpdated($orderId: ID) {\n    orderUpdated(orderId: $orderId) { id status }\n  }\n"): typeof import('./graphql.ts').OrderUpdatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BalancesIn($currency: Currency!) {\n    balances(currency: $currency) {\n      currency complete\n      total { amount currency }\n      providers { provider balance { amount currency } converted { amount currency fx { pair rate source asOf } } }\n      rates { pair rate source asOf }\n    }\n  }\n"): typeof import('./graphql.ts').BalancesInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalog($currency: Currency, $filter: CatalogFilter, $first: Int, $after: String) {\n    catalog(currency: $currency, filter: $filter, first: $first, after: $after) {\n      edges { node { key kind name details { ... on OtpServiceDetails { platform country } } offers { provider providerRef available inStock nativePrice { amount currency } price { amount currency fx { pair rate source asOf } } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql.ts').CatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Countries { countries { code name dialCode } }\n"): typeof import('./graphql.ts').CountriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Providers { providers { id name currency capabilities health { status } balance { amount currency } } }\n"): typeof import('./graphql.ts').ProvidersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterWebhook($provider: ProviderId!, $sendTest: Boolean) {\n    registerProviderWebhook(provider: $provider, sendTest: $sendTest) {\n      __typename\n      ... on RegisterProviderWebhookPayload { registration { provider url testStatusCode } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.ts').RegisterWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FxRates {\n    fxRates { pair base quote rate source asOf stale }\n  }\n"): typeof import('./graphql.ts').FxRatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Convert($amount: Decimal!, $from: Currency!, $to: Currency!) {\n    convert(amount: $amount, from: $from, to: $to) { amount currency minorUnits original { amount currency } fx { pair rate source asOf } }\n  }\n"): typeof import('./graphql.ts').ConvertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RatesChanged {\n    fxRatesChanged { pair rate source }\n  }\n"): typeof import('./graphql.ts').RatesChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlatformBuy($input: BuyNumberInput!) {\n    buyNumber(input: $input) {\n      __typename\n      ... on BuyNumberPayload { order { id status providerRef phoneNumber } }\n      ... on RateLimited { retryAfterSeconds }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.ts').PlatformBuyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformOrderState($id: ID!) {\n    order(id: $id) {\n      id status providerRef\n      ... on OtpOrder { messages { code text } }\n      statusHistory { from to reason }\n    }\n  }\n"): typeof import('./graphql.ts').PlatformOrderStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformCatalog {\n    catalog(first: 100, filter: { service: \"whatsapp\", country: \"ID\" }) { edges { node { key offers { provider providerRef available } } } }\n  }\n"): typeof import('./graphql.ts').PlatformCatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PlatformWatchOrder($orderId: ID!) { orderUpdated(orderId: $orderId) { id status } }\n"): typeof import('./graphql.ts').PlatformWatchOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PlatformReplayCodes($orderId: ID!) { otpReceived(orderId: $orderId, replay: true) { code order { id } } }\n"): typeof import('./graphql.ts').PlatformReplayCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TopupRefill($input: RefillMobileInput!) {\n    refillMobile(input: $input) {\n      __typename\n      ... on RefillMobilePayload {\n        order {\n          id kind provider providerRef status providerStatus price { amount currency }\n          ... on MobileRefillOrder { phoneNumber network amount { amount currency } }\n        }\n      }\n      ... on Error { code message }\n      ... on ValidationError { field }\n      ... on ProviderFailure { provider providerCode }\n    }\n  }\n"): typeof import('./graphql.ts').TopupRefillDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TopupCancelRefill($input: CancelRefillInput!) {\n    cancelRefill(input: $input) {\n      __typename\n      ... on CancelRefillPayload { order { id status providerStatus refund { amount currency } } }\n      ... on Error { code message }\n      ... on ValidationError { field }\n    }\n  }\n"): typeof import('./graphql.ts').TopupCancelRefillDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TopupGame($input: TopUpGameInput!) {\n    topUpGame(input: $input) {\n      __typename\n      ... on TopUpGamePayload {\n        order {\n          id kind provider providerRef status providerStatus reference price { amount currency }\n          ... on GameTopUpOrder { packageId game topupInfo { field value } }\n        }\n      }\n      ... on Error { code message }\n      ... on ValidationError { field }\n      ... on ProviderFailure { provider providerCode }\n    }\n  }\n"): typeof import('./graphql.ts').TopupGameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TopupSocialBoost($input: OrderSocialBoostInput!) {\n    orderSocialBoost(input: $input) {\n      __typename\n      ... on OrderSocialBoostPayload {\n        order { id kind provider providerRef status price { amount currency } ... on SocialBoostOrder { link quantity delivered remains } }\n      }\n      ... on Error { code message }\n      ... on ValidationError { field }\n    }\n  }\n"): typeof import('./graphql.ts').TopupSocialBoostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TopupPremium($input: BuyPremiumAppInput!) {\n    buyPremiumApp(input: $input) {\n      __typename\n      ... on BuyPremiumAppPayload {\n        order { id kind provider providerRef status price { amount currency } ... on PremiumAppOrder { app credentials { username password } } }\n      }\n      ... on Error { code message }\n      ... on ValidationError { field }\n    }\n  }\n"): typeof import('./graphql.ts').TopupPremiumDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopupOrder($id: ID!) {\n    order(id: $id) {\n      __typename id kind provider providerRef status providerStatus\n      price { amount currency }\n      refund { amount currency }\n      failure { code message }\n      createdAt\n      statusHistory { from to reason }\n      ... on MobileRefillOrder { phoneNumber network amount { amount currency } providerResult { name value } }\n      ... on GameTopUpOrder { packageId game topupInfo { field value } }\n      ... on SocialBoostOrder { link quantity delivered remains }\n      ... on PremiumAppOrder { app credentials { username password } }\n    }\n  }\n"): typeof import('./graphql.ts').TopupOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TopupOrderUpdated($orderId: ID) {\n    orderUpdated(orderId: $orderId) {\n      __typename id status price { amount currency } refund { amount currency }\n      ... on MobileRefillOrder { amount { amount currency } }\n    }\n  }\n"): typeof import('./graphql.ts').TopupOrderUpdatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopupOrders($filter: OrderFilter, $first: Int) {\n    orders(filter: $filter, first: $first) {\n      edges {\n        node {\n          __typename id kind provider status price { amount currency } createdAt statusHistory { from to at }\n          ... on MobileRefillOrder { phoneNumber network }\n          ... on GameTopUpOrder { packageId }\n          ... on SocialBoostOrder { link quantity }\n          ... on PremiumAppOrder { app }\n          ... on OtpOrder { expiresAt }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').TopupOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopupCatalog($filter: CatalogFilter, $first: Int) {\n    catalog(filter: $filter, first: $first) {\n      edges {\n        node {\n          key kind name\n          details {\n            __typename\n            ... on MobileTopupServiceDetails { network online amounts }\n            ... on GameTopupServiceDetails { game fields }\n            ... on SocialBoostServiceDetails { platform minQuantity maxQuantity unitQuantity }\n            ... on PremiumAppServiceDetails { app }\n          }\n          offers { provider providerRef available nativePrice { amount currency } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').TopupCatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopupBalances {\n    balances(currency: THB) { providers { provider balance { amount currency } } }\n  }\n"): typeof import('./graphql.ts').TopupBalancesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
