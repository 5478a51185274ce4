/** Real-time timers the simulator owns: all unref()ed, all cleared on stop. */
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

  /** Cancels every pending timer. */
  clear(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
