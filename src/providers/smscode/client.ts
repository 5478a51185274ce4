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
  ValidationError,
} from '../../domain/errors.ts';
import type { OfferAttempt } from '../../domain/errors.ts';
import type { ProviderHealth } from '../../domain/provider.ts';
import type { Logger } from '../../logging/logger.ts';
import { callOutcomeOf } from '../shared/call-outcome.ts';
import type { CallOutcome } from '../shared/health.ts';
import type { BudgetLimit, RequestBudget } from '../shared/request-budget.ts';
import { createTransport } from '../shared/transport.ts';
import type { HttpAnswer, HttpMethod, ProviderTransport } from '../shared/transport.ts';
import {
  ActiveOrderList,
  Balance,
  CancelResult,
  CountryList,
  CreateOrderResult,
  EnvelopeHead,
  ErrorEnvelope,
  ExchangeRate,
  FinishResult,
  IDEMPOTENCY_KEY_PATTERN,
  Order,
  OrderList,
  PageMeta,
  ProductList,
  ResendResult,
  ServiceList,
  WebhookConfig,
  WebhookTestResult,
  successEnvelope,
} from './wire.ts';
import type { CreateOrderBody, OrderListQuery, ProductQuery, WebhookPatchBody } from './wire.ts';

/** Endpoint groups of the document's rate-limit table ("速率限制"). */
export const SMSCODE_RATE_GROUPS = [
  'catalog',
  'balance',
  'orderQuery',
  'orderCreate',
  'orderCancel',
  'orderAction',
  'webhookConfig',
  'webhookTest',
] as const;
export type SmscodeRateGroup = (typeof SMSCODE_RATE_GROUPS)[number];

/** The document's limits: requests per 60-second window, per endpoint group and account. */
export const SMSCODE_RATE_LIMITS: Readonly<Record<SmscodeRateGroup, BudgetLimit>> = {
  catalog: { limit: 5000, windowMs: 60_000 },
  balance: { limit: 600, windowMs: 60_000 },
  orderQuery: { limit: 5000, windowMs: 60_000 },
  orderCreate: { limit: 3000, windowMs: 60_000 },
  orderCancel: { limit: 1000, windowMs: 60_000 },
  orderAction: { limit: 1000, windowMs: 60_000 },
  webhookConfig: { limit: 600, windowMs: 60_000 },
  webhookTest: { limit: 10, windowMs: 60_000 },
};

/** Production v1 base URL. */
export const SMSCODE_DEFAULT_BASE_URL = 'https://api.smscode.gg/v1';
// The document promises Retry-After on every 429; without one, wait out a whole window.
const FALLBACK_RETRY_AFTER_SECONDS = 60;
// "请等待 2 分钟": the cancel lock after creation.
export const CANCEL_LOCK_SECONDS = 120;

/** How one upstream call ended, for health tracking (no extra calls needed to know the provider's state). */
export type SmscodeCallOutcome = CallOutcome;

export interface SmscodeClientOptions {
  apiToken: string;
  /** Default https://api.smscode.gg/v1. */
  baseUrl?: string;
  /** Per-request timeout (default 10 s), from the moment a budget slot was taken. */
  timeoutMs?: number;
  /** Overrides of the document's rate-limit table, per group. */
  rateLimits?: Partial<Record<SmscodeRateGroup, BudgetLimit>>;
  /** Clock for the request budget and health (ms). */
  now?: () => number;
  /** Told about every call's outcome. */
  onOutcome?: (outcome: SmscodeCallOutcome, detail: string) => void;
  /** Longest wait for a budget slot a foreground call accepts before RateLimitedError (default 3 s). */
  maxBudgetWaitMs?: number;
  logger?: Logger;
  /** For tests. */
  fetch?: typeof fetch;
}

/** Extra knowledge for mapping an error of one call. */
interface ErrorContext {
  /** created_at of the order being canceled, when known: CANCEL_TOO_EARLY seconds fall back to it. */
  orderCreatedAt?: Date | null;
}

/** Per-call options of the polling reads. */
export interface SmscodeReadOptions {
  /** The watcher's polling: waits for a budget slot as long as needed instead of failing fast. */
  background?: boolean;
}

interface CallSpec<T> {
  method: HttpMethod;
  path: string;
  group: SmscodeRateGroup;
  /** A mutating call may have taken effect when its answer is lost; a read never has. */
  effect: 'read' | 'write';
  data: z.ZodType<T>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  context?: ErrorContext;
  /** What NOT_FOUND refers to. */
  resource?: { kind: string; id: string };
  background?: boolean;
}

interface Answer<T> {
  data: T;
  meta: unknown;
}

/**
 * smscode.gg v1 over the shared transport: bearer auth, the document's rate-limit groups, envelope
 * parsing, and the error-code table mapped to domain errors. Sending, timeouts, retries of reads (never
 * of a mutating call), the breaker, redaction and health are the transport's.
 */
export class SmscodeClient {
  readonly #transport: ProviderTransport;
  readonly #onOutcome: (outcome: SmscodeCallOutcome, detail: string) => void;
  readonly #now: () => number;

  constructor(options: SmscodeClientOptions) {
    if (!options.apiToken) throw new ValidationError('smscode API token is required', 'apiToken');
    const token = options.apiToken;
    this.#now = options.now ?? Date.now;
    this.#onOutcome = options.onOutcome ?? (() => undefined);
    this.#transport = createTransport({
      provider: 'SMSCODE',
      baseUrl: options.baseUrl ?? SMSCODE_DEFAULT_BASE_URL,
      authenticate: (request) => request.headers.set('Authorization', `Bearer ${token}`),
      secrets: [token],
      limits: { ...SMSCODE_RATE_LIMITS, ...options.rateLimits },
      timeouts: { read: options.timeoutMs, write: options.timeoutMs },
      maxBudgetWaitMs: options.maxBudgetWaitMs,
      // One more try of a read, as before; a documented error envelope on a 5xx is smscode's own
      // verdict (maintenance with Retry-After, INTERNAL_ERROR) and is passed on, not retried.
      readRetries: 1,
      retryReadAnswer: (answer) => answer.status >= 500 && !EnvelopeHead.safeParse(answer.body).success,
      now: this.#now,
      logger: options.logger,
      fetch: options.fetch,
    });
  }

  /** Upstream HTTP requests sent so far, per rate-limit group (retries included). */
  stats(): Record<SmscodeRateGroup, number> {
    return this.#transport.stats() as Record<SmscodeRateGroup, number>;
  }

  /** The client-side budget (read-only use: remaining slots per group). */
  get budget(): Pick<RequestBudget, 'remaining'> {
    return this.#transport.budget;
  }

  /** smscode's health from the calls made (no probes): UP, DEGRADED, DOWN (also while the breaker is open). */
  health(): ProviderHealth {
    return this.#transport.health();
  }

  // ── catalog ──

  /** GET /catalog/countries. */
  async countries(): Promise<z.infer<typeof CountryList>> {
    return (await this.#call({ method: 'GET', path: '/catalog/countries', group: 'catalog', effect: 'read', data: CountryList })).data;
  }

  /** GET /catalog/services[?country_id]. */
  async services(countryId?: number): Promise<z.infer<typeof ServiceList>> {
    const query = { country_id: countryId };
    return (await this.#call({ method: 'GET', path: '/catalog/services', group: 'catalog', effect: 'read', data: ServiceList, query })).data;
  }

  /** GET /catalog/products: one page and its meta. */
  async products(query: ProductQuery = {}): Promise<{ products: z.infer<typeof ProductList>; meta: PageMeta | null }> {
    const answer = await this.#call({ method: 'GET', path: '/catalog/products', group: 'catalog', effect: 'read', data: ProductList, query: { ...query } });
    const meta = PageMeta.safeParse(answer.meta);
    return { products: answer.data, meta: meta.success ? meta.data : null };
  }

  /** GET /catalog/exchange-rate?pair=… (v1 honours the pair). */
  async exchangeRate(pair = 'USD/IDR'): Promise<ExchangeRate> {
    const query = { pair };
    return (await this.#call({ method: 'GET', path: '/catalog/exchange-rate', group: 'catalog', effect: 'read', data: ExchangeRate, query })).data;
  }

  // ── account ──

  /** GET /balance. */
  async balance(): Promise<Balance> {
    return (await this.#call({ method: 'GET', path: '/balance', group: 'balance', effect: 'read', data: Balance })).data;
  }

  // ── orders ──

  /** GET /orders (newest first). */
  async orders(query: OrderListQuery = {}, options: SmscodeReadOptions = {}): Promise<z.infer<typeof OrderList>> {
    return (await this.#call({ method: 'GET', path: '/orders', group: 'orderQuery', effect: 'read', data: OrderList, query: { ...query }, ...options })).data;
  }

  /** GET /orders/{id}. */
  async order(id: number, options: SmscodeReadOptions = {}): Promise<Order> {
    const resource = { kind: 'smscode order', id: String(id) };
    return (await this.#call({ method: 'GET', path: `/orders/${orderId(id)}`, group: 'orderQuery', effect: 'read', data: Order, resource, ...options })).data;
  }

  /** GET /orders/active: every ACTIVE and OTP_RECEIVED order of the account in one call. */
  async activeOrders(options: SmscodeReadOptions = {}): Promise<z.infer<typeof ActiveOrderList>> {
    return (await this.#call({ method: 'GET', path: '/orders/active', group: 'orderQuery', effect: 'read', data: ActiveOrderList, ...options })).data;
  }

  /**
   * POST /orders/create: spends money. Sent exactly once; the same key and body later replay the
   * original outcome upstream instead of charging again.
   */
  async createOrders(body: CreateOrderBody, idempotencyKey: string): Promise<CreateOrderResult> {
    if (!IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw new ValidationError('Idempotency key must be 1-128 characters of A-Z a-z 0-9 _ -', 'idempotencyKey');
    }
    const headers = { 'Idempotency-Key': idempotencyKey };
    return (await this.#call({ method: 'POST', path: '/orders/create', group: 'orderCreate', effect: 'write', data: CreateOrderResult, body, headers })).data;
  }

  /** POST /orders/cancel; `orderCreatedAt` lets CANCEL_TOO_EARLY say how long is left when the message does not. */
  async cancel(id: number, context: ErrorContext = {}): Promise<CancelResult> {
    const body = { id: orderId(id) };
    const resource = { kind: 'smscode order', id: String(id) };
    return (await this.#call({ method: 'POST', path: '/orders/cancel', group: 'orderCancel', effect: 'write', data: CancelResult, body, context, resource })).data;
  }

  /** POST /orders/finish. */
  async finish(id: number): Promise<FinishResult> {
    const body = { id: orderId(id) };
    const resource = { kind: 'smscode order', id: String(id) };
    return (await this.#call({ method: 'POST', path: '/orders/finish', group: 'orderAction', effect: 'write', data: FinishResult, body, resource })).data;
  }

  /** POST /orders/resend. */
  async resend(id: number): Promise<ResendResult> {
    const body = { id: orderId(id) };
    const resource = { kind: 'smscode order', id: String(id) };
    return (await this.#call({ method: 'POST', path: '/orders/resend', group: 'orderAction', effect: 'write', data: ResendResult, body, resource })).data;
  }

  // ── webhook ──

  /** GET /webhook. The answer holds the signing secret: never log it. */
  async webhookConfig(): Promise<WebhookConfig> {
    return (await this.#call({ method: 'GET', path: '/webhook', group: 'webhookConfig', effect: 'read', data: WebhookConfig })).data;
  }

  /** PATCH /webhook. The answer holds the signing secret: never log it. */
  async updateWebhook(body: WebhookPatchBody): Promise<WebhookConfig> {
    return (await this.#call({ method: 'PATCH', path: '/webhook', group: 'webhookConfig', effect: 'write', data: WebhookConfig, body })).data;
  }

  /** POST /webhook/test. */
  async testWebhook(): Promise<WebhookTestResult> {
    return (await this.#call({ method: 'POST', path: '/webhook/test', group: 'webhookTest', effect: 'write', data: WebhookTestResult })).data;
  }

  // ── envelope and error table ──

  async #call<T>(spec: CallSpec<T>): Promise<Answer<T>> {
    try {
      const answer = await this.#transport.call(
        {
          method: spec.method,
          path: spec.path,
          query: spec.query,
          body: spec.body === undefined ? undefined : { json: spec.body },
          headers: spec.headers,
          effect: spec.effect,
          group: spec.group,
          answer: 'json',
          background: spec.background,
        },
        (res) => this.#interpret(spec, res),
      );
      this.#onOutcome('ok', `${spec.method} ${spec.path}`);
      return answer;
    } catch (error) {
      this.#onOutcome(callOutcomeOf(error), error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  #interpret<T>(spec: CallSpec<T>, res: HttpAnswer): Answer<T> {
    const head = EnvelopeHead.safeParse(res.body);
    if (head.success && !head.data.success) {
      const envelope = ErrorEnvelope.safeParse(res.body);
      if (envelope.success) return this.#throwMapped(spec, res, envelope.data.error);
    }
    if (head.success && head.data.success && res.status < 300) {
      const envelope = successEnvelope(spec.data).safeParse(res.body);
      if (envelope.success) return { data: envelope.data.data as T, meta: envelope.data.meta };
    }
    // No readable envelope: a proxy page, a truncated body, or a shape the document does not describe.
    if (res.status === 429) return this.#throwMapped(spec, res, { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests' });
    throw this.#transport.unreadable(res);
  }

  #throwMapped<T>(spec: CallSpec<T>, res: HttpAnswer, error: ErrorEnvelope['error']): never {
    // A server error on a mutating call may have come after the work was done (SERVICE_UNAVAILABLE is maintenance: nothing ran).
    if (spec.effect === 'write' && res.status >= 500 && error.code !== 'SERVICE_UNAVAILABLE') {
      throw new AmbiguousOutcomeError('SMSCODE', `${res.label}: ${error.code} (HTTP ${res.status}); its outcome is unknown`);
    }
    if (error.code === 'RATE_LIMIT_EXCEEDED') {
      this.#transport.noteRateLimited(spec.group, res.retryAfterSeconds ?? FALLBACK_RETRY_AFTER_SECONDS);
    }
    const mapper = ERROR_CODES[error.code] ?? rejected;
    throw mapper({
      init: {
        provider: 'SMSCODE',
        providerCode: error.code,
        httpStatus: res.status,
        // Upstream messages are passed on to clients: make sure none echoes the credential back.
        message: `${res.label}: ${this.#transport.redact(error.message) || error.code}`,
      },
      upstreamMessage: error.message,
      details: error.details,
      retryAfter: res.retryAfterSeconds,
      context: spec.context ?? {},
      resource: spec.resource ?? { kind: 'smscode resource', id: spec.path },
      now: this.#now(),
    });
  }
}

// ── the error-code table ────────────────────────────────────────────────

interface MappingInput {
  init: { provider: 'SMSCODE'; providerCode: string; httpStatus: number; message: string };
  upstreamMessage: string;
  details: unknown;
  retryAfter: number | null;
  context: ErrorContext;
  resource: { kind: string; id: string };
  now: number;
}
type ErrorMapper = (input: MappingInput) => Error;

const rejected: ErrorMapper = ({ init, details }) => new ProviderRejectedError({ ...init, attempts: attemptsOf(details) });

/** The document's error codes → domain errors, in one place. Codes not listed are passed through as ProviderRejectedError. */
const ERROR_CODES: Readonly<Record<string, ErrorMapper>> = {
  INSUFFICIENT_BALANCE: ({ init }) => new InsufficientBalanceError(init),
  NO_OFFER_AVAILABLE: ({ init, details }) => new NoOfferAvailableError({ ...init, attempts: attemptsOf(details) }),
  CANCEL_TOO_EARLY: ({ init, upstreamMessage, context, now }) =>
    new CancelTooEarlyError({ ...init, secondsRemaining: cancelSecondsRemaining(upstreamMessage, context.orderCreatedAt ?? null, now) }),
  RATE_LIMIT_EXCEEDED: ({ init, retryAfter }) =>
    new RateLimitedError({ ...init, retryAfterSeconds: retryAfter ?? FALLBACK_RETRY_AFTER_SECONDS }),
  SERVICE_UNAVAILABLE: ({ init, retryAfter }) => new ServiceUnavailableError({ ...init, retryAfterSeconds: retryAfter }),
  // Only reads get here with a 5xx (a mutating call's 5xx is ambiguous): nothing happened, try later.
  INTERNAL_ERROR: ({ init, retryAfter }) => new ServiceUnavailableError({ ...init, retryAfterSeconds: retryAfter }),
  NOT_FOUND: ({ resource }) => new NotFoundError(resource.kind, resource.id),
  VALIDATION_ERROR: ({ init }) => new ValidationError(init.message),
  // The gateway's own idempotency layer sits in front: these mean the upstream itself saw a clash.
  IDEMPOTENCY_KEY_REUSED: rejected,
  REQUEST_IN_PROGRESS: rejected,
  UNAUTHORIZED: rejected,
  FORBIDDEN: rejected,
  CONFLICT: rejected,
  PROVIDER_ERROR: rejected,
};

/**
 * Seconds until a cancel is allowed: the number in the upstream message when it names one
 * ("… in 87 seconds"), else created_at + 120 s, else the whole 120 s. Always 1–120.
 */
export function cancelSecondsRemaining(message: string, createdAt: Date | null, now: number = Date.now()): number {
  const stated = /(\d+)\s*(?:s\b|sec|second|秒)/i.exec(message);
  let seconds = stated?.[1] !== undefined ? Number(stated[1]) : Number.NaN;
  if (!Number.isFinite(seconds) && createdAt) seconds = Math.ceil((createdAt.getTime() + CANCEL_LOCK_SECONDS * 1000 - now) / 1000);
  if (!Number.isFinite(seconds)) seconds = CANCEL_LOCK_SECONDS;
  // The upstream just refused, so at least a second is left; and the lock is never longer than 2 minutes.
  return Math.min(CANCEL_LOCK_SECONDS, Math.max(1, seconds));
}

/** `details.attempts` (catalog orders: one result per try) or `details.cause_counts` (product orders) as OfferAttempts. */
export function attemptsOf(details: unknown): OfferAttempt[] {
  if (details === null || typeof details !== 'object') return [];
  const { attempts, cause_counts: causeCounts } = details as { attempts?: unknown; cause_counts?: unknown };
  const out: OfferAttempt[] = [];
  if (Array.isArray(attempts)) {
    for (const attempt of attempts) {
      if (typeof attempt === 'string') out.push({ provider: 'SMSCODE', outcome: attempt });
      else if (attempt !== null && typeof attempt === 'object') {
        const a = attempt as { provider?: unknown; result?: unknown; outcome?: unknown };
        const outcome = typeof a.result === 'string' ? a.result : typeof a.outcome === 'string' ? a.outcome : 'unknown';
        out.push({ provider: typeof a.provider === 'string' ? a.provider : 'SMSCODE', outcome });
      }
    }
  } else if (causeCounts !== null && typeof causeCounts === 'object') {
    for (const [cause, count] of Object.entries(causeCounts)) {
      const times = typeof count === 'number' && Number.isInteger(count) ? Math.min(count, 100) : 0;
      for (let i = 0; i < times; i++) out.push({ provider: 'SMSCODE', outcome: cause });
    }
  }
  return out;
}

// ── helpers ─────────────────────────────────────────────────────────────

function orderId(id: number): number {
  if (!Number.isSafeInteger(id) || id <= 0) throw new ValidationError(`Not an smscode order id: ${id}`, 'providerRef');
  return id;
}
