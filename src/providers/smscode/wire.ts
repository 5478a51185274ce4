import { z } from 'zod';
import { amountText } from '../shared/json-amounts.ts';

// zod schemas of the smscode.gg v1 API, named exactly as smscode's API document (docs/providers.md, "smscode.gg") names them.
// Money fields on v1 are IDR integers; timestamps are RFC3339 strings such as "2026-02-25T10:00:00+00:00".
// Answers are read with parseJsonExact, so an amount arrives as a safe integer or its exact source text
// (a fraction, an exponent, beyond 2^53): amount fields are `amountText` and yield the exact decimal text.
// Objects strip fields the document does not name; nullable only where the document shows null.

/** An IDR amount as v1 sends it (a whole number of rupiah), as exact decimal text for Money.fromProvider. */
export const IdrAmount = amountText.refine((v) => !v.startsWith('-'), 'a non-negative amount');

/** An RFC3339 timestamp with an offset (`+00:00` form) or `Z`. */
export const Timestamp = z.iso.datetime({ offset: true });

/** `{success:false,error:{code,message,details?}}`. */
export const ErrorEnvelope = z.object({
  success: z.literal(false),
  error: z.object({
    code: z.string().min(1),
    message: z.string(),
    /** PROVIDER_ERROR / NO_OFFER_AVAILABLE may carry `attempts` or `cause_counts`. */
    details: z.unknown().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** Just enough to tell a success envelope from an error one before parsing `data`. */
export const EnvelopeHead = z.object({ success: z.boolean() });

/** `{success:true,data,meta?}` around `data`. */
export function successEnvelope<Data extends z.ZodType, Meta extends z.ZodType = z.ZodUnknown>(data: Data, meta?: Meta) {
  return z.object({ success: z.literal(true), data, meta: (meta ?? z.unknown()).optional() });
}

// ── catalog ─────────────────────────────────────────────────────────────

/** GET /catalog/countries item. */
export const Country = z.object({
  id: z.int(),
  /** ISO 3166-1 alpha-2. */
  code: z.string(),
  name: z.string(),
  dial_code: z.string(),
  emoji: z.string(),
  active: z.boolean(),
});
export type Country = z.infer<typeof Country>;
export const CountryList = z.array(Country);

/** GET /catalog/services item (a platform such as `wa`). */
export const Service = z.object({
  id: z.int(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
});
export type Service = z.infer<typeof Service>;
export const ServiceList = z.array(Service);

/** GET /catalog/products item: a volatile `id` under the stable `catalog_product_id`. */
export const Product = z.object({
  id: z.int(),
  name: z.string(),
  country_id: z.int(),
  platform_id: z.int(),
  catalog_product_id: z.int(),
  available: z.int().nonnegative(),
  price: IdrAmount,
  active: z.boolean(),
});
export type Product = z.infer<typeof Product>;
export const ProductList = z.array(Product);

/** `meta` of GET /catalog/products (`count` = items on this page). */
export const PageMeta = z.object({ page: z.int(), limit: z.int(), count: z.int() });
export type PageMeta = z.infer<typeof PageMeta>;

/** Sort orders GET /catalog/products accepts. */
export const PRODUCT_SORTS = ['price_asc', 'price_desc', 'available_asc', 'available_desc', 'name_asc', 'name_desc'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** Query of GET /catalog/products. */
export interface ProductQuery {
  country_id?: number;
  platform_id?: number;
  sort?: ProductSort;
  /** 1–10,000 (default 1,000). */
  limit?: number;
  /** From 1. */
  page?: number;
}

/** GET /catalog/exchange-rate on v1: `rate` IDR per 1 USD. */
export const ExchangeRate = z.object({
  pair: z.string(),
  base_currency: z.string(),
  quote_currency: z.string(),
  /** Exact decimal text (the document shows an integer; a fractional rate must not pass through a float). */
  rate: amountText.refine((v) => !v.startsWith('-') && /[1-9]/.test(v.split(/[eE]/)[0] ?? ''), 'a positive rate'),
});
export type ExchangeRate = z.infer<typeof ExchangeRate>;

// ── account ─────────────────────────────────────────────────────────────

/** GET /balance. A safe integer (parseJsonExact keeps those exact); anything else is refused, never rounded. */
export const Balance = z.object({ currency: z.string(), balance: z.int() });
export type Balance = z.infer<typeof Balance>;

// ── orders ──────────────────────────────────────────────────────────────

/** Status words of the document; parsed as any string so an undocumented one still reaches the status table. */
export const OrderStatusWord = z.string().min(1);

/** GET /orders item and GET /orders/{id}. */
export const Order = z.object({
  id: z.int(),
  status: OrderStatusWord,
  created_at: Timestamp,
  product_id: z.int(),
  phone_number: z.string(),
  amount: IdrAmount,
  otp_code: z.string().nullable(),
  // Not in the document's example for this shape (only /orders/active shows it); kept when sent.
  otp_message: z.string().nullable().optional(),
  otp_received_at: Timestamp.nullable(),
  expires_at: Timestamp,
  canceled_at: Timestamp.nullable(),
  failed_reason: z.string().nullable(),
});
export type Order = z.infer<typeof Order>;
export const OrderList = z.array(Order);

/** Query of GET /orders. */
export interface OrderListQuery {
  /** 1–100 (default 20). */
  limit?: number;
  offset?: number;
  status?: 'ACTIVE' | 'OTP_RECEIVED' | 'COMPLETED' | 'CANCELED' | 'EXPIRED';
}

/** GET /orders/active item: no money, no phone number, but the SMS text. */
export const ActiveOrder = z.object({
  id: z.int(),
  status: OrderStatusWord,
  otp_code: z.string().nullable(),
  otp_message: z.string().nullable(),
  otp_received_at: Timestamp.nullable(),
  expires_at: Timestamp,
  failed_reason: z.string().nullable(),
});
export type ActiveOrder = z.infer<typeof ActiveOrder>;
export const ActiveOrderList = z.array(ActiveOrder);

/** POST /orders/create body: exactly one of `product_id` / `catalog_product_id`. */
export type CreateOrderBody = {
  max_price?: number;
  prefer_provider?: string;
  /** 1–100 (default 1). */
  quantity?: number;
} & (
  | { product_id: number; catalog_product_id?: never; policy?: never }
  | { catalog_product_id: number; product_id?: never; policy?: 'cheapest' | 'best_success' }
);

/** The Idempotency-Key alphabet and length the document allows. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** An order as POST /orders/create returns it (`failed_reason` is always null there). */
export const CreatedOrder = z.object({
  id: z.int(),
  status: OrderStatusWord,
  product_id: z.int(),
  catalog_product_id: z.int(),
  amount: IdrAmount,
  phone_number: z.string(),
  otp_code: z.string().nullable(),
  otp_received_at: Timestamp.nullable(),
  expires_at: Timestamp,
  failed_reason: z.string().nullable(),
});
export type CreatedOrder = z.infer<typeof CreatedOrder>;

/** POST /orders/create `data`. */
export const CreateOrderResult = z.object({
  orders: z.array(CreatedOrder),
  failed_count: z.int().nonnegative(),
});
export type CreateOrderResult = z.infer<typeof CreateOrderResult>;

/** POST /orders/cancel `data`. */
export const CancelResult = z.object({
  order_id: z.int(),
  status: OrderStatusWord,
  refund_amount: IdrAmount,
  new_balance: z.int(),
});
export type CancelResult = z.infer<typeof CancelResult>;

/** POST /orders/finish `data`. */
export const FinishResult = z.object({ order_id: z.int(), status: OrderStatusWord });
export type FinishResult = z.infer<typeof FinishResult>;

/** POST /orders/resend `data`. */
export const ResendResult = z.object({ order_id: z.int(), status: OrderStatusWord, resent: z.boolean() });
export type ResendResult = z.infer<typeof ResendResult>;

/** Body of POST /orders/cancel, /orders/finish and /orders/resend. */
export interface OrderIdBody {
  id: number;
}

// ── webhook ─────────────────────────────────────────────────────────────

/** GET and PATCH /webhook `data` (both null before a URL was ever set). */
export const WebhookConfig = z.object({
  webhook_url: z.string().nullable(),
  webhook_secret: z.string().nullable(),
});
export type WebhookConfig = z.infer<typeof WebhookConfig>;

/** PATCH /webhook body: at least one field; "" clears. */
export interface WebhookPatchBody {
  webhook_url?: string;
  webhook_secret?: string;
}

/** POST /webhook/test `data`: the receiver's HTTP status (null when it could not be reached). */
export const WebhookTestResult = z.object({ status_code: z.int().nullable() });
export type WebhookTestResult = z.infer<typeof WebhookTestResult>;

/** The order events of the document's "事件列表". */
export const ORDER_EVENTS = ['order.otp_received', 'order.completed', 'order.expired', 'order.canceled'] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

/** Any pushed body: read `event` first, since the test event carries a different `data`. */
export const WebhookHead = z.object({ event: z.string() });

/** The document's webhook Payload for an order event. */
export const OrderEventPayload = z.object({
  event: z.enum(ORDER_EVENTS),
  timestamp: Timestamp,
  data: z.object({
    order_id: z.int(),
    phone_number: z.string(),
    otp_code: z.string().nullable(),
    otp_message: z.string().nullable(),
    product_id: z.int(),
    catalog_product_id: z.int(),
    country: z.string().nullable(),
    platform: z.string().nullable(),
  }),
});
export type OrderEventPayload = z.infer<typeof OrderEventPayload>;
