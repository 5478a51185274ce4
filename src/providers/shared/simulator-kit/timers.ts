/** Real-time timers a simulator owns: all unref()ed (they never hold the process open), all cleared on stop. */
export class TimerSet {
  readonly #timers = new Set<NodeJS.Timeout>();

  /** Runs `fn` once after `ms` of real time. */
  after(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      fn();
    }, ms);
    timer.unref();
    this.#timers.add(timer);
  }

  /** Runs `fn` every `ms` of real time until cleared. */
  every(ms: number, fn: () => void): void {
    const timer = setInterval(fn, ms);
    timer.unref();
    this.#timers.add(timer);
  }

  /** Resolves after `ms` of real time (never, when the set is cleared first: a stopped simulator answers nothing). */
  wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => this.after(ms, resolve));
  }

  /** Cancels every pending timer. */
  clear(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
