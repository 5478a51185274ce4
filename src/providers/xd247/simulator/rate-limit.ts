/** Header names of the document's section 3, on every answer. */
export const RATE_LIMIT_HEADERS = {
  limit: 'X-RateLimit-Limit',
  remaining: 'X-RateLimit-Remaining',
  reset: 'X-RateLimit-Reset',
} as const;

const WINDOW_MS = 60_000;

/** Outcome of counting one request: whether it may proceed, and the headers to answer with. */
export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/**
 * One user's "60 requests per minute": a fixed window per clock minute (the document's example Reset,
 * 1709312400, is a whole minute), counted on the simulator clock. `X-RateLimit-Reset` is the end of the
 * current window in Unix SECONDS, as in the example. A refused request does not count.
 */
export class RateWindow {
  readonly #limit: number;
  #windowStart = Number.NEGATIVE_INFINITY;
  #count = 0;

  constructor(limit: number) {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('rateLimitPerMinute must be a positive integer');
    this.#limit = limit;
  }

  /** Counts one request at `now` if the window has room. */
  take(now: number): RateDecision {
    this.#roll(now);
    const allowed = this.#count < this.#limit;
    if (allowed) this.#count += 1;
    return { allowed, headers: this.#headers() };
  }

  /** Counts a request that is answered whatever the budget says (a 401 has no user to refuse). */
  count(now: number): Record<string, string> {
    this.#roll(now);
    this.#count = Math.min(this.#limit, this.#count + 1);
    return this.#headers();
  }

  #roll(now: number): void {
    const start = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    if (start !== this.#windowStart) {
      this.#windowStart = start;
      this.#count = 0;
    }
  }

  #headers(): Record<string, string> {
    return {
      [RATE_LIMIT_HEADERS.limit]: String(this.#limit),
      [RATE_LIMIT_HEADERS.remaining]: String(Math.max(0, this.#limit - this.#count)),
      [RATE_LIMIT_HEADERS.reset]: String((this.#windowStart + WINDOW_MS) / 1000),
    };
  }
}
