import type { ProviderHealth } from '../../domain/provider.ts';

/** How one upstream call ended, as far as the provider's health is concerned. */
export type CallOutcome =
  /** Answered, successfully or with a definite business refusal: the provider is up. */
  | 'ok'
  /** The provider said to slow down. */
  | 'rateLimited'
  /** 5xx, unreachable, timeout, dropped or unreadable answer. */
  | 'failed';

export interface HealthTrackerOptions {
  /** Clock, ms. */
  readonly now: () => number;
  /** Who is tracked, for the detail text (e.g. `smscode`). */
  readonly label: string;
  /** Consecutive failed calls that make the provider DOWN (default 3). */
  readonly downAfterFailures?: number;
  /** How long a rate-limit answer keeps the provider DEGRADED (default 60 s). */
  readonly rateLimitedDegradesMs?: number;
}

/**
 * Health from the outcomes of the calls already made: no probe requests of its own. UP until a call
 * fails; DEGRADED after one failure or a recent rate limit; DOWN after several failures in a row.
 */
export class HealthTracker {
  readonly #now: () => number;
  readonly #label: string;
  readonly #downAfter: number;
  readonly #rateLimitedMs: number;
  #checkedAt: number | null = null;
  #consecutiveFailures = 0;
  #lastFailure: string | null = null;
  #rateLimitedAt: number | null = null;

  constructor(options: HealthTrackerOptions) {
    this.#now = options.now;
    this.#label = options.label;
    this.#downAfter = options.downAfterFailures ?? 3;
    this.#rateLimitedMs = options.rateLimitedDegradesMs ?? 60_000;
  }

  record(outcome: CallOutcome, detail: string): void {
    const at = this.#now();
    this.#checkedAt = at;
    if (outcome === 'failed') {
      this.#consecutiveFailures += 1;
      this.#lastFailure = detail;
      return;
    }
    this.#consecutiveFailures = 0;
    if (outcome === 'rateLimited') this.#rateLimitedAt = at;
  }

  /** The current verdict; `circuitOpen` (the transport's breaker refuses calls) makes it DOWN. */
  current(circuit: { open: boolean; detail?: string } = { open: false }): ProviderHealth {
    const checkedAt = this.#checkedAt === null ? null : new Date(this.#checkedAt);
    if (circuit.open) {
      return { status: 'DOWN', checkedAt, detail: circuit.detail ?? `circuit open after repeated failures; last: ${this.#lastFailure}` };
    }
    if (this.#consecutiveFailures >= this.#downAfter) {
      return { status: 'DOWN', checkedAt, detail: `${this.#consecutiveFailures} failed calls in a row; last: ${this.#lastFailure}` };
    }
    if (this.#consecutiveFailures > 0) return { status: 'DEGRADED', checkedAt, detail: `last call failed: ${this.#lastFailure}` };
    if (this.#rateLimitedAt !== null && this.#now() - this.#rateLimitedAt < this.#rateLimitedMs) {
      return { status: 'DEGRADED', checkedAt, detail: `rate limited by ${this.#label} recently` };
    }
    return { status: 'UP', checkedAt, detail: checkedAt === null ? 'no call made yet' : null };
  }
}
