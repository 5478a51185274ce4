import { z } from 'zod';
import { amountText } from '../shared/json-amounts.ts';

// zod schemas of the 247xd REST API v1 (its API document; docs/providers.md, "247xd"), named as the document names things.
// Answers are assumed parsed with parseJsonExact, so amounts (`coins`, `price`, …) arrive as their exact
// source text ("15.00") and are read with amountText. Objects strip fields they do not name.
// Only the documented examples fix field names; where the document shows `{ ... }` or nothing (service
// lists, order status, cancel/refund answers) the schemas follow this project's simulator and are marked
// "not in the document". Timestamps are ISO 8601 with milliseconds and Z (`2024-01-01T00:20:00.000Z`).

/** Base URL of the document (section 1). */
export const XD247_BASE_URL = 'https://247xd.com/api/v1';

/** `247xd_` followed by 40 characters (section 2); letters and digits, as in the example `247xd_a1b2c3d4e5f6...`. */
export const API_KEY_PATTERN = /^247xd_[A-Za-z0-9]{40}$/;

/** The Authorization header value for an API key. */
export function authorizationHeader(apiKey: string): string {
  return `Bearer ${apiKey}`;
}

/** Section 3's headers, present on every answer. */
export const RateLimitHeaders = z.object({
  'x-ratelimit-limit': z.coerce.number().int().nonnegative(),
  'x-ratelimit-remaining': z.coerce.number().int().nonnegative(),
  /** Unix time in SECONDS when the window resets (example `1709312400`). */
  'x-ratelimit-reset': z.coerce.number().int().nonnegative(),
});
export type RateLimitHeaders = z.infer<typeof RateLimitHeaders>;

/** Reads section 3's headers from an answer (null when absent or unreadable); `resetAt` in ms since epoch. */
export function readRateLimit(headers: Headers): { limit: number; remaining: number; resetAt: number } | null {
  const parsed = RateLimitHeaders.safeParse({
    'x-ratelimit-limit': headers.get('x-ratelimit-limit') ?? undefined,
    'x-ratelimit-remaining': headers.get('x-ratelimit-remaining') ?? undefined,
    'x-ratelimit-reset': headers.get('x-ratelimit-reset') ?? undefined,
  });
  if (!parsed.success) return null;
  const d = parsed.data;
  return { limit: d['x-ratelimit-limit'], remaining: d['x-ratelimit-remaining'], resetAt: d['x-ratelimit-reset'] * 1000 };
}

/** Section 9's error codes with their HTTP statuses. */
export const ERROR_CODES = {
  VALIDATION_ERROR: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  ACCOUNT_BANNED: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** `{success:false,error:{code,message}}` (section 4). `code` stays a string: an unknown code must still parse. */
export const ErrorEnvelope = z.object({
  success: z.literal(false),
  error: z.object({ code: z.string().min(1), message: z.string() }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** Enough to tell a success envelope from an error one before parsing `data`. */
export const EnvelopeHead = z.object({ success: z.boolean() });

/** `{success:true,data}` around `data` (section 4). */
export function successEnvelope<Data extends z.ZodType>(data: Data) {
  return z.object({ success: z.literal(true), data });
}

/** A coin amount as sent (`500.00`): exact decimal text. 1 coin = 1 THB unless configured otherwise. */
export const Coins = amountText;

/** An ISO 8601 timestamp such as `2024-01-01T00:20:00.000Z`. */
export const Timestamp = z.iso.datetime({ offset: true });

/** Any identifier the document calls "uuid" (kept opaque: compared as a string, never parsed). */
export const Uuid = z.string().min(1);

// ── 5. balance ──────────────────────────────────────────────────────────

/** GET /balance `data`. */
export const Balance = z.object({ coins: Coins });
export type Balance = z.infer<typeof Balance>;

// ── 6. OTP ──────────────────────────────────────────────────────────────

/**
 * OTP order statuses. Documented: `waiting_sms`. Not in the document (this project's reading): `completed`,
 * `cancelled`, `expired`, `refunded`. `canceled` is accepted as `cancelled`.
 */
export const OTP_ORDER_STATUSES = ['waiting_sms', 'completed', 'cancelled', 'expired', 'refunded'] as const;
export const OtpOrderStatus = z.preprocess((v) => (v === 'canceled' ? 'cancelled' : v), z.enum(OTP_ORDER_STATUSES));
export type OtpOrderStatus = z.infer<typeof OtpOrderStatus>;

/** A price option of GET /otp/services (shape not in the document). */
export const OtpPriceOption = z.object({
  id: Uuid,
  name: z.string(),
  price: Coins,
  stock: z.int().nonnegative(),
});
export type OtpPriceOption = z.infer<typeof OtpPriceOption>;

/** An item of GET /otp/services `data` (shape not in the document: "services with price options and stock"). */
export const OtpService = z.object({
  id: Uuid,
  name: z.string(),
  priceOptions: z.array(OtpPriceOption),
});
export type OtpService = z.infer<typeof OtpService>;
export const OtpServiceList = z.array(OtpService);

/** POST /otp/orders body (documented). */
export const CreateOtpOrderRequest = z.object({
  serviceId: Uuid,
  priceOptionId: Uuid,
});
export type CreateOtpOrderRequest = z.infer<typeof CreateOtpOrderRequest>;

/** POST /otp/orders `data`, 201 (documented). `phoneNumber` in Thai local format (`0812345678`). */
export const OtpOrderCreated = z.object({
  orderId: Uuid,
  phoneNumber: z.string().min(1),
  status: OtpOrderStatus,
  price: Coins,
  expiresAt: Timestamp,
});
export type OtpOrderCreated = z.infer<typeof OtpOrderCreated>;

/**
 * GET /otp/orders/:orderId `data` (not in the document beyond "status, including the OTP code once received").
 * The code is read from `otpCode`, or `otp` / `code` as other readings of the document may name it.
 */
export const OtpOrder = z
  .object({
    orderId: Uuid,
    phoneNumber: z.string().min(1),
    status: OtpOrderStatus,
    price: Coins,
    expiresAt: Timestamp,
    serviceId: Uuid.optional(),
    priceOptionId: Uuid.optional(),
    otpCode: z.string().nullish(),
    otp: z.string().nullish(),
    code: z.string().nullish(),
    smsText: z.string().nullish(),
    createdAt: Timestamp.optional(),
    refundAmount: Coins.nullish(),
  })
  .transform(({ otp, code, ...order }) => ({ ...order, otpCode: order.otpCode ?? otp ?? code ?? null }));
export type OtpOrder = z.output<typeof OtpOrder>;

/** POST /otp/orders/:orderId/cancel `data` (not in the document): the order, now `cancelled`; no coins come back yet. */
export const OtpOrderCancelled = OtpOrder;

/** POST /otp/orders/:orderId/refund `data` (not in the document): the order, now `refunded`, and the coins returned. */
export const OtpOrderRefunded = z.object({
  orderId: Uuid,
  status: OtpOrderStatus,
  refundAmount: Coins.optional(),
});
export type OtpOrderRefunded = z.infer<typeof OtpOrderRefunded>;

// ── 7. social booster ───────────────────────────────────────────────────

/**
 * Social order statuses. Documented: `pending`. Not in the document: `processing`, `completed`, `partial`,
 * `cancelled` (`canceled` accepted), `refunded`.
 */
export const SOCIAL_ORDER_STATUSES = ['pending', 'processing', 'completed', 'partial', 'cancelled', 'refunded'] as const;
export const SocialOrderStatus = z.preprocess((v) => (v === 'canceled' ? 'cancelled' : v), z.enum(SOCIAL_ORDER_STATUSES));
export type SocialOrderStatus = z.infer<typeof SocialOrderStatus>;

/** An option of GET /social/services (not in the document): priced per 1000 units, with quantity bounds. */
export const SocialOption = z.object({
  id: Uuid,
  name: z.string(),
  pricePer1000: Coins,
  minQuantity: z.int().positive(),
  maxQuantity: z.int().positive(),
});
export type SocialOption = z.infer<typeof SocialOption>;

/** An item of GET /social/services `data` (not in the document). */
export const SocialService = z.object({
  id: Uuid,
  name: z.string(),
  platform: z.string(),
  options: z.array(SocialOption),
});
export type SocialService = z.infer<typeof SocialService>;
export const SocialServiceList = z.array(SocialService);

/** POST /social/orders body (documented). */
export const CreateSocialOrderRequest = z.object({
  optionId: Uuid,
  link: z.string().min(1),
  quantity: z.int().positive(),
});
export type CreateSocialOrderRequest = z.infer<typeof CreateSocialOrderRequest>;

/** POST /social/orders `data`, 201 (documented). */
export const SocialOrderCreated = z.object({
  orderId: Uuid,
  status: SocialOrderStatus,
  price: Coins,
});
export type SocialOrderCreated = z.infer<typeof SocialOrderCreated>;

/** GET /social/orders/:orderId `data` (not in the document): status and progress. */
export const SocialOrder = z.object({
  orderId: Uuid,
  status: SocialOrderStatus,
  price: Coins,
  optionId: Uuid.optional(),
  link: z.string().optional(),
  quantity: z.int().positive().optional(),
  startCount: z.int().nonnegative().optional(),
  delivered: z.int().nonnegative().optional(),
  remains: z.int().nonnegative().optional(),
  /** Whole percent delivered, 0–100. */
  progress: z.int().min(0).max(100).optional(),
  refundAmount: Coins.nullish(),
  createdAt: Timestamp.optional(),
});
export type SocialOrder = z.infer<typeof SocialOrder>;

/** POST /social/orders/:orderId/refund `data` (not in the document). */
export const SocialOrderRefunded = z.object({
  orderId: Uuid,
  status: SocialOrderStatus,
  refundAmount: Coins.optional(),
});
export type SocialOrderRefunded = z.infer<typeof SocialOrderRefunded>;

// ── 8. premium apps ─────────────────────────────────────────────────────

/** An item of GET /premium/services `data` (not in the document beyond "with stock"). */
export const PremiumService = z.object({
  id: Uuid,
  name: z.string(),
  price: Coins,
  stock: z.int().nonnegative(),
  durationDays: z.int().positive().optional(),
});
export type PremiumService = z.infer<typeof PremiumService>;
export const PremiumServiceList = z.array(PremiumService);

/** POST /premium/orders body (documented). */
export const CreatePremiumOrderRequest = z.object({ serviceId: Uuid });
export type CreatePremiumOrderRequest = z.infer<typeof CreatePremiumOrderRequest>;

/** The document's `credentials: { ... }`: an object whose members it does not name (here email, password, …). */
export const Credentials = z.record(z.string(), z.unknown());
export type Credentials = z.infer<typeof Credentials>;

/** POST /premium/orders `data`, 201 (documented). */
export const PremiumOrderCreated = z.object({
  orderId: Uuid,
  credentials: Credentials,
  price: Coins,
});
export type PremiumOrderCreated = z.infer<typeof PremiumOrderCreated>;

/** GET /premium/orders/:orderId `data` (not in the document). */
export const PremiumOrder = z.object({
  orderId: Uuid,
  credentials: Credentials,
  price: Coins,
  serviceId: Uuid.optional(),
  serviceName: z.string().optional(),
  status: z.string().optional(),
  createdAt: Timestamp.optional(),
});
export type PremiumOrder = z.infer<typeof PremiumOrder>;
