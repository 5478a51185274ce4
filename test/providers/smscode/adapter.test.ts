import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AmbiguousOutcomeError,
  CancelTooEarlyError,
  InsufficientBalanceError,
  NoOfferAvailableError,
  NotFoundError,
  ProviderRejectedError,
  RateLimitedError,
  ServiceUnavailableError,
  ValidationError,
} from '../../../src/domain/errors.ts';
import { Money } from '../../../src/domain/money.ts';
import { WebhookRejectedError } from '../../../src/domain/provider.ts';
import type { BuyNumberRequest } from '../../../src/domain/provider.ts';
import { createSmscodeAdapter } from '../../../src/providers/smscode/adapter.ts';
import type { SmscodeAdapter, SmscodeAdapterOptions } from '../../../src/providers/smscode/adapter.ts';
import { SmscodeClient } from '../../../src/providers/smscode/client.ts';
import { createSmscodeSimulator, signWebhookBody } from '../../../src/providers/smscode/simulator.ts';
import type { SmscodeSimulator, SmscodeSimulatorOptions } from '../../../src/providers/smscode/simulator.ts';

const T0 = Date.parse('2026-02-25T10:00:00Z');
const TOKEN = 'sk_test_do_not_leak_4242';
const SECRET = 'whsec_test_secret';

let sim: SmscodeSimulator;
let adapter: SmscodeAdapter;

async function startSim(options: SmscodeSimulatorOptions = {}): Promise<void> {
  sim = createSmscodeSimulator({ apiTokens: [TOKEN], now: () => T0, allowInsecureWebhookUrls: true, ...options });
  await sim.start(0);
}

function makeAdapter(options: Partial<SmscodeAdapterOptions> = {}): SmscodeAdapter {
  return createSmscodeAdapter({ baseUrl: sim.baseUrl, apiToken: TOKEN, webhookSecret: SECRET, now: () => new Date(sim.now()), ...options });
}

function buy(offerRef: string, key: string, maxPrice: Money | null = null): BuyNumberRequest {
  return { offerRef, maxPrice, policy: 'CHEAPEST', idempotencyKey: key };
}

function upstreamCalls(path: string): number {
  return sim.requests.filter((r) => r.path.split('?')[0] === `/v1${path}`).length;
}

beforeEach(async () => {
  await startSim();
  adapter = makeAdapter();
});

afterEach(async () => {
  await sim.stop();
});

describe('identity and account', () => {
  it('declares what it can do', () => {
    expect(adapter.id).toBe('SMSCODE');
    expect(adapter.currency).toBe('IDR');
    expect([...adapter.capabilities].sort()).toEqual(['FX_RATES', 'OTP_FINISH', 'OTP_NUMBER', 'OTP_RESEND', 'WEBHOOK']);
  });

  it('reads the balance as exact IDR', async () => {
    const balance = await adapter.balance();
    expect(balance.currency).toBe('IDR');
    expect(balance.toString()).toBe('500000');
  });

  it('publishes the USD/IDR rate with the fetch time', async () => {
    const [rate, ...rest] = await adapter.publishedRates();
    expect(rest).toEqual([]);
    expect(rate).toEqual({ base: 'USD', quote: 'IDR', rate: '16250', asOf: new Date(T0) });
  });

  it('health follows the calls made: UP, DEGRADED when rate limited, DOWN after repeated failures', async () => {
    expect(adapter.health().status).toBe('UP');
    await adapter.balance();
    expect(adapter.health()).toMatchObject({ status: 'UP', checkedAt: new Date(T0) });
    sim.injectFault({ endpoint: 'balance', kind: 'status', status: 429, code: 'RATE_LIMIT_EXCEEDED', retryAfterSeconds: 0 });
    await expect(adapter.balance()).rejects.toBeInstanceOf(RateLimitedError);
    expect(adapter.health().status).toBe('DEGRADED');
    for (let i = 0; i < 3; i++) sim.injectFault({ endpoint: 'countries', kind: 'status', status: 503, code: 'SERVICE_UNAVAILABLE' });
    for (let i = 0; i < 3; i++) await expect(adapter.otp.countries()).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(adapter.health().status).toBe('DOWN');
    await adapter.otp.countries();
    expect(adapter.health().status).not.toBe('DOWN');
  });

  it('never puts the API token in an error', async () => {
    const stranger = makeAdapter({ apiToken: `${TOKEN}_wrong` });
    const error = await stranger.balance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderRejectedError);
    expect((error as ProviderRejectedError).providerCode).toBe('UNAUTHORIZED');
    const everything = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ''}`;
    expect(everything).not.toContain(TOKEN);
  });
});

describe('catalog', () => {
  it('lists active countries with ISO codes and platforms under canonical keys', async () => {
    const countries = await adapter.otp.countries();
    expect(countries).toContainEqual({ code: 'ID', name: 'Indonesia', dialCode: '+62' });
    const platforms = await adapter.otp.platforms();
    const keys = platforms.map((p) => p.key);
    expect(keys).toEqual(expect.arrayContaining(['whatsapp', 'telegram', 'facebook', 'shopee', 'line', 'google', 'tiktok']));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('returns one offer per catalog_product_id with exact IDR prices', async () => {
    const offers = await adapter.otp.offers({});
    const refs = offers.map((o) => o.providerRef);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs.every((r) => /^catalog:\d+$/.test(r))).toBe(true);

    const wa = offers.find((o) => o.providerRef === 'catalog:87');
    expect(wa).toMatchObject({ platform: 'whatsapp', country: 'ID', name: 'WhatsApp Indonesia', available: 42 + 7 + 120 });
    expect(wa?.price.currency).toBe('IDR');
    expect(wa?.price.toString()).toBe('15000');

    // Shopee Indonesia: the 2900 offer is out of stock, so the cheapest in stock (3200) is the price.
    const shopee = offers.find((o) => o.providerRef === 'catalog:91');
    expect(shopee?.price.toString()).toBe('3200');
    expect(shopee?.available).toBe(540 + 120 + 0);
  });

  it('filters by canonical platform and ISO country', async () => {
    const offers = await adapter.otp.offers({ platform: 'whatsapp', country: 'th' });
    expect(offers.map((o) => [o.providerRef, o.price.toString()])).toEqual([['catalog:101', '22000']]);
    expect(await adapter.otp.offers({ platform: 'nope' })).toEqual([]);
  });

  it('caches countries and services between offer lookups', async () => {
    await adapter.otp.offers({});
    await adapter.otp.offers({ country: 'ID' });
    expect(upstreamCalls('/catalog/countries')).toBe(1);
    expect(upstreamCalls('/catalog/services')).toBe(1);
    expect(upstreamCalls('/catalog/products')).toBe(2);
  });
});

describe('buying a number', () => {
  it('buys by catalog ref with one upstream call and one charge', async () => {
    const order = await adapter.otp.buyNumber(buy('catalog:87', 'buy-catalog-1'));
    expect(order).toMatchObject({ status: 'ACTIVE', providerStatus: 'ACTIVE', message: null, refund: null });
    expect(order.providerRef).toMatch(/^\d+$/);
    expect(order.phoneNumber).toMatch(/^\+62\d+$/);
    expect(order.price?.toString()).toBe('15000');
    expect(order.expiresAt).toEqual(new Date(T0 + 20 * 60_000));
    expect(sim.balanceOf(TOKEN)).toBe(500_000 - 15_000);
    expect(sim.orderCount(TOKEN)).toBe(1);
    expect(upstreamCalls('/orders/create')).toBe(1);
    expect(adapter.stats().orderCreate).toBe(1);
  });

  it('buys by legacy product ref at that product price', async () => {
    const order = await adapter.otp.buyNumber(buy('product:144', 'buy-product-1'));
    expect(order.price?.toString()).toBe('16500');
    expect(sim.balanceOf(TOKEN)).toBe(500_000 - 16_500);
    expect(sim.orderCount(TOKEN)).toBe(1);
  });

  it('forwards the Idempotency-Key: the same key twice is one upstream order', async () => {
    const first = await adapter.otp.buyNumber(buy('catalog:87', 'same-key-1'));
    const second = await adapter.otp.buyNumber(buy('catalog:87', 'same-key-1'));
    expect(second.providerRef).toBe(first.providerRef);
    expect(sim.orderCount(TOKEN)).toBe(1);
    expect(sim.balanceOf(TOKEN)).toBe(500_000 - 15_000);
  });

  it('refuses a key outside the documented alphabet without calling upstream', async () => {
    await expect(adapter.otp.buyNumber(buy('catalog:87', 'not a key!'))).rejects.toBeInstanceOf(ValidationError);
    await expect(adapter.otp.buyNumber(buy('87', 'ref-check'))).rejects.toBeInstanceOf(ValidationError);
    expect(upstreamCalls('/orders/create')).toBe(0);
  });

  it('INSUFFICIENT_BALANCE → InsufficientBalanceError, nothing charged', async () => {
    sim.setBalance(1000, TOKEN);
    await expect(adapter.otp.buyNumber(buy('catalog:87', 'poor-1'))).rejects.toBeInstanceOf(InsufficientBalanceError);
    expect(sim.balanceOf(TOKEN)).toBe(1000);
    expect(sim.orderCount(TOKEN)).toBe(0);
  });

  it('a cap below every price → NoOfferAvailableError; a fractional cap is floored, never rounded up', async () => {
    const error = await adapter.otp.buyNumber(buy('catalog:87', 'cap-1', Money.of('14999.99', 'IDR'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoOfferAvailableError);
    expect(sim.orderCount(TOKEN)).toBe(0);
    const order = await adapter.otp.buyNumber(buy('catalog:87', 'cap-2', Money.of('15000.50', 'IDR')));
    expect(order.price?.toString()).toBe('15000');
    await expect(adapter.otp.buyNumber(buy('catalog:87', 'cap-3', Money.of('1', 'USD')))).rejects.toBeInstanceOf(ValidationError);
  });

  it('an unknown catalog product → NotFoundError', async () => {
    await expect(adapter.otp.buyNumber(buy('catalog:999999', 'missing-1'))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('ambiguous outcomes and reconciliation', () => {
  it('a dropped answer to create is ambiguous; findByIdempotencyKey returns the order that was made, without a second charge', async () => {
    sim.injectFault({ endpoint: 'create', kind: 'dropAfterCommit' });
    const request = buy('catalog:87', 'dropped-1');
    await expect(adapter.otp.buyNumber(request)).rejects.toBeInstanceOf(AmbiguousOutcomeError);
    expect(sim.orderCount(TOKEN)).toBe(1);
    expect(sim.balanceOf(TOKEN)).toBe(500_000 - 15_000);
    expect(upstreamCalls('/orders/create')).toBe(1); // never retried on its own

    const found = await adapter.otp.findByIdempotencyKey(request);
    expect(found).toMatchObject({ status: 'ACTIVE' });
    expect(found?.price?.toString()).toBe('15000');
    expect(sim.orderCount(TOKEN)).toBe(1);
    expect(sim.balanceOf(TOKEN)).toBe(500_000 - 15_000);
  });

  it('findByIdempotencyKey answers null while the original create is still in progress', async () => {
    sim.injectFault({ endpoint: 'create', kind: 'delay', ms: 300 });
    const request = buy('catalog:87', 'slow-1');
    const original = adapter.otp.buyNumber(request);
    await waitFor(() => upstreamCalls('/orders/create') === 1);
    expect(await adapter.otp.findByIdempotencyKey(request)).toBeNull();
    const order = await original;
    expect((await adapter.otp.findByIdempotencyKey(request))?.providerRef).toBe(order.providerRef);
    expect(sim.orderCount(TOKEN)).toBe(1);
  });

  it('a 500 on create is ambiguous, on a read it is a typed error', async () => {
    sim.injectFault({ endpoint: 'create', kind: 'status', status: 500, code: 'INTERNAL_ERROR' });
    await expect(adapter.otp.buyNumber(buy('catalog:87', 'err-500'))).rejects.toBeInstanceOf(AmbiguousOutcomeError);

    const order = await adapter.otp.buyNumber(buy('catalog:87', 'err-500-b'));
    sim.injectFault({ endpoint: 'order', kind: 'status', status: 500, code: 'INTERNAL_ERROR' });
    const error = await adapter.otp.getOrder(order.providerRef).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({ providerCode: 'INTERNAL_ERROR', httpStatus: 500 });
  });

  it('429 → RateLimitedError with Retry-After seconds, and the client pauses that group', async () => {
    sim.injectFault({ endpoint: 'balance', kind: 'status', status: 429, code: 'RATE_LIMIT_EXCEEDED', retryAfterSeconds: 17 });
    const error = await adapter.balance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(17);

    const client = new SmscodeClient({ apiToken: TOKEN, baseUrl: sim.baseUrl, now: () => sim.now() });
    sim.injectFault({ endpoint: 'balance', kind: 'status', status: 429, code: 'RATE_LIMIT_EXCEEDED', retryAfterSeconds: 5 });
    await expect(client.balance()).rejects.toBeInstanceOf(RateLimitedError);
    expect(client.budget.remaining('balance')).toBe(0);
    await sim.advanceClock(5000);
    expect(client.budget.remaining('balance')).toBeGreaterThan(0);
  });
});

describe('orders after purchase', () => {
  it('CANCEL_TOO_EARLY → CancelTooEarlyError with the seconds left; after 2 minutes cancel refunds', async () => {
    const order = await adapter.otp.buyNumber(buy('catalog:87', 'cancel-1'));
    await sim.advanceClock(30_000);
    const error = await adapter.otp.cancel(order.providerRef).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelTooEarlyError);
    const seconds = (error as CancelTooEarlyError).secondsRemaining;
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(120);

    await sim.advanceClock(121_000);
    const { refund } = await adapter.otp.cancel(order.providerRef);
    expect(refund?.toString()).toBe('15000');
    expect(sim.balanceOf(TOKEN)).toBe(500_000);
    expect(await adapter.otp.getOrder(order.providerRef)).toMatchObject({ status: 'CANCELED', providerStatus: 'CANCELED' });
  });

  it('getOrder carries the OTP; finish completes it', async () => {
    const order = await adapter.otp.buyNumber(buy('catalog:87', 'otp-1'));
    await sim.advanceClock(5000);
    await sim.deliverOtp(Number(order.providerRef), '482913', 'Your WhatsApp code is 482-913');
    const received = await adapter.otp.getOrder(order.providerRef);
    expect(received.status).toBe('OTP_RECEIVED');
    expect(received.message).toEqual({ code: '482913', text: expect.any(String), receivedAt: new Date(T0 + 5000) });
    await adapter.otp.finish(order.providerRef);
    expect((await adapter.otp.getOrder(order.providerRef)).status).toBe('COMPLETED');
  });

  it('resend says whether the platform resent', async () => {
    const order = await adapter.otp.buyNumber(buy('catalog:87', 'resend-1'));
    expect(await adapter.otp.resend(order.providerRef)).toEqual({ resent: expect.any(Boolean) });
  });

  it('an expired order carries its refund', async () => {
    const order = await adapter.otp.buyNumber(buy('catalog:87', 'expire-1'));
    await sim.advanceClock(21 * 60_000);
    const expired = await adapter.otp.getOrder(order.providerRef);
    expect(expired.status).toBe('EXPIRED');
    expect(expired.refund?.toString()).toBe('15000');
  });

  it('activeOrders makes exactly one upstream request for the whole account', async () => {
    const a = await adapter.otp.buyNumber(buy('catalog:87', 'active-a'));
    const b = await adapter.otp.buyNumber(buy('catalog:88', 'active-b'));
    await sim.deliverOtp(Number(a.providerRef), '111222', 'Your code is 111222');
    const before = sim.requests.length;
    const active = await adapter.otp.activeOrders();
    expect(sim.requests.length - before).toBe(1);
    expect(upstreamCalls('/orders/active')).toBe(1);
    const byRef = new Map(active.map((s) => [s.providerRef, s]));
    expect(byRef.get(a.providerRef)).toMatchObject({ status: 'OTP_RECEIVED', message: { code: '111222', text: 'Your code is 111222' } });
    expect(byRef.get(b.providerRef)).toMatchObject({ status: 'ACTIVE', message: null, phoneNumber: b.phoneNumber });
  });
});

describe('webhook', () => {
  const body = JSON.stringify({
    event: 'order.otp_received',
    timestamp: '2026-02-25T12:00:00+00:00',
    data: {
      order_id: 1001,
      phone_number: '+628123456789',
      otp_code: '1234',
      otp_message: 'Your verification code is 1234',
      product_id: 42,
      catalog_product_id: 87,
      country: 'Indonesia',
      platform: 'WhatsApp',
    },
  });

  it('accepts a correctly signed body (plain or sha256= prefixed) and maps it to a snapshot', () => {
    const signature = signWebhookBody(body, SECRET);
    const push = adapter.webhook.parse(body, new Headers({ 'X-Webhook-Signature': signature }));
    expect(push?.event).toBe('order.otp_received');
    expect(push?.deliveryId).toMatch(/^[0-9a-f]{64}$/);
    expect(push?.snapshot).toMatchObject({
      providerRef: '1001',
      status: 'OTP_RECEIVED',
      message: { code: '1234', text: 'Your verification code is 1234', receivedAt: new Date('2026-02-25T12:00:00Z') },
    });
    const again = adapter.webhook.parse(body, new Headers({ 'x-webhook-signature': `sha256=${signature}` }));
    expect(again?.deliveryId).toBe(push?.deliveryId);
  });

  it('rejects a wrong or missing signature, and everything when no secret is configured', () => {
    const wrong = signWebhookBody(body, 'another-secret');
    expect(() => adapter.webhook.parse(body, new Headers({ 'X-Webhook-Signature': wrong }))).toThrow(WebhookRejectedError);
    expect(() => adapter.webhook.parse(body, new Headers())).toThrow(WebhookRejectedError);
    const tampered = body.replace('1234', '9999');
    expect(() => adapter.webhook.parse(tampered, new Headers({ 'X-Webhook-Signature': signWebhookBody(body, SECRET) }))).toThrow(WebhookRejectedError);
    const unconfigured = makeAdapter({ webhookSecret: undefined });
    expect(() => unconfigured.webhook.parse(body, new Headers({ 'X-Webhook-Signature': signWebhookBody(body, SECRET) }))).toThrow(WebhookRejectedError);
  });

  it('registers the URL with our secret, receives real signed deliveries, and ignores the test event', async () => {
    const received: Array<{ body: string; headers: Headers }> = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
        received.push({ body: Buffer.concat(chunks).toString('utf8'), headers });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/smscode`;
      const registered = await adapter.webhook.register(url);
      expect(registered).toEqual({ url });
      expect(JSON.stringify(registered)).not.toContain(SECRET);

      expect(await adapter.webhook.sendTest()).toEqual({ statusCode: 204 });
      const order = await adapter.otp.buyNumber(buy('catalog:87', 'hook-1'));
      await sim.deliverOtp(Number(order.providerRef), '777888', 'Code 777888');
      await sim.settleWebhooks();

      const pushes = received.map((r) => adapter.webhook.parse(r.body, r.headers));
      expect(pushes[0]).toBeNull(); // the test event is authentic but not about an order
      expect(pushes[1]?.snapshot).toMatchObject({ providerRef: order.providerRef, status: 'OTP_RECEIVED', message: { code: '777888' } });
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});

describe('request budget', () => {
  it('keeps a burst inside a small configured limit: the extra calls wait instead of drawing a 429', async () => {
    await sim.stop();
    await startSim({ rateLimits: { balance: 5 } });
    // The simulator counts 5 per 60 s of its clock; our budget allows 5 per second of real time.
    const limited = makeAdapter({ rateLimits: { balance: { limit: 5, windowMs: 1000 } }, now: () => new Date() });
    const burst = Promise.all(Array.from({ length: 8 }, () => limited.balance()));
    await waitFor(() => upstreamCalls('/balance') === 5);
    expect(upstreamCalls('/balance')).toBe(5); // the other 3 are held back client-side
    await sim.advanceClock(60_000); // the simulator's window rolls over before the budget lets more through
    const balances = await burst;
    expect(balances).toHaveLength(8);
    expect(upstreamCalls('/balance')).toBe(8);
    expect(sim.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(limited.stats().balance).toBe(8);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
