import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createXd247Simulator, SEED_OTP_SERVICES, SEED_PREMIUM_SERVICES, seedUuid, XD247_SANDBOX_API_KEY } from '../../../src/providers/xd247/simulator.ts';
import type { Xd247Endpoint, Xd247Simulator } from '../../../src/providers/xd247/simulator.ts';
import { parseJsonExact } from '../../../src/providers/shared/json-amounts.ts';
import { call, create } from './sim-client.ts';

const T0 = Date.parse('2024-01-01T00:00:00.000Z');
const shopee = SEED_OTP_SERVICES.find((s) => s.code === 'shopee')!;
const buyShopee = { serviceId: shopee.id, priceOptionId: shopee.priceOptions[0]!.id };
const netflix = SEED_PREMIUM_SERVICES[0]!;
const social = { optionId: seedUuid('social:ig-followers:global'), link: 'https://instagram.com/example', quantity: 1000 };

let sim: Xd247Simulator;

beforeEach(async () => {
  sim = createXd247Simulator({ now: () => T0, firstOrderId: 41 });
  await sim.start();
});

afterEach(async () => {
  await sim.stop();
});

const rawPost = (path: string, body: unknown) =>
  fetch(`${sim.baseUrl}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${XD247_SANDBOX_API_KEY}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('faults', () => {
  it('error: the documented envelope at the given status, no work done', async () => {
    sim.injectFault({ endpoint: 'otpCreate', kind: 'error', status: 429, code: 'RATE_LIMITED', retryAfterSeconds: 7 });
    const answer = await call(sim, '/otp/orders', { body: buyShopee });
    expect(answer.status).toBe(429);
    expect(answer.json).toEqual({ success: false, error: { code: 'RATE_LIMITED', message: expect.any(String) } });
    expect(answer.headers.get('retry-after')).toBe('7');
    expect(answer.headers.get('x-ratelimit-limit')).toBe('60');
    expect(sim.orderCount()).toBe(0);
    expect(sim.ledger).toEqual([]);
    expect((await call(sim, '/otp/orders', { body: buyShopee })).status).toBe(201);
  });

  it('dropBeforeCommit: the socket closes, nothing bought', async () => {
    sim.injectFault({ endpoint: 'premiumCreate', kind: 'dropBeforeCommit' });
    await expect(rawPost('/premium/orders', { serviceId: netflix.id })).rejects.toThrow();
    expect(sim.orderCount()).toBe(0);
    expect(sim.balanceOf()).toBe('500.00');
    expect(sim.requests.at(-1)).toMatchObject({ endpoint: 'premiumCreate', status: 0 });
  });

  it('dropAfterCommit: the order exists and is charged, but no answer arrives', async () => {
    sim.injectFault({ endpoint: 'otpCreate', kind: 'dropAfterCommit' });
    await expect(rawPost('/otp/orders', buyShopee)).rejects.toThrow();
    expect(sim.orderCount()).toBe(1);
    expect(sim.balanceOf()).toBe('485.00');
    const id = '247d0000-0000-4000-8000-00000000002a';
    expect(sim.ledger).toEqual([{ kind: 'charge', orderRef: id, amount: '15.00', at: T0 }]);
    expect(sim.orderStatus(id)).toBe('waiting_sms');
    expect(sim.requests.at(-1)).toMatchObject({ endpoint: 'otpCreate', status: 0 });
  });

  it('malformedAfterCommit: HTTP 200 with a truncated body, work done', async () => {
    sim.injectFault({ endpoint: 'socialCreate', kind: 'malformedAfterCommit' });
    const res = await rawPost('/social/orders', social);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => parseJsonExact(text)).toThrow();
    expect(sim.orderCount()).toBe(1);
    expect(sim.ledger.map((e) => e.amount)).toEqual(['50.00']);
  });

  it('malformedAfterCommit on a refund: the refund happened', async () => {
    const id = await create(sim, '/otp/orders', buyShopee);
    await call(sim, `/otp/orders/${id}/cancel`, { method: 'POST' });
    sim.injectFault({ endpoint: 'otpRefund', kind: 'malformedAfterCommit' });
    const answer = await fetch(`${sim.baseUrl}/otp/orders/${id}/refund`, { method: 'POST', headers: { Authorization: `Bearer ${XD247_SANDBOX_API_KEY}` } });
    const text = await answer.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(sim.orderStatus(id)).toBe('refunded');
    expect(sim.balanceOf()).toBe('500.00');
  });

  it('delay: the work is done and the answer comes late but whole', async () => {
    sim.injectFault({ endpoint: 'balance', kind: 'delay', ms: 50 });
    const started = Date.now();
    const answer = await call(sim, '/balance');
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    expect(answer.raw).toBe('{"success":true,"data":{"coins":500.00}}');
  });

  it('faults apply to their endpoint only, in order, and can be cleared', async () => {
    sim.injectFault({ endpoint: 'otpOrder', kind: 'error', status: 500, code: 'INTERNAL_ERROR' });
    sim.injectFault({ endpoint: 'balance', kind: 'error', status: 404, code: 'NOT_FOUND' });
    sim.injectFault({ endpoint: 'balance', kind: 'error', status: 500, code: 'INTERNAL_ERROR' });
    expect((await call(sim, '/otp/services')).status).toBe(200);
    expect((await call(sim, '/balance')).status).toBe(404);
    expect((await call(sim, '/balance')).status).toBe(500);
    expect((await call(sim, '/balance')).status).toBe(200);
    sim.clearFaults();
    const id = await create(sim, '/otp/orders', buyShopee);
    expect((await call(sim, `/otp/orders/${id}`)).status).toBe(200);
  });

  it('every endpoint accepts a fault; unknown names and bad values are refused', async () => {
    const id = await create(sim, '/otp/orders', buyShopee);
    const endpoints: Array<[Xd247Endpoint, string, string]> = [
      ['balance', 'GET', '/balance'],
      ['otpServices', 'GET', '/otp/services'],
      ['otpCreate', 'POST', '/otp/orders'],
      ['otpOrder', 'GET', `/otp/orders/${id}`],
      ['otpCancel', 'POST', `/otp/orders/${id}/cancel`],
      ['otpRefund', 'POST', `/otp/orders/${id}/refund`],
      ['socialServices', 'GET', '/social/services'],
      ['socialCreate', 'POST', '/social/orders'],
      ['socialOrder', 'GET', `/social/orders/${id}`],
      ['socialRefund', 'POST', `/social/orders/${id}/refund`],
      ['premiumServices', 'GET', '/premium/services'],
      ['premiumCreate', 'POST', '/premium/orders'],
      ['premiumOrder', 'GET', `/premium/orders/${id}`],
    ];
    for (const [endpoint, method, path] of endpoints) {
      sim.injectFault({ endpoint, kind: 'error', status: 503, code: 'INTERNAL_ERROR' });
      const answer = await call(sim, path, { method, ...(method === 'POST' ? { body: {} } : {}) });
      expect(answer.status, endpoint).toBe(503);
      expect(sim.requests.at(-1)?.endpoint).toBe(endpoint);
    }
    expect(sim.orderStatus(id)).toBe('waiting_sms');
    expect(() => sim.injectFault({ endpoint: 'nope' as Xd247Endpoint, kind: 'dropBeforeCommit' })).toThrow(RangeError);
    expect(() => sim.injectFault({ endpoint: 'balance', kind: 'error', status: 42, code: 'X' })).toThrow(RangeError);
    expect(() => sim.injectFault({ endpoint: 'balance', kind: 'delay', ms: -1 })).toThrow(RangeError);
  });
});

describe('ledger and controls', () => {
  it('the ledger lists every charge and refund across OTP, social and premium, in order', async () => {
    const otp = await create(sim, '/otp/orders', buyShopee);
    const boost = await create(sim, '/social/orders', social);
    const app = await create(sim, '/premium/orders', { serviceId: netflix.id });
    await call(sim, `/otp/orders/${otp}/cancel`, { method: 'POST' });
    await sim.advanceClock(1000);
    await call(sim, `/otp/orders/${otp}/refund`, { method: 'POST' });
    sim.advanceSocialOrder(boost, 'partial', 900);
    await call(sim, `/social/orders/${boost}/refund`, { method: 'POST' });
    expect(sim.ledger).toEqual([
      { kind: 'charge', orderRef: otp, amount: '15.00', at: T0 },
      { kind: 'charge', orderRef: boost, amount: '50.00', at: T0 },
      { kind: 'charge', orderRef: app, amount: '99.00', at: T0 },
      { kind: 'refund', orderRef: otp, amount: '15.00', at: T0 + 1000 },
      { kind: 'refund', orderRef: boost, amount: '5.00', at: T0 + 1000 },
    ]);
    expect(sim.balanceOf()).toBe('356.00');
    expect(sim.orderCount()).toBe(3);
  });

  it('order ids count up from firstOrderId, and a fresh range never repeats one', async () => {
    const first = await create(sim, '/otp/orders', buyShopee);
    const second = await create(sim, '/premium/orders', { serviceId: netflix.id });
    expect(first).toBe('247d0000-0000-4000-8000-00000000002a');
    expect(second).toBe('247d0000-0000-4000-8000-00000000002b');
    const restarted = createXd247Simulator({ firstOrderId: 1_000_000 });
    await restarted.start();
    try {
      expect(await create(restarted, '/otp/orders', buyShopee)).toBe('247d0000-0000-4000-8000-0000000f4241');
    } finally {
      await restarted.stop();
    }
  });

  it('refuses bad option and control values', () => {
    expect(() => createXd247Simulator({ initialCoins: '1.234' })).toThrow(RangeError);
    expect(() => createXd247Simulator({ initialCoins: '-1.00' })).toThrow(RangeError);
    expect(() => createXd247Simulator({ rateLimitPerMinute: 0 })).toThrow(RangeError);
    expect(() => createXd247Simulator({ autoOtp: { minDelayMs: 10, maxDelayMs: 5 } })).toThrow(RangeError);
    expect(() => createXd247Simulator({ autoProgress: { processingAfterMs: 10, completedAfterMs: 5 } })).toThrow(RangeError);
    expect(() => createXd247Simulator({ apiKeys: [] })).toThrow();
    expect(() => sim.setBalance('12.345')).toThrow(RangeError);
    expect(() => sim.balanceOf('247xd_unknown')).toThrow();
    return expect(sim.deliverOtp('nope')).rejects.toThrow();
  });

  it('a custom catalog replaces the seed', async () => {
    const custom = createXd247Simulator({
      otpServices: [{ id: seedUuid('x'), code: 'wa', name: 'WhatsApp', priceOptions: [{ id: seedUuid('x:1'), name: 'ธรรมดา', price: '7.25', stock: 1 }] }],
      socialServices: [],
      premiumServices: [],
    });
    await custom.start();
    try {
      expect((await call(custom, '/otp/services')).raw).toBe(
        `{"success":true,"data":[{"id":"${seedUuid('x')}","name":"WhatsApp","priceOptions":[{"id":"${seedUuid('x:1')}","name":"ธรรมดา","price":7.25,"stock":1}]}]}`,
      );
      expect((await call(custom, '/social/services')).json.data).toEqual([]);
    } finally {
      await custom.stop();
    }
    expect(() => createXd247Simulator({ premiumServices: [{ id: 'a', name: 'A', price: '1.00', stock: 1, durationDays: 30 }, { id: 'a', name: 'B', price: '1.00', stock: 1, durationDays: 30 }] })).toThrow(/duplicate/);
  });
});
