import type { ProviderHistoryEntry } from './offer-routing.ts';
import type { SmscodeOrderStatus } from './public-types.ts';
import type { MoneyPrecision, UsdMoney } from './money-projection.ts';
import { rfc3339, rfc3339OrNull } from './timestamps.ts';

/** How long a rented number lives (document example: created 10:00, expires 10:20). */
export const ORDER_LIFETIME_MS = 20 * 60_000;

/** No cancel during the first 2 minutes (CANCEL_TOO_EARLY). */
export const CANCEL_LOCK_MS = 2 * 60_000;

/** failed_reason of an order that expired without an SMS (the document names no value). */
export const EXPIRED_WITHOUT_OTP = 'no_sms_received';

/** One rented number as the simulator keeps it. */
export interface SimOrder {
  id: number;
  accountToken: string;
  status: SmscodeOrderStatus;
  createdAt: number;
  expiresAt: number;
  productId: number;
  catalogProductId: number;
  provider: string;
  countryId: number;
  platformId: number;
  phoneNumber: string;
  /** IDR integer charged for this order. */
  amount: number;
  otpCode: string | null;
  otpMessage: string | null;
  otpReceivedAt: number | null;
  canceledAt: number | null;
  failedReason: string | null;
  history: ProviderHistoryEntry;
}

/** Renders an IDR amount for the API version: the integer itself on v1, a USD money object on v2. */
export type MoneyRenderer = (idr: number, precision: MoneyPrecision) => number | UsdMoney;

/** Orders that can still receive an SMS. */
export function isLive(order: SimOrder): boolean {
  return order.status === 'ACTIVE' || order.status === 'OTP_RECEIVED';
}

/** An order as `/orders` and `/orders/{id}` show it. */
export function orderView(order: SimOrder, money: MoneyRenderer): Record<string, unknown> {
  return {
    id: order.id,
    status: order.status,
    created_at: rfc3339(order.createdAt),
    product_id: order.productId,
    phone_number: order.phoneNumber,
    amount: money(order.amount, 'unit'),
    otp_code: order.otpCode,
    otp_received_at: rfc3339OrNull(order.otpReceivedAt),
    expires_at: rfc3339(order.expiresAt),
    canceled_at: rfc3339OrNull(order.canceledAt),
    failed_reason: order.failedReason,
  };
}

/** An order as `/orders/create` returns it (failed_reason is always null there, per the document). */
export function createdOrderView(order: SimOrder, money: MoneyRenderer): Record<string, unknown> {
  return {
    id: order.id,
    status: order.status,
    product_id: order.productId,
    catalog_product_id: order.catalogProductId,
    amount: money(order.amount, 'unit'),
    phone_number: order.phoneNumber,
    otp_code: order.otpCode,
    otp_received_at: rfc3339OrNull(order.otpReceivedAt),
    expires_at: rfc3339(order.expiresAt),
    failed_reason: null,
  };
}

/** An order as `/orders/active` shows it: no money, but the SMS text. */
export function activeOrderView(order: SimOrder): Record<string, unknown> {
  return {
    id: order.id,
    status: order.status,
    otp_code: order.otpCode,
    otp_message: order.otpMessage,
    otp_received_at: rfc3339OrNull(order.otpReceivedAt),
    expires_at: rfc3339(order.expiresAt),
    failed_reason: order.failedReason,
  };
}
