/** A simulator's clock: a base clock (real time by default) plus the offset advanceClock() adds. */
export class SimulatorClock {
  readonly #base: () => number;
  #offsetMs = 0;

  /** Starts at `base()` (default Date.now) with no offset. */
  constructor(base: () => number = Date.now) {
    this.#base = base;
  }

  /** Simulator time, ms since epoch. */
  now(): number {
    return this.#base() + this.#offsetMs;
  }

  /** Moves the clock forward by `ms` (a non-negative finite number; RangeError otherwise). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advanceClock needs a non-negative number of ms');
    this.#offsetMs += ms;
  }
}
