import type { z } from 'zod';
import {
  AmbiguousOutcomeError,
  CancelTooEarlyError,
  InsufficientBalanceError,
  NoOfferAvailableError,
  NotFoundError,
  ProviderRejectedError,
  RateLimitedError,
  ServiceUnavailableError,
} from '../../domain/errors.ts';
import type { ProviderHealth } from '../../domain/provider.ts';
import type { Logger } from '../../logging/logger.ts';
import type { RequestBudget } from '../shared/request-budget.ts';
import { createTransport } from '../shared/transport.ts';
import type { HttpAnswer, HttpMethod, ProviderTransport } from '../shared/transport.ts';
import {
  API_KEY_HEADER,
  BalanceResponse,
  BuyResponse,
  CancelResponse,
  CompleteResponse,
  EARLY_CANCEL_WINDOW_MS,
  Envelope,
  ErrorResponse,
  ORDERS_LIMIT_MAX,
  OrdersResponse,
  ServicesResponse,
  StatusResponse,
  isDocumentedErrorCode,
} from './wire.ts';
import type { ErrorCode } from './wire.ts';

/** Production base URL (the document's "Base URL"). */
export const OTP24HR_DEFAULT_BASE_URL = 'https://otp24hr.store/api/v1';
/** The document names a per-minute limit (RATE_LIMIT) without a number: this default is configurable. */
export const OTP24HR_DEFAULT_RATE_LIMIT_PER_MINUTE = 60;
/** Every call of one API key shares one per-minute budget: the document counts requests per key, not per endpoint. */
export const OTP24HR_BUDGET_GROUP = 'account';
// RATE_LIMIT comes with no Retry-After in the document: sit out a whole minute window.
const FALLBACK_RETRY_AFTER_SECONDS = 60;

/** The document's endpoints, as the error table needs to tell them apart. */
export type Otp24hrCall = 'services' | 'balance' | 'buy' | 'status' | 'cancel' | 'complete' | 'orders';

export interface Otp24hrClientOptions {
  apiKey: string;
  /** Default https://otp24hr.store/api/v1. */
  baseUrl?: string;
  /** Requests per minute for the whole key (default 60). */
  rateLimitPerMinute?: number;
  /** Per-request timeout (default 10 s), from the moment a budget slot was taken. */
  timeoutMs?: number;
  /** Longest wait for a budget slot a foreground call accepts before RateLimitedError (default 3 s). */
  maxBudgetWaitMs?: number;
  /** Clock (ms) for the budget, health and the cancel window. */
  now?: () => number;
  logger?: Logger;
  fetch?: typeof fetch;
}

/** Per-call options of the reads the watcher makes. */
export interface Otp24hrReadOptions {
  /** The watcher's polling: waits for a budget slot as long as needed instead of failing fast. */
  background?: boolean;
}

interface Spec<T> {
  call: Otp24hrCall;
  method: HttpMethod;
  path: string;
  effect: 'read' | 'write';
  data: z.ZodType<T>;
  query?: Record<string, string | number | undefined>;
  body?: Record<string, unknown>;
  /** The order the call is about (ORDER_NOT_FOUND / FORBIDDEN messages). */
  orderId?: number;
  /** When the order was recorded: EARLY_CANCEL_DENIED's seconds are counted from it. */
  orderCreatedAt?: Date;
  background?: boolean;
}

/**
 * The OTP24HR Reseller API over the shared transport: the key in `X-API-Key` (the document's preferred
 * way; never in the URL or body, so it cannot land in a log line), the `{ok}` envelope, one request
 * budget for the whole key, and the document's error table mapped to typed errors. Sending, timeouts,
 * read retries (never of buy/cancel/complete), the breaker, redaction and health are the transport's.
 */
export class Otp24hrClient {
  readonly #transport: ProviderTransport;
  readonly #now: () => number;

  constructor(options: Otp24hrClientOptions) {
    const key = options.apiKey;
    if (!key) throw new ProviderRejectedError({ provider: 'OTP24HR', providerCode: 'NO_API_KEY', message: 'OTP24HR needs an API key (OTP24HR_API_KEY)' });
    this.#now = options.now ?? Date.now;
    const perMinute = options.rateLimitPerMinute ?? OTP24HR_DEFAULT_RATE_LIMIT_PER_MINUTE;
    this.#transport = createTransport({
      provider: 'OTP24HR',
      baseUrl: options.baseUrl ?? OTP24HR_DEFAULT_BASE_URL,
      authenticate: (request) => request.headers.set(API_KEY_HEADER, key),
      secrets: [key],
      limits: { [OTP24HR_BUDGET_GROUP]: { limit: perMinute, windowMs: 60_000 } },
      timeouts: { read: options.timeoutMs, write: options.timeoutMs },
      maxBudgetWaitMs: options.maxBudgetWaitMs,
      // Every retry spends a slot of a small budget: one more try, and only when no envelope came back.
      readRetries: 1,
      retryReadAnswer: (answer) => answer.status >= 500 && !Envelope.safeParse(answer.body).success,
      now: this.#now,
      logger: options.logger,
      fetch: options.fetch,
    });
  }

  health(): ProviderHealth {
    return this.#transport.health();
  }

  /** Upstream HTTP requests sent so far (retries included). */
  requestsSent(): number {
    return this.#transport.stats()[OTP24HR_BUDGET_GROUP] ?? 0;
  }

  /** The shared budget (read-only use). */
  get budget(): Pick<RequestBudget, 'remaining' | 'expectedWaitMs'> {
    return this.#transport.budget;
  }

  /** GET /services.php?country=…: services of one country, markup included. */
  services(country: number): Promise<ServicesResponse> {
    return this.#call({ call: 'services', method: 'GET', path: '/services.php', effect: 'read', data: ServicesResponse, query: { country } });
  }

  /** GET /balance.php. */
  balance(): Promise<BalanceResponse> {
    return this.#call({ call: 'balance', method: 'GET', path: '/balance.php', effect: 'read', data: BalanceResponse });
  }

  /**
   * POST /buy.php: charges the wallet at once. OTP24HR has no idempotency key, so this is sent exactly
   * once: an answer lost after sending is an AmbiguousOutcomeError, settled later from orders.php.
   */
  buy(service: string, country: number): Promise<BuyResponse> {
    return this.#call({ call: 'buy', method: 'POST', path: '/buy.php', effect: 'write', data: BuyResponse, body: { service, country } });
  }

  /** GET /status.php?order_id=…. */
  status(orderId: number, options: Otp24hrReadOptions = {}): Promise<StatusResponse> {
    return this.#call({ call: 'status', method: 'GET', path: '/status.php', effect: 'read', data: StatusResponse, query: { order_id: orderId }, orderId, ...options });
  }

  /** POST /cancel.php: refunds; refused in the first 2 minutes (counted from `orderCreatedAt`). */
  cancel(orderId: number, orderCreatedAt: Date): Promise<CancelResponse> {
    return this.#call({ call: 'cancel', method: 'POST', path: '/cancel.php', effect: 'write', data: CancelResponse, body: { order_id: orderId }, orderId, orderCreatedAt });
  }

  /** POST /complete.php. */
  complete(orderId: number): Promise<CompleteResponse> {
    return this.#call({ call: 'complete', method: 'POST', path: '/complete.php', effect: 'write', data: CompleteResponse, body: { order_id: orderId }, orderId });
  }

  /** GET /orders.php?limit&offset: one page of the key's history (limit at most 200). */
  orders(page: { limit: number; offset: number }, options: Otp24hrReadOptions = {}): Promise<OrdersResponse> {
    const limit = Math.min(Math.max(1, Math.floor(page.limit)), ORDERS_LIMIT_MAX);
    const offset = Math.max(0, Math.floor(page.offset));
    return this.#call({ call: 'orders', method: 'GET', path: '/orders.php', effect: 'read', data: OrdersResponse, query: { limit, offset }, ...options });
  }

  #call<T>(spec: Spec<T>): Promise<T> {
    return this.#transport.call(
      {
        method: spec.method,
        path: spec.path,
        query: spec.query,
        body: spec.body === undefined ? undefined : { json: spec.body },
        effect: spec.effect,
        group: OTP24HR_BUDGET_GROUP,
        answer: 'json',
        background: spec.background,
      },
      (answer) => this.#interpret(spec, answer),
    );
  }

  /**
   * The `ok` field decides, whatever the HTTP status (the document names none, and PHP backends often
   * answer errors with 200). A documented error code is OTP24HR's own verdict: the request was refused,
   * even on a 5xx (PROVIDER_ERROR). An undocumented code or an unreadable body on a 5xx to buy/cancel/
   * complete may have come after the work was done: ambiguous.
   */
  #interpret<T>(spec: Spec<T>, answer: HttpAnswer): T {
    const head = Envelope.safeParse(answer.body);
    if (head.success && !head.data.ok) {
      const error = ErrorResponse.safeParse(answer.body);
      if (error.success) this.#throwMapped(spec, answer, error.data.error, error.data.message);
    }
    if (head.success && head.data.ok && answer.status < 300) {
      const parsed = spec.data.safeParse(answer.body);
      if (parsed.success) return parsed.data;
      throw this.#transport.unreadable(answer, `answer not in the documented shape (${parsed.error.issues[0]?.path.join('.') || 'body'})`);
    }
    if (answer.status === 429) this.#throwMapped(spec, answer, 'RATE_LIMIT', '');
    throw this.#transport.unreadable(answer);
  }

  #throwMapped(spec: Spec<unknown>, answer: HttpAnswer, code: string, upstreamMessage: string): never {
    const documented = isDocumentedErrorCode(code);
    if (!documented && spec.effect === 'write' && answer.status >= 500) {
      throw new AmbiguousOutcomeError('OTP24HR', `${answer.label}: ${code} (HTTP ${answer.status}); its outcome is unknown`);
    }
    const init = {
      provider: 'OTP24HR' as const,
      providerCode: code,
      httpStatus: answer.status,
      // Upstream messages reach clients: make sure none echoes the key back.
      message: `${answer.label}: ${code}${upstreamMessage ? ` (${this.#transport.redact(upstreamMessage)})` : ''}`,
    };
    if (code === 'RATE_LIMIT') {
      const retryAfterSeconds = answer.retryAfterSeconds ?? FALLBACK_RETRY_AFTER_SECONDS;
      this.#transport.noteRateLimited(OTP24HR_BUDGET_GROUP, retryAfterSeconds);
      throw new RateLimitedError({ ...init, retryAfterSeconds });
    }
    if (!documented) {
      if (spec.effect === 'read' && answer.status >= 500) throw new ServiceUnavailableError({ ...init, retryAfterSeconds: answer.retryAfterSeconds });
      throw new ProviderRejectedError(init);
    }
    throw ERROR_TABLE[code]({ init, spec, retryAfterSeconds: answer.retryAfterSeconds, now: this.#now() });
  }
}

// ── the error table ─────────────────────────────────────────────────────

interface MappingInput {
  init: { provider: 'OTP24HR'; providerCode: string; httpStatus: number; message: string };
  spec: Spec<unknown>;
  retryAfterSeconds: number | null;
  now: number;
}

/** An auth refusal: nothing was done; the message says which setting to look at. */
const authRefusal =
  (hint: string) =>
  ({ init }: MappingInput): Error =>
    new ProviderRejectedError({ ...init, message: `${init.message}: ${hint}` });

/**
 * Every code of the document's error table → a typed error. (RATE_LIMIT is handled before the table,
 * since it also pauses the budget.) Codes outside it pass through as ProviderRejectedError.
 */
export const ERROR_TABLE: Readonly<Record<ErrorCode, (input: MappingInput) => Error>> = {
  NO_API_KEY: authRefusal('no API key reached OTP24HR; set OTP24HR_API_KEY'),
  INVALID_API_KEY: authRefusal('OTP24HR does not know this API key; check OTP24HR_API_KEY'),
  API_KEY_DISABLED: authRefusal('the OTP24HR API key is disabled; ask the OTP24HR admin to enable it'),
  IP_NOT_ALLOWED: authRefusal("this gateway's IP address is not on the key's OTP24HR whitelist"),
  RATE_LIMIT: ({ init, retryAfterSeconds }) => new RateLimitedError({ ...init, retryAfterSeconds: retryAfterSeconds ?? FALLBACK_RETRY_AFTER_SECONDS }),
  // The gateway always sends a service code: this would be our own malformed request.
  SERVICE_REQUIRED: ({ init }) => new ProviderRejectedError(init),
  // The offer is gone from OTP24HR (the catalog was stale): no number here, another provider may have one.
  SERVICE_NOT_FOUND: ({ init }) => new NoOfferAvailableError(init),
  INSUFFICIENT_BALANCE: ({ init }) => new InsufficientBalanceError(init),
  // On buy: OTP24HR's own upstream had no number (or failed) and nothing was charged, so the router may
  // fail over. Anywhere else it is a passing upstream problem: try again later.
  PROVIDER_ERROR: ({ init, spec, retryAfterSeconds }) =>
    spec.call === 'buy' ? new NoOfferAvailableError(init) : new ServiceUnavailableError({ ...init, retryAfterSeconds }),
  ORDER_NOT_FOUND: ({ spec }) => new NotFoundError('OTP24HR order', String(spec.orderId ?? spec.path)),
  FORBIDDEN: ({ init }) => new ProviderRejectedError({ ...init, message: `${init.message}: the order belongs to another OTP24HR API key` }),
  EARLY_CANCEL_DENIED: ({ init, spec, now }) => new CancelTooEarlyError({ ...init, secondsRemaining: cancelSecondsRemaining(spec.orderCreatedAt ?? null, now) }),
};

/** Seconds until cancel.php accepts: 2 minutes after the order was recorded, never below 1 (it just refused). */
export function cancelSecondsRemaining(createdAt: Date | null, now: number): number {
  const windowSeconds = EARLY_CANCEL_WINDOW_MS / 1000;
  if (!createdAt) return windowSeconds;
  const seconds = Math.ceil((createdAt.getTime() + EARLY_CANCEL_WINDOW_MS - now) / 1000);
  return Math.min(windowSeconds, Math.max(1, seconds));
}
