interface Entry<T> {
  readonly at: number;
  value: Promise<T>;
}

export interface TtlCacheOptions {
  /** How long a loaded value is served (ms). */
  readonly ttlMs: number;
  /** Clock, ms (default Date.now). */
  readonly now?: () => number;
}

/**
 * Values loaded at most once per TTL per key. Concurrent callers of a key share one in-flight load;
 * a load that fails is forgotten at once (the next caller tries again), never cached.
 */
export class TtlCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: TtlCacheOptions) {
    if (!(options.ttlMs > 0)) throw new RangeError('TtlCache needs a positive ttlMs');
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? Date.now;
  }

  /** The cached value of `key`, or the result of `load()` (shared with every concurrent caller). */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.#now();
    const cached = this.#entries.get(key);
    if (cached && now - cached.at < this.#ttlMs) return cached.value;
    const entry: Entry<T> = { at: now, value: Promise.resolve().then(load) };
    this.#forgetOnFailure(key, entry);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** When the value cached under `key` stops being served (epoch ms by the cache's clock); null when nothing is cached. */
  expiresAt(key: string): number | null {
    const entry = this.#entries.get(key);
    return entry ? entry.at + this.#ttlMs : null;
  }

  /** Forgets `key`, or every key. An in-flight load still settles for those already waiting on it. */
  invalidate(key?: string): void {
    if (key === undefined) this.#entries.clear();
    else this.#entries.delete(key);
  }

  /**
   * Adjusts the cached value of `key` in place (e.g. one less in stock after a purchase), keeping its
   * age; applied after an in-flight load. False when nothing fresh is cached under `key`.
   */
  update(key: string, fn: (value: T) => T): boolean {
    const entry = this.#entries.get(key);
    if (!entry || this.#now() - entry.at >= this.#ttlMs) return false;
    entry.value = entry.value.then(fn);
    this.#forgetOnFailure(key, entry);
    return true;
  }

  #forgetOnFailure(key: string, entry: Entry<T>): void {
    const value = entry.value;
    value.catch(() => {
      if (this.#entries.get(key) === entry && entry.value === value) this.#entries.delete(key);
    });
  }
}
