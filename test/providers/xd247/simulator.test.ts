import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createXd247Simulator, ERROR_STATUS, SEED_OTP_SERVICES, XD247_SANDBOX_API_KEY } from '../../../src/providers/xd247/simulator.ts';
import type { Xd247Simulator } from '../../../src/providers/xd247/simulator.ts';
import { API_KEY_PATTERN, Balance, ErrorEnvelope, readRateLimit, successEnvelope } from '../../../src/providers/xd247/wire.ts';
import { call, create, keyFor } from './sim-client.ts';

// 2024-03-01T16:59:30Z: the minute window ends at 1709312400, the document's X-RateLimit-Reset example.
const T0 = Date.parse('2024-03-01T16:59:30.000Z');
const shopee = SEED_OTP_SERVICES.find((s) => s.code === 'shopee')!;
const shopeeStandard = shopee.priceOptions[0]!;

let sim: Xd247Simulator;

beforeEach(async () => {
  sim = createXd247Simulator({ now: () => T0 });
  await sim.start();
});

afterEach(async () => {
  await sim.stop();
});

function expectError(answer: { status: number; json: any; exact: any }, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.json).toEqual({ success: false, error: { code, message: expect.any(String) } });
  expect(ErrorEnvelope.parse(answer.exact).error.code).toBe(code);
}

describe('base URL, envelope and the balance example', () => {
  it('serves /api/v1 on loopback', () => {
    expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
  });

  it('GET /balance answers the document example, coins as the JSON number 500.00', async () => {
    const answer = await call(sim, '/balance');
    expect(answer.status).toBe(200);
    expect(answer.raw).toBe('{"success":true,"data":{"coins":500.00}}');
    expect(successEnvelope(Balance).parse(answer.exact).data.coins).toBe('500.00');
  });

  it('the sandbox key has the documented form and other keys are separate users', async () => {
    expect(XD247_SANDBOX_API_KEY).toMatch(API_KEY_PATTERN);
    expect(XD247_SANDBOX_API_KEY.length).toBe('247xd_'.length + 40);
    const other = keyFor('second');
    const two = createXd247Simulator({ apiKeys: [XD247_SANDBOX_API_KEY, other], initialCoins: '12.34', now: () => T0 });
    await two.start();
    try {
      two.setBalance('99.90', other);
      expect((await call(two, '/balance')).exact.data.coins).toBe('12.34');
      expect((await call(two, '/balance', { key: other })).exact.data.coins).toBe('99.90');
    } finally {
      await two.stop();
    }
  });

  it('refuses keys that are not "247xd_" + 40 characters as options', () => {
    for (const key of ['247xd_short', `248xd_${'a'.repeat(40)}`, `247xd_${'a'.repeat(41)}`]) {
      expect(() => createXd247Simulator({ apiKeys: [key] })).toThrow(RangeError);
    }
  });
});

describe('401 UNAUTHORIZED, as section 2 says', () => {
  it('accepts exactly the configured key as a Bearer token', async () => {
    expect((await call(sim, '/balance', { authorization: `Bearer ${XD247_SANDBOX_API_KEY}` })).status).toBe(200);
  });

  it('refuses a missing header, another scheme, the wrong length or prefix, an unknown and an expired key', async () => {
    const cases: Array<{ authorization?: string; key?: string | null }> = [
      { key: null },
      { authorization: '' },
      { authorization: `Basic ${XD247_SANDBOX_API_KEY}` },
      { authorization: XD247_SANDBOX_API_KEY },
      { key: XD247_SANDBOX_API_KEY.slice(0, -1) },
      { key: `${XD247_SANDBOX_API_KEY}x` },
      { key: XD247_SANDBOX_API_KEY.replace('247xd_', '248xd_') },
      { key: `247xd_${'-'.repeat(40)}` },
      { key: keyFor('unknown') },
      { key: '247xd_your_api_key_here' },
    ];
    for (const init of cases) expectError(await call(sim, '/balance', init), 401, 'UNAUTHORIZED');
    sim.setKeyExpired(true);
    expectError(await call(sim, '/balance'), 401, 'UNAUTHORIZED');
    sim.setKeyExpired(false);
    expect((await call(sim, '/balance')).status).toBe(200);
  });

  it('401 comes before routing: an unknown path without a key is 401, not 404', async () => {
    expectError(await call(sim, '/nothing', { key: null }), 401, 'UNAUTHORIZED');
  });
});

describe('the error table (section 9)', () => {
  it('lists the seven documented codes with their statuses', () => {
    expect(ERROR_STATUS).toEqual({
      VALIDATION_ERROR: 400, BAD_REQUEST: 400, UNAUTHORIZED: 401, ACCOUNT_BANNED: 403, NOT_FOUND: 404, RATE_LIMITED: 429, INTERNAL_ERROR: 500,
    });
  });

  it('400 VALIDATION_ERROR: missing or mistyped fields', async () => {
    for (const [path, body] of [
      ['/otp/orders', {}],
      ['/otp/orders', { serviceId: shopee.id }],
      ['/otp/orders', { serviceId: 1, priceOptionId: shopeeStandard.id }],
      ['/otp/orders', []],
      ['/social/orders', { optionId: 'x', link: 'https://instagram.com/example', quantity: '1000' }],
      ['/social/orders', { optionId: 'x', link: 'https://instagram.com/example', quantity: 10.5 }],
      ['/premium/orders', { serviceId: null }],
    ] as const) {
      expectError(await call(sim, path, { body }), 400, 'VALIDATION_ERROR');
    }
  });

  it('400 BAD_REQUEST: a body that is not JSON, or none at all', async () => {
    expectError(await call(sim, '/otp/orders', { rawBody: '{"serviceId":' }), 400, 'BAD_REQUEST');
    expectError(await call(sim, '/premium/orders', { method: 'POST' }), 400, 'BAD_REQUEST');
  });

  it('403 ACCOUNT_BANNED on every endpoint of a banned account, and nothing is bought', async () => {
    sim.setBanned(true);
    expectError(await call(sim, '/balance'), 403, 'ACCOUNT_BANNED');
    expectError(await call(sim, '/otp/orders', { body: { serviceId: shopee.id, priceOptionId: shopeeStandard.id } }), 403, 'ACCOUNT_BANNED');
    expect(sim.orderCount()).toBe(0);
    expect(sim.ledger).toEqual([]);
    sim.setBanned(false);
    expect((await call(sim, '/balance')).status).toBe(200);
  });

  it('404 NOT_FOUND: unknown paths and methods, unknown orders, other users\' orders, orders of another kind', async () => {
    const id = await create(sim, '/otp/orders', { serviceId: shopee.id, priceOptionId: shopeeStandard.id });
    for (const [path, method] of [
      ['/nothing', 'GET'],
      ['/balance', 'POST'],
      ['/otp/orders', 'GET'],
      ['/otp/orders/00000000-0000-4000-8000-000000000000', 'GET'],
      ['/otp/orders/not-a-uuid/cancel', 'POST'],
      [`/social/orders/${id}`, 'GET'],
      [`/premium/orders/${id}`, 'GET'],
      [`/social/orders/${id}/refund`, 'POST'],
    ] as const) {
      expectError(await call(sim, path, { method }), 404, 'NOT_FOUND');
    }
    const other = keyFor('other');
    const two = createXd247Simulator({ apiKeys: [XD247_SANDBOX_API_KEY, other], now: () => T0 });
    await two.start();
    try {
      const mine = await create(two, '/otp/orders', { serviceId: shopee.id, priceOptionId: shopeeStandard.id });
      expectError(await call(two, `/otp/orders/${mine}`, { key: other }), 404, 'NOT_FOUND');
      expectError(await call(two, `/otp/orders/${mine}/cancel`, { key: other, method: 'POST' }), 404, 'NOT_FOUND');
      expect(two.orderStatus(mine)).toBe('waiting_sms');
    } finally {
      await two.stop();
    }
  });

  it('500 INTERNAL_ERROR in the documented envelope (injected)', async () => {
    sim.injectFault({ endpoint: 'balance', kind: 'error', status: 500, code: 'INTERNAL_ERROR', message: 'ข้อผิดพลาดภายในระบบ' });
    const answer = await call(sim, '/balance');
    expectError(answer, 500, 'INTERNAL_ERROR');
    expect(answer.json.error.message).toBe('ข้อผิดพลาดภายในระบบ');
  });
});

describe('rate limit (section 3): 60 requests per minute per user', () => {
  it('every answer carries X-RateLimit-Limit/Remaining/Reset; Reset is the window end in Unix seconds', async () => {
    const first = await call(sim, '/balance');
    expect(first.headers.get('x-ratelimit-limit')).toBe('60');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('59');
    expect(first.headers.get('x-ratelimit-reset')).toBe('1709312400');
    const second = await call(sim, '/otp/services');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('58');
    expect(readRateLimit(second.headers)).toEqual({ limit: 60, remaining: 58, resetAt: 1709312400_000 });
    for (const answer of [
      await call(sim, '/nothing'),
      await call(sim, '/otp/orders', { body: {} }),
      await call(sim, '/balance', { key: null }),
      await call(sim, '/balance', { key: keyFor('nobody') }),
    ]) {
      expect(readRateLimit(answer.headers), answer.raw).not.toBeNull();
    }
    sim.setBanned(true);
    expect(readRateLimit((await call(sim, '/balance')).headers)).not.toBeNull();
  });

  it('the 61st request of a minute is 429 RATE_LIMITED with Remaining 0; the next minute opens a new window', async () => {
    for (let i = 1; i <= 60; i++) {
      const answer = await call(sim, i % 2 ? '/balance' : '/premium/services');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-ratelimit-remaining')).toBe(String(60 - i));
    }
    const limited = await call(sim, '/balance');
    expectError(limited, 429, 'RATE_LIMITED');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-reset')).toBe('1709312400');
    expectError(await call(sim, '/otp/orders', { body: { serviceId: shopee.id, priceOptionId: shopeeStandard.id } }), 429, 'RATE_LIMITED');
    expect(sim.orderCount()).toBe(0);
    await sim.advanceClock(30_000);
    const next = await call(sim, '/balance');
    expect(next.status).toBe(200);
    expect(next.headers.get('x-ratelimit-remaining')).toBe('59');
    expect(next.headers.get('x-ratelimit-reset')).toBe('1709312460');
  });

  it('is per user, and configurable', async () => {
    const other = keyFor('other');
    const small = createXd247Simulator({ apiKeys: [XD247_SANDBOX_API_KEY, other], rateLimitPerMinute: 2, now: () => T0 });
    await small.start();
    try {
      expect((await call(small, '/balance')).headers.get('x-ratelimit-limit')).toBe('2');
      expect((await call(small, '/balance')).status).toBe(200);
      expectError(await call(small, '/balance'), 429, 'RATE_LIMITED');
      expect((await call(small, '/balance', { key: other })).status).toBe(200);
    } finally {
      await small.stop();
    }
  });

  it('is not a rolling 60 s from the first request: the clock minute resets it', async () => {
    const small = createXd247Simulator({ rateLimitPerMinute: 1, now: () => Date.parse('2024-03-01T16:59:59.000Z') });
    await small.start();
    try {
      expect((await call(small, '/balance')).status).toBe(200);
      expect((await call(small, '/balance')).status).toBe(429);
      await small.advanceClock(1000);
      expect((await call(small, '/balance')).status).toBe(200);
    } finally {
      await small.stop();
    }
  });
});

describe('request log', () => {
  it('records endpoint name, method, path, status and simulator time', async () => {
    await call(sim, '/balance');
    await sim.advanceClock(5000);
    await call(sim, '/otp/orders/abc');
    await call(sim, '/nope');
    expect(sim.requests).toEqual([
      { endpoint: 'balance', method: 'GET', path: '/api/v1/balance', status: 200, at: T0 },
      { endpoint: 'otpOrder', method: 'GET', path: '/api/v1/otp/orders/abc', status: 404, at: T0 + 5000 },
      { endpoint: 'unmatched', method: 'GET', path: '/api/v1/nope', status: 404, at: T0 + 5000 },
    ]);
    expect(sim.deliveries).toEqual([]);
    await sim.settleDeliveries();
  });
});
