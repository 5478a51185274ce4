import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSmscodeSimulator } from '../../../src/providers/smscode/simulator.ts';
import type { SmscodeSimulator } from '../../../src/providers/smscode/simulator.ts';
import { call } from './sim-client.ts';

const T0 = Date.parse('2026-02-25T10:00:00Z');
let sim: SmscodeSimulator;

const create = (body: unknown, key: string, token?: string) =>
  call(sim, '/orders/create', { body, headers: { 'Idempotency-Key': key }, ...(token === undefined ? {} : { token }) });

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

beforeEach(async () => {
  sim = createSmscodeSimulator({ apiTokens: ['sandbox-token', 'other'], now: () => T0 });
  await sim.start();
});

afterEach(async () => {
  await sim.stop();
});

describe('Idempotency-Key on /orders/create', () => {
  it('same key + same body (any key order) replays the original status and body; one order, one charge', async () => {
    const first = await create({ product_id: 142, quantity: 1 }, 'unique-request-id-123');
    const again = await create({ quantity: 1, product_id: 142 }, 'unique-request-id-123');
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.raw).toBe(first.raw);
    expect(sim.orderCount()).toBe(1);
    expect(sim.balanceOf()).toBe(485000);
  });

  it('replays partial success including failed_count', async () => {
    sim.setStock(142, 1);
    const first = await create({ product_id: 142, quantity: 3 }, 'partial');
    sim.setStock(142, 50);
    const again = await create({ product_id: 142, quantity: 3 }, 'partial');
    expect(again.json.data.failed_count).toBe(2);
    expect(again.raw).toBe(first.raw);
    expect(sim.orderCount()).toBe(1);
  });

  it('same key + different body → 422 IDEMPOTENCY_KEY_REUSED', async () => {
    await create({ product_id: 142 }, 'k-1');
    const reused = await create({ product_id: 142, quantity: 2 }, 'k-1');
    expect(reused.status).toBe(422);
    expect(reused.json.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(sim.orderCount()).toBe(1);
  });

  it('a second request while the first is still in progress → 409 REQUEST_IN_PROGRESS', async () => {
    sim.injectFault({ endpoint: 'create', kind: 'delay', ms: 150 });
    const slow = create({ product_id: 142 }, 'slow-key');
    await until(() => sim.orderCount() === 1);
    const concurrent = await create({ product_id: 142 }, 'slow-key');
    expect(concurrent.status).toBe(409);
    expect(concurrent.json.error.code).toBe('REQUEST_IN_PROGRESS');
    const original = await slow;
    expect(original.status).toBe(200);
    const replay = await create({ product_id: 142 }, 'slow-key');
    expect(replay.raw).toBe(original.raw);
    expect(sim.orderCount()).toBe(1);
  });

  it('invalid keys → 422 VALIDATION_ERROR without creating anything', async () => {
    for (const key of ['has space', 'x'.repeat(129), 'dots.not.allowed', 'semi;colon']) {
      const answer = await create({ product_id: 142 }, key);
      expect(answer.status, key).toBe(422);
      expect(answer.json.error.code).toBe('VALIDATION_ERROR');
    }
    expect((await create({ product_id: 142 }, 'A-z_0'.padEnd(128, '9'))).status).toBe(200);
    expect(sim.orderCount()).toBe(1);
  });

  it('INSUFFICIENT_BALANCE and NO_OFFER_AVAILABLE release the key: top up and retry with the same key', async () => {
    sim.setBalance(1000);
    expect((await create({ product_id: 142 }, 'top-up-then-retry')).json.error.code).toBe('INSUFFICIENT_BALANCE');
    sim.setBalance(500000);
    expect((await create({ product_id: 142 }, 'top-up-then-retry')).status).toBe(200);

    sim.setStock(153, 0);
    expect((await create({ catalog_product_id: 92 }, 'restock-then-retry')).json.error.code).toBe('NO_OFFER_AVAILABLE');
    sim.setStock(153, 3);
    expect((await create({ catalog_product_id: 92 }, 'restock-then-retry')).status).toBe(200);
    expect(sim.orderCount()).toBe(2);
  });

  it('a failure that reached the provider is recorded and replayed', async () => {
    sim.injectUpstreamFailure(142, 'provider_error');
    const failed = await create({ product_id: 142 }, 'upstream-failed');
    expect(failed.json.error.code).toBe('PROVIDER_ERROR');
    const retried = await create({ product_id: 142 }, 'upstream-failed');
    expect(retried.status).toBe(422);
    expect(retried.raw).toBe(failed.raw);
    expect(sim.orderCount()).toBe(0);
    expect((await create({ product_id: 142 }, 'fresh-key')).status).toBe(200);
  });

  it('after dropAfterCommit, a retry with the same key replays the committed order', async () => {
    sim.injectFault({ endpoint: 'create', kind: 'dropAfterCommit' });
    await expect(create({ product_id: 142 }, 'ambiguous')).rejects.toThrow();
    const retry = await create({ product_id: 142 }, 'ambiguous');
    expect(retry.status).toBe(200);
    expect(retry.json.data.orders[0].id).toBe((await call(sim, '/orders')).json.data[0].id);
    expect(sim.orderCount()).toBe(1);
    expect(sim.balanceOf()).toBe(485000);
  });

  it('keys are per account', async () => {
    expect((await create({ product_id: 142 }, 'shared', 'sandbox-token')).status).toBe(200);
    expect((await create({ product_id: 142 }, 'shared', 'other')).status).toBe(200);
    expect(sim.orderCount('sandbox-token')).toBe(1);
    expect(sim.orderCount('other')).toBe(1);
  });
});
