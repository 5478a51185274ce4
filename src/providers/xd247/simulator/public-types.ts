import type { SimulatorFault } from '../../shared/simulator-contract.ts';

/** Every documented 247xd endpoint, named for fault injection and the request log. */
export type Xd247Endpoint =
  | 'balance'
  | 'otpServices'
  | 'otpCreate'
  | 'otpOrder'
  | 'otpCancel'
  | 'otpRefund'
  | 'socialServices'
  | 'socialCreate'
  | 'socialOrder'
  | 'socialRefund'
  | 'premiumServices'
  | 'premiumCreate'
  | 'premiumOrder';

/** Endpoint name recorded for a request that matched no documented route. */
export const UNMATCHED_ENDPOINT = 'unmatched';

/**
 * A scripted misbehaviour of the next request to one endpoint; consumed in injection order. The contract's kinds;
 * an `error` answers its HTTP status with the `{success:false,error:{code,message}}` envelope, doing no work.
 */
export type Xd247Fault = SimulatorFault & { endpoint: Xd247Endpoint };

/**
 * OTP order statuses. The document names only `waiting_sms`; the others are this simulator's reading:
 * `completed` (the SMS arrived), `cancelled` (POST …/cancel), `expired` (expiresAt passed without an SMS),
 * `refunded` (POST …/refund on a cancelled or expired order: only then do the coins come back).
 */
export type OtpOrderStatus = 'waiting_sms' | 'completed' | 'cancelled' | 'expired' | 'refunded';

/**
 * Social booster order statuses. The document names only `pending`; then `processing`, and an end:
 * `completed`, `partial` (some of the quantity delivered), `cancelled` (nothing delivered), `refunded`
 * (POST …/refund on a cancelled or partial order).
 */
export type SocialOrderStatus = 'pending' | 'processing' | 'completed' | 'partial' | 'cancelled' | 'refunded';

/** A premium app order is delivered at once: its credentials are in the create answer. */
export type PremiumOrderStatus = 'completed';

/** Any order's status. */
export type Xd247OrderStatus = OtpOrderStatus | SocialOrderStatus | PremiumOrderStatus;

/** One OTP price option of the seed catalog (amounts are decimal strings of coins, e.g. "15.00"). */
export interface OtpPriceOptionSeed {
  id: string;
  name: string;
  price: string;
  stock: number;
}

/** One OTP service (a platform whose SMS the number receives). */
export interface OtpServiceSeed {
  id: string;
  /** Short platform code used to word the SMS (`shopee`, `line`, `fb`, `wa`, `tg`, `tiktok`, `grab`, `lazada`…). */
  code: string;
  name: string;
  priceOptions: OtpPriceOptionSeed[];
}

/** One social booster option: what a create names by `optionId`. */
export interface SocialOptionSeed {
  id: string;
  name: string;
  /** Coins per 1000 units, decimal string. */
  pricePer1000: string;
  minQuantity: number;
  maxQuantity: number;
}

/** One social booster service (e.g. TikTok followers) with its options. */
export interface SocialServiceSeed {
  id: string;
  name: string;
  platform: string;
  options: SocialOptionSeed[];
}

/** One premium app (an account sold with its credentials). */
export interface PremiumServiceSeed {
  id: string;
  name: string;
  /** Coins, decimal string. */
  price: string;
  stock: number;
  /** How long the account is valid for. */
  durationDays: number;
}
