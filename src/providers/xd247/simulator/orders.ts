import type { Coins } from './coins.ts';
import type { OtpOrderStatus, PremiumOrderStatus, SocialOrderStatus } from './public-types.ts';

/** Fields every order has. */
interface OrderBase {
  readonly id: string;
  readonly apiKey: string;
  readonly createdAt: number;
  /** Coins charged at creation. */
  readonly price: Coins;
  /** Coins given back by POST …/refund (null until then). */
  refundAmount: Coins | null;
}

/** A rented Thai number waiting for (or having received) one SMS. */
export interface OtpOrder extends OrderBase {
  readonly kind: 'otp';
  readonly serviceId: string;
  readonly serviceCode: string;
  readonly priceOptionId: string;
  /** Thai local format as the document shows it: `0812345678`. */
  readonly phoneNumber: string;
  readonly expiresAt: number;
  status: OtpOrderStatus;
  otpCode: string | null;
  smsText: string | null;
  receivedAt: number | null;
  cancelledAt: number | null;
  refundedAt: number | null;
}

/** A social booster order and its delivery progress. */
export interface SocialOrder extends OrderBase {
  readonly kind: 'social';
  readonly serviceId: string;
  readonly optionId: string;
  readonly link: string;
  readonly quantity: number;
  /** The counter at the link when the order started (followers, views…). */
  readonly startCount: number;
  status: SocialOrderStatus;
  /** Units delivered so far. */
  delivered: number;
  refundedAt: number | null;
}

/** A premium app account, delivered with its credentials at creation. */
export interface PremiumOrder extends OrderBase {
  readonly kind: 'premium';
  readonly serviceId: string;
  readonly serviceName: string;
  readonly credentials: Readonly<Record<string, string>>;
  readonly status: PremiumOrderStatus;
}

/** Any order the simulator keeps. */
export type Order = OtpOrder | SocialOrder | PremiumOrder;
