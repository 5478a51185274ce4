import { z } from 'zod';
import { AmbiguousOutcomeError, ProviderRejectedError, RateLimitedError, ServiceUnavailableError } from '../../domain/errors.ts';
import type { Money } from '../../domain/money.ts';
import type { ProviderHealth } from '../../domain/provider.ts';
import type { Logger } from '../../logging/logger.ts';
import type { BudgetLimit } from '../shared/request-budget.ts';
import { createTransport } from '../shared/transport.ts';
import { thbOf } from './order-snapshots.ts';
import type { HttpAnswer, ProviderTransport } from '../shared/transport.ts';
import { NETWORK_IDS, NETWORK_STATUS_ELEMENT, parseTopupXml, ReturnResult, TopupFailure } from './wire.ts';
import type { NetworkId } from './wire.ts';

/** The one URL of the document ("API URL"); every function is a form POST to it. */
export const EASYSOFT_DEFAULT_URL = 'https://easysoft.in.th/topup/api/v2.php';

/** Request-budget groups: the refill (spends), the return (cancel requests) and every read. */
export const EASYSOFT_GROUPS = ['refill', 'return', 'query'] as const;
export type EasysoftGroup = (typeof EASYSOFT_GROUPS)[number];

/** The document states no rate limits: a modest allowance of our own, configurable. */
export const EASYSOFT_DEFAULT_LIMITS: Readonly<Record<EasysoftGroup, BudgetLimit>> = {
  refill: { limit: 60, windowMs: 60_000 },
  return: { limit: 30, windowMs: 60_000 },
  query: { limit: 120, windowMs: 60_000 },
};

// The document's own client waits 30 s (CURLOPT_TIMEOUT 30): a refill is given that long before its
// outcome is called unknown; reads fail faster and are retried by the transport.
const DEFAULT_WRITE_TIMEOUT_MS = 30_000;
const DEFAULT_READ_TIMEOUT_MS = 15_000;
// No Retry-After on a 429 (the document names none): wait out a minute.
const FALLBACK_RETRY_AFTER_SECONDS = 60;

/** The functions of the one URL, for messages. */
type EasysoftFunction = 'refill' | 'update' | 'return' | 'balance' | 'online';

export interface EasysoftClientOptions {
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** Per-request timeouts, ms (default: refill/return 30 s, reads 15 s). */
  readonly timeouts?: { readonly read?: number; readonly write?: number };
  readonly limits?: Partial<Record<EasysoftGroup, BudgetLimit>>;
  readonly maxBudgetWaitMs?: number;
  readonly logger?: Logger;
  readonly now?: () => number;
  readonly fetch?: typeof fetch;
}

/** A refill as sent: `network`, `number`, `cash`, and our `orderid`. */
export interface RefillFields {
  readonly network: NetworkId;
  readonly number: string;
  readonly cash: string;
  readonly orderid: string;
}

/**
 * The success answers as this client reads them: the fields an outcome hangs on are required, the
 * rest is kept as raw text. The document gives the amounts no format, and a refill easysoft took must
 * never be called unknown because its DISCOUNT reads oddly (wire.ts has the strict schemas).
 */
export const RefillAnswer = z.object({ STATUS: z.literal('1'), ORDERID: z.string().trim().min(1).max(64), DISCOUNT: z.string().optional() });
export type RefillAnswer = z.infer<typeof RefillAnswer>;
export const UpdateAnswer = z.object({
  STATUS: z.literal('1'),
  AMOUNT: z.string().optional(),
  REALAMOUNT: z.string().optional(),
  STATUS_REFILL: z.string(),
  STATUS_CANCEL: z.string(),
});
export type UpdateAnswer = z.infer<typeof UpdateAnswer>;
const BalanceAnswer = z.object({ STATUS: z.literal('1'), AMOUNT: z.string() });

/** What `online=1` says per network: true (1 = ใช้งาน), false (0 = ปิด), null (missing or another value). */
export type NetworkStates = ReadonlyMap<NetworkId, boolean | null>;

/**
 * easysoft TOPUP API V2 over the shared transport: credentials in every form body (and in the
 * transport's redaction list), one URL, XML `<TOPUP>` answers read through wire.ts, and the
 * document's one error shape (STATUS 0 + DETAIL) mapped to typed errors. A refill or return is sent
 * once: any answer that is lost, a 5xx or an unreadable answer after sending is an AmbiguousOutcomeError.
 */
export class EasysoftClient {
  readonly #transport: ProviderTransport;
  readonly #login: { readonly username: string; readonly password: string };

  constructor(options: EasysoftClientOptions) {
    this.#login = { username: options.username, password: options.password };
    this.#transport = createTransport({
      provider: 'EASYSOFT',
      baseUrl: options.url,
      // Both go in every form body: neither may appear in a message or a log line.
      secrets: [options.password, options.username],
      limits: { ...EASYSOFT_DEFAULT_LIMITS, ...options.limits },
      // A 5xx that still carries a <TOPUP> document is easysoft's own verdict, passed on rather than
      // retried; a bare 5xx (a proxy page) or a lost connection gets the transport's read retries.
      retryReadAnswer: (answer) => answer.status >= 500 && answer.status !== 501 && answer.retryAfterSeconds === null && !isTopupDocument(answer.text),
      timeouts: { read: options.timeouts?.read ?? DEFAULT_READ_TIMEOUT_MS, write: options.timeouts?.write ?? DEFAULT_WRITE_TIMEOUT_MS },
      ...(options.maxBudgetWaitMs === undefined ? {} : { maxBudgetWaitMs: options.maxBudgetWaitMs }),
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  health(): ProviderHealth {
    return this.#transport.health();
  }

  /** Upstream HTTP requests sent so far, per group. */
  stats(): Record<EasysoftGroup, number> {
    return this.#transport.stats() as Record<EasysoftGroup, number>;
  }

  /** `text` without the credentials (for upstream texts passed on). */
  redact(text: string): string {
    return this.#transport.redact(text);
  }

  /** `mobile=refill`: spends. Sent once, never retried. */
  refill(fields: RefillFields): Promise<RefillAnswer> {
    const form = {
      mobile: 'refill',
      ...this.#login,
      network: String(fields.network),
      number: fields.number,
      cash: fields.cash,
      orderid: fields.orderid,
    };
    return this.#call('refill', 'refill', 'write', form, RefillAnswer);
  }

  /** `mobile=update&orderid=…`: the order's result flags and what it deducted. */
  update(orderid: string, options: { background?: boolean } = {}): Promise<UpdateAnswer> {
    return this.#call('update', 'query', 'read', { mobile: 'update', ...this.#login, orderid }, UpdateAnswer, options.background);
  }

  /** `mobile=return&orderid=…`: asks for the cancel; its result comes later (update, callback). */
  async returnOrder(orderid: string): Promise<void> {
    await this.#call('return', 'return', 'write', { mobile: 'return', ...this.#login, orderid }, ReturnResult);
  }

  /** `amount=1`: AMOUNT ยอดเงินคงเหลือ, exact (a balance that does not read as THB is a malformed answer). */
  async balance(): Promise<Money> {
    return this.#call('balance', 'query', 'read', { ...this.#login, amount: '1' }, BalanceAnswer.transform((a, ctx) => thbOf(a.AMOUNT) ?? (ctx.addIssue({ code: 'custom', message: 'AMOUNT is not a THB amount' }), z.NEVER)));
  }

  /** `online=1`: each network's state (read leniently: a missing or odd element is "not said", not an error). */
  async online(options: { background?: boolean } = {}): Promise<NetworkStates> {
    const topup = await this.#call('online', 'query', 'read', { ...this.#login, online: '1' }, ReturnResult.loose(), options.background);
    const states = new Map<NetworkId, boolean | null>();
    for (const id of NETWORK_IDS) {
      const value = (topup as Record<string, unknown>)[NETWORK_STATUS_ELEMENT[id]];
      states.set(id, value === '1' ? true : value === '0' ? false : null);
    }
    return states;
  }

  #call<T>(fn: EasysoftFunction, group: EasysoftGroup, effect: 'read' | 'write', form: Record<string, string>, success: z.ZodType<T>, background = false): Promise<T> {
    return this.#transport.call(
      { method: 'POST', path: '', body: { form }, effect, group, answer: 'xml', ...(background ? { background } : {}) },
      (answer) => this.#read(fn, group, effect, answer, success),
    );
  }

  /**
   * The error table. The document has one failure shape, `<STATUS>0</STATUS><DETAIL>…</DETAIL>`,
   * with free text and no codes, and says nothing of HTTP statuses:
   *
   *   HTTP 429                              → RateLimitedError (not processed)
   *   HTTP 5xx                              → write: AmbiguousOutcomeError; read: ServiceUnavailableError
   *   not a <TOPUP> document                → write: AmbiguousOutcomeError; read: MALFORMED_RESPONSE
   *   STATUS 0 + DETAIL                     → ProviderRejectedError STATUS_0 carrying the DETAIL (refused, nothing done)
   *   STATUS 1 in the documented shape      → the answer (on a 2xx only)
   *   anything else (STATUS 1 but short of its fields, another STATUS, STATUS 1 at a 4xx)
   *                                         → write: AmbiguousOutcomeError; read: MALFORMED_RESPONSE
   */
  #read<T>(fn: EasysoftFunction, group: EasysoftGroup, effect: 'read' | 'write', answer: HttpAnswer, success: z.ZodType<T>): T {
    const what = `easysoft ${fn}`;
    if (answer.status === 429) {
      const retryAfterSeconds = answer.retryAfterSeconds ?? FALLBACK_RETRY_AFTER_SECONDS;
      this.#transport.noteRateLimited(group, retryAfterSeconds);
      return thrown(new RateLimitedError({ provider: 'EASYSOFT', providerCode: 'HTTP_429', httpStatus: 429, retryAfterSeconds, message: `${answer.label}: ${what} rate limited (HTTP 429)` }));
    }
    if (answer.status >= 500) {
      // DESIGN "Money safety": a 5xx after a spending call was sent is an ambiguous outcome, whatever its body says.
      if (effect === 'write') return thrown(new AmbiguousOutcomeError('EASYSOFT', `${answer.label}: ${what} answered HTTP ${answer.status}; its outcome is unknown`));
      return thrown(
        new ServiceUnavailableError({
          provider: 'EASYSOFT',
          providerCode: `HTTP_${answer.status}`,
          httpStatus: answer.status,
          retryAfterSeconds: answer.retryAfterSeconds,
          message: `${answer.label}: ${what} unavailable (HTTP ${answer.status})`,
        }),
      );
    }
    let topup: Record<string, unknown>;
    try {
      topup = parseTopupXml(answer.text);
    } catch (error) {
      return thrown(this.#transport.unreadable(answer, `${what}: ${error instanceof Error ? error.message : 'unreadable answer'}`));
    }
    // STATUS 0 is the document's refusal (ข้อมูลไม่ถูกต้อง) whether or not a readable DETAIL came with it.
    if (topup.STATUS === '0') {
      const failure = TopupFailure.safeParse(topup);
      const detail = failure.success ? this.redact(failure.data.DETAIL) : '';
      return thrown(new ProviderRejectedError({ provider: 'EASYSOFT', providerCode: 'STATUS_0', httpStatus: answer.status, message: `${what} refused: ${detail || '(no DETAIL)'}` }));
    }
    const parsed = answer.status >= 200 && answer.status < 300 ? success.safeParse(topup) : null;
    if (parsed?.success) return parsed.data;
    return thrown(this.#transport.unreadable(answer, `${what}: the answer is not the document's shape (STATUS ${JSON.stringify(topup.STATUS ?? null)})`));
  }
}

function isTopupDocument(text: string): boolean {
  try {
    parseTopupXml(text);
    return true;
  } catch {
    return false;
  }
}

function thrown(error: Error): never {
  throw error;
}
