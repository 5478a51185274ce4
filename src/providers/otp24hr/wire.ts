import { z } from 'zod';
import { amountText } from '../shared/json-amounts.ts';

// zod schemas of the OTP24HR Reseller API, named as OTP24HR's API document (docs/providers.md, "OTP24HR") names things.
// Base URL https://otp24hr.store/api/v1; every answer is JSON with `ok`. Answers are assumed parsed with
// parseJsonExact, so THB amounts (`15.00`) arrive as their exact source text and are read with amountText.
// Objects strip fields the document does not name.

/** The document's error table, in its order. */
export const ERROR_CODES = [
  'NO_API_KEY',
  'INVALID_API_KEY',
  'API_KEY_DISABLED',
  'IP_NOT_ALLOWED',
  'RATE_LIMIT',
  'SERVICE_REQUIRED',
  'SERVICE_NOT_FOUND',
  'INSUFFICIENT_BALANCE',
  'PROVIDER_ERROR',
  'ORDER_NOT_FOUND',
  'FORBIDDEN',
  'EARLY_CANCEL_DENIED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** True for a code of the document's table (an answer may carry others; treat them as unexplained failures). */
export function isDocumentedErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/** The four ways of sending the key: `X-API-Key` header (preferred), `Authorization: Bearer`, `?api_key=`, JSON body `api_key`. */
export const API_KEY_HEADER = 'X-API-Key';
export const API_KEY_QUERY = 'api_key';
export const API_KEY_BODY_FIELD = 'api_key';

/** The documented default country, 52 = Thailand (sms-activate numbering). */
export const DEFAULT_COUNTRY = 52;

/** Lifetime of a number: `expires_in_min` of the buy example (20). */
export const ORDER_LIFETIME_MIN = 20;

/** cancel.php is refused (EARLY_CANCEL_DENIED) until 2 minutes after the purchase. */
export const EARLY_CANCEL_WINDOW_MS = 2 * 60_000;

/** orders.php `limit`: default 50, max 200; `offset` default 0. */
export const ORDERS_LIMIT_DEFAULT = 50;
export const ORDERS_LIMIT_MAX = 200;

/** An order id or a country: the document's "int". */
const Int = z.int();

/** Just enough to tell a success answer from an error one before parsing the rest. */
export const Envelope = z.object({ ok: z.boolean() });
export type Envelope = z.infer<typeof Envelope>;

/** `{ "ok": false, "error": "ERROR_CODE", "message": "คำอธิบายเป็นภาษาไทย" }`. */
export const ErrorResponse = z.object({
  ok: z.literal(false),
  error: z.string().min(1),
  message: z.string().optional().default(''),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** Order statuses of status.php: `waiting / success / cancel / timeout` (timeout and cancel are refunded). */
export const OrderStatus = z.enum(['waiting', 'success', 'cancel', 'timeout']);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** Terminal statuses: nothing changes after them (success may still be confirmed with complete.php). */
export const TERMINAL_STATUSES: readonly OrderStatus[] = ['success', 'cancel', 'timeout'];

// ── GET /services.php ──────────────────────────────────────────────────

/** Query of GET /services.php. */
export const ServicesQuery = z.object({ country: Int.optional() });
export type ServicesQuery = z.infer<typeof ServicesQuery>;

/** One item of `services`: price includes the reseller's markup. */
export const Service = z.object({
  code: z.string().min(1),
  name: z.string(),
  price_thb: amountText,
  available: z.boolean(),
});
export type Service = z.infer<typeof Service>;

/** `{ "ok": true, "country": 52, "count": 10, "services": [...] }`. */
export const ServicesResponse = z.object({
  ok: z.literal(true),
  country: Int,
  count: Int,
  services: z.array(Service),
});
export type ServicesResponse = z.infer<typeof ServicesResponse>;

// ── GET /balance.php ───────────────────────────────────────────────────

/** `{ "ok": true, "balance_thb": 1500.00, "currency": "THB" }`. */
export const BalanceResponse = z.object({
  ok: z.literal(true),
  balance_thb: amountText,
  currency: z.string().optional().default('THB'),
});
export type BalanceResponse = z.infer<typeof BalanceResponse>;

// ── POST /buy.php ──────────────────────────────────────────────────────

/** JSON body of POST /buy.php. No idempotency key exists: every accepted call is a new order and a new charge. */
export const BuyRequest = z.object({
  service: z.string().min(1),
  country: Int.optional(),
  api_key: z.string().optional(),
});
export type BuyRequest = z.infer<typeof BuyRequest>;

/** Answer of POST /buy.php, charged at once. */
export const BuyResponse = z.object({
  ok: z.literal(true),
  order_id: Int,
  activation_id: Int,
  phone: z.string().min(1),
  service: z.string(),
  country: Int,
  price_thb: amountText,
  expires_in_min: Int,
  status: OrderStatus,
});
export type BuyResponse = z.infer<typeof BuyResponse>;

// ── GET /status.php ────────────────────────────────────────────────────

/** Query of GET /status.php. */
export const StatusQuery = z.object({ order_id: Int });
export type StatusQuery = z.infer<typeof StatusQuery>;

/** Answer of GET /status.php; `otp_code` is `""` until the SMS arrives (null read as `""`). */
export const StatusResponse = z.object({
  ok: z.literal(true),
  order_id: Int,
  phone: z.string(),
  status: OrderStatus,
  otp_code: z
    .union([z.string(), z.int()])
    .nullish()
    .transform((v) => (v === null || v === undefined ? '' : String(v))),
  price_thb: amountText,
});
export type StatusResponse = z.infer<typeof StatusResponse>;

// ── POST /cancel.php ───────────────────────────────────────────────────

/** JSON body of POST /cancel.php. */
export const CancelRequest = z.object({ order_id: Int, api_key: z.string().optional() });
export type CancelRequest = z.infer<typeof CancelRequest>;

/** `{ "ok": true, "order_id": 1672, "refunded_thb": 15.00, "message": "ยกเลิก & คืนเงินเรียบร้อย" }`. */
export const CancelResponse = z.object({
  ok: z.literal(true),
  order_id: Int,
  refunded_thb: amountText,
  message: z.string().optional(),
});
export type CancelResponse = z.infer<typeof CancelResponse>;

// ── POST /complete.php ─────────────────────────────────────────────────

/** JSON body of POST /complete.php. */
export const CompleteRequest = z.object({ order_id: Int, api_key: z.string().optional() });
export type CompleteRequest = z.infer<typeof CompleteRequest>;

/** `{ ok: true }` (the document's flow). */
export const CompleteResponse = z.object({ ok: z.literal(true) });
export type CompleteResponse = z.infer<typeof CompleteResponse>;

// ── GET /orders.php ────────────────────────────────────────────────────

/** Query of GET /orders.php. */
export const OrdersQuery = z.object({
  limit: Int.min(1).max(ORDERS_LIMIT_MAX).optional(),
  offset: Int.min(0).optional(),
});
export type OrdersQuery = z.infer<typeof OrdersQuery>;

/**
 * One order of GET /orders.php. The document shows no answer for this endpoint: the item is read with the
 * names buy.php and status.php use; only `order_id` and `status` are required, the rest is optional.
 */
export const OrderHistoryItem = z.object({
  order_id: Int,
  status: OrderStatus,
  activation_id: Int.optional(),
  phone: z.string().optional(),
  service: z.string().optional(),
  country: Int.optional(),
  price_thb: amountText.optional(),
  otp_code: z
    .union([z.string(), z.int()])
    .nullish()
    .transform((v) => (v === null || v === undefined ? '' : String(v))),
  // Not documented: an ISO/MySQL date-time text, or a Unix time (seconds or ms) as some PHP backends write it.
  created_at: z.union([z.string(), z.number()]).optional(),
  completed: z.boolean().optional(),
});
export type OrderHistoryItem = z.infer<typeof OrderHistoryItem>;

/** Answer of GET /orders.php (shape not documented: `orders` array, as `services` is for services.php). */
export const OrdersResponse = z.object({
  ok: z.literal(true),
  orders: z.array(OrderHistoryItem),
  count: Int.optional(),
  total: Int.optional(),
  limit: Int.optional(),
  offset: Int.optional(),
});
export type OrdersResponse = z.infer<typeof OrdersResponse>;
