import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSmscodeSimulator } from '../../../src/providers/smscode/simulator.ts';
import type { SmscodeSimulator } from '../../../src/providers/smscode/simulator.ts';
import { call, createOrder } from './sim-client.ts';

const T0 = Date.parse('2026-02-25T10:00:00Z');
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/;

let sim: SmscodeSimulator;

beforeEach(async () => {
  sim = createSmscodeSimulator({ now: () => T0 });
  await sim.start();
});

afterEach(async () => {
  await sim.stop();
});

describe('envelopes, auth and routing', () => {
  it('answers a v1 base URL on loopback and an x-request-id on every response', async () => {
    expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const ok = await call(sim, '/balance');
    const unauthorized = await call(sim, '/balance', { token: null });
    const unknown = await call(sim, '/nope');
    for (const answer of [ok, unauthorized, unknown]) expect(answer.headers.get('x-request-id')).toBeTruthy();
  });

  it('401 UNAUTHORIZED without or with a wrong bearer token', async () => {
    for (const token of [null, 'wrong']) {
      const answer = await call(sim, '/balance', { token });
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ success: false, error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
    }
  });

  it('404 NOT_FOUND envelope for unknown paths and methods', async () => {
    for (const [path, method] of [['/v3/balance', 'GET'], ['/catalog/nothing', 'GET'], ['/orders/create', 'GET'], ['/orders/abc', 'GET']] as const) {
      const answer = await call(sim, path, { method });
      expect(answer.status).toBe(404);
      expect(answer.json.error.code).toBe('NOT_FOUND');
    }
  });

  it('422 VALIDATION_ERROR for malformed JSON and invalid parameters', async () => {
    const malformed = await call(sim, '/orders/cancel', { rawBody: '{"id":' });
    expect(malformed.status).toBe(422);
    expect(malformed.json.error.code).toBe('VALIDATION_ERROR');
    for (const path of ['/catalog/products?limit=0', '/catalog/products?limit=10001', '/catalog/products?page=0', '/catalog/products?sort=cheap', '/orders?limit=101', '/orders?status=DONE', '/orders/0']) {
      const answer = await call(sim, path);
      expect(answer.status, path).toBe(422);
      expect(answer.json.error.code, path).toBe('VALIDATION_ERROR');
    }
  });
});

describe('catalog (v1)', () => {
  it('countries carry the documented fields, with Indonesia as in the example', async () => {
    const answer = await call(sim, '/catalog/countries');
    expect(answer.json.success).toBe(true);
    expect(answer.json.data).toContainEqual({ id: 6, code: 'ID', name: 'Indonesia', dial_code: '+62', emoji: '🇮🇩', active: true });
    const codes = answer.json.data.map((c: { code: string }) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['ID', 'TH', 'VN', 'PH', 'MY', 'US']));
  });

  it('services list platforms and filter by country_id', async () => {
    const all = await call(sim, '/catalog/services');
    expect(all.json.data).toContainEqual({ id: 3, code: 'wa', name: 'WhatsApp', active: true });
    expect(all.json.data.map((s: { code: string }) => s.code)).toEqual(expect.arrayContaining(['wa', 'tg', 'fb', 'shopee', 'line', 'go', 'tiktok']));
    const vietnam = await call(sim, '/catalog/services?country_id=10');
    expect(vietnam.json.data.length).toBeGreaterThan(0);
    expect(vietnam.json.data.length).toBeLessThan(all.json.data.length);
  });

  it('products: the document example item, filters and meta', async () => {
    const answer = await call(sim, '/catalog/products?country_id=6&platform_id=3&limit=10&page=1');
    expect(answer.status).toBe(200);
    expect(answer.json.data).toContainEqual({
      id: 142, name: 'WhatsApp Indonesia', country_id: 6, platform_id: 3, catalog_product_id: 87, available: 42, price: 15000, active: true,
    });
    for (const item of answer.json.data) expect(item).toMatchObject({ country_id: 6, platform_id: 3, catalog_product_id: 87 });
    expect(answer.json.meta).toEqual({ page: 1, limit: 10, count: answer.json.data.length });
  });

  it('products: sorting and pagination', async () => {
    const prices = (await call(sim, '/catalog/products')).json.data.map((p: { price: number }) => p.price);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const desc = (await call(sim, '/catalog/products?sort=available_desc')).json.data.map((p: { available: number }) => p.available);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    const names = (await call(sim, '/catalog/products?sort=name_desc')).json.data.map((p: { name: string }) => p.name);
    expect(names).toEqual([...names].sort().reverse());
    const page1 = await call(sim, '/catalog/products?limit=2&page=1');
    const page2 = await call(sim, '/catalog/products?limit=2&page=2');
    expect(page1.json.meta).toEqual({ page: 1, limit: 2, count: 2 });
    expect(page2.json.data[0].id).not.toBe(page1.json.data[0].id);
    const beyond = await call(sim, '/catalog/products?limit=10000&page=99');
    expect(beyond.json).toEqual({ success: true, data: [], meta: { page: 99, limit: 10000, count: 0 } });
  });

  it('exchange-rate v1 shape, ?pair honoured, 404 without a rate', async () => {
    const answer = await call(sim, '/catalog/exchange-rate?pair=USD/IDR');
    expect(answer.json).toEqual({ success: true, data: { pair: 'USD/IDR', base_currency: 'USD', quote_currency: 'IDR', rate: 16250 } });
    expect((await call(sim, '/catalog/exchange-rate?pair=EUR/IDR')).status).toBe(404);
    sim.setExchangeRate(null);
    const none = await call(sim, '/catalog/exchange-rate');
    expect(none.status).toBe(404);
    expect(none.json.error.code).toBe('NOT_FOUND');
  });
});

describe('orders and the IDR ledger (v1)', () => {
  it('create returns the documented order fields, charges the price and decrements stock', async () => {
    const answer = await call(sim, '/orders/create', { body: { product_id: 142, quantity: 1 } });
    expect(answer.status).toBe(200);
    const order = answer.json.data.orders[0];
    expect(Object.keys(order).sort()).toEqual(
      ['id', 'status', 'product_id', 'catalog_product_id', 'amount', 'phone_number', 'otp_code', 'otp_received_at', 'expires_at', 'failed_reason'].sort(),
    );
    expect(order).toMatchObject({ status: 'ACTIVE', product_id: 142, catalog_product_id: 87, amount: 15000, otp_code: null, otp_received_at: null, failed_reason: null });
    expect(order.phone_number).toMatch(/^\+628\d{9,11}$/);
    expect(order.expires_at).toBe('2026-02-25T10:20:00+00:00');
    expect(answer.json.data.failed_count).toBe(0);
    expect(sim.balanceOf()).toBe(485000);
    const products = await call(sim, '/catalog/products?country_id=6&platform_id=3');
    expect(products.json.data.find((p: { id: number }) => p.id === 142).available).toBe(41);
  });

  it('create → cancel (after 2 minutes) → refund, with exact balances', async () => {
    expect((await call(sim, '/balance')).json).toEqual({ success: true, data: { currency: 'IDR', balance: 500000 } });
    const id = await createOrder(sim);
    expect((await call(sim, '/balance')).json.data.balance).toBe(485000);
    await sim.advanceClock(120_000);
    const cancel = await call(sim, '/orders/cancel', { body: { id } });
    expect(cancel.json).toEqual({ success: true, data: { order_id: id, status: 'CANCELED', refund_amount: 15000, new_balance: 500000 } });
    expect((await call(sim, '/balance')).json.data.balance).toBe(500000);
    const detail = await call(sim, `/orders/${id}`);
    expect(detail.json.data).toMatchObject({ status: 'CANCELED', canceled_at: '2026-02-25T10:02:00+00:00' });
  });

  it('CANCEL_TOO_EARLY in the first 2 minutes, saying how many seconds remain', async () => {
    const id = await createOrder(sim);
    await sim.advanceClock(47_000);
    const answer = await call(sim, '/orders/cancel', { body: { id } });
    expect(answer.status).toBe(409);
    expect(answer.json.error).toEqual({ code: 'CANCEL_TOO_EARLY', message: 'Order can be canceled in 73 seconds' });
    expect(sim.balanceOf()).toBe(485000);
  });

  it('cancel and finish refuse the wrong states; other accounts see NOT_FOUND', async () => {
    const two = createSmscodeSimulator({ apiTokens: ['alice', 'bob'], now: () => T0 });
    await two.start();
    try {
      const id = await createOrder(two, { product_id: 142 }, 'alice');
      expect((await call(two, '/orders/finish', { body: { id }, token: 'alice' })).json.error.code).toBe('CONFLICT');
      expect((await call(two, `/orders/${id}`, { token: 'bob' })).status).toBe(404);
      expect((await call(two, '/orders/cancel', { body: { id }, token: 'bob' })).json.error.code).toBe('NOT_FOUND');
      await two.deliverOtp(id, '123456');
      await two.advanceClock(180_000);
      const cancel = await call(two, '/orders/cancel', { body: { id }, token: 'alice' });
      expect(cancel.status).toBe(409);
      expect(cancel.json.error.code).toBe('CONFLICT');
      expect(two.balanceOf('alice')).toBe(485000);
      expect(two.balanceOf('bob')).toBe(500000);
      expect(two.orderCount('bob')).toBe(0);
    } finally {
      await two.stop();
    }
  });

  it('OTP → detail, active list, finish → COMPLETED', async () => {
    const id = await createOrder(sim);
    await sim.advanceClock(5 * 60_000);
    await sim.deliverOtp(id, '123456', 'Your verification code is 123456');
    const detail = await call(sim, `/orders/${id}`);
    expect(detail.json.data).toEqual({
      id, status: 'OTP_RECEIVED', created_at: '2026-02-25T10:00:00+00:00', product_id: 142, phone_number: expect.stringMatching(/^\+62/),
      amount: 15000, otp_code: '123456', otp_received_at: '2026-02-25T10:05:00+00:00', expires_at: '2026-02-25T10:20:00+00:00',
      canceled_at: null, failed_reason: null,
    });
    const active = await call(sim, '/orders/active');
    expect(active.json.data).toEqual([{
      id, status: 'OTP_RECEIVED', otp_code: '123456', otp_message: 'Your verification code is 123456',
      otp_received_at: '2026-02-25T10:05:00+00:00', expires_at: '2026-02-25T10:20:00+00:00', failed_reason: null,
    }]);
    const finish = await call(sim, '/orders/finish', { body: { id } });
    expect(finish.json).toEqual({ success: true, data: { order_id: id, status: 'COMPLETED' } });
    expect((await call(sim, '/orders/active')).json.data).toEqual([]);
    expect(sim.balanceOf()).toBe(485000);
  });

  it('a second SMS replaces the code; a default SMS has a 4–6 digit code inside a realistic message', async () => {
    const id = await createOrder(sim);
    await sim.deliverOtp(id);
    const first = (await call(sim, '/orders/active')).json.data[0];
    expect(first.otp_code).toMatch(/^\d{4,6}$/);
    expect(first.otp_message).toContain(first.otp_code);
    await sim.deliverOtp(id, '654321');
    const second = (await call(sim, '/orders/active')).json.data[0];
    expect(second.otp_code).toBe('654321');
    expect(second.otp_message).toContain('654321');
  });

  it('expiry without an OTP → EXPIRED and refunded; with an OTP → COMPLETED and kept', async () => {
    const silent = await createOrder(sim);
    const answered = await createOrder(sim);
    await sim.deliverOtp(answered, '1111');
    expect(sim.balanceOf()).toBe(470000);
    await sim.advanceClock(20 * 60_000);
    expect(sim.balanceOf()).toBe(485000);
    expect(sim.orderStatus(silent)).toBe('EXPIRED');
    expect(sim.orderStatus(answered)).toBe('COMPLETED');
    const expired = (await call(sim, '/orders?status=expired')).json.data;
    expect(expired.map((o: { id: number }) => o.id)).toEqual([silent]);
    expect(expired[0].failed_reason).not.toBeNull();
  });

  it('list: newest first, limit/offset, case-insensitive status', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(await createOrder(sim));
      await sim.advanceClock(1000);
    }
    const list = await call(sim, '/orders?limit=2&offset=1&status=active');
    expect(list.json.data.map((o: { id: number }) => o.id)).toEqual([ids[1], ids[0]]);
    const order = list.json.data[0];
    expect(Object.keys(order).sort()).toEqual(
      ['id', 'status', 'created_at', 'product_id', 'phone_number', 'amount', 'otp_code', 'otp_received_at', 'expires_at', 'canceled_at', 'failed_reason'].sort(),
    );
    expect(order.created_at).toMatch(RFC3339);
    expect(list.json.meta).toBeUndefined();
  });

  it('resend: resent true on WhatsApp, false on Shopee', async () => {
    const wa = await createOrder(sim, { product_id: 142 });
    const shopee = await createOrder(sim, { catalog_product_id: 91 });
    expect((await call(sim, '/orders/resend', { body: { id: wa } })).json).toEqual({ success: true, data: { order_id: wa, status: 'ACTIVE', resent: true } });
    expect((await call(sim, '/orders/resend', { body: { id: shopee } })).json.data.resent).toBe(false);
  });
});

describe('create: validation and routing', () => {
  it('exactly one of product_id / catalog_product_id; quantity 1–100', async () => {
    for (const body of [{}, { product_id: 142, catalog_product_id: 87 }, { product_id: 142, quantity: 0 }, { product_id: 142, quantity: 101 }, { product_id: '142' }]) {
      const answer = await call(sim, '/orders/create', { body });
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.json.error.code).toBe('VALIDATION_ERROR');
    }
    expect(sim.orderCount()).toBe(0);
  });

  it('catalog_product_id picks the cheapest live offer; prefer_provider breaks the price tie', async () => {
    const cheapest = await call(sim, '/orders/create', { body: { catalog_product_id: 87, max_price: 20000 } });
    expect(cheapest.json.data.orders[0]).toMatchObject({ product_id: 142, catalog_product_id: 87, amount: 15000 });
    const preferred = await call(sim, '/orders/create', { body: { catalog_product_id: 87, prefer_provider: 'prov_b' } });
    expect(preferred.json.data.orders[0].product_id).toBe(143);
    // A preferred but pricier provider stays behind the cheaper offers under `cheapest`.
    const pricier = await call(sim, '/orders/create', { body: { catalog_product_id: 87, prefer_provider: 'prov_c' } });
    expect(pricier.json.data.orders[0].product_id).toBe(142);
  });

  it('best_success ranks by the 30-day OTP rate; providers under 20 orders are neutral; prefer_provider leads', async () => {
    sim.recordProviderHistory('prov_a', 40, 8);   // 20% → bucket 2
    sim.recordProviderHistory('prov_c', 40, 38);  // 95% → bucket 9
    sim.recordProviderHistory('prov_b', 10, 0);   // under 20 orders → neutral
    const best = await call(sim, '/orders/create', { body: { catalog_product_id: 87, policy: 'best_success' } });
    expect(best.json.data.orders[0].product_id).toBe(144);
    sim.setStock(144, 0);
    const neutral = await call(sim, '/orders/create', { body: { catalog_product_id: 87, policy: 'best_success' } });
    expect(neutral.json.data.orders[0].product_id).toBe(143);
    sim.setStock(144, 5);
    const preferred = await call(sim, '/orders/create', { body: { catalog_product_id: 87, policy: 'best_success', prefer_provider: 'prov_a' } });
    expect(preferred.json.data.orders[0].product_id).toBe(142);
  });

  it('NO_OFFER_AVAILABLE when max_price is below every offer or nothing is in stock', async () => {
    const capped = await call(sim, '/orders/create', { body: { catalog_product_id: 87, max_price: 14999 } });
    expect(capped.status).toBe(422);
    expect(capped.json.error.code).toBe('NO_OFFER_AVAILABLE');
    const cappedString = await call(sim, '/orders/create', { body: { product_id: 142, max_price: '10000' } });
    expect(cappedString.json.error.code).toBe('NO_OFFER_AVAILABLE');
    sim.setStock(153, 0);
    const soldOut = await call(sim, '/orders/create', { body: { catalog_product_id: 92 } });
    expect(soldOut.json.error.code).toBe('NO_OFFER_AVAILABLE');
    expect(sim.balanceOf()).toBe(500000);
    expect(sim.orderCount()).toBe(0);
  });

  it('INSUFFICIENT_BALANCE (409) when price × quantity exceeds the balance', async () => {
    sim.setBalance(29999);
    const answer = await call(sim, '/orders/create', { body: { product_id: 142, quantity: 2 } });
    expect(answer.status).toBe(409);
    expect(answer.json.error.code).toBe('INSUFFICIENT_BALANCE');
    expect(sim.orderCount()).toBe(0);
  });

  it('quantity beyond stock: partial success counted in failed_count', async () => {
    sim.setStock(142, 2);
    const answer = await call(sim, '/orders/create', { body: { product_id: 142, quantity: 5 } });
    expect(answer.status).toBe(200);
    expect(answer.json.data.orders).toHaveLength(2);
    expect(answer.json.data.failed_count).toBe(3);
    expect(sim.balanceOf()).toBe(470000);
  });

  it('PROVIDER_ERROR carries cause_counts (product_id) or attempts (catalog_product_id)', async () => {
    sim.injectUpstreamFailure(142, 'provider_unavailable');
    const legacy = await call(sim, '/orders/create', { body: { product_id: 142 } });
    expect(legacy.status).toBe(422);
    expect(legacy.json.error).toMatchObject({ code: 'PROVIDER_ERROR', details: { cause_counts: { provider_unavailable: 1 } } });
    sim.injectUpstreamFailure(153, 'no_numbers');
    const catalog = await call(sim, '/orders/create', { body: { catalog_product_id: 92 } });
    expect(catalog.json.error).toMatchObject({ code: 'PROVIDER_ERROR', details: { attempts: ['no_numbers'] } });
    expect(sim.balanceOf()).toBe(500000);
  });

  it('catalog_product_id falls back to the next offer when the first fails upstream', async () => {
    sim.injectUpstreamFailure(142, 'provider_error');
    const answer = await call(sim, '/orders/create', { body: { catalog_product_id: 87 } });
    expect(answer.json.data.orders[0].product_id).toBe(143);
  });

  it('repricing gives the offer a new product id under the same catalog_product_id', async () => {
    const newId = sim.repriceOffer(142, 14000);
    expect((await call(sim, '/orders/create', { body: { product_id: 142 } })).status).toBe(404);
    const answer = await call(sim, '/orders/create', { body: { catalog_product_id: 87 } });
    expect(answer.json.data.orders[0]).toMatchObject({ product_id: newId, amount: 14000 });
  });
});

describe('v2 USD projection', () => {
  it('balance: 500000 / 16250 → "30.77" with meta.fx', async () => {
    sim.setExchangeRate(16250, new Date('2026-05-27T08:00:00Z'));
    const answer = await call(sim, '/balance', { version: 'v2' });
    expect(answer.json).toEqual({
      success: true,
      data: { balance: { amount: '30.77', currency: 'USD', canonical_amount: 500000, canonical_currency: 'IDR' } },
      meta: { fx: { pair: 'USD/IDR', rate: 16250, rate_as_of: '2026-05-27T08:00:00+00:00' } },
    });
  });

  it('products: 15000 → "0.9231"; meta carries page/limit/count and fx', async () => {
    const answer = await call(sim, '/catalog/products?country_id=6&platform_id=3&limit=10&page=1', { version: 'v2' });
    expect(answer.json.data[0]).toEqual({
      id: 142, name: 'WhatsApp Indonesia', country_id: 6, platform_id: 3, catalog_product_id: 87, available: 42,
      price: { amount: '0.9231', currency: 'USD', canonical_amount: 15000, canonical_currency: 'IDR' }, active: true,
    });
    expect(answer.json.meta).toMatchObject({ page: 1, limit: 10, count: 3, fx: { pair: 'USD/IDR', rate: 16250 } });
  });

  it('a strictly positive amount never renders as zero', async () => {
    sim.setBalance(1);
    const answer = await call(sim, '/balance', { version: 'v2' });
    expect(answer.json.data.balance).toEqual({ amount: '0.01', currency: 'USD', canonical_amount: 1, canonical_currency: 'IDR' });
    sim.repriceOffer(147, 1);
    const product = (await call(sim, '/catalog/products?country_id=6&platform_id=5', { version: 'v2' })).json.data[0];
    expect(product.price.amount).toBe('0.0001');
    sim.setBalance(0);
    expect((await call(sim, '/balance', { version: 'v2' })).json.data.balance.amount).toBe('0.00');
  });

  it('cancel: refund 4 decimals, new_balance 2 decimals, as in the side-by-side example', async () => {
    sim.setBalance(515000);
    const id = await createOrder(sim);
    await sim.advanceClock(120_000);
    const answer = await call(sim, '/orders/cancel', { body: { id }, version: 'v2' });
    expect(answer.json.data).toEqual({
      order_id: id,
      status: 'CANCELED',
      refund_amount: { amount: '0.9231', currency: 'USD', canonical_amount: 15000, canonical_currency: 'IDR' },
      new_balance: { amount: '31.69', currency: 'USD', canonical_amount: 515000, canonical_currency: 'IDR' },
    });
    expect(answer.json.meta.fx.rate).toBe(16250);
  });

  it('create, list and detail render money objects; active has no money and no meta', async () => {
    const created = await call(sim, '/orders/create', { body: { catalog_product_id: 87, max_price: '0.93' }, version: 'v2' });
    expect(created.status).toBe(200);
    const id = created.json.data.orders[0].id;
    expect(created.json.data.orders[0].amount.amount).toBe('0.9231');
    expect(created.json.meta.fx.pair).toBe('USD/IDR');
    expect((await call(sim, '/orders', { version: 'v2' })).json.data[0].amount.canonical_amount).toBe(15000);
    expect((await call(sim, `/orders/${id}`, { version: 'v2' })).json.meta.fx.rate).toBe(16250);
    const active = await call(sim, '/orders/active', { version: 'v2' });
    expect(active.json.meta).toBeUndefined();
    expect(active.json.data[0].amount).toBeUndefined();
  });

  it('v2 max_price is a USD decimal string converted at the current rate', async () => {
    const tooLow = await call(sim, '/orders/create', { body: { catalog_product_id: 87, max_price: '0.92' }, version: 'v2' });
    expect(tooLow.json.error.code).toBe('NO_OFFER_AVAILABLE');
    const number = await call(sim, '/orders/create', { body: { catalog_product_id: 87, max_price: 1 }, version: 'v2' });
    expect(number.json.error.code).toBe('VALIDATION_ERROR');
  });

  it('exchange-rate v2 shape ignores ?pair; rate_as_of null when unrecorded', async () => {
    sim.setExchangeRate(16300, null);
    const answer = await call(sim, '/catalog/exchange-rate?pair=EUR/IDR', { version: 'v2' });
    expect(answer.json).toEqual({ success: true, data: { pair: 'USD/IDR', rate: 16300, rate_as_of: null } });
  });

  it('503 FX_RATE_UNAVAILABLE with Retry-After on v2 money endpoints only', async () => {
    sim.setExchangeRate(null);
    for (const path of ['/balance', '/catalog/products', '/catalog/exchange-rate', '/orders']) {
      const answer = await call(sim, path, { version: 'v2' });
      expect(answer.status, path).toBe(503);
      expect(answer.json).toEqual({ success: false, error: { code: 'FX_RATE_UNAVAILABLE', message: 'USD/IDR exchange rate is unavailable' } });
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    const create = await call(sim, '/orders/create', { body: { product_id: 142 }, version: 'v2' });
    expect(create.status).toBe(503);
    expect(sim.orderCount()).toBe(0);
    expect((await call(sim, '/catalog/countries', { version: 'v2' })).status).toBe(200);
    expect((await call(sim, '/orders/active', { version: 'v2' })).status).toBe(200);
    expect((await call(sim, '/balance')).status).toBe(200);
  });
});

describe('rate limits', () => {
  it('429 RATE_LIMIT_EXCEEDED with Retry-After once a group is over its limit, per account', async () => {
    const limited = createSmscodeSimulator({ apiTokens: ['a', 'b'], rateLimits: { balance: 2 }, now: () => T0 });
    await limited.start();
    try {
      expect((await call(limited, '/balance', { token: 'a' })).status).toBe(200);
      await limited.advanceClock(15_000);
      expect((await call(limited, '/balance', { token: 'a' })).status).toBe(200);
      const over = await call(limited, '/balance', { token: 'a' });
      expect(over.status).toBe(429);
      expect(over.json.error.code).toBe('RATE_LIMIT_EXCEEDED');
      expect(over.headers.get('retry-after')).toBe('45');
      expect((await call(limited, '/catalog/countries', { token: 'a' })).status).toBe(200);
      expect((await call(limited, '/balance', { token: 'b' })).status).toBe(200);
      await limited.advanceClock(45_000);
      expect((await call(limited, '/balance', { token: 'a' })).status).toBe(200);
      expect(limited.requests.filter((r) => r.group === 'balance').map((r) => r.status)).toEqual([200, 200, 429, 200, 200]);
    } finally {
      await limited.stop();
    }
  });
});

describe('faults', () => {
  it('status: answers the injected envelope without doing the work', async () => {
    sim.injectFault({ endpoint: 'create', kind: 'status', status: 503, code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 30 });
    const answer = await call(sim, '/orders/create', { body: { product_id: 142 } });
    expect(answer.status).toBe(503);
    expect(answer.json.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(answer.headers.get('retry-after')).toBe('30');
    expect(sim.orderCount()).toBe(0);
    expect((await call(sim, '/orders/create', { body: { product_id: 142 } })).status).toBe(200);
  });

  it('dropAfterCommit: the socket dies but the order exists and was charged', async () => {
    sim.injectFault({ endpoint: 'create', kind: 'dropAfterCommit' });
    await expect(call(sim, '/orders/create', { body: { product_id: 142 } })).rejects.toThrow();
    expect(sim.orderCount()).toBe(1);
    expect(sim.balanceOf()).toBe(485000);
    expect((await call(sim, '/orders/active')).json.data).toHaveLength(1);
    expect(sim.requests.find((r) => r.path === '/v1/orders/create')?.status).toBe(0);
  });

  it('faults are consumed in order and only by their endpoint', async () => {
    sim.injectFault({ endpoint: 'balance', kind: 'status', status: 500, code: 'INTERNAL_ERROR' });
    sim.injectFault({ endpoint: 'balance', kind: 'status', status: 403, code: 'FORBIDDEN' });
    expect((await call(sim, '/catalog/countries')).status).toBe(200);
    expect((await call(sim, '/balance')).status).toBe(500);
    expect((await call(sim, '/balance')).status).toBe(403);
    expect((await call(sim, '/balance')).status).toBe(200);
    sim.injectFault({ endpoint: 'balance', kind: 'status', status: 500, code: 'INTERNAL_ERROR' });
    sim.clearFaults();
    expect((await call(sim, '/balance')).status).toBe(200);
  });
});
