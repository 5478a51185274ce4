/** Marks the end of the request a slot was granted for. */
export type SlotSettle = () => void;

/** One group's allowance: at most `limit` requests in any `windowMs` span. */
export interface BudgetLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/** Waits `ms` (on whatever clock the budget runs on) unless `signal` aborts first. */
export type BudgetSleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** How one take() may wait. */
export interface TakeOptions {
  readonly signal?: AbortSignal;
  /**
   * Longest wait (budget clock, ms) the caller accepts. When the slot would come later, take() rejects
   * at once with BudgetWaitTooLongError instead of queueing. Absent: wait as long as needed.
   */
  readonly maxWaitMs?: number;
}

/** take() with `maxWaitMs` would have had to wait longer than that: nothing was queued or sent. */
export class BudgetWaitTooLongError extends Error {
  readonly group: string;
  /** How long the wait would have been (ms, at least 1). */
  readonly waitMs: number;
  constructor(group: string, waitMs: number) {
    super(`Request budget "${group}" has no free slot for the next ${Math.ceil(waitMs)} ms`);
    this.name = 'BudgetWaitTooLongError';
    this.group = group;
    this.waitMs = Math.max(1, Math.ceil(waitMs));
  }
}

interface GroupState {
  readonly limit: BudgetLimit;
  /** Times of the slots granted inside the current window, oldest first. */
  readonly granted: number[];
  pausedUntil: number;
  /** Settles when every take() queued so far has finished: waiters are served first come, first served. */
  tail: Promise<void>;
  waiting: number;
}

/**
 * A client-side request budget per upstream endpoint group, so Switchboard stays inside a provider's
 * rate limits on its own instead of discovering them by 429s.
 *
 * Sliding-window log: each group remembers when it granted its last `limit` slots; a new slot is free
 * once the oldest of them is `windowMs` old. Unlike a fixed window this never lets 2×limit through
 * around a window edge, whichever way the upstream counts. `pauseFor` closes a group for a while after
 * the upstream said Retry-After. Waiters of one group are served in arrival order.
 */
export class RequestBudget {
  readonly #groups = new Map<string, GroupState>();
  readonly #now: () => number;
  readonly #sleep: BudgetSleep;

  /**
   * @param limits allowance per group name
   * @param now clock in ms (injectable for tests)
   * @param options.sleep how to wait on that clock (tests inject one that advances a fake clock)
   */
  constructor(limits: Record<string, BudgetLimit>, now: () => number = Date.now, options: { sleep?: BudgetSleep } = {}) {
    for (const [group, limit] of Object.entries(limits)) {
      if (!Number.isInteger(limit.limit) || limit.limit < 1 || !(limit.windowMs > 0)) {
        throw new RangeError(`Request budget "${group}" needs a positive integer limit and a positive window`);
      }
      this.#groups.set(group, { limit, granted: [], pausedUntil: 0, tail: Promise.resolve(), waiting: 0 });
    }
    this.#now = now;
    this.#sleep = options.sleep ?? realSleep;
  }

  /**
   * Takes one slot of `group`, waiting (in arrival order) until one is free; rejects if the signal
   * aborts first, or with BudgetWaitTooLongError when the wait would exceed `maxWaitMs`.
   */
  async take(group: string, options?: AbortSignal | TakeOptions): Promise<SlotSettle> {
    const { signal, maxWaitMs } = options instanceof AbortSignal ? { signal: options, maxWaitMs: undefined } : (options ?? {});
    const state = this.#state(group);
    signal?.throwIfAborted();
    const start = this.#now();
    if (maxWaitMs !== undefined) {
      const expected = this.#queuedWaitMs(state);
      if (expected > maxWaitMs) throw new BudgetWaitTooLongError(group, expected);
    }
    const turn = state.tail;
    let finished!: () => void;
    const mine = new Promise<void>((resolve) => (finished = resolve));
    // The next waiter goes after the previous one AND this one, even if this one gives up early.
    state.tail = turn.then(() => mine);
    state.waiting += 1;
    try {
      await untilAborted(turn, signal);
      for (;;) {
        const waitMs = this.#waitMs(state);
        if (waitMs <= 0) break;
        // A pause set while queued (a 429, a rate-limit header) can push the slot past the caller's limit.
        const waited = this.#now() - start;
        if (maxWaitMs !== undefined && waited + waitMs > maxWaitMs) throw new BudgetWaitTooLongError(group, waitMs);
        await this.#sleep(waitMs, signal);
      }
      const grantedAt = this.#now();
      state.granted.push(grantedAt);
      return () => this.#settle(state, grantedAt);
    } finally {
      state.waiting -= 1;
      finished();
    }
  }

  /** Takes a slot only if one is free right now and nobody is queued for it. */
  tryTake(group: string): boolean {
    const state = this.#state(group);
    if (state.waiting > 0 || this.#waitMs(state) > 0) return false;
    state.granted.push(this.#now());
    return true;
  }

  /** Slots `group` could grant right now (0 while paused). */
  remaining(group: string): number {
    const state = this.#state(group);
    this.#prune(state);
    if (state.pausedUntil > this.#now()) return 0;
    return Math.max(0, state.limit.limit - state.granted.length);
  }

  /** Closes `group` for `ms` from now (e.g. after an upstream Retry-After); never shortens an existing pause. */
  pauseFor(group: string, ms: number): void {
    const state = this.#state(group);
    state.pausedUntil = Math.max(state.pausedUntil, this.#now() + Math.max(0, ms));
  }

  /** Closes `group` until the budget clock reads `at` (ms); never shortens an existing pause. */
  pauseUntil(group: string, at: number): void {
    const state = this.#state(group);
    state.pausedUntil = Math.max(state.pausedUntil, at);
  }

  /**
   * How long (ms) a take() of `group` issued now would wait, counting everyone already queued ahead
   * of it. A lower bound: a pause set later can only make it longer.
   */
  expectedWaitMs(group: string): number {
    return this.#queuedWaitMs(this.#state(group));
  }

  /** Whether `group` is a group of this budget. */
  has(group: string): boolean {
    return this.#groups.has(group);
  }

  /** Group names this budget knows. */
  groups(): string[] {
    return [...this.#groups.keys()];
  }

  #state(group: string): GroupState {
    const state = this.#groups.get(group);
    if (!state) throw new RangeError(`Unknown request budget group "${group}"`);
    return state;
  }

  // 0 when a slot is free now, otherwise how long until the pause ends or the oldest slot leaves the window.
  #waitMs(state: GroupState): number {
    const now = this.#now();
    this.#prune(state);
    if (state.pausedUntil > now) return state.pausedUntil - now;
    if (state.granted.length < state.limit.limit) return 0;
    const oldest = state.granted[0] ?? now;
    return Math.max(1, oldest + state.limit.windowMs - now);
  }

  // Replays the grants every queued waiter will get (each one at the earliest moment the window and
  // the pause allow), then the caller's own: its distance from now is the wait.
  #queuedWaitMs(state: GroupState): number {
    const now = this.#now();
    this.#prune(state);
    const { limit, windowMs } = state.limit;
    const grants = [...state.granted];
    let at = now;
    for (let i = 0; i <= state.waiting; i++) {
      const freedAt = grants.length >= limit ? (grants[grants.length - limit] ?? now) + windowMs : now;
      at = Math.max(now, state.pausedUntil, freedAt);
      grants.push(at);
    }
    return at - now;
  }

  /**
   * The request of a slot has ended: the slot counts from now. The upstream counts a request when it
   * arrives, which is after we granted it; counting from its end keeps every upstream window within
   * the limit however long the request took to get there.
   */
  #settle(state: GroupState, grantedAt: number): void {
    const index = state.granted.indexOf(grantedAt);
    if (index === -1) return;
    state.granted[index] = Math.max(grantedAt, this.#now());
    state.granted.sort((a, b) => a - b);
  }

  #prune(state: GroupState): void {
    const cutoff = this.#now() - state.limit.windowMs;
    let expired = 0;
    while (expired < state.granted.length && (state.granted[expired] ?? 0) <= cutoff) expired++;
    if (expired > 0) state.granted.splice(0, expired);
  }
}

function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function untilAborted(promise: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
