import type { Decimal } from 'decimal.js';
import type { JsonValue } from '../../shared/simulator-kit/exact-json.ts';
import { thbJson } from './money.ts';
import type { Otp24hrOrderStatus } from './public-types.ts';

/** `expires_in_min` of the buy example: a number lives 20 minutes, then a waiting order times out (and is refunded). */
export const ORDER_LIFETIME_MIN = 20;
export const ORDER_LIFETIME_MS = ORDER_LIFETIME_MIN * 60_000;

/** cancel.php: "ต้องผ่าน 2 นาทีหลังซื้อ" — no cancel before 2 minutes have passed since the purchase. */
export const CANCEL_DENIED_MS = 2 * 60_000;

/** One order as the simulator keeps it. */
export interface SimOrder {
  orderId: number;
  /** The upstream (sms-activate) activation id. */
  activationId: number;
  apiKey: string;
  phone: string;
  service: string;
  country: number;
  price: Decimal;
  status: Otp24hrOrderStatus;
  /** Latest SMS code; '' while none arrived (as the document's flow shows). */
  otpCode: string;
  createdAt: number;
  expiresAt: number;
  /** complete.php was called (the slot upstream is cleared). */
  completed: boolean;
  /** When the order reached cancel / timeout / success. */
  endedAt: number | null;
}

/** GET status.php answer (document: order_id, phone, status, otp_code, price_thb). */
export function statusView(order: SimOrder): JsonValue {
  return { ok: true, order_id: order.orderId, phone: order.phone, status: order.status, otp_code: order.otpCode, price_thb: thbJson(order.price) };
}

/** POST buy.php answer, field for field as the document's example. */
export function buyView(order: SimOrder): JsonValue {
  return {
    ok: true,
    order_id: order.orderId,
    activation_id: order.activationId,
    phone: order.phone,
    service: order.service,
    country: order.country,
    price_thb: thbJson(order.price),
    expires_in_min: ORDER_LIFETIME_MIN,
    status: order.status,
  };
}

/**
 * One item of GET orders.php. The document shows no example: the item reuses the names buy.php and status.php
 * use, plus `created_at` (ISO 8601 in Bangkok time, +07:00) and `completed`.
 */
export function historyView(order: SimOrder): JsonValue {
  return {
    order_id: order.orderId,
    activation_id: order.activationId,
    phone: order.phone,
    service: order.service,
    country: order.country,
    price_thb: thbJson(order.price),
    status: order.status,
    otp_code: order.otpCode,
    completed: order.completed,
    created_at: bangkokTime(order.createdAt),
  };
}

/** `2026-02-25T17:00:00+07:00`. */
export function bangkokTime(ms: number): string {
  return `${new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}
