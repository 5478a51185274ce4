/** Reading the headers by which an upstream says how long to wait. */

/**
 * Seconds to wait from a Retry-After header: delta-seconds, or an HTTP date (measured against `now`).
 * Null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** What `X-RateLimit-Limit / -Remaining / -Reset` said about one group. */
export interface RateLimitState {
  readonly limit: number | null;
  readonly remaining: number | null;
  /** When the window resets, on the `now` clock (ms); null when not given. */
  readonly resetAt: number | null;
}

// Beyond ~31 years a seconds count can only be an absolute epoch time, never a delay.
const EPOCH_SECONDS_FROM = 1_000_000_000;

/**
 * The X-RateLimit-* headers, or null when none is present. `Reset` may be epoch seconds or seconds
 * from now (providers use both): chosen by magnitude.
 */
export function parseRateLimitHeaders(headers: Headers, now: number): RateLimitState | null {
  const limit = count(headers.get('x-ratelimit-limit'));
  const remaining = count(headers.get('x-ratelimit-remaining'));
  const reset = count(headers.get('x-ratelimit-reset'));
  if (limit === null && remaining === null && reset === null) return null;
  const resetAt = reset === null ? null : reset >= EPOCH_SECONDS_FROM ? reset * 1000 : now + reset * 1000;
  return { limit, remaining, resetAt };
}

function count(value: string | null): number | null {
  const text = value?.trim();
  if (!text || !/^\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}
