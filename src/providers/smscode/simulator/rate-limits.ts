import type { RateLimitGroup } from './public-types.ts';

/** Requests allowed per group per window, from the document's rate-limit table. */
export const DEFAULT_RATE_LIMITS: Readonly<Record<RateLimitGroup, number>> = {
  catalog: 5000,
  balance: 600,
  orderQuery: 5000,
  orderCreate: 3000,
  orderCancel: 1000,
  orderAction: 1000,
  webhookConfig: 600,
  webhookTest: 10,
};

/** Every group's window is 60 seconds. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/** Result of asking for one request's worth of budget. */
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Fixed-window counters of one account, one window per group, on the simulator clock. */
export class RateLimiter {
  readonly #limits: Readonly<Record<RateLimitGroup, number>>;
  readonly #windows = new Map<RateLimitGroup, { startedAt: number; count: number }>();

  constructor(limits: Readonly<Record<RateLimitGroup, number>>) {
    this.#limits = limits;
  }

  /** Counts one request of `group` at `now`, or says how many whole seconds until the window resets. */
  take(group: RateLimitGroup, now: number): RateLimitDecision {
    let window = this.#windows.get(group);
    if (!window || now >= window.startedAt + RATE_LIMIT_WINDOW_MS) {
      window = { startedAt: now, count: 0 };
      this.#windows.set(group, window);
    }
    if (window.count >= this.#limits[group]) {
      const remainingMs = window.startedAt + RATE_LIMIT_WINDOW_MS - now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) };
    }
    window.count += 1;
    return { allowed: true };
  }
}
