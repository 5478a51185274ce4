import { z } from 'zod';
import { amountText } from '../shared/json-amounts.ts';

// zod schemas of the P2W Orders API, named as P2W's API document (docs/providers.md, "P2W") names things.
// Answers are assumed parsed with `parseJsonExact`; the only amount on the wire is the callback's `balance`
// (a JSON number such as `1000`), read with `amountText`. Objects strip fields the document does not name.

/** `{API_PREFIX}`: the GET example is `https://vendor.p2wtopup.com/api/v1/orders/{p2w_orderID}`. */
export const API_PREFIX = '/api/v1';

/** Request headers of "Auth required: x-partner-id + x-signature" (signature: see ./signature.ts). */
export const PARTNER_ID_HEADER = 'x-partner-id';
export const SIGNATURE_HEADER = 'x-signature';

/**
 * Order statuses. The status table spells success `succeeded`; the GET example and the webhook spell it
 * `successed`. Both are accepted (README.md, "P2W status spelling"); see {@link isSucceeded}.
 */
export const OrderStatus = z.enum(['pending', 'processing', 'succeeded', 'successed', 'failed']);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** True for either spelling of a successful top-up. */
export function isSucceeded(status: OrderStatus): boolean {
  return status === 'succeeded' || status === 'successed';
}

/** Error codes of the document's two error tables, with the HTTP status each is answered with. */
export const ERROR_STATUS = {
  REF_ID_EXISTS: 400,
  MISSING_FIELD: 400,
  INSUFFICIENT_BALANCE: 400,
  ORDER_NOT_FOUND: 404,
  FORBIDDEN: 403,
  INTERNAL_SERVER_ERROR: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** An ISO-8601 timestamp as the examples show: `2026-03-16T10:00:00Z` or `2026-03-21T21:05:39.790Z`. */
export const Timestamp = z.iso.datetime({ offset: true });

// ── requests ────────────────────────────────────────────────────────────

/** `topupInfo`: the game account to top up, e.g. `{gameid, server}`; which keys a package needs is configuration. */
export const TopupInfo = z.record(z.string(), z.string());
export type TopupInfo = z.infer<typeof TopupInfo>;

/** Body of POST /orders. `hookURL` is optional ("ถ้าระบุ hookURL ตอนสร้าง order…"). */
export const CreateOrderBody = z.object({
  refID: z.string().min(1),
  packageID: z.string().min(1),
  topupInfo: TopupInfo,
  hookURL: z.url({ protocol: /^https?$/ }).optional(),
});
export type CreateOrderBody = z.infer<typeof CreateOrderBody>;

// ── answers ─────────────────────────────────────────────────────────────

/** `data` of the POST /orders 201 answer. */
export const CreatedOrder = z.object({
  orderID: z.string().min(1),
  refID: z.string(),
  status: OrderStatus,
  packageID: z.string(),
  // Echoed as sent; read loosely so an implementation echoing numbers still parses.
  topupInfo: z.record(z.string(), z.unknown()),
  createdAt: Timestamp,
});
export type CreatedOrder = z.infer<typeof CreatedOrder>;

/** `data` of the GET /orders/:id 200 answer: the created order plus `reason` ("" unless failed). */
export const Order = CreatedOrder.extend({
  reason: z.string().nullish(),
});
export type Order = z.infer<typeof Order>;

/** POST /orders → 201 `{success, statusCode, code: "ORDER_CREATED", data, timestamp}`. */
export const CreateOrderResponse = z.object({
  success: z.literal(true),
  statusCode: z.literal(201),
  code: z.literal('ORDER_CREATED'),
  data: CreatedOrder,
  timestamp: Timestamp,
});
export type CreateOrderResponse = z.infer<typeof CreateOrderResponse>;

/** GET /orders/:id → 200 `{success, statusCode, code: "OK", data, timestamp}`. */
export const GetOrderResponse = z.object({
  success: z.literal(true),
  statusCode: z.literal(200),
  code: z.literal('OK'),
  data: Order,
  timestamp: Timestamp,
});
export type GetOrderResponse = z.infer<typeof GetOrderResponse>;

/** Every error answer: `{success:false, statusCode, code, message, timestamp}` (the REF_ID_EXISTS example). */
export const ErrorResponse = z.object({
  success: z.literal(false),
  statusCode: z.int(),
  // Not restricted to ERROR_STATUS: an unknown code must still parse as an error, not as a broken answer.
  code: z.string().min(1),
  message: z.string().optional(),
  timestamp: Timestamp.optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** Just enough to tell a success envelope from an error one before parsing the rest. */
export const EnvelopeHead = z.object({ success: z.boolean() });

// ── webhook ─────────────────────────────────────────────────────────────

/**
 * "Callback Payload" POSTed to `hookURL` when an order finishes. `balance` is the partner's THB balance
 * (a JSON number, `1000` in the example). The document shows no signature on it.
 */
export const CallbackPayload = z.object({
  orderID: z.string().min(1),
  refID: z.string(),
  status: OrderStatus,
  balance: amountText,
  reason: z.string().nullish(),
});
export type CallbackPayload = z.infer<typeof CallbackPayload>;
