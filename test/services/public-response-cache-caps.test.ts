import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.ts';
import { createEventBus } from '../../src/services/event-bus.ts';
import { FxService } from '../../src/services/fx.ts';
import type { Catalog } from '../../src/services/catalog.ts';
import { PublicResponseCache } from '../../src/server/public-response-cache.ts';

// The answer cache's size caps (docs/performance.md, "Memory"): entries and bytes, oldest answer out first.

const catalog = { onChange: () => () => {}, validUntil: () => Date.now() + 60_000 } as unknown as Catalog;

function cache(caps: { maxEntries?: number; maxBytes?: number }) {
  const events = createEventBus();
  return new PublicResponseCache({ catalog, fx: new FxService({ maxAgeMs: 3_600_000, events }), events, logger: createLogger('silent'), ...caps });
}

const bodyOf = (bytes: number, fill = 'a') => Buffer.from(fill.repeat(bytes));

describe('public response cache caps', () => {
  it('keeps the bodies and keys it holds within maxBytes, dropping the oldest answers first', () => {
    const answers = cache({ maxBytes: 1_000 });
    for (const key of ['k1', 'k2', 'k3']) answers.set(key, answers.generation, bodyOf(298), 'application/json');
    expect(answers.size).toEqual({ entries: 3, bytes: 900 });
    answers.set('k4', answers.generation, bodyOf(498), 'application/json');
    // 900 + 500 is over 1,000: k1 goes, then k2 (600 + 500 still over); k3 and k4 stay.
    expect(answers.get('k1')).toBeNull();
    expect(answers.get('k2')).toBeNull();
    expect(answers.get('k3')?.body.length).toBe(298);
    expect(answers.get('k4')?.body.length).toBe(498);
    expect(answers.size).toEqual({ entries: 2, bytes: 800 });
    answers.close();
  });

  it('counts the key (the request itself) as well as the body', () => {
    const answers = cache({ maxBytes: 1_000 });
    const longKey = 'q'.repeat(600);
    answers.set(longKey, answers.generation, bodyOf(300), 'application/json');
    expect(answers.size.bytes).toBe(900);
    answers.set('k', answers.generation, bodyOf(200), 'application/json');
    expect(answers.get(longKey)).toBeNull();
    expect(answers.size).toEqual({ entries: 1, bytes: 201 });
    answers.close();
  });

  it('answers but does not keep a body larger than the whole budget, and keeps what it held', () => {
    const answers = cache({ maxBytes: 1_000 });
    answers.set('small', answers.generation, bodyOf(100), 'application/json');
    const big = answers.set('big', answers.generation, bodyOf(2_000), 'application/json');
    expect(big.body.length).toBe(2_000);
    expect(big.etag).toMatch(/^"[\w-]+"$/);
    expect(answers.get('big')).toBeNull();
    expect(answers.get('small')?.body.length).toBe(100);
    answers.close();
  });

  it('replacing an answer under the same key counts it once', () => {
    const answers = cache({ maxBytes: 1_000 });
    answers.set('k', answers.generation, bodyOf(500), 'application/json');
    answers.set('k', answers.generation, bodyOf(600, 'b'), 'application/json');
    expect(answers.size).toEqual({ entries: 1, bytes: 601 });
    expect(answers.get('k')?.body.toString()).toBe('b'.repeat(600));
    answers.close();
  });

  it('keeps at most maxEntries answers, and an invalidation empties the byte count too', () => {
    const answers = cache({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) answers.set(key, answers.generation, bodyOf(10), 'application/json');
    expect(answers.get('a')).toBeNull();
    expect(answers.size).toEqual({ entries: 2, bytes: 22 });
    answers.invalidate();
    expect(answers.size).toEqual({ entries: 0, bytes: 0 });
    answers.close();
  });

  it('gives back the bytes of an answer that expired', () => {
    let now = 1_000;
    const events = createEventBus();
    const expiring = { onChange: () => () => {}, validUntil: () => now + 50 } as unknown as Catalog;
    const answers = new PublicResponseCache({ catalog: expiring, fx: new FxService({ maxAgeMs: 3_600_000, events }), events, logger: createLogger('silent'), now: () => now, maxBytes: 1_000 });
    answers.set('k', answers.generation, bodyOf(99), 'application/json');
    expect(answers.size.bytes).toBe(100);
    now += 100;
    expect(answers.get('k')).toBeNull();
    expect(answers.size).toEqual({ entries: 0, bytes: 0 });
    answers.close();
  });
});
