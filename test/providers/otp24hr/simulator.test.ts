import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOtp24hrSimulator, DOCUMENTED_ERRORS } from '../../../src/providers/otp24hr/simulator.ts';
import type { Otp24hrSimulator, Otp24hrSimulatorOptions } from '../../../src/providers/otp24hr/simulator.ts';
import {
  BalanceResponse,
  BuyResponse,
  CancelResponse,
  CompleteResponse,
  ERROR_CODES,
  ErrorResponse,
  OrdersResponse,
  ServicesResponse,
  StatusResponse,
} from '../../../src/providers/otp24hr/wire.ts';
import { buy, call, expectedError } from './sim-client.ts';

const T0 = Date.parse('2026-02-25T10:00:00Z');
const MINUTE = 60_000;
const OTHER_KEY = 'second-reseller-key';

let sim: Otp24hrSimulator;

async function startWith(options: Otp24hrSimulatorOptions = {}): Promise<void> {
  await sim?.stop();
  sim = createOtp24hrSimulator({ now: () => T0, ...options });
  await sim.start();
}

beforeEach(async () => {
  sim = createOtp24hrSimulator({ now: () => T0, apiKeys: ['sandbox-otp24hr-key', OTHER_KEY] });
  await sim.start();
});

afterEach(async () => {
  await sim.stop();
});

describe('base URL, routing and envelope', () => {
  it('serves the document base path /api/v1 on loopback', () => {
    expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
  });

  it('answers JSON with ok:false for an unknown file and for a documented file called with the wrong method', async () => {
    const unknown = await call(sim, '/nope.php');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual(expectedError('NOT_FOUND'));
    const wrongMethod = await call(sim, '/buy.php', { method: 'GET' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json).toEqual(expectedError('METHOD_NOT_ALLOWED'));
    const outsideBase = await fetch(`${sim.baseUrl.replace('/api/v1', '')}/balance.php`, { headers: { 'X-API-Key': 'sandbox-otp24hr-key' } });
    expect(outsideBase.status).toBe(404);
  });

  it('every error answer is exactly {ok:false, error, message} with the table message in Thai', async () => {
    const answer = await call(sim, '/balance.php', { key: 'wrong' });
    expect(Object.keys(answer.json)).toEqual(['ok', 'error', 'message']);
    expect(answer.json).toEqual({ ok: false, error: 'INVALID_API_KEY', message: 'API key ไม่ถูกต้อง' });
    expect(ErrorResponse.parse(answer.json).error).toBe('INVALID_API_KEY');
  });

  it('the simulator table covers exactly the document table', () => {
    expect(Object.keys(DOCUMENTED_ERRORS)).toEqual([...ERROR_CODES]);
  });

  it('errorStatus "always200" answers errors with HTTP 200 and ok:false', async () => {
    await startWith({ errorStatus: 'always200' });
    const answer = await call(sim, '/buy.php', { body: {} });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(expectedError('SERVICE_REQUIRED'));
  });
});

describe('authentication: the four documented ways', () => {
  it('accepts the key as X-API-Key, Bearer token, ?api_key= and JSON body api_key', async () => {
    for (const via of ['header', 'bearer', 'query'] as const) {
      const answer = await call(sim, '/balance.php', { via });
      expect(answer.status, via).toBe(200);
      expect(answer.json.ok, via).toBe(true);
    }
    const bought = await call(sim, '/buy.php', { via: 'body', body: { service: 'ka' } });
    expect(bought.json.ok).toBe(true);
    const cancelled = await call(sim, '/cancel.php', { via: 'body', body: { order_id: bought.json.order_id } });
    expect(cancelled.json.error).toBe('EARLY_CANCEL_DENIED');
  });

  it('NO_API_KEY when no key is sent any way, INVALID_API_KEY for an unknown key', async () => {
    const none = await call(sim, '/balance.php', { via: 'none' });
    expect(none.status).toBe(401);
    expect(none.json).toEqual({ ok: false, error: 'NO_API_KEY', message: 'ไม่ได้ส่ง API key มา' });
    for (const via of ['header', 'bearer', 'query'] as const) {
      const wrong = await call(sim, '/balance.php', { via, key: 'not-a-key' });
      expect(wrong.status, via).toBe(401);
      expect(wrong.json, via).toEqual(expectedError('INVALID_API_KEY'));
    }
    const wrongInBody = await call(sim, '/buy.php', { via: 'body', key: 'not-a-key', body: { service: 'ka' } });
    expect(wrongInBody.json).toEqual(expectedError('INVALID_API_KEY'));
    expect(sim.orderCount()).toBe(0);
  });

  it('the first way present wins, in the document order (header before query)', async () => {
    const headers = { 'X-API-Key': 'not-a-key' };
    const answer = await fetch(`${sim.baseUrl}/balance.php?api_key=sandbox-otp24hr-key`, { headers });
    expect(((await answer.json()) as { error: string }).error).toBe('INVALID_API_KEY');
  });

  it('API_KEY_DISABLED for a disabled key (option and control)', async () => {
    await startWith({ apiKeys: ['a', 'b'], disabledApiKeys: ['b'] });
    expect((await call(sim, '/balance.php', { key: 'b' })).json).toEqual({ ok: false, error: 'API_KEY_DISABLED', message: 'API key ถูกปิดใช้งาน' });
    sim.setApiKeyDisabled('a', true);
    const answer = await call(sim, '/buy.php', { key: 'a', body: { service: 'ka' } });
    expect(answer.status).toBe(403);
    expect(answer.json.error).toBe('API_KEY_DISABLED');
    sim.setApiKeyDisabled('b', false);
    expect((await call(sim, '/balance.php', { key: 'b' })).json.ok).toBe(true);
    expect(sim.ledger).toEqual([]);
  });

  it('IP_NOT_ALLOWED when the client IP is not in the key whitelist', async () => {
    await startWith({ ipWhitelist: { 'sandbox-otp24hr-key': ['203.0.113.7'] } });
    const refused = await call(sim, '/buy.php', { body: { service: 'ka' } });
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({ ok: false, error: 'IP_NOT_ALLOWED', message: 'IP ไม่อยู่ใน whitelist' });
    expect(sim.orderCount()).toBe(0);
    sim.setIpWhitelist('sandbox-otp24hr-key', ['203.0.113.7', '127.0.0.1']);
    expect((await call(sim, '/balance.php')).json.ok).toBe(true);
  });
});

describe('RATE_LIMIT', () => {
  it('refuses requests beyond the per-minute budget of a key, and lets them through a minute later', async () => {
    await startWith({ rateLimitPerMinute: 3, apiKeys: ['a', 'b'] });
    for (let i = 0; i < 3; i++) expect((await call(sim, '/balance.php', { key: 'a' })).json.ok).toBe(true);
    const limited = await call(sim, '/buy.php', { key: 'a', body: { service: 'ka' } });
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ ok: false, error: 'RATE_LIMIT', message: 'ส่ง request เกินขีดจำกัดต่อนาที' });
    expect(sim.orderCount()).toBe(0);
    // Another key has its own budget.
    expect((await call(sim, '/balance.php', { key: 'b' })).json.ok).toBe(true);
    await sim.advanceClock(MINUTE - 1);
    expect((await call(sim, '/balance.php', { key: 'a' })).json.error).toBe('RATE_LIMIT');
    await sim.advanceClock(1);
    expect((await call(sim, '/balance.php', { key: 'a' })).json.ok).toBe(true);
  });

  it('defaults to a generous 120 requests per minute', async () => {
    for (let i = 0; i < 120; i++) expect((await call(sim, '/balance.php')).json.ok).toBe(true);
    expect((await call(sim, '/balance.php')).json.error).toBe('RATE_LIMIT');
  });
});

describe('GET /services.php', () => {
  it('reproduces the document example: country 52 by default, count 10, Shopee "ka" at 15.00', async () => {
    const answer = await call(sim, '/services.php');
    expect(answer.status).toBe(200);
    expect(answer.raw).toContain('{"code":"ka","name":"SHOPEE","price_thb":15.00,"available":true}');
    expect(answer.raw.startsWith('{"ok":true,"country":52,"count":10,"services":[')).toBe(true);
    const parsed = ServicesResponse.parse(answer.json);
    expect(parsed.services).toHaveLength(10);
    expect(parsed.services[0]).toEqual({ code: 'ka', name: 'SHOPEE', price_thb: '15.00', available: true });
    expect(parsed.services.map((s) => s.code)).toEqual(expect.arrayContaining(['ka', 'fb', 'tg', 'wa', 'me', 'lf', 'jg', 'dl']));
  });

  it('lists another country by its sms-activate number; an unknown one has no services', async () => {
    for (const country of [6, 7, 10, 4]) {
      const answer = await call(sim, `/services.php?country=${country}`);
      expect(answer.json.country).toBe(country);
      expect(answer.json.count).toBeGreaterThan(0);
      expect(answer.json.count).toBe(answer.json.services.length);
    }
    const indonesia = await call(sim, '/services.php?country=6');
    expect(indonesia.json.services.map((s: { code: string }) => s.code)).toContain('ni');
    const none = await call(sim, '/services.php?country=999');
    expect(none.json).toEqual({ ok: true, country: 999, count: 0, services: [] });
    expect((await call(sim, '/services.php?country=thai')).json.error).toBe('SERVICE_NOT_FOUND');
  });

  it('shows available:false at zero stock and the price set by setPrice, to the satang', async () => {
    sim.setStock('tg', 52, 0);
    sim.setPrice('fb', 52, '11.05');
    const answer = await call(sim, '/services.php?country=52');
    expect(answer.raw).toContain('{"code":"tg","name":"TELEGRAM","price_thb":30.00,"available":false}');
    expect(answer.raw).toContain('"code":"fb","name":"FACEBOOK","price_thb":11.05');
  });
});

describe('GET /balance.php', () => {
  it('reproduces the document example exactly: {"ok":true,"balance_thb":1500.00,"currency":"THB"}', async () => {
    const answer = await call(sim, '/balance.php');
    expect(answer.raw).toBe('{"ok":true,"balance_thb":1500.00,"currency":"THB"}');
    expect(BalanceResponse.parse(answer.json)).toEqual({ ok: true, balance_thb: '1500.00', currency: 'THB' });
  });

  it('writes whatever balance setBalance gives with two decimals', async () => {
    sim.setBalance('500');
    expect((await call(sim, '/balance.php')).raw).toContain('"balance_thb":500.00');
    sim.setBalance('0.5');
    expect((await call(sim, '/balance.php')).raw).toContain('"balance_thb":0.50');
    expect(sim.balanceOf()).toBe('0.50');
    expect(() => sim.setBalance('1.234')).toThrow(RangeError);
    expect(() => sim.setBalance(15 as unknown as string)).toThrow(RangeError);
  });
});

describe('POST /buy.php', () => {
  it('reproduces the document example: every field, price_thb 15.00, 20 minutes, waiting; the wallet is charged at once', async () => {
    const answer = await call(sim, '/buy.php', { body: { service: 'ka', country: 52 } });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.json)).toEqual(['ok', 'order_id', 'activation_id', 'phone', 'service', 'country', 'price_thb', 'expires_in_min', 'status']);
    expect(answer.json).toEqual({
      ok: true,
      order_id: 1672,
      activation_id: expect.any(Number),
      phone: expect.stringMatching(/^66[689]\d{8}$/),
      service: 'ka',
      country: 52,
      price_thb: '15.00',
      expires_in_min: 20,
      status: 'waiting',
    });
    expect(answer.raw).toContain('"price_thb":15.00,"expires_in_min":20,"status":"waiting"');
    expect(BuyResponse.parse(answer.json).order_id).toBe(1672);
    expect(sim.balanceOf()).toBe('1485.00');
    expect(sim.ledger).toEqual([{ kind: 'charge', orderRef: '1672', amount: '15.00', at: T0 }]);
  });

  it('country defaults to 52; other countries get their own phone plans', async () => {
    const thai = await call(sim, '/buy.php', { body: { service: 'ka' } });
    expect(thai.json.country).toBe(52);
    const indo = await call(sim, '/buy.php', { body: { service: 'ka', country: 6 } });
    expect(indo.json.phone).toMatch(/^628\d{9,10}$/);
    expect(indo.json.price_thb).toBe('6.00');
    const vn = await call(sim, '/buy.php', { body: { service: 'fb', country: 10 } });
    expect(vn.json.phone).toMatch(/^84\d{9}$/);
  });

  it('has no idempotency: the same request twice buys two numbers and charges twice', async () => {
    const first = await call(sim, '/buy.php', { body: { service: 'ka', country: 52 } });
    const second = await call(sim, '/buy.php', { body: { service: 'ka', country: 52 } });
    expect(second.json.order_id).toBe(first.json.order_id + 1);
    expect(second.json.activation_id).toBeGreaterThan(first.json.activation_id);
    expect(sim.ledger.map((e) => [e.kind, e.orderRef, e.amount])).toEqual([
      ['charge', '1672', '15.00'],
      ['charge', '1673', '15.00'],
    ]);
    expect(sim.balanceOf()).toBe('1470.00');
  });

  it('SERVICE_REQUIRED without service (missing, null, empty, or an unreadable body)', async () => {
    for (const init of [{ body: {} }, { body: { service: null } }, { body: { service: '' } }, { rawBody: '{"service":' }]) {
      const answer = await call(sim, '/buy.php', { method: 'POST', ...init });
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ ok: false, error: 'SERVICE_REQUIRED', message: 'ไม่ได้ระบุ service' });
    }
    expect(sim.ledger).toEqual([]);
  });

  it('SERVICE_NOT_FOUND for an unknown code, a service not sold in the country, or an unknown/invalid country', async () => {
    for (const body of [{ service: 'zz' }, { service: 'KA' }, { service: 'ni', country: 52 }, { service: 'ka', country: 999 }, { service: 'ka', country: 'thai' }, { service: 7 }]) {
      const answer = await call(sim, '/buy.php', { body });
      expect(answer.status, JSON.stringify(body)).toBe(404);
      expect(answer.json.error, JSON.stringify(body)).toBe('SERVICE_NOT_FOUND');
    }
    expect(sim.orderCount()).toBe(0);
  });

  it('INSUFFICIENT_BALANCE when the wallet holds less than the price; exactly the price is enough', async () => {
    sim.setBalance('14.99');
    const refused = await call(sim, '/buy.php', { body: { service: 'ka' } });
    expect(refused.status).toBe(402);
    expect(refused.json).toEqual({ ok: false, error: 'INSUFFICIENT_BALANCE', message: 'ยอดในกระเป๋าไม่พอ' });
    expect(sim.balanceOf()).toBe('14.99');
    sim.setBalance('15.00');
    expect((await call(sim, '/buy.php', { body: { service: 'ka' } })).json.ok).toBe(true);
    expect(sim.balanceOf()).toBe('0.00');
    expect(sim.ledger).toHaveLength(1);
  });

  it('PROVIDER_ERROR when the upstream has no numbers (zero stock) or fails; nothing is charged', async () => {
    sim.setStock('ka', 52, 0);
    const noNumbers = await call(sim, '/buy.php', { body: { service: 'ka' } });
    expect(noNumbers.status).toBe(502);
    expect(noNumbers.json).toEqual(expectedError('PROVIDER_ERROR'));
    sim.setStock('ka', 52, 1);
    sim.failNextBuys(1);
    expect((await call(sim, '/buy.php', { body: { service: 'ka' } })).json.error).toBe('PROVIDER_ERROR');
    expect((await call(sim, '/buy.php', { body: { service: 'ka' } })).json.ok).toBe(true);
    // The last number is taken.
    expect((await call(sim, '/buy.php', { body: { service: 'ka' } })).json.error).toBe('PROVIDER_ERROR');
    expect(sim.ledger).toHaveLength(1);
    expect(sim.balanceOf()).toBe('1485.00');
  });

  it('keeps amounts exact: ten buys at 0.10 leave exactly 0.00 of 1.00', async () => {
    sim.setPrice('go', 52, '0.10');
    sim.setBalance('1.00');
    for (let i = 0; i < 10; i++) await buy(sim, { service: 'go' });
    expect(sim.balanceOf()).toBe('0.00');
    expect((await call(sim, '/buy.php', { body: { service: 'go' } })).json.error).toBe('INSUFFICIENT_BALANCE');
    expect(sim.ledger.every((e) => e.amount === '0.10')).toBe(true);
  });

  it('firstOrderId sets the first id so a restarted sandbox never reuses ids', async () => {
    await startWith({ firstOrderId: 900_001 });
    expect(await buy(sim)).toBe(900_001);
    expect(await buy(sim)).toBe(900_002);
  });
});

describe('GET /status.php', () => {
  it('waiting with otp_code "" until the SMS arrives, then success with the code (document example fields)', async () => {
    const id = await buy(sim);
    const waiting = await call(sim, `/status.php?order_id=${id}`);
    expect(Object.keys(waiting.json)).toEqual(['ok', 'order_id', 'phone', 'status', 'otp_code', 'price_thb']);
    expect(waiting.json).toEqual({ ok: true, order_id: id, phone: expect.stringMatching(/^66/), status: 'waiting', otp_code: '', price_thb: '15.00' });
    expect(sim.deliverOtp(id, '123456')).toBe('123456');
    const success = await call(sim, `/status.php?order_id=${id}`);
    expect(success.raw).toContain('"status":"success","otp_code":"123456","price_thb":15.00}');
    expect(StatusResponse.parse(success.json)).toEqual({ ok: true, order_id: id, phone: waiting.json.phone, status: 'success', otp_code: '123456', price_thb: '15.00' });
    expect(sim.orderStatus(id)).toBe('success');
  });

  it('a random code has the service usual length; a later SMS replaces it', async () => {
    const id = await buy(sim, { service: 'tg' });
    expect(sim.deliverOtp(id)).toMatch(/^\d{5}$/);
    sim.deliverOtp(id, '55555');
    expect((await call(sim, `/status.php?order_id=${id}`)).json.otp_code).toBe('55555');
  });

  it('ORDER_NOT_FOUND for an unknown, missing or non-numeric order_id; FORBIDDEN for another key order', async () => {
    for (const query of ['?order_id=99999', '', '?order_id=abc']) {
      const answer = await call(sim, `/status.php${query}`);
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual({ ok: false, error: 'ORDER_NOT_FOUND', message: 'ไม่พบออเดอร์ที่ระบุ' });
    }
    const id = await buy(sim, { service: 'ka' }, OTHER_KEY);
    const forbidden = await call(sim, `/status.php?order_id=${id}`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.json).toEqual({ ok: false, error: 'FORBIDDEN', message: 'ออเดอร์นี้ไม่ใช่ของ key คุณ' });
    expect((await call(sim, `/status.php?order_id=${id}`, { key: OTHER_KEY })).json.ok).toBe(true);
  });
});

describe('POST /cancel.php', () => {
  it('EARLY_CANCEL_DENIED during the first 2 minutes, nothing refunded', async () => {
    const id = await buy(sim);
    await sim.advanceClock(2 * MINUTE - 1);
    const early = await call(sim, '/cancel.php', { body: { order_id: id } });
    expect(early.status).toBe(409);
    expect(early.json).toEqual({ ok: false, error: 'EARLY_CANCEL_DENIED', message: 'ยังยกเลิกไม่ได้ (ต้องผ่าน 2 นาที)' });
    expect(sim.orderStatus(id)).toBe('waiting');
    expect(sim.balanceOf()).toBe('1485.00');
    expect(sim.ledger.filter((e) => e.kind === 'refund')).toEqual([]);
  });

  it('after 2 minutes: reproduces the document example, refunds the price once, status cancel', async () => {
    const id = await buy(sim);
    await sim.advanceClock(2 * MINUTE);
    const answer = await call(sim, '/cancel.php', { body: { order_id: id } });
    expect(answer.raw).toBe(`{"ok":true,"order_id":${id},"refunded_thb":15.00,"message":"ยกเลิก & คืนเงินเรียบร้อย"}`);
    expect(CancelResponse.parse(answer.json).refunded_thb).toBe('15.00');
    expect(sim.balanceOf()).toBe('1500.00');
    expect((await call(sim, `/status.php?order_id=${id}`)).json.status).toBe('cancel');
    const again = await call(sim, '/cancel.php', { body: { order_id: id } });
    expect(again.json).toEqual(expectedError('INVALID_ORDER_STATUS'));
    expect(sim.ledger).toEqual([
      { kind: 'charge', orderRef: String(id), amount: '15.00', at: T0 },
      { kind: 'refund', orderRef: String(id), amount: '15.00', at: T0 + 2 * MINUTE },
    ]);
    expect(sim.balanceOf()).toBe('1500.00');
  });

  it('an order whose OTP arrived is not cancelled nor refunded', async () => {
    const id = await buy(sim);
    sim.deliverOtp(id, '4321');
    await sim.advanceClock(3 * MINUTE);
    const answer = await call(sim, '/cancel.php', { body: { order_id: id } });
    expect(answer.json.ok).toBe(false);
    expect(answer.json.error).toBe('INVALID_ORDER_STATUS');
    expect(sim.orderStatus(id)).toBe('success');
    expect(sim.ledger.map((e) => e.kind)).toEqual(['charge']);
  });

  it('ORDER_NOT_FOUND for a missing/unknown/non-integer order_id, FORBIDDEN for another key order', async () => {
    for (const body of [{}, { order_id: 424242 }, { order_id: 'abc' }, { order_id: 1.5 }]) {
      expect((await call(sim, '/cancel.php', { body })).json.error, JSON.stringify(body)).toBe('ORDER_NOT_FOUND');
    }
    const id = await buy(sim, { service: 'ka' }, OTHER_KEY);
    await sim.advanceClock(5 * MINUTE);
    expect((await call(sim, '/cancel.php', { body: { order_id: id } })).json.error).toBe('FORBIDDEN');
    expect(sim.orderStatus(id)).toBe('waiting');
    expect(sim.balanceOf(OTHER_KEY)).toBe('1485.00');
  });
});

describe('POST /complete.php', () => {
  it('answers {"ok":true} once the OTP arrived (as the document flow shows), also when repeated', async () => {
    const id = await buy(sim);
    sim.deliverOtp(id, '123456');
    const answer = await call(sim, '/complete.php', { body: { order_id: id } });
    expect(answer.raw).toBe('{"ok":true}');
    expect(CompleteResponse.parse(answer.json)).toEqual({ ok: true });
    expect((await call(sim, '/complete.php', { body: { order_id: id } })).raw).toBe('{"ok":true}');
    expect(sim.orderStatus(id)).toBe('success');
    expect(() => sim.deliverOtp(id, '999999')).toThrow(/completed/);
    expect(sim.ledger.map((e) => e.kind)).toEqual(['charge']);
  });

  it('is refused before any OTP arrived, and for another key order', async () => {
    const id = await buy(sim);
    expect((await call(sim, '/complete.php', { body: { order_id: id } })).json.error).toBe('INVALID_ORDER_STATUS');
    expect(sim.orderStatus(id)).toBe('waiting');
    const theirs = await buy(sim, { service: 'ka' }, OTHER_KEY);
    expect((await call(sim, '/complete.php', { body: { order_id: theirs } })).json.error).toBe('FORBIDDEN');
    expect((await call(sim, '/complete.php', { body: {} })).json.error).toBe('ORDER_NOT_FOUND');
  });
});

describe('timeout after the 20-minute lifetime', () => {
  it('a waiting order times out at 20 minutes and is refunded (on the simulator clock, without any request)', async () => {
    const id = await buy(sim);
    await sim.advanceClock(20 * MINUTE - 1);
    expect(sim.orderStatus(id)).toBe('waiting');
    await sim.advanceClock(1);
    expect(sim.ledger.at(-1)).toEqual({ kind: 'refund', orderRef: String(id), amount: '15.00', at: T0 + 20 * MINUTE });
    expect(sim.balanceOf()).toBe('1500.00');
    expect((await call(sim, `/status.php?order_id=${id}`)).json).toMatchObject({ status: 'timeout', otp_code: '' });
    expect((await call(sim, '/cancel.php', { body: { order_id: id } })).json.error).toBe('INVALID_ORDER_STATUS');
    expect(() => sim.deliverOtp(id)).toThrow(/timeout/);
    expect(sim.ledger.filter((e) => e.kind === 'refund')).toHaveLength(1);
  });

  it('an order with an OTP keeps its charge after 20 minutes', async () => {
    const id = await buy(sim);
    sim.deliverOtp(id, '111111');
    await sim.advanceClock(60 * MINUTE);
    expect(sim.orderStatus(id)).toBe('success');
    expect(sim.ledger.map((e) => e.kind)).toEqual(['charge']);
  });

  it('an SMS arriving after the lifetime is refused (the order timed out first)', async () => {
    const id = await buy(sim);
    await sim.advanceClock(21 * MINUTE);
    expect(() => sim.deliverOtp(id, '1234')).toThrow();
    expect(sim.orderStatus(id)).toBe('timeout');
  });
});

describe('GET /orders.php', () => {
  it('lists only this key orders, newest first, with the names buy/status use', async () => {
    const a = await buy(sim);
    const b = await buy(sim, { service: 'fb' });
    await buy(sim, { service: 'ka' }, OTHER_KEY);
    sim.deliverOtp(a, '222222');
    const answer = await call(sim, '/orders.php');
    const parsed = OrdersResponse.parse(answer.json);
    expect(parsed.orders.map((o) => o.order_id)).toEqual([b, a]);
    expect(answer.json).toMatchObject({ ok: true, total: 2, limit: 50, offset: 0, count: 2 });
    expect(parsed.orders[1]).toMatchObject({ order_id: a, service: 'ka', country: 52, price_thb: '15.00', status: 'success', otp_code: '222222' });
    expect(answer.json.orders[1].created_at).toBe('2026-02-25T17:00:00+07:00');
    expect(answer.raw).toContain('"price_thb":10.50');
  });

  it('limit defaults to 50 and is capped at 200; offset pages', async () => {
    await startWith({ rateLimitPerMinute: null, initialBalanceThb: '10000.00' });
    sim.setPrice('go', 52, '1.00');
    const ids: number[] = [];
    for (let i = 0; i < 205; i++) ids.push(await buy(sim, { service: 'go' }));
    const newestFirst = ids.reverse();
    const first = await call(sim, '/orders.php');
    expect(first.json.orders).toHaveLength(50);
    expect(first.json.orders[0].order_id).toBe(newestFirst[0]);
    const capped = await call(sim, '/orders.php?limit=500');
    expect(capped.json.orders).toHaveLength(200);
    expect(capped.json.limit).toBe(200);
    const page = await call(sim, '/orders.php?limit=10&offset=200');
    expect(page.json.orders.map((o: { order_id: number }) => o.order_id)).toEqual(newestFirst.slice(200));
    expect((await call(sim, '/orders.php?limit=0')).json.limit).toBe(50);
  });
});

describe('faults, on every endpoint', () => {
  const endpoints = [
    ['services', 'GET', '/services.php', undefined],
    ['balance', 'GET', '/balance.php', undefined],
    ['buy', 'POST', '/buy.php', { service: 'ka' }],
    ['status', 'GET', '/status.php?order_id=1672', undefined],
    ['cancel', 'POST', '/cancel.php', { order_id: 1672 }],
    ['complete', 'POST', '/complete.php', { order_id: 1672 }],
    ['orders', 'GET', '/orders.php', undefined],
  ] as const;

  it('error: answers the provider error shape with the injected status and code, for each endpoint', async () => {
    for (const [endpoint, method, path, body] of endpoints) {
      sim.injectFault({ endpoint, kind: 'error', status: 502, code: 'PROVIDER_ERROR' });
      const answer = await call(sim, path, { method, ...(body ? { body } : {}) });
      expect(answer.status, endpoint).toBe(502);
      expect(answer.json, endpoint).toEqual({ ok: false, error: 'PROVIDER_ERROR', message: 'provider ปลายทางมีปัญหา' });
    }
    expect(sim.orderCount()).toBe(0);
    expect(sim.requests.map((r) => r.endpoint)).toEqual(endpoints.map(([e]) => e));
  });

  it('error on buy does no work; Retry-After and message pass through', async () => {
    sim.injectFault({ endpoint: 'buy', kind: 'error', status: 429, code: 'RATE_LIMIT', message: 'ช้าลงหน่อย', retryAfterSeconds: 30 });
    const answer = await call(sim, '/buy.php', { body: { service: 'ka' } });
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('30');
    expect(answer.json).toEqual({ ok: false, error: 'RATE_LIMIT', message: 'ช้าลงหน่อย' });
    expect(sim.ledger).toEqual([]);
    expect(await buy(sim)).toBe(1672);
  });

  it('dropBeforeCommit: the socket closes, no order and no charge', async () => {
    sim.injectFault({ endpoint: 'buy', kind: 'dropBeforeCommit' });
    await expect(call(sim, '/buy.php', { body: { service: 'ka' } })).rejects.toThrow();
    expect(sim.orderCount()).toBe(0);
    expect(sim.ledger).toEqual([]);
    expect(sim.requests.at(-1)).toMatchObject({ endpoint: 'buy', method: 'POST', path: '/api/v1/buy.php', status: 0 });
  });

  it('dropAfterCommit: the number is bought and charged, the socket closes without an answer', async () => {
    sim.injectFault({ endpoint: 'buy', kind: 'dropAfterCommit' });
    await expect(call(sim, '/buy.php', { body: { service: 'ka' } })).rejects.toThrow();
    expect(sim.orderCount()).toBe(1);
    expect(sim.ledger).toEqual([{ kind: 'charge', orderRef: '1672', amount: '15.00', at: T0 }]);
    expect(sim.requests.at(-1)?.status).toBe(0);
    // It shows in the history, which is how a client finds it again.
    expect((await call(sim, '/orders.php')).json.orders[0].order_id).toBe(1672);
  });

  it('dropAfterCommit on cancel: refunded upstream although the client never heard', async () => {
    const id = await buy(sim);
    await sim.advanceClock(2 * MINUTE);
    sim.injectFault({ endpoint: 'cancel', kind: 'dropAfterCommit' });
    await expect(call(sim, '/cancel.php', { body: { order_id: id } })).rejects.toThrow();
    expect(sim.orderStatus(id)).toBe('cancel');
    expect(sim.ledger.map((e) => e.kind)).toEqual(['charge', 'refund']);
  });

  it('malformedAfterCommit: HTTP 200 with a truncated body, the work done', async () => {
    sim.injectFault({ endpoint: 'buy', kind: 'malformedAfterCommit' });
    const res = await fetch(`${sim.baseUrl}/buy.php`, { method: 'POST', headers: { 'X-API-Key': 'sandbox-otp24hr-key', 'Content-Type': 'application/json' }, body: '{"service":"ka"}' });
    expect(res.status).toBe(200);
    const raw = await res.text();
    expect(raw.startsWith('{"ok":true')).toBe(true);
    expect(() => JSON.parse(raw)).toThrow();
    expect(sim.ledger).toHaveLength(1);
  });

  it('delay: answers after the delay, the work done', async () => {
    sim.injectFault({ endpoint: 'balance', kind: 'delay', ms: 50 });
    const started = performance.now();
    const answer = await call(sim, '/balance.php');
    expect(performance.now() - started).toBeGreaterThanOrEqual(40);
    expect(answer.json.ok).toBe(true);
  });

  it('faults are consumed in order, per endpoint; clearFaults drops them; unknown endpoint names are refused', async () => {
    sim.injectFault({ endpoint: 'balance', kind: 'error', status: 500, code: 'PROVIDER_ERROR' });
    sim.injectFault({ endpoint: 'balance', kind: 'error', status: 503, code: 'PROVIDER_ERROR' });
    expect((await call(sim, '/services.php')).status).toBe(200);
    expect((await call(sim, '/balance.php')).status).toBe(500);
    sim.injectFault({ endpoint: 'services', kind: 'dropBeforeCommit' });
    sim.clearFaults();
    expect((await call(sim, '/balance.php')).status).toBe(200);
    expect((await call(sim, '/services.php')).status).toBe(200);
    expect(() => sim.injectFault({ endpoint: 'topup', kind: 'dropBeforeCommit' })).toThrow(RangeError);
  });
});

describe('request log, clock, pushes and sandbox autoOtp', () => {
  it('records endpoint, method, path without the query, status and simulator time', async () => {
    await call(sim, '/balance.php', { via: 'query' });
    await sim.advanceClock(5000);
    await call(sim, '/buy.php', { body: {} });
    await call(sim, '/nope.php');
    expect(sim.requests).toEqual([
      { endpoint: 'balance', method: 'GET', path: '/api/v1/balance.php', status: 200, at: T0, apiKey: 'sandbox-otp24hr-key' },
      { endpoint: 'buy', method: 'POST', path: '/api/v1/buy.php', status: 400, at: T0 + 5000, apiKey: 'sandbox-otp24hr-key' },
      { endpoint: 'unknown', method: 'GET', path: '/api/v1/nope.php', status: 404, at: T0 + 5000, apiKey: null },
    ]);
    expect(sim.now()).toBe(T0 + 5000);
    await expect(sim.advanceClock(-1)).rejects.toThrow(RangeError);
  });

  it('pushes nothing (the document has no webhooks)', async () => {
    await buy(sim);
    expect(sim.deliveries).toEqual([]);
    await expect(sim.settleDeliveries()).resolves.toBeUndefined();
  });

  it('orderCount per key and in all', async () => {
    await buy(sim);
    await buy(sim, { service: 'ka' }, OTHER_KEY);
    expect(sim.orderCount()).toBe(2);
    expect(sim.orderCount(OTHER_KEY)).toBe(1);
    expect(sim.orderStatus(123)).toBeUndefined();
  });

  it('autoOtp: an SMS arrives by itself after a real-time delay', async () => {
    await sim.stop();
    sim = createOtp24hrSimulator({ autoOtp: { minDelayMs: 5, maxDelayMs: 20 } });
    await sim.start();
    const id = await buy(sim, { service: 'wa' });
    await expect.poll(async () => (await call(sim, `/status.php?order_id=${id}`)).json.status, { timeout: 5000, interval: 10 }).toBe('success');
    expect((await call(sim, `/status.php?order_id=${id}`)).json.otp_code).toMatch(/^\d{6}$/);
  });

  it('refuses nonsensical options', () => {
    expect(() => createOtp24hrSimulator({ apiKeys: [] })).toThrow();
    expect(() => createOtp24hrSimulator({ initialBalanceThb: '-1' })).toThrow(RangeError);
    expect(() => createOtp24hrSimulator({ rateLimitPerMinute: 0 })).toThrow(RangeError);
    expect(() => createOtp24hrSimulator({ autoOtp: { minDelayMs: 10, maxDelayMs: 5 } })).toThrow(RangeError);
    expect(() => createOtp24hrSimulator({ firstOrderId: 0 })).toThrow(RangeError);
  });
});
