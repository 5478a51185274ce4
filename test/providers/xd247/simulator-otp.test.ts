import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createXd247Simulator, SEED_OTP_SERVICES } from '../../../src/providers/xd247/simulator.ts';
import type { Xd247Simulator } from '../../../src/providers/xd247/simulator.ts';
import { OtpOrder, OtpOrderCreated, OtpOrderRefunded, OtpServiceList, successEnvelope } from '../../../src/providers/xd247/wire.ts';
import { call, create } from './sim-client.ts';

// The document's expiresAt example, 2024-01-01T00:20:00.000Z, is 20 minutes after this.
const T0 = Date.parse('2024-01-01T00:00:00.000Z');
const shopee = SEED_OTP_SERVICES.find((s) => s.code === 'shopee')!;
const [shopeeStandard, shopeePremium] = shopee.priceOptions as [typeof shopee.priceOptions[0], typeof shopee.priceOptions[0]];
const line = SEED_OTP_SERVICES.find((s) => s.code === 'line')!;
const lineman = SEED_OTP_SERVICES.find((s) => s.code === 'lineman')!;
const truemoney = SEED_OTP_SERVICES.find((s) => s.code === 'truemoney')!;
const buyShopee = { serviceId: shopee.id, priceOptionId: shopeeStandard.id };

let sim: Xd247Simulator;

beforeEach(async () => {
  sim = createXd247Simulator({ now: () => T0 });
  await sim.start();
});

afterEach(async () => {
  await sim.stop();
});

describe('GET /otp/services', () => {
  it('lists services with price options, prices as two-decimal numbers, and stock', async () => {
    const answer = await call(sim, '/otp/services');
    expect(answer.status).toBe(200);
    const services = successEnvelope(OtpServiceList).parse(answer.exact).data;
    expect(services.map((s) => s.name)).toEqual(expect.arrayContaining(['Shopee', 'LINE', 'Facebook', 'WhatsApp', 'Telegram', 'TikTok', 'Grab', 'Lazada']));
    expect(services.find((s) => s.id === shopee.id)).toEqual({
      id: shopee.id,
      name: 'Shopee',
      priceOptions: [
        { id: shopeeStandard.id, name: 'เบอร์ธรรมดา', price: '15.00', stock: 120 },
        { id: shopeePremium.id, name: 'เบอร์คุณภาพสูง', price: '25.00', stock: 35 },
      ],
    });
    expect(answer.raw).toContain('"price":15.00');
    expect(answer.raw).toContain('"price":16.50');
  });
});

describe('POST /otp/orders', () => {
  it('answers 201 with exactly the documented fields: Thai local number, waiting_sms, 15.00, expiresAt 20 min on', async () => {
    const answer = await call(sim, '/otp/orders', { body: buyShopee });
    expect(answer.status).toBe(201);
    expect(Object.keys(answer.json.data)).toEqual(['orderId', 'phoneNumber', 'status', 'price', 'expiresAt']);
    const data = successEnvelope(OtpOrderCreated).parse(answer.exact).data;
    expect(data.orderId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(data.phoneNumber).toMatch(/^0[689]\d{8}$/);
    expect(data).toMatchObject({ status: 'waiting_sms', price: '15.00', expiresAt: '2024-01-01T00:20:00.000Z' });
    expect(answer.raw).toContain('"price":15.00');
  });

  it('charges the option price, takes one from stock and books the charge', async () => {
    const id = await create(sim, '/otp/orders', { serviceId: truemoney.id, priceOptionId: truemoney.priceOptions[0]!.id });
    expect(sim.balanceOf()).toBe('483.50');
    expect((await call(sim, '/balance')).raw).toContain('"coins":483.50');
    const services = (await call(sim, '/otp/services')).json.data;
    expect(services.find((s: { id: string }) => s.id === truemoney.id).priceOptions[0].stock).toBe(44);
    expect(sim.ledger).toEqual([{ kind: 'charge', orderRef: id, amount: '16.50', at: T0 }]);
    expect(sim.orderCount()).toBe(1);
  });

  it('404 for an unknown service or a price option of another service; nothing charged', async () => {
    const unknown = await call(sim, '/otp/orders', { body: { serviceId: '00000000-0000-4000-8000-000000000000', priceOptionId: shopeeStandard.id } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('NOT_FOUND');
    const mismatched = await call(sim, '/otp/orders', { body: { serviceId: shopee.id, priceOptionId: line.priceOptions[0]!.id } });
    expect(mismatched.status).toBe(404);
    expect(mismatched.json.error.code).toBe('NOT_FOUND');
    expect(sim.balanceOf()).toBe('500.00');
    expect(sim.ledger).toEqual([]);
  });

  it('400 BAD_REQUEST when out of stock (seed LINE MAN, or setStock 0); nothing charged', async () => {
    const soldOut = await call(sim, '/otp/orders', { body: { serviceId: lineman.id, priceOptionId: lineman.priceOptions[0]!.id } });
    expect(soldOut.status).toBe(400);
    expect(soldOut.json.error.code).toBe('BAD_REQUEST');
    sim.setStock(shopeeStandard.id, 0);
    expect((await call(sim, '/otp/orders', { body: buyShopee })).json.error.code).toBe('BAD_REQUEST');
    sim.setStock(shopeeStandard.id, 1);
    await create(sim, '/otp/orders', buyShopee);
    expect((await call(sim, '/otp/orders', { body: buyShopee })).status).toBe(400);
    expect(sim.orderCount()).toBe(1);
    expect(sim.ledger).toHaveLength(1);
  });

  it('400 BAD_REQUEST when the coins do not cover the price; the exact balance still buys', async () => {
    sim.setBalance('14.99');
    const poor = await call(sim, '/otp/orders', { body: buyShopee });
    expect(poor.status).toBe(400);
    expect(poor.json.error.code).toBe('BAD_REQUEST');
    expect(sim.orderCount()).toBe(0);
    sim.setBalance('15.00');
    await create(sim, '/otp/orders', buyShopee);
    expect(sim.balanceOf()).toBe('0.00');
    expect((await call(sim, '/balance')).raw).toBe('{"success":true,"data":{"coins":0.00}}');
  });
});

describe('GET /otp/orders/:orderId and the SMS', () => {
  it('shows waiting_sms without a code, then completed with the code once the SMS arrives', async () => {
    const id = await create(sim, '/otp/orders', buyShopee);
    const waiting = successEnvelope(OtpOrder).parse((await call(sim, `/otp/orders/${id}`)).exact).data;
    expect(waiting).toMatchObject({ orderId: id, status: 'waiting_sms', otpCode: null, price: '15.00', expiresAt: '2024-01-01T00:20:00.000Z' });
    await sim.deliverOtp(id, '482913');
    const answer = await call(sim, `/otp/orders/${id}`);
    const done = successEnvelope(OtpOrder).parse(answer.exact).data;
    expect(done).toMatchObject({ orderId: id, status: 'completed', otpCode: '482913', phoneNumber: waiting.phoneNumber });
    expect(answer.json.data.smsText).toContain('482913');
    expect(sim.orderStatus(id)).toBe('completed');
  });

  it('a random code has the platform\'s usual length', async () => {
    const id = await create(sim, '/otp/orders', buyShopee);
    await sim.deliverOtp(id);
    expect((await call(sim, `/otp/orders/${id}`)).json.data.otpCode).toMatch(/^\d{6}$/);
  });

  it('autoOtp delivers on its own after a real-time delay', async () => {
    const auto = createXd247Simulator({ now: () => T0, autoOtp: { minDelayMs: 5, maxDelayMs: 20 } });
    await auto.start();
    try {
      const id = await create(auto, '/otp/orders', buyShopee);
      await vi.waitFor(() => expect(auto.orderStatus(id)).toBe('completed'), { timeout: 2000, interval: 10 });
      expect((await call(auto, `/otp/orders/${id}`)).json.data.otpCode).toMatch(/^\d{6}$/);
    } finally {
      await auto.stop();
    }
  });
});

describe('cancel, then refund: the coins come back only through refund', () => {
  it('cancel (waiting_sms) keeps the coins charged; refund returns the full price once', async () => {
    const id = await create(sim, '/otp/orders', buyShopee);
    const cancelled = await call(sim, `/otp/orders/${id}/cancel`, { method: 'POST' });
    expect(cancelled.status).toBe(200);
    expect(successEnvelope(OtpOrder).parse(cancelled.exact).data.status).toBe('cancelled');
    expect(sim.balanceOf()).toBe('485.00');
    expect(sim.orderStatus(id)).toBe('cancelled');

    const refunded = await call(sim, `/otp/orders/${id}/refund`, { method: 'POST' });
    expect(refunded.status).toBe(200);
    expect(successEnvelope(OtpOrderRefunded).parse(refunded.exact).data).toEqual({ orderId: id, status: 'refunded', refundAmount: '15.00' });
    expect(sim.balanceOf()).toBe('500.00');
    expect(sim.ledger).toEqual([
      { kind: 'charge', orderRef: id, amount: '15.00', at: T0 },
      { kind: 'refund', orderRef: id, amount: '15.00', at: T0 },
    ]);
    expect((await call(sim, `/otp/orders/${id}`)).json.data).toMatchObject({ status: 'refunded', refundAmount: 15 });

    const again = await call(sim, `/otp/orders/${id}/refund`, { method: 'POST' });
    expect(again.status).toBe(400);
    expect(again.json.error.code).toBe('BAD_REQUEST');
    expect(sim.balanceOf()).toBe('500.00');
    expect(sim.ledger).toHaveLength(2);
  });

  it('cancel is refused (400 BAD_REQUEST) unless waiting_sms: after the SMS, twice, after a refund', async () => {
    const received = await create(sim, '/otp/orders', buyShopee);
    await sim.deliverOtp(received, '1234');
    expect((await call(sim, `/otp/orders/${received}/cancel`, { method: 'POST' })).json.error.code).toBe('BAD_REQUEST');
    expect(sim.orderStatus(received)).toBe('completed');

    const twice = await create(sim, '/otp/orders', buyShopee);
    expect((await call(sim, `/otp/orders/${twice}/cancel`, { method: 'POST' })).status).toBe(200);
    expect((await call(sim, `/otp/orders/${twice}/cancel`, { method: 'POST' })).status).toBe(400);
    expect((await call(sim, `/otp/orders/${twice}/refund`, { method: 'POST' })).status).toBe(200);
    expect((await call(sim, `/otp/orders/${twice}/cancel`, { method: 'POST' })).status).toBe(400);
  });

  it('refund is refused (400 BAD_REQUEST) for a waiting or completed order, and a cancelled order gets no SMS', async () => {
    const waiting = await create(sim, '/otp/orders', buyShopee);
    expect((await call(sim, `/otp/orders/${waiting}/refund`, { method: 'POST' })).json.error.code).toBe('BAD_REQUEST');
    await sim.deliverOtp(waiting, '5555');
    expect((await call(sim, `/otp/orders/${waiting}/refund`, { method: 'POST' })).json.error.code).toBe('BAD_REQUEST');
    const cancelled = await create(sim, '/otp/orders', buyShopee);
    await call(sim, `/otp/orders/${cancelled}/cancel`, { method: 'POST' });
    await expect(sim.deliverOtp(cancelled, '1111')).rejects.toThrow(/cancelled/);
    expect(sim.balanceOf()).toBe('470.00');
    expect(sim.ledger.filter((e) => e.kind === 'refund')).toEqual([]);
  });
});

describe('expiry on the simulator clock', () => {
  it('a number without an SMS expires at expiresAt; coins stay charged until refunded; no SMS or cancel after', async () => {
    const id = await create(sim, '/otp/orders', buyShopee);
    await sim.advanceClock(20 * 60_000 - 1);
    expect(sim.orderStatus(id)).toBe('waiting_sms');
    await sim.advanceClock(1);
    expect(sim.orderStatus(id)).toBe('expired');
    expect((await call(sim, `/otp/orders/${id}`)).json.data.status).toBe('expired');
    expect(sim.balanceOf()).toBe('485.00');
    await expect(sim.deliverOtp(id, '1234')).rejects.toThrow(/expired/);
    expect((await call(sim, `/otp/orders/${id}/cancel`, { method: 'POST' })).status).toBe(400);
    const refunded = await call(sim, `/otp/orders/${id}/refund`, { method: 'POST' });
    expect(refunded.status).toBe(200);
    expect(refunded.json.data.status).toBe('refunded');
    expect(sim.balanceOf()).toBe('500.00');
    expect(sim.ledger.map((e) => [e.kind, e.amount, e.at])).toEqual([['charge', '15.00', T0], ['refund', '15.00', T0 + 20 * 60_000]]);
  });

  it('a received code does not expire, and the lifetime is configurable', async () => {
    const id = await create(sim, '/otp/orders', buyShopee);
    await sim.deliverOtp(id, '9999');
    await sim.advanceClock(60 * 60_000);
    expect(sim.orderStatus(id)).toBe('completed');
    const short = createXd247Simulator({ now: () => T0, otpLifetimeMs: 5 * 60_000 });
    await short.start();
    try {
      const answer = await call(short, '/otp/orders', { body: buyShopee });
      expect(answer.json.data.expiresAt).toBe('2024-01-01T00:05:00.000Z');
    } finally {
      await short.stop();
    }
  });
});
