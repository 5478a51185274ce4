import { describe, expect, it } from 'vitest';
import { TtlCache } from '../../../src/providers/shared/ttl-cache.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('TtlCache', () => {
  it('concurrent callers share one in-flight load', async () => {
    const cache = new TtlCache<string[]>({ ttlMs: 1000 });
    const pending = deferred<string[]>();
    let loads = 0;
    const load = () => {
      loads += 1;
      return pending.promise;
    };
    const a = cache.get('countries', load);
    const b = cache.get('countries', load);
    pending.resolve(['ID', 'TH']);
    expect(await a).toEqual(['ID', 'TH']);
    expect(await b).toBe(await a);
    expect(loads).toBe(1);
  });

  it('serves the value until the TTL is over, then loads again; keys are independent', async () => {
    const c = clock();
    const cache = new TtlCache<number>({ ttlMs: 1000, now: c.now });
    let n = 0;
    const load = async () => ++n;
    expect(await cache.get('a', load)).toBe(1);
    c.advance(999);
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('b', load)).toBe(2);
    c.advance(1);
    expect(await cache.get('a', load)).toBe(3);
  });

  it('a failed load is not cached: every waiter sees the failure, the next caller loads again', async () => {
    const cache = new TtlCache<number>({ ttlMs: 60_000 });
    const pending = deferred<number>();
    const first = cache.get('k', () => pending.promise);
    const second = cache.get('k', () => Promise.resolve(99));
    pending.reject(new Error('upstream down'));
    await expect(first).rejects.toThrow('upstream down');
    await expect(second).rejects.toThrow('upstream down');
    expect(await cache.get('k', async () => 7)).toBe(7);
  });

  it('a load that throws synchronously is a rejected promise, not a throw', async () => {
    const cache = new TtlCache<number>({ ttlMs: 1000 });
    await expect(
      cache.get('k', () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(await cache.get('k', async () => 1)).toBe(1);
  });

  it('invalidate forgets one key or all of them', async () => {
    const cache = new TtlCache<number>({ ttlMs: 60_000 });
    let n = 0;
    const load = async () => ++n;
    await cache.get('a', load);
    await cache.get('b', load);
    cache.invalidate('a');
    expect(await cache.get('a', load)).toBe(3);
    expect(await cache.get('b', load)).toBe(2);
    cache.invalidate();
    expect(await cache.get('b', load)).toBe(4);
  });

  it('update adjusts a cached value in place (also one still loading), keeping its age', async () => {
    const c = clock();
    const cache = new TtlCache<{ stock: number }>({ ttlMs: 1000, now: c.now });
    expect(cache.update('offer', (v) => v)).toBe(false);
    const pending = deferred<{ stock: number }>();
    const loading = cache.get('offer', () => pending.promise);
    c.advance(400);
    expect(cache.update('offer', (v) => ({ stock: v.stock - 1 }))).toBe(true);
    pending.resolve({ stock: 10 });
    expect(await loading).toEqual({ stock: 10 });
    expect(await cache.get('offer', async () => ({ stock: 0 }))).toEqual({ stock: 9 });
    c.advance(600); // the update did not make it younger
    expect(cache.update('offer', (v) => v)).toBe(false);
    expect(await cache.get('offer', async () => ({ stock: 50 }))).toEqual({ stock: 50 });
  });

  it('an update that throws drops the entry instead of caching the failure', async () => {
    const cache = new TtlCache<number>({ ttlMs: 60_000 });
    await cache.get('k', async () => 1);
    cache.update('k', () => {
      throw new Error('bad update');
    });
    await expect(cache.get('k', async () => 2)).rejects.toThrow('bad update');
    expect(await cache.get('k', async () => 3)).toBe(3);
  });
});
