/** The document's limit is "per minute" (ต่อนาที). */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/** Requests one API key may make in any 60 s span, on the simulator clock (sliding-window log). */
export class RateLimiter {
  readonly #limit: number | null;
  readonly #granted: number[] = [];

  /** @param limit requests per minute, or null for no limit */
  constructor(limit: number | null) {
    this.#limit = limit;
  }

  /** Counts one request at `now`; false (and not counted) when the key already used its minute's budget. */
  take(now: number): boolean {
    if (this.#limit === null) return true;
    while (this.#granted.length > 0 && (this.#granted[0] ?? 0) <= now - RATE_LIMIT_WINDOW_MS) this.#granted.shift();
    if (this.#granted.length >= this.#limit) return false;
    this.#granted.push(now);
    return true;
  }
}
