import type { z } from 'zod';
import {
  AmbiguousOutcomeError,
  InsufficientBalanceError,
  NotFoundError,
  ProviderRejectedError,
  RateLimitedError,
  ServiceUnavailableError,
  ValidationError,
} from '../../domain/errors.ts';
import type { ProviderHealth } from '../../domain/provider.ts';
import type { Logger } from '../../logging/logger.ts';
import type { CallEffect } from '../shared/call-outcome.ts';
import type { BudgetLimit } from '../shared/request-budget.ts';
import { createTransport } from '../shared/transport.ts';
import type { HttpAnswer, HttpMethod, ProviderTransport } from '../shared/transport.ts';
import { signP2wBody } from './signature.ts';
import { CreateOrderResponse, EnvelopeHead, ErrorResponse, GetOrderResponse, PARTNER_ID_HEADER, SIGNATURE_HEADER } from './wire.ts';
import type { CreatedOrder, CreateOrderBody, Order } from './wire.ts';

/** Production `{API_PREFIX}` (the GET example's https://vendor.p2wtopup.com/api/v1). */
export const P2W_DEFAULT_BASE_URL = 'https://vendor.p2wtopup.com/api/v1';

/** Request-budget groups: creating orders and reading them. */
export const P2W_RATE_GROUPS = ['orderCreate', 'orderQuery'] as const;
export type P2wRateGroup = (typeof P2W_RATE_GROUPS)[number];

/**
 * The document states no rate limit. These are the gateway's own caps (an assumption, overridable) so
 * a burst of polling cannot hammer a vendor API whose limits we do not know.
 */
export const P2W_RATE_LIMITS: Readonly<Record<P2wRateGroup, BudgetLimit>> = {
  orderCreate: { limit: 120, windowMs: 60_000 },
  orderQuery: { limit: 300, windowMs: 60_000 },
};

// The document defines no 429; should one come without Retry-After, wait out a whole minute.
const FALLBACK_RETRY_AFTER_SECONDS = 60;

export interface P2wClientOptions {
  readonly partnerId: string;
  readonly secret: string;
  /** `{API_PREFIX}`, default https://vendor.p2wtopup.com/api/v1. */
  readonly baseUrl?: string;
  /** Per-request timeout, ms (default 10 s). */
  readonly timeoutMs?: number;
  readonly rateLimits?: Partial<Record<P2wRateGroup, BudgetLimit>>;
  /** Longest wait for a budget slot a foreground call accepts (default 3 s). */
  readonly maxBudgetWaitMs?: number;
  readonly now?: () => number;
  readonly logger?: Logger;
  readonly fetch?: typeof fetch;
}

export interface P2wReadOptions {
  /** The watcher's polling: waits for a budget slot as long as needed. */
  readonly background?: boolean;
}

interface Call<T> {
  readonly method: HttpMethod;
  readonly path: string;
  readonly group: P2wRateGroup;
  readonly effect: CallEffect;
  readonly envelope: z.ZodType<{ data: T }>;
  readonly body?: unknown;
  /** What ORDER_NOT_FOUND refers to. */
  readonly orderId?: string;
  readonly background?: boolean;
}

/**
 * The P2W Orders API over the shared transport: `x-partner-id` + `x-signature` (signature.ts, over the
 * exact body sent; a GET signs ''), the `{success, statusCode, code, data, timestamp}` envelope and the
 * document's error codes mapped to domain errors. A create is a write: sent once, never retried.
 */
export class P2wClient {
  readonly #transport: ProviderTransport;

  constructor(options: P2wClientOptions) {
    if (!options.partnerId) throw new ValidationError('P2W partner id is required', 'partnerId');
    if (!options.secret) throw new ValidationError('P2W secret is required', 'secret');
    const { partnerId, secret } = options;
    this.#transport = createTransport({
      provider: 'P2W',
      baseUrl: options.baseUrl ?? P2W_DEFAULT_BASE_URL,
      authenticate: (request) => {
        request.headers.set(PARTNER_ID_HEADER, partnerId);
        request.headers.set(SIGNATURE_HEADER, signP2wBody(request.method === 'GET' ? '' : (request.body ?? ''), secret));
      },
      secrets: [secret],
      limits: { ...P2W_RATE_LIMITS, ...options.rateLimits },
      timeouts: { read: options.timeoutMs, write: options.timeoutMs },
      maxBudgetWaitMs: options.maxBudgetWaitMs,
      // A documented error envelope on a 5xx is P2W's own verdict; retry a read only on a bare 5xx.
      readRetries: 1,
      retryReadAnswer: (answer) => answer.status >= 500 && !EnvelopeHead.safeParse(answer.body).success,
      now: options.now,
      logger: options.logger,
      fetch: options.fetch,
    });
  }

  /** POST /orders: spends money. Sent exactly once. */
  async createOrder(body: CreateOrderBody): Promise<CreatedOrder> {
    return this.#call({ method: 'POST', path: '/orders', group: 'orderCreate', effect: 'write', envelope: CreateOrderResponse, body });
  }

  /** GET /orders/:id by P2W orderID. */
  async order(orderId: string, options: P2wReadOptions = {}): Promise<Order> {
    if (!orderId) throw new ValidationError('A P2W orderID is required', 'providerRef');
    const path = `/orders/${encodeURIComponent(orderId)}`;
    return this.#call({ method: 'GET', path, group: 'orderQuery', effect: 'read', envelope: GetOrderResponse, orderId, background: options.background });
  }

  health(): ProviderHealth {
    return this.#transport.health();
  }

  /** Upstream HTTP requests sent so far, per budget group. */
  stats(): Record<P2wRateGroup, number> {
    return this.#transport.stats() as Record<P2wRateGroup, number>;
  }

  async #call<T>(call: Call<T>): Promise<T> {
    return this.#transport.call(
      {
        method: call.method,
        path: call.path,
        body: call.body === undefined ? undefined : { json: call.body },
        effect: call.effect,
        group: call.group,
        answer: 'json',
        background: call.background,
      },
      (answer) => this.#interpret(call, answer),
    );
  }

  #interpret<T>(call: Call<T>, answer: HttpAnswer): T {
    const head = EnvelopeHead.safeParse(answer.body);
    if (head.success && head.data.success && answer.status < 300) {
      const envelope = call.envelope.safeParse(answer.body);
      if (envelope.success) return envelope.data.data;
      // A success the document does not describe: on a create, something may have been made.
      throw this.#transport.unreadable(answer, 'answer not in the documented shape');
    }
    if (head.success && !head.data.success) {
      const error = ErrorResponse.safeParse(answer.body);
      if (error.success) throw this.#mapped(call, answer, error.data);
    }
    if (answer.status === 429) throw this.#mapped(call, answer, { code: 'RATE_LIMITED', message: 'Too many requests' });
    throw this.#transport.unreadable(answer);
  }

  #mapped<T>(call: Call<T>, answer: HttpAnswer, error: { code: string; message?: string | undefined }): Error {
    const init = {
      provider: 'P2W' as const,
      providerCode: error.code,
      httpStatus: answer.status,
      // Upstream text is passed on to clients: never let it echo the secret.
      message: `${answer.label}: ${error.code}${error.message ? ` (${this.#transport.redact(error.message)})` : ''}`,
    };
    // A server error after a create was sent may have come after the order was made.
    if (call.effect === 'write' && answer.status >= 500) {
      return new AmbiguousOutcomeError('P2W', `${answer.label}: ${error.code} (HTTP ${answer.status}) after the create was sent; its outcome is unknown`);
    }
    if (answer.status === 429) {
      const retryAfterSeconds = answer.retryAfterSeconds ?? FALLBACK_RETRY_AFTER_SECONDS;
      this.#transport.noteRateLimited(call.group, retryAfterSeconds);
      return new RateLimitedError({ ...init, retryAfterSeconds });
    }
    const mapper = ERROR_CODES[error.code];
    if (mapper) return mapper({ init, call: { effect: call.effect, orderId: call.orderId }, retryAfter: answer.retryAfterSeconds });
    if (answer.status >= 500) return new ServiceUnavailableError({ ...init, retryAfterSeconds: answer.retryAfterSeconds });
    return new ProviderRejectedError(init);
  }
}

// ── the error-code table ────────────────────────────────────────────────

/**
 * REF_ID_EXISTS on a create: an order under this refID already exists at P2W (perhaps from our own
 * first try whose answer was lost). Never a refusal, since it may be the very order we placed: an
 * ambiguous outcome, reconciled later. P2W gives no way to find an order by refID.
 */
export class RefIdExistsError extends AmbiguousOutcomeError {
  constructor(label: string) {
    super('P2W', `${label}: an order with this refID already exists at P2W; its outcome is unknown until reconciled`);
  }
}

interface MappingInput {
  readonly init: { provider: 'P2W'; providerCode: string; httpStatus: number; message: string };
  readonly call: { readonly effect: CallEffect; readonly orderId: string | undefined };
  readonly retryAfter: number | null;
}

/**
 * The document's error codes → domain errors (a 5xx on a create never gets here: it is ambiguous).
 * Codes not listed pass through as ProviderRejectedError (4xx) or ServiceUnavailableError (5xx).
 */
export const ERROR_CODES: Readonly<Record<string, (input: MappingInput) => Error>> = {
  // "refID นี้ถูกใช้ไปแล้ว".
  REF_ID_EXISTS: ({ init }) => new RefIdExistsError(init.message),
  MISSING_FIELD: ({ init }) => new ValidationError(init.message, 'topupInfo'),
  INSUFFICIENT_BALANCE: ({ init }) => new InsufficientBalanceError(init),
  ORDER_NOT_FOUND: ({ call }) => new NotFoundError('P2W order', call.orderId ?? '?'),
  FORBIDDEN: ({ init }) => new ProviderRejectedError(init),
  // Only reads reach this with a 5xx: nothing happened, try later.
  INTERNAL_SERVER_ERROR: ({ init, retryAfter }) => new ServiceUnavailableError({ ...init, retryAfterSeconds: retryAfter }),
};
