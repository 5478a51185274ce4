import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  IsolatedCircuitError,
  circuitBreaker,
  handleWhen,
  retry,
} from 'cockatiel';
import type { CircuitBreakerPolicy, RetryPolicy } from 'cockatiel';
import { RateLimitedError, SwitchboardError } from '../../domain/errors.ts';
import type { ProviderHealth, ProviderId } from '../../domain/provider.ts';
import type { Logger } from '../../logging/logger.ts';
import {
  TransportFailure,
  budgetError,
  callOutcomeOf,
  circuitOpenError,
  failureError,
  transportFailureOf,
  unreadableAnswer,
} from './call-outcome.ts';
import type { CallContext, CallEffect } from './call-outcome.ts';
import { callTracer } from './call-tracing.ts';
import { HealthTracker } from './health.ts';
import type { CallOutcome } from './health.ts';
import { parseJsonExact } from './json-amounts.ts';
import { parseRateLimitHeaders, parseRetryAfter } from './rate-limit-headers.ts';
import { Redactor } from './redaction.ts';
import { BudgetWaitTooLongError, RequestBudget } from './request-budget.ts';
import type { BudgetLimit, BudgetSleep } from './request-budget.ts';
import { parseXmlAnswer } from './xml-answer.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How the answer body is read: JSON (amounts kept exact), XML (every value as text) or raw text. */
export type AnswerFormat = 'json' | 'xml' | 'text';

/** A JSON body, or a form-encoded one (`application/x-www-form-urlencoded`). */
export type RequestBody = { readonly json: unknown } | { readonly form: Readonly<Record<string, string>> };

/** One upstream call, as a provider client describes it. */
export interface CallSpec {
  readonly method: HttpMethod;
  /** Appended to the base URL ('' = the base URL itself). */
  readonly path: string;
  /** Undefined and null values are left out. */
  readonly query?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  readonly body?: RequestBody;
  readonly headers?: Readonly<Record<string, string>>;
  /** A write may have taken effect when its answer is lost, so it is never retried. */
  readonly effect: CallEffect;
  /** Request-budget group (one of `limits`). */
  readonly group: string;
  readonly answer: AnswerFormat;
  /** Background work (the watcher's polling) waits for a budget slot as long as needed. */
  readonly background?: boolean;
}

/** The request exactly as it will be sent, handed to `authenticate` just before sending. */
export interface OutgoingRequest {
  readonly method: HttpMethod;
  /** Final URL with its query; the hook may add parameters. */
  readonly url: URL;
  /** The hook adds its own (Authorization, X-API-Key, a signature…). */
  readonly headers: Headers;
  /** The exact body text that will be sent (null without a body): sign this. */
  readonly body: string | null;
}

/** Any HTTP answer that arrived, whatever its status; the provider client reads its envelope. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** JSON (via parseJsonExact), XML objects with text leaves, or the text; undefined when unreadable. */
  readonly body: unknown;
  /** Whether `body` could be read in the requested format. */
  readonly parsed: boolean;
  /** Retry-After in seconds (delta or HTTP date), null when absent. */
  readonly retryAfterSeconds: number | null;
  readonly requestId: string | null;
  /** `PROVIDER METHOD /path?query (request id …)`, redacted: for messages. */
  readonly label: string;
  /** Who was called, for the shared classification helpers (e.g. `unreadableAnswer`). */
  readonly context: CallContext;
}

export interface TransportOptions {
  readonly provider: ProviderId;
  readonly baseUrl: string;
  /** Adds credentials/signatures to the final request (called again for every retry). */
  readonly authenticate?: (request: OutgoingRequest) => void | Promise<void>;
  /** Strings never to appear in an error message or log line (also URL-encoded). */
  readonly secrets?: ReadonlyArray<string | null | undefined>;
  /** Request-budget groups and their allowance. */
  readonly limits: Readonly<Record<string, BudgetLimit>>;
  /** Per-request timeout by call type, ms (default 10 s each), from the moment a budget slot was taken. */
  readonly timeouts?: { readonly read?: number; readonly write?: number };
  /** Longest wait for a budget slot a non-background call accepts (default 3 s). */
  readonly maxBudgetWaitMs?: number;
  /** Read X-RateLimit-Limit/Remaining/Reset: Remaining 0 pauses the group until Reset. */
  readonly rateLimitHeaders?: boolean;
  /** Consecutive connection failures, timeouts or 5xx that open the breaker (default 5), and when to try again (default 30 s). */
  readonly breaker?: { readonly failures?: number; readonly halfOpenAfterMs?: number };
  /** Extra tries of a read after a connection failure, timeout or retryable 5xx (default 2). */
  readonly readRetries?: number;
  /** Jittered exponential backoff between read tries (default 128 ms doubling up to 2 s). */
  readonly retryBackoff?: { readonly initialDelayMs?: number; readonly maxDelayMs?: number };
  /** Which 5xx answers to a read are worth another try (default: any 5xx but 501 without Retry-After). */
  readonly retryReadAnswer?: (answer: HttpAnswer) => boolean;
  readonly logger?: Logger;
  /** Clock, ms (budget, health, Retry-After dates, X-RateLimit-Reset). The breaker runs on Date.now. */
  readonly now?: () => number;
  /** How the budget waits on `now` (tests with a fake clock). */
  readonly sleep?: BudgetSleep;
  readonly fetch?: typeof fetch;
  /** Answer headers carrying the upstream's request id (default x-request-id, request-id, x-correlation-id). */
  readonly requestIdHeaders?: readonly string[];
  /** Health thresholds (defaults: DOWN after 3 failed calls in a row, DEGRADED 60 s after a rate limit). */
  readonly health?: { readonly downAfterFailures?: number; readonly rateLimitedDegradesMs?: number };
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BUDGET_WAIT_MS = 3000;
const DEFAULT_BREAKER_FAILURES = 5;
const DEFAULT_HALF_OPEN_AFTER_MS = 30_000;
const DEFAULT_READ_RETRIES = 2;
const ACCEPT: Readonly<Record<AnswerFormat, string>> = {
  json: 'application/json',
  xml: 'application/xml, text/xml;q=0.9',
  text: '*/*',
};

const defaultRetryReadAnswer = (answer: HttpAnswer): boolean =>
  answer.status >= 500 && answer.status !== 501 && answer.retryAfterSeconds === null;

/** How one upstream call ended, for /metrics (docs/metrics.md). */
export type CallMetricOutcome =
  /** Answered and read. */
  | 'ok'
  /** A definite business refusal (no numbers, insufficient balance…): the provider is up. */
  | 'rejected'
  /** The provider said to slow down. */
  | 'rate_limited'
  /** 5xx, unreachable, timeout, dropped or unreadable answer. */
  | 'failed'
  /** Not sent: our own request budget or the open circuit refused it. */
  | 'refused';

/** Upstream calls of one provider, budget group, endpoint and outcome, counted since the process started. */
export interface CallCount {
  readonly provider: ProviderId;
  readonly group: string;
  /** Method and path, with id segments as `:id` (a bounded set per provider). */
  readonly endpoint: string;
  readonly outcome: CallMetricOutcome;
  count: number;
}

// Process-wide, like the process itself: /metrics reads these at scrape time (one gateway per process
// in production). The transport adds one to a map entry per call and knows nothing of Prometheus.
const callCounts = new Map<string, CallCount>();
const liveTransports = new Set<WeakRef<ProviderTransport>>();

/** Every upstream call counted so far, by provider, group, endpoint and outcome. */
export function transportCallCounts(): Iterable<CallCount> {
  return callCounts.values();
}

/** The transports still alive in this process (their budgets and breakers are read at scrape time). */
export function transportsAlive(): ProviderTransport[] {
  const alive: ProviderTransport[] = [];
  for (const ref of liveTransports) {
    const transport = ref.deref();
    if (transport) alive.push(transport);
    else liveTransports.delete(ref);
  }
  return alive;
}

function countCall(provider: ProviderId, spec: CallSpec, outcome: CallMetricOutcome): void {
  const endpoint = endpointOf(spec);
  const key = `${provider} ${spec.group} ${endpoint} ${outcome}`;
  const entry = callCounts.get(key);
  if (entry) entry.count += 1;
  else callCounts.set(key, { provider, group: spec.group, endpoint, outcome, count: 1 });
}

// `/orders/1673/cancel` → `/orders/:id/cancel`: a segment with a digit, an escape or over 24 characters is an id.
function endpointOf(spec: CallSpec): string {
  const path = spec.path.includes('/') ? spec.path.split('/').map((s) => (/[\d%]/.test(s) || s.length > 24 ? ':id' : s)).join('/') : spec.path;
  return `${spec.method} ${path || '/'}`;
}

/** Creates the HTTP transport one provider client sends everything through. */
export function createTransport(options: TransportOptions): ProviderTransport {
  return new ProviderTransport(options);
}

/**
 * The one HTTP transport every provider client uses: builds the request (JSON or form body), lets the
 * client authenticate/sign the exact bytes, sends it inside a per-call timeout, a request budget per
 * endpoint group and a circuit breaker, retries reads (never writes), reads the answer (exact JSON,
 * XML as text, or text), Retry-After and X-RateLimit headers, and classifies every failure once
 * (call-outcome.ts). Health comes from real outcomes; secrets never leave it in a message or log line.
 */
export class ProviderTransport {
  readonly provider: ProviderId;
  readonly #baseUrl: string;
  readonly #authenticate: TransportOptions['authenticate'];
  readonly #redactor: Redactor;
  readonly #budget: RequestBudget;
  readonly #sent: Record<string, number>;
  readonly #timeouts: { read: number; write: number };
  readonly #maxBudgetWaitMs: number;
  readonly #rateLimitHeaders: boolean;
  readonly #breaker: CircuitBreakerPolicy;
  readonly #halfOpenAfterMs: number;
  #openedAt = 0;
  readonly #readRetry: RetryPolicy | null;
  readonly #logger: Logger | undefined;
  readonly #now: () => number;
  readonly #fetch: typeof fetch;
  readonly #requestIdHeaders: readonly string[];
  readonly #health: HealthTracker;

  constructor(options: TransportOptions) {
    this.provider = options.provider;
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#authenticate = options.authenticate;
    this.#redactor = new Redactor(options.secrets ?? []);
    this.#now = options.now ?? Date.now;
    this.#budget = new RequestBudget({ ...options.limits }, this.#now, options.sleep ? { sleep: options.sleep } : {});
    this.#sent = Object.fromEntries(this.#budget.groups().map((g) => [g, 0]));
    this.#timeouts = { read: options.timeouts?.read ?? DEFAULT_TIMEOUT_MS, write: options.timeouts?.write ?? DEFAULT_TIMEOUT_MS };
    this.#maxBudgetWaitMs = options.maxBudgetWaitMs ?? DEFAULT_MAX_BUDGET_WAIT_MS;
    this.#rateLimitHeaders = options.rateLimitHeaders ?? false;
    this.#logger = options.logger?.child({ provider: options.provider });
    this.#fetch = options.fetch ?? fetch;
    this.#requestIdHeaders = options.requestIdHeaders ?? ['x-request-id', 'request-id', 'x-correlation-id'];
    this.#health = new HealthTracker({ now: this.#now, label: options.provider, ...options.health });
    liveTransports.add(new WeakRef(this));

    // Only signs of an unwell upstream count: no complete answer, or a 5xx. A business refusal is an answer.
    this.#halfOpenAfterMs = options.breaker?.halfOpenAfterMs ?? DEFAULT_HALF_OPEN_AFTER_MS;
    this.#breaker = circuitBreaker(
      handleWhen((error) => error instanceof TransportFailure).orWhenResult((answer) => (answer as HttpAnswer).status >= 500),
      { halfOpenAfter: this.#halfOpenAfterMs, breaker: new ConsecutiveBreaker(options.breaker?.failures ?? DEFAULT_BREAKER_FAILURES) },
    );
    this.#breaker.onBreak(() => {
      this.#openedAt = Date.now();
      this.#logger?.warn({ halfOpenAfterMs: this.#halfOpenAfterMs }, `${this.provider}: circuit opened after repeated failures`);
    });
    this.#breaker.onHalfOpen(() => this.#logger?.info(`${this.provider}: circuit half-open, trying one call`));
    this.#breaker.onReset(() => this.#logger?.info(`${this.provider}: circuit closed again`));

    const readRetries = options.readRetries ?? DEFAULT_READ_RETRIES;
    const retryAnswer = options.retryReadAnswer ?? defaultRetryReadAnswer;
    this.#readRetry =
      readRetries > 0
        ? retry(handleWhen((error) => error instanceof TransportFailure).orWhenResult((answer) => retryAnswer(answer as HttpAnswer)), {
            maxAttempts: readRetries,
            backoff: new ExponentialBackoff({
              initialDelay: options.retryBackoff?.initialDelayMs ?? 128,
              maxDelay: options.retryBackoff?.maxDelayMs ?? 2000,
            }),
          })
        : null;
  }

  /**
   * Sends one call (plus read retries) and returns whatever HTTP answer arrived, any status; throws
   * only the shared classification's errors for calls that got no answer. With `interpret`, the
   * client's reading of the answer decides the health outcome (its errors are classified the same way).
   */
  async call(spec: CallSpec): Promise<HttpAnswer>;
  async call<T>(spec: CallSpec, interpret: (answer: HttpAnswer) => T): Promise<T>;
  async call<T>(spec: CallSpec, interpret?: (answer: HttpAnswer) => T): Promise<T | HttpAnswer> {
    if (!this.#budget.has(spec.group)) throw new RangeError(`${this.provider}: unknown request budget group "${spec.group}"`);
    const url = this.#url(spec);
    const context: CallContext = { provider: this.provider, effect: spec.effect, label: `${this.provider} ${spec.method} ${this.#redactor.describeUrl(url)}` };
    // Tracing (docs/metrics.md, "Tracing"): one span per call, retries included; the path template only.
    const span = callTracer()?.start({ provider: this.provider, group: spec.group, method: spec.method, endpoint: endpointOf(spec).slice(spec.method.length + 1), effect: spec.effect }) ?? null;
    let answer: HttpAnswer;
    try {
      answer = await this.#send(spec, url, context);
    } catch (error) {
      // A call refused on our side (budget, open circuit) tells nothing new about the provider.
      let outcome: CallMetricOutcome = 'refused';
      if (isLocalRefusal(error)) countCall(this.provider, spec, 'refused');
      else outcome = this.#record(spec, callOutcomeOf(error), messageOf(error), true);
      span?.end({ httpStatus: null, outcome, errorCode: errorCodeOf(error) });
      throw error;
    }
    if (!interpret) {
      const outcome = this.#record(spec, outcomeOfAnswer(spec, answer), answer.label, false);
      span?.end({ httpStatus: answer.status, outcome, errorCode: null });
      return answer;
    }
    try {
      const value = interpret(answer);
      const outcome = this.#record(spec, 'ok', answer.label, false);
      span?.end({ httpStatus: answer.status, outcome, errorCode: null });
      return value;
    } catch (error) {
      const outcome = this.#record(spec, callOutcomeOf(error), messageOf(error), true);
      span?.end({ httpStatus: answer.status, outcome, errorCode: errorCodeOf(error) });
      throw error;
    }
  }

  /** A client read a provider's own rate-limit refusal: close `group` for that long. */
  noteRateLimited(group: string, retryAfterSeconds: number): void {
    if (retryAfterSeconds > 0) this.#budget.pauseFor(group, retryAfterSeconds * 1000);
    this.#logger?.warn({ group, retryAfterSeconds }, `${this.provider}: rate limited upstream, pausing "${group}"`);
  }

  /** The shared reading of an unreadable answer (write → ambiguous, read 5xx → unavailable, else malformed). */
  unreadable(answer: HttpAnswer, what?: string): Error {
    return unreadableAnswer({ ...answer.context, label: answer.label }, answer, what);
  }

  /** `text` without any configured secret: for upstream messages passed on to callers. */
  redact(text: string): string {
    return this.#redactor.redact(text);
  }

  /** Health from the calls made (no probes); DOWN while the breaker refuses calls. */
  health(): ProviderHealth {
    const open = this.#circuitRefuses();
    return this.#health.current(open ? { open, detail: `circuit open: ${this.provider} failed repeatedly; calls paused` } : { open });
  }

  /** Upstream HTTP requests sent so far, per budget group (every retry included). */
  stats(): Record<string, number> {
    return { ...this.#sent };
  }

  /** The request budget (read-only use: remaining slots per group). */
  get budget(): Pick<RequestBudget, 'remaining' | 'expectedWaitMs' | 'groups'> {
    return this.#budget;
  }

  /** The breaker's state: closed, open, half-open (or isolated). */
  get circuit(): 'closed' | 'open' | 'halfOpen' | 'isolated' {
    const state = this.#breaker.state;
    return state === CircuitState.Closed ? 'closed' : state === CircuitState.Open ? 'open' : state === CircuitState.HalfOpen ? 'halfOpen' : 'isolated';
  }

  // The health verdict and the call count from one classification; an error that still means "up" is a refusal.
  #record(spec: CallSpec, outcome: CallOutcome, detail: string, refused: boolean): CallMetricOutcome {
    this.#health.record(outcome, detail);
    const counted: CallMetricOutcome = outcome === 'failed' ? 'failed' : outcome === 'rateLimited' ? 'rate_limited' : refused ? 'rejected' : 'ok';
    countCall(this.provider, spec, counted);
    return counted;
  }

  async #send(spec: CallSpec, url: URL, context: CallContext): Promise<HttpAnswer> {
    const attempt = async (attemptNo: number): Promise<HttpAnswer> => {
      if (this.#circuitRefuses()) throw circuitOpenError(context, this.#secondsUntilHalfOpen());
      let settle: () => void;
      try {
        settle = await this.#budget.take(spec.group, spec.background ? {} : { maxWaitMs: this.#maxBudgetWaitMs });
      } catch (error) {
        if (error instanceof BudgetWaitTooLongError) throw budgetError(context, spec.group, error.waitMs);
        throw error;
      }
      this.#sent[spec.group] = (this.#sent[spec.group] ?? 0) + 1;
      try {
        return await this.#breaker.execute(() => this.#exchange(spec, url, context, attemptNo));
      } finally {
        settle();
      }
    };
    try {
      // Writes are never retried: a second request could spend twice.
      if (spec.effect === 'read' && this.#readRetry) return await this.#readRetry.execute(({ attempt: n }) => attempt(n));
      return await attempt(0);
    } catch (error) {
      if (error instanceof TransportFailure) throw failureError(error, context);
      if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) throw circuitOpenError(context, this.#secondsUntilHalfOpen());
      throw error;
    }
  }

  /** One HTTP request and its whole answer; a missing or incomplete answer is a TransportFailure. */
  async #exchange(spec: CallSpec, url: URL, context: CallContext, attemptNo: number): Promise<HttpAnswer> {
    const request = await this.#request(spec, url);
    const log = { group: spec.group, method: spec.method, url: this.#redactor.describeUrl(request.url), attempt: attemptNo + 1 };
    const started = performance.now();
    const fail = (error: unknown, whileReading: boolean): never => {
      const failure = transportFailureOf(error, whileReading);
      this.#logger?.warn({ ...log, code: failure.code, ms: Math.round(performance.now() - started) }, this.#redactor.redact(`${context.label}: ${failure.message}`));
      throw failure;
    };
    let res: Response;
    try {
      res = await this.#fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body ?? undefined,
        redirect: 'error',
        signal: AbortSignal.timeout(this.#timeouts[spec.effect]),
      });
    } catch (error) {
      return fail(error, false);
    }
    let text: string;
    try {
      // Still inside the timeout: a connection dropped mid-answer is a failure, not a short body.
      text = await res.text();
    } catch (error) {
      return fail(error, true);
    }
    const requestId = this.#requestIdOf(res.headers);
    const retryAfterSeconds = parseRetryAfter(res.headers.get('retry-after'), this.#now());
    const { body, parsed } = readBody(spec.answer, text);
    this.#observeLimits(spec.group, res.status, res.headers, retryAfterSeconds);
    this.#logger?.debug({ ...log, status: res.status, requestId, ms: Math.round(performance.now() - started) }, `${context.label}: HTTP ${res.status}`);
    const label = requestId ? `${context.label} (request id ${this.#redactor.redact(requestId)})` : context.label;
    return { status: res.status, headers: res.headers, text, body, parsed, retryAfterSeconds, requestId, label, context };
  }

  async #request(spec: CallSpec, url: URL): Promise<OutgoingRequest> {
    const headers = new Headers({ Accept: ACCEPT[spec.answer] });
    let body: string | null = null;
    if (spec.body && 'json' in spec.body) {
      const json = JSON.stringify(spec.body.json) as string | undefined;
      if (json === undefined) throw new TypeError(`${this.provider} ${spec.method} ${spec.path}: the JSON body is not serializable`);
      body = json;
      headers.set('Content-Type', 'application/json');
    } else if (spec.body && 'form' in spec.body) {
      body = new URLSearchParams({ ...spec.body.form }).toString();
      headers.set('Content-Type', 'application/x-www-form-urlencoded');
    }
    for (const [name, value] of Object.entries(spec.headers ?? {})) headers.set(name, value);
    const request: OutgoingRequest = { method: spec.method, url: new URL(url), headers, body };
    await this.#authenticate?.(request);
    return request;
  }

  #url(spec: CallSpec): URL {
    const url = new URL(`${this.#baseUrl}${spec.path}`);
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
    }
    return url;
  }

  // An upstream that says "slow down" by header closes the group here, before it has to answer 429.
  #observeLimits(group: string, status: number, headers: Headers, retryAfterSeconds: number | null): void {
    if (status === 429 && retryAfterSeconds !== null && retryAfterSeconds > 0) this.#budget.pauseFor(group, retryAfterSeconds * 1000);
    if (!this.#rateLimitHeaders) return;
    const state = parseRateLimitHeaders(headers, this.#now());
    if (state?.remaining === 0 && state.resetAt !== null) {
      this.#budget.pauseUntil(group, state.resetAt);
      this.#logger?.debug({ group, resetAt: new Date(state.resetAt).toISOString() }, `${this.provider}: "${group}" allowance used up until reset`);
    }
  }

  #requestIdOf(headers: Headers): string | null {
    for (const name of this.#requestIdHeaders) {
      const value = headers.get(name);
      if (value) return value;
    }
    return null;
  }

  #circuitRefuses(): boolean {
    const state = this.#breaker.state;
    if (state === CircuitState.Isolated) return true;
    return state === CircuitState.Open && Date.now() - this.#openedAt < this.#halfOpenAfterMs;
  }

  #secondsUntilHalfOpen(): number | null {
    if (this.#breaker.state !== CircuitState.Open) return null;
    return Math.max(1, Math.ceil((this.#openedAt + this.#halfOpenAfterMs - Date.now()) / 1000));
  }
}

function readBody(format: AnswerFormat, text: string): { body: unknown; parsed: boolean } {
  if (format === 'text') return { body: text, parsed: true };
  if (format === 'xml') {
    const xml = parseXmlAnswer(text);
    return { body: xml, parsed: xml !== undefined };
  }
  try {
    return { body: parseJsonExact(text), parsed: true };
  } catch {
    return { body: undefined, parsed: false };
  }
}

// What a bare answer (no client interpretation) says about the provider.
function outcomeOfAnswer(spec: CallSpec, answer: HttpAnswer): CallOutcome {
  if (answer.status >= 500) return 'failed';
  if (answer.status === 429) return 'rateLimited';
  if (spec.answer !== 'text' && !answer.parsed) return 'failed';
  return 'ok';
}

function isLocalRefusal(error: unknown): boolean {
  return (
    (error instanceof RateLimitedError && error.providerCode === 'REQUEST_BUDGET') ||
    (error instanceof Error && 'providerCode' in error && error.providerCode === 'CIRCUIT_OPEN')
  );
}

// A typed error's code for a span (never its message, which may quote the upstream).
function errorCodeOf(error: unknown): string {
  return error instanceof SwitchboardError ? error.code : 'INTERNAL';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
