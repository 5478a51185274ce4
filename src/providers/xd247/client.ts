import {
  AmbiguousOutcomeError,
  InsufficientBalanceError,
  NoOfferAvailableError,
  NotFoundError,
  ProviderRejectedError,
  RateLimitedError,
  ServiceUnavailableError,
  ValidationError,
} from '../../domain/errors.ts';
import type { ProviderHealth } from '../../domain/provider.ts';
import type { Logger } from '../../logging/logger.ts';
import { parseRateLimitHeaders } from '../shared/rate-limit-headers.ts';
import type { BudgetSleep, RequestBudget } from '../shared/request-budget.ts';
import { createTransport } from '../shared/transport.ts';
import type { HttpAnswer, HttpMethod, ProviderTransport } from '../shared/transport.ts';
import { asObject, pick, readText } from './readings.ts';
import { authorizationHeader, ERROR_CODES, XD247_BASE_URL } from './wire.ts';
import type { CreateOtpOrderRequest, CreatePremiumOrderRequest, CreateSocialOrderRequest, ErrorCode } from './wire.ts';

/** Production base URL (the document's section 1). */
export const XD247_DEFAULT_BASE_URL = XD247_BASE_URL;
/** Section 3: 60 requests per minute per user: every call of the key shares this one budget. */
export const XD247_RATE_LIMIT = { limit: 60, windowMs: 60_000 } as const;
/** The single budget group: polling and client calls draw on the same 60 a minute. */
export const XD247_BUDGET_GROUP = 'account';
// A 429 without a readable X-RateLimit-Reset (or Retry-After): sit out a whole window.
const FALLBACK_RETRY_AFTER_SECONDS = 60;

/** The document's endpoints, as the error table tells them apart. */
export type Xd247Call =
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

const CREATES: ReadonlySet<Xd247Call> = new Set(['otpCreate', 'socialCreate', 'premiumCreate']);

export interface Xd247ClientOptions {
  apiKey: string;
  /** Default https://247xd.com/api/v1. */
  baseUrl?: string;
  /** Per-request timeout, ms (default 10 s), from the moment a budget slot was taken. */
  timeoutMs?: number;
  /** Longest wait for a budget slot a foreground call accepts before RateLimitedError (default 3 s). */
  maxBudgetWaitMs?: number;
  /** Overrides section 3's 60/minute (tests). */
  rateLimit?: { limit: number; windowMs: number };
  now?: () => number;
  /** How the budget waits on `now` (a test clock; default real time). */
  sleep?: BudgetSleep;
  logger?: Logger;
  fetch?: typeof fetch;
}

/** Per-call options of the reads the watcher makes. */
export interface Xd247ReadOptions {
  /** The watcher's polling: waits for a budget slot as long as needed instead of failing fast. */
  background?: boolean;
}

interface Spec<T> {
  call: Xd247Call;
  method: HttpMethod;
  path: string;
  body?: unknown;
  background?: boolean;
  /** The order the call is about (NOT_FOUND messages). */
  orderId?: string;
  /** Reads `data`; null = not in a shape we can use (an unreadable answer). */
  read: (data: unknown) => T | null;
}

/** A successful answer's `data`, untouched: the adapter reads it (readings.ts). */
export type Data = unknown;

/**
 * The 247xd REST API v1 over the shared transport: `Authorization: Bearer 247xd_…`, the `{success,data}`
 * envelope, one request budget of 60/minute for the whole key with X-RateLimit-* read back, and the
 * document's error table mapped to typed errors. Sending, timeouts, read retries (never of a create,
 * cancel or refund), the breaker, redaction and health are the transport's.
 */
export class Xd247Client {
  readonly #transport: ProviderTransport;
  readonly #now: () => number;

  constructor(options: Xd247ClientOptions) {
    const key = options.apiKey;
    if (!key) throw new ProviderRejectedError({ provider: 'XD247', providerCode: 'NO_API_KEY', message: '247xd needs an API key (XD247_API_KEY)' });
    this.#now = options.now ?? Date.now;
    this.#transport = createTransport({
      provider: 'XD247',
      baseUrl: options.baseUrl ?? XD247_DEFAULT_BASE_URL,
      authenticate: (request) => request.headers.set('Authorization', authorizationHeader(key)),
      secrets: [key],
      limits: { [XD247_BUDGET_GROUP]: options.rateLimit ?? XD247_RATE_LIMIT },
      // Remaining 0 closes the budget until Reset, so the gateway never meets a 429 it could have foreseen.
      rateLimitHeaders: true,
      timeouts: { read: options.timeoutMs, write: options.timeoutMs },
      maxBudgetWaitMs: options.maxBudgetWaitMs,
      // Every retry spends one of 60 slots a minute: one more try, and only when no envelope came back.
      readRetries: 1,
      retryReadAnswer: (answer) => answer.status >= 500 && asObject(answer.body)?.success === undefined,
      now: this.#now,
      sleep: options.sleep,
      logger: options.logger,
      fetch: options.fetch,
    });
  }

  health(): ProviderHealth {
    return this.#transport.health();
  }

  /** Upstream HTTP requests sent so far (retries included). */
  requestsSent(): number {
    return this.#transport.stats()[XD247_BUDGET_GROUP] ?? 0;
  }

  /** The shared budget (read-only use). */
  get budget(): Pick<RequestBudget, 'remaining' | 'expectedWaitMs'> {
    return this.#transport.budget;
  }

  /** GET /balance → `data` ({ coins }). */
  balance<T>(read: (data: Data) => T | null): Promise<T> {
    return this.#call({ call: 'balance', method: 'GET', path: '/balance', read });
  }

  /** GET /otp/services, /social/services or /premium/services → `data`. */
  services<T>(kind: 'otp' | 'social' | 'premium', read: (data: Data) => T | null, options: Xd247ReadOptions = {}): Promise<T> {
    const call = `${kind}Services` as const;
    return this.#call({ call, method: 'GET', path: `/${kind}/services`, read, ...options });
  }

  /**
   * POST /otp/orders, /social/orders or /premium/orders: spends coins. 247xd has no idempotency key,
   * so this is sent exactly once: an answer lost after sending is an AmbiguousOutcomeError.
   */
  createOtpOrder<T>(body: CreateOtpOrderRequest, read: (data: Data) => T | null): Promise<T> {
    return this.#call({ call: 'otpCreate', method: 'POST', path: '/otp/orders', body, read });
  }

  createSocialOrder<T>(body: CreateSocialOrderRequest, read: (data: Data) => T | null): Promise<T> {
    return this.#call({ call: 'socialCreate', method: 'POST', path: '/social/orders', body, read });
  }

  createPremiumOrder<T>(body: CreatePremiumOrderRequest, read: (data: Data) => T | null): Promise<T> {
    return this.#call({ call: 'premiumCreate', method: 'POST', path: '/premium/orders', body, read });
  }

  /** GET /{otp|social|premium}/orders/:orderId. */
  order<T>(kind: 'otp' | 'social' | 'premium', orderId: string, read: (data: Data) => T | null, options: Xd247ReadOptions = {}): Promise<T> {
    const call = `${kind}Order` as const;
    return this.#call({ call, method: 'GET', path: `/${kind}/orders/${encodeURIComponent(orderId)}`, orderId, read, ...options });
  }

  /** POST /otp/orders/:orderId/cancel (only while waiting_sms; gives no coins back by itself). */
  cancelOtp<T>(orderId: string, read: (data: Data) => T | null): Promise<T> {
    return this.#call({ call: 'otpCancel', method: 'POST', path: `/otp/orders/${encodeURIComponent(orderId)}/cancel`, orderId, read });
  }

  /** POST /otp/orders/:orderId/refund or /social/orders/:orderId/refund: the coins come back. */
  refund<T>(kind: 'otp' | 'social', orderId: string, read: (data: Data) => T | null): Promise<T> {
    const call = kind === 'otp' ? 'otpRefund' : 'socialRefund';
    return this.#call({ call, method: 'POST', path: `/${kind}/orders/${encodeURIComponent(orderId)}/refund`, orderId, read });
  }

  #call<T>(spec: Spec<T>): Promise<T> {
    const effect = spec.method === 'GET' ? 'read' : 'write';
    return this.#transport.call(
      {
        method: spec.method,
        path: spec.path,
        // The documented POSTs without a body (cancel, refund) still send JSON: `{}`.
        body: spec.method === 'POST' ? { json: spec.body ?? {} } : undefined,
        effect,
        group: XD247_BUDGET_GROUP,
        answer: 'json',
        background: spec.background,
      },
      (answer) => this.#interpret(spec, answer),
    );
  }

  /**
   * The envelope decides: `success: true` with a readable `data` is the answer; `success: false` with an
   * error code is 247xd's verdict, mapped by the table. No readable envelope at all (a proxy page, a body
   * cut short) on a create, cancel or refund may have come after the work was done: ambiguous.
   */
  #interpret<T>(spec: Spec<T>, answer: HttpAnswer): T {
    const body = asObject(answer.body);
    if (body?.success === true && answer.status < 300) {
      const value = spec.read(body.data);
      if (value !== null) return value;
      throw this.#transport.unreadable(answer, 'answer not in a shape the adapter can read');
    }
    const error = body?.success === false ? errorOf(body) : null;
    if (error) this.#throwMapped(spec, answer, error.code, error.message);
    if (answer.status === 429) this.#throwMapped(spec, answer, 'RATE_LIMITED', '');
    throw this.#transport.unreadable(answer);
  }

  #throwMapped(spec: Spec<unknown>, answer: HttpAnswer, code: string, upstreamMessage: string): never {
    const write = spec.method !== 'GET';
    // A server error on a write may have come after the work was done (INTERNAL_ERROR included).
    if (write && answer.status >= 500) {
      throw new AmbiguousOutcomeError('XD247', `${answer.label}: ${code} (HTTP ${answer.status}); its outcome is unknown`);
    }
    const init = {
      provider: 'XD247' as const,
      providerCode: code,
      httpStatus: answer.status,
      // Upstream messages reach clients: make sure none echoes the key back.
      message: `${answer.label}: ${code}${upstreamMessage ? ` (${this.#transport.redact(upstreamMessage)})` : ''}`,
    };
    const input: MappingInput = { init, spec, upstreamMessage, retryAfterSeconds: this.#retryAfter(answer) };
    if (code === 'RATE_LIMITED' || answer.status === 429) {
      this.#transport.noteRateLimited(XD247_BUDGET_GROUP, input.retryAfterSeconds);
      throw ERROR_TABLE.RATE_LIMITED(input);
    }
    if (isDocumentedCode(code)) throw ERROR_TABLE[code](input);
    // Not in the table: a read's 5xx is a passing unavailability, anything else a refusal (4xx: nothing done).
    if (!write && answer.status >= 500) throw new ServiceUnavailableError({ ...init, retryAfterSeconds: answer.retryAfterSeconds });
    throw refinedRefusal(input);
  }

  /** Seconds until 247xd's window resets: X-RateLimit-Reset (Unix seconds), else Retry-After, else a minute. */
  #retryAfter(answer: HttpAnswer): number {
    const state = parseRateLimitHeaders(answer.headers, this.#now());
    if (state?.resetAt != null) return Math.max(1, Math.ceil((state.resetAt - this.#now()) / 1000));
    return answer.retryAfterSeconds ?? FALLBACK_RETRY_AFTER_SECONDS;
  }
}

/** `{success:false,error:{code,message}}`; also `error: "CODE"` or a top-level `code`, as other readings may send. */
function errorOf(body: Record<string, unknown>): { code: string; message: string } | null {
  const error = body.error;
  const o = asObject(error);
  const code = readText(o ? pick(o, ['code', 'type', 'name']) : typeof error === 'string' ? error : pick(body, ['code']));
  if (!code) return null;
  const message = readText(o ? pick(o, ['message', 'detail', 'description']) : pick(body, ['message'])) ?? '';
  return { code: code.toUpperCase(), message };
}

function isDocumentedCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}

// ── the error table ─────────────────────────────────────────────────────

interface MappingInput {
  init: { provider: 'XD247'; providerCode: string; httpStatus: number; message: string };
  spec: Spec<unknown>;
  upstreamMessage: string;
  retryAfterSeconds: number;
}

// The table has no code for "not enough coins" or "out of stock"; our simulator answers BAD_REQUEST
// with a message, other implementations may add codes of their own. Both are recognised here.
const INSUFFICIENT = /insufficient|not enough|เหรียญไม่พอ|เหรียญไม่เพียงพอ|ยอดเงินไม่พอ|ยอดเงินไม่เพียงพอ|ไม่เพียงพอ/i;
const OUT_OF_STOCK = /out of stock|sold out|no stock|no numbers?|unavailable|หมด|ไม่มีเบอร์|ไม่มีสินค้า/i;
const INSUFFICIENT_CODES = new Set(['INSUFFICIENT_BALANCE', 'INSUFFICIENT_COINS', 'INSUFFICIENT_FUNDS', 'NOT_ENOUGH_COINS']);
const OUT_OF_STOCK_CODES = new Set(['OUT_OF_STOCK', 'NO_STOCK', 'SOLD_OUT', 'NO_NUMBER', 'NO_NUMBERS']);

/** A definite refusal (4xx): not enough coins and out of stock get their own types, the rest passes through. */
function refinedRefusal({ init, spec, upstreamMessage }: MappingInput): Error {
  const code = init.providerCode;
  if (INSUFFICIENT_CODES.has(code)) return new InsufficientBalanceError(init);
  if (OUT_OF_STOCK_CODES.has(code)) return new NoOfferAvailableError(init);
  if (CREATES.has(spec.call)) {
    if (INSUFFICIENT.test(upstreamMessage)) return new InsufficientBalanceError(init);
    if (OUT_OF_STOCK.test(upstreamMessage)) return new NoOfferAvailableError(init);
  }
  return new ProviderRejectedError(init);
}

/** An auth refusal: nothing was done; the message says which setting to look at (never its value). */
const authRefusal =
  (hint: string) =>
  ({ init }: MappingInput): Error =>
    new ProviderRejectedError({ ...init, message: `${init.message}: ${hint}` });

/**
 * Every code of the document's section 9 → a typed error. 400 on a create is a definite refusal: nothing
 * was bought (an unreadable 400 never gets here: it is ambiguous).
 */
export const ERROR_TABLE: Readonly<Record<ErrorCode, (input: MappingInput) => Error>> = {
  // 247xd checked the fields before doing anything.
  VALIDATION_ERROR: ({ init }) => new ValidationError(init.message),
  // On a create: not enough coins, out of stock, or a malformed request (nothing bought); elsewhere e.g.
  // a cancel of an order no longer waiting_sms, a refund of one not cancelled.
  BAD_REQUEST: refinedRefusal,
  UNAUTHORIZED: authRefusal('247xd refused the API key (wrong, expired or missing); check XD247_API_KEY'),
  ACCOUNT_BANNED: authRefusal('the 247xd account is banned; ask 247xd to lift it'),
  // On a create the service or option is gone (a stale catalog): no offer here, another provider may have one.
  NOT_FOUND: ({ init, spec }) =>
    CREATES.has(spec.call) ? new NoOfferAvailableError(init) : new NotFoundError('247xd order', spec.orderId ?? spec.path),
  RATE_LIMITED: ({ init, retryAfterSeconds }) => new RateLimitedError({ ...init, retryAfterSeconds }),
  // Only reads get here (a write's 5xx is ambiguous above): nothing happened, try later.
  INTERNAL_ERROR: ({ init, retryAfterSeconds }) => new ServiceUnavailableError({ ...init, retryAfterSeconds }),
};
