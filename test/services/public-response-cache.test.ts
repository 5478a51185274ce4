import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { createLogger } from '../../src/logging/logger.ts';
import { createEventBus, type EventBus } from '../../src/services/event-bus.ts';
import { createRedisEventBus, type RedisEventBus } from '../../src/services/redis-event-bus.ts';
import { FxService } from '../../src/services/fx.ts';
import type { Catalog } from '../../src/services/catalog.ts';
import { isPublicQuery, PublicResponseCache } from '../../src/server/public-response-cache.ts';
import { Dec } from '../../src/domain/money.ts';

const logger = createLogger('silent');

/** The two things the cache asks of a catalog: when it changes, and until when its offers are cached. */
function fakeCatalog(validFor = 60_000) {
  const listeners = new Set<() => void>();
  const catalog = {
    onChange: (listener: () => void) => (listeners.add(listener), () => listeners.delete(listener)),
    validUntil: () => Date.now() + validFor,
  } as unknown as Catalog;
  return { catalog, change: () => listeners.forEach((l) => l()) };
}

function cacheOn(events: EventBus, validFor?: number) {
  const { catalog, change } = fakeCatalog(validFor);
  const fx = new FxService({ maxAgeMs: 3_600_000, events });
  return { cache: new PublicResponseCache({ catalog, fx, events, logger }), change, fx };
}

const body = Buffer.from('{"data":{"catalog":{"edges":[]}}}');

async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('public response cache', () => {
  it('keeps an answer until the catalog or a rate changes, and never one computed across a change', async () => {
    const events = createEventBus();
    const { cache, change, fx } = cacheOn(events);
    const stored = cache.set('k', cache.generation, body, 'application/json');
    expect(stored.etag).toMatch(/^"[\w-]+"$/);
    expect(cache.get('k')?.body.equals(body)).toBe(true);

    change();
    expect(cache.get('k')).toBeNull();

    // Read the generation, then the catalog changes while the answer is being computed: it is not kept.
    const generation = cache.generation;
    change();
    cache.set('k', generation, body, 'application/json');
    expect(cache.get('k')).toBeNull();

    cache.set('k', cache.generation, body, 'application/json');
    fx.setRate({ base: 'USD', quote: 'THB', rate: new Dec('33'), source: 'CONFIG', asOf: new Date() });
    await eventually(() => cache.get('k') === null);
    cache.close();
  });

  it('expires an answer when the offers it rests on would be loaded again', async () => {
    const { cache } = cacheOn(createEventBus(), 50);
    cache.set('k', cache.generation, body, 'application/json');
    expect(cache.get('k')).not.toBeNull();
    await new Promise((r) => setTimeout(r, 80));
    expect(cache.get('k')).toBeNull();
    cache.close();
  });

  it('treats only queries made of public root fields as shareable', () => {
    expect(isPublicQuery(parse('{ catalog(first: 5) { edges { node { key } } } fxRates { pair } }'), null)).toBe(true);
    expect(isPublicQuery(parse('query A { countries { code } } query B { orders { edges { node { id } } } }'), 'A')).toBe(true);
    expect(isPublicQuery(parse('query A { countries { code } } query B { orders { edges { node { id } } } }'), 'B')).toBe(false);
    expect(isPublicQuery(parse('{ catalog { edges { node { key } } } balances { complete } }'), null)).toBe(false);
    expect(isPublicQuery(parse('{ ...F } fragment F on Query { catalog { edges { node { key } } } mySpending { currency } }'), null)).toBe(false);
    expect(isPublicQuery(parse('{ __typename }'), null)).toBe(false);
    expect(isPublicQuery(parse('mutation { __typename }'), null)).toBe(false);
  });
});

describe.runIf(process.env.REDIS_URL)('public response cache across instances (Redis)', () => {
  let a: RedisEventBus;
  let b: RedisEventBus;
  beforeAll(async () => {
    a = await createRedisEventBus(process.env.REDIS_URL!, { logger });
    b = await createRedisEventBus(process.env.REDIS_URL!, { logger });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('drops the answers of every instance when one instance sees its catalog change', async () => {
    const onA = cacheOn(a);
    const onB = cacheOn(b);
    // Let both subscriptions reach Redis before the change is announced.
    await new Promise((r) => setTimeout(r, 200));
    onA.cache.set('k', onA.cache.generation, body, 'application/json');
    onB.cache.set('k', onB.cache.generation, body, 'application/json');
    onA.change();
    expect(onA.cache.get('k')).toBeNull();
    await eventually(() => onB.cache.get('k') === null);
    onA.cache.close();
    onB.cache.close();
  });
});
