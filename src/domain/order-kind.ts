/** What an order buys; every kind shares one status machine (docs/architecture.md, "Order kinds"). */
export const ORDER_KINDS = ['OTP_NUMBER', 'MOBILE_TOPUP', 'GAME_TOPUP', 'SOCIAL_BOOST', 'PREMIUM_APP'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];
