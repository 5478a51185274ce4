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
import { RequestBudget } from '../shared/request-budget.ts';
import type { BudgetLimit } from '../shared/request-budget.ts';
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
const DEFAULT_TIMEOUT_MS = 10_000;
// The document promises Retry-After on every 429; without one, wait out a whole window.
const FALLBACK_RETRY_AFTER_SECONDS = 60;
// "请等待 2 分钟": the cancel lock after creation.
export const CANCEL_LOCK_SECONDS = 120;

/** How one upstream call ended, for health tracking (no extra calls needed to know the provider's state). */
export type SmscodeCallOutcome =
  /** Answered, successfully or with a definite business refusal: the provider is up. */
  | 'ok'
  | 'rateLimited'
  /** SERVICE_UNAVAILABLE, 5xx, unreachable, timeout, dropped or unreadable answer. */
  | 'failed';

export interface SmscodeClientOptions {
  apiToken: string;
  /** Default https://api.smscode.gg/v1. */
  baseUrl?: string;
  /** Per-request timeout (default 10 s), from the moment a budget slot was taken. */
  timeoutMs?: number;
  /** Overrides of the document's rate-limit table, per group. */
  rateLimits?: Partial<Record<SmscodeRateGroup, BudgetLimit>>;
  /** Clock for the request budget (ms). */
  now?: () => number;
  /** Told about every call's outcome. */
  onOutcome?: (outcome: SmscodeCallOutcome, detail: string) => void;
}

/** Extra knowledge for mapping an error of one call. */
interface ErrorContext {
  /** created_at of the order being canceled, when known: CANCEL_TOO_EARLY seconds fall back to it. */
  orderCreatedAt?: Date | null;
}

/** A mutating call may have taken effect when its answer is lost; a read never has. */
type Effect = 'read' | 'write';

interface CallSpec<T> {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  group: SmscodeRateGroup;
  effect: Effect;
  data: z.ZodType<T>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  context?: ErrorContext;
  /** What NOT_FOUND refers to. */
  resource?: { kind: string; id: string };
}

interface Answer<T> {
  data: T;
  meta: unknown;
}

/**
 * HTTP calls to smscode.gg v1: bearer auth, a per-request timeout, the document's rate limits enforced
 * client-side, envelope parsing, and the error-code table mapped to domain errors. Never retries a
 * mutating call; a lost answer to one is an AmbiguousOutcomeError.
 */
export class SmscodeClient {
  readonly #token: string;
  readonly #baseUrl: string;
  readonly #timeoutMs: number;
  readonly #budget: RequestBudget;
  readonly #calls: Record<SmscodeRateGroup, number>;
  readonly #onOutcome: (outcome: SmscodeCallOutcome, detail: string) => void;
  readonly #now: () => number;

  constructor(options: SmscodeClientOptions) {
    if (!options.apiToken) throw new ValidationError('smscode API token is required', 'apiToken');
    this.#token = options.apiToken;
    this.#baseUrl = (options.baseUrl ?? SMSCODE_DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#now = options.now ?? Date.now;
    this.#budget = new RequestBudget({ ...SMSCODE_RATE_LIMITS, ...options.rateLimits }, this.#now);
    this.#calls = Object.fromEntries(SMSCODE_RATE_GROUPS.map((g) => [g, 0])) as Record<SmscodeRateGroup, number>;
    this.#onOutcome = options.onOutcome ?? (() => undefined);
  }

  /** Upstream HTTP requests sent so far, per rate-limit group (retries included). */
  stats(): Record<SmscodeRateGroup, number> {
    return { ...this.#calls };
  }

  /** The client-side budget (read-only use: remaining slots per group). */
  get budget(): Pick<RequestBudget, 'remaining'> {
    return this.#budget;
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
  async orders(query: OrderListQuery = {}): Promise<z.infer<typeof OrderList>> {
    return (await this.#call({ method: 'GET', path: '/orders', group: 'orderQuery', effect: 'read', data: OrderList, query: { ...query } })).data;
  }

  /** GET /orders/{id}. */
  async order(id: number): Promise<Order> {
    return (await this.#call({ method: 'GET', path: `/orders/${orderId(id)}`, group: 'orderQuery', effect: 'read', data: Order, resource: { kind: 'smscode order', id: String(id) } })).data;
  }

  /** GET /orders/active: every ACTIVE and OTP_RECEIVED order of the account in one call. */
  async activeOrders(): Promise<z.infer<typeof ActiveOrderList>> {
    return (await this.#call({ method: 'GET', path: '/orders/active', group: 'orderQuery', effect: 'read', data: ActiveOrderList })).data;
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

  // ── transport ──

  async #call<T>(spec: CallSpec<T>): Promise<Answer<T>> {
    try {
      const answer = await this.#send(spec, spec.effect === 'read' ? 2 : 1);
      this.#onOutcome('ok', `${spec.method} ${spec.path}`);
      return answer;
    } catch (error) {
      this.#onOutcome(outcomeOf(error), error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  async #send<T>(spec: CallSpec<T>, triesLeft: number): Promise<Answer<T>> {
    const label = `smscode ${spec.method} ${spec.path}`;
    await this.#budget.take(spec.group);
    this.#calls[spec.group] += 1;
    let status: number;
    let requestId: string | null;
    let retryAfter: number | null;
    let text: string;
    try {
      const res = await fetch(this.#url(spec), {
        method: spec.method,
        headers: {
          Authorization: `Bearer ${this.#token}`,
          Accept: 'application/json',
          ...(spec.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...spec.headers,
        },
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        redirect: 'error',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      status = res.status;
      requestId = res.headers.get('x-request-id');
      retryAfter = parseRetryAfter(res.headers.get('retry-after'));
      // Reading the body is still inside the timeout: a connection dropped mid-answer lands in the catch.
      text = await res.text();
    } catch (error) {
      const failure = describeNetworkFailure(error);
      // Nothing reached the server: safe to try again (reads) and nothing was spent (writes).
      if (failure.beforeSending || spec.effect === 'read') {
        if (spec.effect === 'read' && triesLeft > 1) return this.#send(spec, triesLeft - 1);
        throw new ServiceUnavailableError({ provider: 'SMSCODE', providerCode: failure.code, message: `${label}: ${failure.text}` });
      }
      throw new AmbiguousOutcomeError('SMSCODE', `${label}: ${failure.text} after the request was sent; its outcome is unknown`);
    }
    const where = requestId ? `${label} (x-request-id ${requestId})` : label;
    return this.#interpret(spec, { status, text, retryAfter, where });
  }

  #interpret<T>(spec: CallSpec<T>, res: { status: number; text: string; retryAfter: number | null; where: string }): Answer<T> {
    const json = parseJson(res.text);
    const head = EnvelopeHead.safeParse(json);
    if (head.success && !head.data.success) {
      const envelope = ErrorEnvelope.safeParse(json);
      if (envelope.success) return this.#throwMapped(spec, res, envelope.data.error);
    }
    if (head.success && head.data.success && res.status < 300) {
      const envelope = successEnvelope(spec.data).safeParse(json);
      if (envelope.success) return { data: envelope.data.data as T, meta: envelope.data.meta };
    }
    // No readable envelope: a proxy page, a truncated body, or a shape the document does not describe.
    if (res.status === 429) return this.#throwMapped(spec, res, { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests' });
    if (spec.effect === 'write') {
      throw new AmbiguousOutcomeError('SMSCODE', `${res.where}: unreadable answer (HTTP ${res.status}); its outcome is unknown`);
    }
    const init = { provider: 'SMSCODE' as const, httpStatus: res.status, message: `${res.where}: unreadable answer (HTTP ${res.status})` };
    if (res.status >= 500) throw new ServiceUnavailableError({ ...init, providerCode: `HTTP_${res.status}` });
    throw new ProviderRejectedError({ ...init, providerCode: 'MALFORMED_RESPONSE' });
  }

  #throwMapped<T>(spec: CallSpec<T>, res: { status: number; retryAfter: number | null; where: string }, error: ErrorEnvelope['error']): never {
    // A server error on a mutating call may have come after the work was done (SERVICE_UNAVAILABLE is maintenance: nothing ran).
    if (spec.effect === 'write' && res.status >= 500 && error.code !== 'SERVICE_UNAVAILABLE') {
      throw new AmbiguousOutcomeError('SMSCODE', `${res.where}: ${error.code} (HTTP ${res.status}); its outcome is unknown`);
    }
    if (error.code === 'RATE_LIMIT_EXCEEDED') {
      this.#budget.pauseFor(spec.group, (res.retryAfter ?? FALLBACK_RETRY_AFTER_SECONDS) * 1000);
    }
    const mapper = ERROR_CODES[error.code] ?? rejected;
    throw mapper({
      init: {
        provider: 'SMSCODE',
        providerCode: error.code,
        httpStatus: res.status,
        message: `${res.where}: ${this.#redact(error.message) || error.code}`,
      },
      upstreamMessage: error.message,
      details: error.details,
      retryAfter: res.retryAfter,
      context: spec.context ?? {},
      resource: spec.resource ?? { kind: 'smscode resource', id: spec.path },
      now: this.#now(),
    });
  }

  #url(spec: CallSpec<unknown>): string {
    const url = new URL(`${this.#baseUrl}${spec.path}`);
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  // Upstream messages are passed on to clients: make sure none echoes the credential back.
  #redact(text: string): string {
    return text.split(this.#token).join('[redacted]');
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

function outcomeOf(error: unknown): SmscodeCallOutcome {
  if (error instanceof RateLimitedError) return 'rateLimited';
  if (error instanceof ServiceUnavailableError || error instanceof AmbiguousOutcomeError) return 'failed';
  if (error instanceof ProviderRejectedError && error.providerCode === 'MALFORMED_RESPONSE') return 'failed';
  return 'ok';
}

// Error codes undici reports when the connection could not be opened, i.e. no byte of the request left.
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function describeNetworkFailure(error: unknown): { code: string; text: string; beforeSending: boolean } {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { code: 'TIMEOUT', text: 'timed out', beforeSending: false };
  }
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : 'NETWORK_ERROR';
  return { code, text: `network error (${code})`, beforeSending: CONNECT_FAILURES.has(code) };
}

function parseRetryAfter(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function orderId(id: number): number {
  if (!Number.isSafeInteger(id) || id <= 0) throw new ValidationError(`Not an smscode order id: ${id}`, 'providerRef');
  return id;
}
