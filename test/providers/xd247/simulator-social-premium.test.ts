import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createXd247Simulator, SEED_PREMIUM_SERVICES, SEED_SOCIAL_SERVICES, seedUuid } from '../../../src/providers/xd247/simulator.ts';
import type { Xd247Simulator } from '../../../src/providers/xd247/simulator.ts';
import {
  PremiumOrder,
  PremiumOrderCreated,
  PremiumServiceList,
  SocialOrder,
  SocialOrderCreated,
  SocialOrderRefunded,
  SocialServiceList,
  successEnvelope,
} from '../../../src/providers/xd247/wire.ts';
import { call, create } from './sim-client.ts';

const T0 = Date.parse('2024-01-01T00:00:00.000Z');
const igGlobal = seedUuid('social:ig-followers:global');
const fbPostLikes = seedUuid('social:fb-post-likes:thai');
const netflix = SEED_PREMIUM_SERVICES.find((s) => s.name.startsWith('Netflix'))!;
const viu = SEED_PREMIUM_SERVICES.find((s) => s.name.startsWith('VIU'))!;
const example = { optionId: igGlobal, link: 'https://instagram.com/example', quantity: 1000 };

let sim: Xd247Simulator;

beforeEach(async () => {
  sim = createXd247Simulator({ now: () => T0 });
  await sim.start();
});

afterEach(async () => {
  await sim.stop();
});

async function socialOrder(id: string) {
  return successEnvelope(SocialOrder).parse((await call(sim, `/social/orders/${id}`)).exact).data;
}

describe('GET /social/services', () => {
  it('lists services with options: price per 1000 and quantity bounds', async () => {
    const answer = await call(sim, '/social/services');
    const services = successEnvelope(SocialServiceList).parse(answer.exact).data;
    expect(services.map((s) => s.platform)).toEqual(expect.arrayContaining(['Instagram', 'TikTok', 'Facebook', 'YouTube', 'Shopee']));
    expect(services.flatMap((s) => s.options)).toContainEqual({
      id: igGlobal, name: 'ผู้ติดตามต่างชาติ (เร็ว)', pricePer1000: '50.00', minQuantity: 100, maxQuantity: 50_000,
    });
    expect(answer.raw).toContain('"pricePer1000":37.50');
    expect(SEED_SOCIAL_SERVICES.length).toBe(services.length);
  });
});

describe('POST /social/orders', () => {
  it('reproduces the document example: 1000 units for 50.00, pending, 201', async () => {
    const answer = await call(sim, '/social/orders', { body: example });
    expect(answer.status).toBe(201);
    expect(Object.keys(answer.json.data)).toEqual(['orderId', 'status', 'price']);
    expect(successEnvelope(SocialOrderCreated).parse(answer.exact).data).toMatchObject({ status: 'pending', price: '50.00' });
    expect(answer.raw).toContain('"price":50.00');
    expect(sim.balanceOf()).toBe('450.00');
    expect(sim.ledger).toEqual([{ kind: 'charge', orderRef: answer.json.data.orderId, amount: '50.00', at: T0 }]);
  });

  it('rounds a fractional price up to 0.01 (333 × 37.50 / 1000 = 12.4875 → 12.49)', async () => {
    const answer = await call(sim, '/social/orders', { body: { optionId: fbPostLikes, link: 'https://facebook.com/post/1', quantity: 333 } });
    expect(answer.exact.data.price).toBe('12.49');
    expect(sim.balanceOf()).toBe('487.51');
  });

  it('400 VALIDATION_ERROR outside min/max quantity or for a link that is no web URL; 404 for an unknown option', async () => {
    for (const body of [
      { ...example, quantity: 99 },
      { ...example, quantity: 50_001 },
      { ...example, quantity: 0 },
      { ...example, link: 'instagram.com/example' },
      { ...example, link: 'javascript:alert(1)' },
      { ...example, link: '' },
    ]) {
      const answer = await call(sim, '/social/orders', { body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.json.error.code).toBe('VALIDATION_ERROR');
    }
    const unknown = await call(sim, '/social/orders', { body: { ...example, optionId: seedUuid('nothing') } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('NOT_FOUND');
    expect(sim.ledger).toEqual([]);
  });

  it('400 BAD_REQUEST when the coins do not cover it', async () => {
    sim.setBalance('49.99');
    const answer = await call(sim, '/social/orders', { body: example });
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe('BAD_REQUEST');
    expect(sim.orderCount()).toBe(0);
  });
});

describe('GET /social/orders/:orderId: status and progress', () => {
  it('pending → processing with progress → completed', async () => {
    const id = await create(sim, '/social/orders', example);
    expect(await socialOrder(id)).toMatchObject({
      orderId: id, status: 'pending', price: '50.00', optionId: igGlobal, link: example.link, quantity: 1000, delivered: 0, remains: 1000, progress: 0,
    });
    sim.advanceSocialOrder(id, 'processing', 300);
    expect(await socialOrder(id)).toMatchObject({ status: 'processing', delivered: 300, remains: 700, progress: 30 });
    sim.advanceSocialOrder(id, 'completed');
    expect(await socialOrder(id)).toMatchObject({ status: 'completed', delivered: 1000, remains: 0, progress: 100 });
    expect(sim.orderStatus(id)).toBe('completed');
    expect(() => sim.advanceSocialOrder(id, 'partial', 10)).toThrow();
  });

  it('autoProgress finishes orders on their own', async () => {
    const auto = createXd247Simulator({ now: () => T0, autoProgress: { processingAfterMs: 5, completedAfterMs: 30 } });
    await auto.start();
    try {
      const id = await create(auto, '/social/orders', example);
      await vi.waitFor(() => expect(auto.orderStatus(id)).toBe('completed'), { timeout: 2000, interval: 10 });
      expect((await call(auto, `/social/orders/${id}`)).json.data.remains).toBe(0);
    } finally {
      await auto.stop();
    }
  });
});

describe('POST /social/orders/:orderId/refund', () => {
  it('a partial order gets back the undelivered share: 600 of 1000 undelivered → 30.00', async () => {
    const id = await create(sim, '/social/orders', example);
    sim.advanceSocialOrder(id, 'processing', 100);
    sim.advanceSocialOrder(id, 'partial', 400);
    const answer = await call(sim, `/social/orders/${id}/refund`, { method: 'POST' });
    expect(answer.status).toBe(200);
    expect(successEnvelope(SocialOrderRefunded).parse(answer.exact).data).toEqual({ orderId: id, status: 'refunded', refundAmount: '30.00' });
    expect(sim.balanceOf()).toBe('480.00');
    expect(await socialOrder(id)).toMatchObject({ status: 'refunded', delivered: 400, refundAmount: '30.00' });
    expect(sim.ledger.map((e) => [e.kind, e.amount])).toEqual([['charge', '50.00'], ['refund', '30.00']]);
  });

  it('rounds a partial refund down to 0.01 (12.49 × 233 / 333 = 8.739… → 8.73)', async () => {
    const id = await create(sim, '/social/orders', { optionId: fbPostLikes, link: 'https://facebook.com/post/1', quantity: 333 });
    sim.advanceSocialOrder(id, 'partial', 100);
    expect((await call(sim, `/social/orders/${id}/refund`, { method: 'POST' })).exact.data.refundAmount).toBe('8.73');
  });

  it('a cancelled order gets its full price back, once; pending, processing and completed orders are refused', async () => {
    const id = await create(sim, '/social/orders', example);
    const pending = await call(sim, `/social/orders/${id}/refund`, { method: 'POST' });
    expect(pending.status).toBe(400);
    expect(pending.json.error.code).toBe('BAD_REQUEST');
    sim.advanceSocialOrder(id, 'processing');
    expect((await call(sim, `/social/orders/${id}/refund`, { method: 'POST' })).status).toBe(400);
    sim.advanceSocialOrder(id, 'cancelled');
    const refunded = await call(sim, `/social/orders/${id}/refund`, { method: 'POST' });
    expect(refunded.exact.data).toEqual({ orderId: id, status: 'refunded', refundAmount: '50.00' });
    expect((await call(sim, `/social/orders/${id}/refund`, { method: 'POST' })).json.error.code).toBe('BAD_REQUEST');
    const done = await create(sim, '/social/orders', example);
    sim.advanceSocialOrder(done, 'completed');
    expect((await call(sim, `/social/orders/${done}/refund`, { method: 'POST' })).status).toBe(400);
    expect(sim.balanceOf()).toBe('450.00');
    expect(sim.ledger.filter((e) => e.kind === 'refund')).toEqual([{ kind: 'refund', orderRef: id, amount: '50.00', at: T0 }]);
  });

  it('advanceSocialOrder refuses impossible moves', () => {
    return create(sim, '/social/orders', example).then((id) => {
      expect(() => sim.advanceSocialOrder(id, 'partial', 0)).toThrow(RangeError);
      expect(() => sim.advanceSocialOrder(id, 'partial', 1000)).toThrow(RangeError);
      expect(() => sim.advanceSocialOrder(id, 'cancelled', 5)).toThrow(RangeError);
      expect(() => sim.advanceSocialOrder('nope', 'completed')).toThrow();
      expect(sim.orderStatus(id)).toBe('pending');
    });
  });
});

describe('premium apps', () => {
  it('GET /premium/services lists apps with price and stock', async () => {
    const answer = await call(sim, '/premium/services');
    const services = successEnvelope(PremiumServiceList).parse(answer.exact).data;
    expect(services).toContainEqual({ id: netflix.id, name: netflix.name, price: '99.00', stock: 25, durationDays: 30 });
    expect(answer.raw).toContain('"price":99.00');
  });

  it('POST /premium/orders reproduces the example: 201 with credentials and 99.00; GET shows the same credentials', async () => {
    const answer = await call(sim, '/premium/orders', { body: { serviceId: netflix.id } });
    expect(answer.status).toBe(201);
    expect(Object.keys(answer.json.data)).toEqual(['orderId', 'credentials', 'price']);
    const data = successEnvelope(PremiumOrderCreated).parse(answer.exact).data;
    expect(data.price).toBe('99.00');
    expect(data.credentials).toMatchObject({ email: expect.stringMatching(/@/), password: expect.any(String), profile: expect.any(String), pin: expect.stringMatching(/^\d{4}$/) });
    expect(data.credentials.expiresAt).toBe('2024-01-31T00:00:00.000Z');
    const detail = successEnvelope(PremiumOrder).parse((await call(sim, `/premium/orders/${data.orderId}`)).exact).data;
    expect(detail).toMatchObject({ orderId: data.orderId, credentials: data.credentials, price: '99.00', serviceId: netflix.id, status: 'completed' });
    expect(sim.balanceOf()).toBe('401.00');
    expect(sim.ledger).toEqual([{ kind: 'charge', orderRef: data.orderId, amount: '99.00', at: T0 }]);
    expect((await call(sim, '/premium/services')).json.data.find((s: { id: string }) => s.id === netflix.id).stock).toBe(24);
    expect(sim.orderStatus(data.orderId)).toBe('completed');
  });

  it('400 BAD_REQUEST out of stock or without the coins; 404 for an unknown app; nothing charged', async () => {
    expect((await call(sim, '/premium/orders', { body: { serviceId: viu.id } })).json.error.code).toBe('BAD_REQUEST');
    sim.setStock(viu.id, 1);
    expect((await call(sim, '/premium/orders', { body: { serviceId: viu.id } })).status).toBe(201);
    expect((await call(sim, '/premium/orders', { body: { serviceId: viu.id } })).status).toBe(400);
    sim.setBalance('98.99');
    expect((await call(sim, '/premium/orders', { body: { serviceId: netflix.id } })).json.error.code).toBe('BAD_REQUEST');
    const unknown = await call(sim, '/premium/orders', { body: { serviceId: seedUuid('nothing') } });
    expect(unknown.status).toBe(404);
    expect(sim.ledger.map((e) => e.amount)).toEqual(['29.00']);
    expect(() => sim.setStock('nope', 1)).toThrow();
    expect(() => sim.setStock(viu.id, -1)).toThrow(RangeError);
  });
});
