import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.ts';
import { createEventBus, orderChangesOf, publishOrderChanged, type EventBus, type OrderChangedEvent } from '../../src/services/event-bus.ts';
import { createRedisEventBus, type RedisEventBus } from '../../src/services/redis-event-bus.ts';

const redisUrl = process.env.REDIS_URL;

function change(ownerId: string, orderId: string, code: string): OrderChangedEvent {
  return { orderId, ownerId, provider: 'SMSCODE', kind: 'OTP_NUMBER', status: 'OTP_RECEIVED', message: { code, text: `code ${code}`, receivedAt: new Date().toISOString() } };
}

/** Starts listening (a Repeater registers its listener on the first next()) and returns the pending first value. */
function listen(bus: EventBus, ownerId: string, orderId: string | null) {
  const iterator = orderChangesOf(bus, ownerId, orderId)[Symbol.asyncIterator]();
  return { iterator, first: iterator.next() };
}

const codeOf = async (pending: Promise<IteratorResult<OrderChangedEvent>>) => (await pending).value?.message?.code;

describe('order events are routed by owner and by order', () => {
  it('a subscriber of one order hears only that order, an owner subscriber only its own orders', async () => {
    const bus = createEventBus();
    const [alice, bob, orderA, orderB, orderC] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const ofA = listen(bus, alice, orderA);
    const ofAlice = listen(bus, alice, null);
    // Bob naming Alice's order id hears nothing of it.
    const bobOnA = listen(bus, bob, orderA);
    const ofBob = listen(bus, bob, null);
    publishOrderChanged(bus, change(alice, orderB, 'B1'));
    publishOrderChanged(bus, change(bob, orderC, 'C1'));
    publishOrderChanged(bus, change(alice, orderA, 'A1'));
    expect(await codeOf(ofA.first)).toBe('A1');
    expect(await codeOf(ofAlice.first)).toBe('B1');
    expect(await codeOf(ofAlice.iterator.next())).toBe('A1');
    expect(await codeOf(ofBob.first)).toBe('C1');
    // Alice's A1 went out on order A's topic; Bob's listener there dropped it.
    const late = await Promise.race([bobOnA.first.then(() => 'delivered'), new Promise((r) => setTimeout(() => r('nothing'), 100))]);
    expect(late).toBe('nothing');
    for (const l of [ofA, ofAlice, bobOnA, ofBob]) await l.iterator.return?.();
  });

  it('the watcher topic still carries every change', async () => {
    const bus = createEventBus();
    const all = bus.subscribe('order.changed')[Symbol.asyncIterator]();
    const first = all.next();
    publishOrderChanged(bus, change(randomUUID(), randomUUID(), 'W1'));
    expect(await codeOf(first)).toBe('W1');
    await all.return?.();
  });
});

describe.skipIf(!redisUrl)('order events across instances through Redis', () => {
  const logger = createLogger('silent');
  let a: RedisEventBus;
  let b: RedisEventBus;
  let probe: Redis;

  beforeAll(async () => {
    a = await createRedisEventBus(redisUrl!, { logger });
    b = await createRedisEventBus(redisUrl!, { logger });
    probe = new Redis(redisUrl!);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    probe?.disconnect();
  });

  const subscribers = async (orderId: string) => {
    const [, count] = (await probe.pubsub('NUMSUB', `switchboard:v2:order.changed.order:${orderId}`)) as [string, number];
    return Number(count);
  };
  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 5000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('routes per order and per owner from A to B, and B holds a Redis channel only while a listener exists', async () => {
    const [alice, bob, orderA, orderB, orderC] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    expect(await subscribers(orderA)).toBe(0);
    const ofA = listen(b, alice, orderA);
    const ofAlice = listen(b, alice, null);
    const ofBob = listen(b, bob, null);
    await until(async () => (await subscribers(orderA)) === 1, 'B to subscribe the order channel');
    // No channel for an order nobody listens to.
    expect(await subscribers(orderB)).toBe(0);
    publishOrderChanged(a, change(alice, orderB, 'B1'));
    publishOrderChanged(a, change(bob, orderC, 'C1'));
    publishOrderChanged(a, change(alice, orderA, 'A1'));
    expect(await codeOf(ofA.first)).toBe('A1');
    expect(await codeOf(ofAlice.first)).toBe('B1');
    expect(await codeOf(ofAlice.iterator.next())).toBe('A1');
    expect(await codeOf(ofBob.first)).toBe('C1');

    // A second listener of the same order shares the channel; the channel goes with the last one.
    const again = listen(b, alice, orderA);
    publishOrderChanged(a, change(alice, orderA, 'A2'));
    expect(await codeOf(again.first)).toBe('A2');
    expect(await codeOf(ofA.iterator.next())).toBe('A2');
    await ofA.iterator.return?.();
    expect(await subscribers(orderA)).toBe(1);
    await again.iterator.return?.();
    await until(async () => (await subscribers(orderA)) === 0, 'B to unsubscribe once the last listener left');
    await ofAlice.iterator.return?.();
    await ofBob.iterator.return?.();
  });

  it('an instance still delivers its own events locally first, and exactly once', async () => {
    const [alice, orderA] = [randomUUID(), randomUUID()];
    const ofA = listen(a, alice, orderA);
    await until(async () => (await subscribers(orderA)) === 1, 'A to subscribe');
    publishOrderChanged(a, change(alice, orderA, 'L1'));
    publishOrderChanged(a, change(alice, orderA, 'L2'));
    expect(await codeOf(ofA.first)).toBe('L1');
    expect(await codeOf(ofA.iterator.next())).toBe('L2');
    await a.flush();
    const extra = await Promise.race([ofA.iterator.next().then(() => 'again'), new Promise((r) => setTimeout(() => r('once'), 200))]);
    expect(extra).toBe('once');
    await ofA.iterator.return?.();
  });
});
