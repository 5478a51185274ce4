import { describe, expect, it } from 'vitest';
import { BudgetWaitTooLongError, RequestBudget } from '../../../src/providers/shared/request-budget.ts';

/** A fake clock whose sleep advances the clock instead of waiting. */
function fakeClock(start = 1_000_000) {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    slept,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('RequestBudget', () => {
  it('counts a slot from the end of its request, so a slow request can never squeeze two into one upstream window', async () => {
    const clock = fakeClock();
    const budget = new RequestBudget({ api: { limit: 1, windowMs: 1000 } }, clock.now, { sleep: clock.sleep });
    const settle = await budget.take('api');
    clock.advance(400); // the request reached the upstream late and ended now
    settle();
    const start = clock.now();
    await budget.take('api');
    expect(clock.now() - start).toBe(1000);
  });

  it('grants up to the limit inside one window, then refuses without waiting', () => {
    const clock = fakeClock();
    const budget = new RequestBudget({ api: { limit: 3, windowMs: 1000 } }, clock.now, { sleep: clock.sleep });
    expect([budget.tryTake('api'), budget.tryTake('api'), budget.tryTake('api')]).toEqual([true, true, true]);
    expect(budget.remaining('api')).toBe(0);
    expect(budget.tryTake('api')).toBe(false);
  });

  it('frees slots as they slide out of the window (no double burst at a window edge)', () => {
    const clock = fakeClock();
    const budget = new RequestBudget({ api: { limit: 2, windowMs: 1000 } }, clock.now);
    budget.tryTake('api');
    clock.advance(600);
    budget.tryTake('api');
    clock.advance(399);
    expect(budget.tryTake('api')).toBe(false);
    clock.advance(1); // the first slot is now 1000 ms old
    expect(budget.remaining('api')).toBe(1);
    expect(budget.tryTake('api')).toBe(true);
    expect(budget.tryTake('api')).toBe(false);
  });

  it('take() waits until the oldest slot leaves the window', async () => {
    const clock = fakeClock();
    const budget = new RequestBudget({ api: { limit: 2, windowMs: 1000 } }, clock.now, { sleep: clock.sleep });
    const start = clock.now();
    await budget.take('api');
    await budget.take('api');
    expect(clock.slept).toEqual([]);
    await budget.take('api');
    expect(clock.now() - start).toBe(1000);
  });

  it('never lets more than `limit` through in any window, whatever the concurrency', async () => {
    const clock = fakeClock();
    const budget = new RequestBudget({ api: { limit: 5, windowMs: 1000 } }, clock.now, { sleep: clock.sleep });
    const grantedAt: number[] = [];
    await Promise.all(Array.from({ length: 23 }, () => budget.take('api').then(() => grantedAt.push(clock.now()))));
    expect(grantedAt).toHaveLength(23);
    for (const t of grantedAt) expect(grantedAt.filter((u) => u > t - 1000 && u <= t).length).toBeLessThanOrEqual(5);
  });

  it('serves waiters in arrival order', async () => {
    const clock = fakeClock();
    const budget = new RequestBudget({ api: { limit: 1, windowMs: 100 } }, clock.now, { sleep: clock.sleep });
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => budget.take('api').then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('keeps groups independent', () => {
    const clock = fakeClock();
    const budget = new RequestBudget({ a: { limit: 1, windowMs: 1000 }, b: { limit: 1, windowMs: 1000 } }, clock.now);
    expect(budget.tryTake('a')).toBe(true);
    expect(budget.tryTake('a')).toBe(false);
    expect(budget.tryTake('b')).toBe(true);
  });

  it('pauseFor closes a group until the pause is over, and never shortens a pause', async () => {
    const clock = fakeClock();
    const budget = new RequestBudget({ api: { limit: 10, windowMs: 1000 } }, clock.now, { sleep: clock.sleep });
    budget.pauseFor('api', 5000);
    budget.pauseFor('api', 1000);
    expect(budget.remaining('api')).toBe(0);
    expect(budget.tryTake('api')).toBe(false);
    const start = clock.now();
    await budget.take('api');
    expect(clock.now() - start).toBe(5000);
    expect(budget.remaining('api')).toBe(9);
  });

  it('take() rejects when its signal aborts while waiting, and the next waiter still gets through', async () => {
    let now = 0;
    const budget = new RequestBudget({ api: { limit: 1, windowMs: 60_000 } }, () => now);
    await budget.take('api');
    const controller = new AbortController();
    const waiting = budget.take('api', controller.signal);
    controller.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
    now = 60_000;
    await budget.take('api');
    expect(budget.remaining('api')).toBe(0);
  });

  it('waits in real time with the default sleep (short window)', async () => {
    const budget = new RequestBudget({ api: { limit: 1, windowMs: 5 } });
    await budget.take('api');
    await budget.take('api');
    expect(budget.remaining('api')).toBeLessThanOrEqual(1);
  });

  it('rejects unknown groups and nonsense limits', () => {
    const budget = new RequestBudget({ api: { limit: 1, windowMs: 1000 } });
    expect(() => budget.tryTake('nope')).toThrow(RangeError);
    expect(() => new RequestBudget({ api: { limit: 0, windowMs: 1000 } })).toThrow(RangeError);
  });

  it('expectedWaitMs counts the waiters queued ahead, the window and any pause', async () => {
    const clock = fakeClock();
    const budget = new RequestBudget({ api: { limit: 2, windowMs: 1000 } }, clock.now, { sleep: clock.sleep });
    expect(budget.expectedWaitMs('api')).toBe(0);
    budget.tryTake('api');
    clock.advance(100);
    budget.tryTake('api');
    expect(budget.expectedWaitMs('api')).toBe(900);
    budget.pauseUntil('api', clock.now() + 5000);
    expect(budget.expectedWaitMs('api')).toBe(5000);
  });

  it('take() with maxWaitMs refuses at once when the slot would come too late, and queues nothing', async () => {
    const clock = fakeClock();
    const budget = new RequestBudget({ api: { limit: 1, windowMs: 10_000 } }, clock.now, { sleep: clock.sleep });
    await budget.take('api');
    const error = await budget.take('api', { maxWaitMs: 3000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetWaitTooLongError);
    expect(error).toMatchObject({ group: 'api', waitMs: 10_000 });
    expect(clock.slept).toEqual([]);
    clock.advance(8000);
    await budget.take('api', { maxWaitMs: 3000 });
    expect(clock.slept).toEqual([2000]);
    // Without a limit the same wait is simply waited out.
    await budget.take('api');
    expect(clock.slept).toEqual([2000, 10_000]);
  });

  it('a pause set while queued that pushes the slot past maxWaitMs fails the waiter', async () => {
    let now = 0;
    const budget = new RequestBudget({ api: { limit: 1, windowMs: 1000 } }, () => now, {
      sleep: async (ms) => {
        // While this waiter sleeps, the upstream says "wait a minute".
        budget.pauseFor('api', 60_000);
        now += ms;
      },
    });
    await budget.take('api');
    await expect(budget.take('api', { maxWaitMs: 3000 })).rejects.toBeInstanceOf(BudgetWaitTooLongError);
  });
});
