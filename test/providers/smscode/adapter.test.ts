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
  ValidationError,
} from '../../../src/domain/errors.ts';
import { Money } from '../../../src/domain/money.ts';
import { WebhookRejectedError } from '../../../src/domain/provider.ts';
import type { OrderHandle, OrderIntent, OrderSnapshot, PlaceOrderRequest, RoutingPolicy } from '../../../src/domain/provider.ts';
import { createSmscodeAdapter, platformKey } from '../../../src/providers/smscode/adapter.ts';
import type { SmscodeAdapter, SmscodeAdapterOptions } from '../../../src/providers/smscode/adapter.ts';
import { SmscodeClient } from '../../../src/providers/smscode/client.ts';
import { createSmscodeSimulator, signWebhookBody } from '../../../src/providers/smscode/simulator.ts';
import type { SmscodeSimulator, SmscodeSimulatorOptions } from '../../../src/providers/smscode/simulator.ts';
import { defaultHandle, describeAdapterContract, newReference } from '../contract-suite.ts';

const T0 = Date.parse('2026-02-25T10:00:00Z');
const TOKEN = 'sk_test_do_not_leak_4242';
const SECRET = 'whsec_test_secret';
/** The document's "WhatsApp Indonesia": offers 142 (15000, prov_a), 143 (15000, prov_b), 144 (16500, prov_c). */
const WHATSAPP_ID = 'catalog:87';

/** A loopback server standing in for the gateway's webhook route: answers 204 and keeps what arrived. */
async function startReceiver(): Promise<{ url: string; received: Array<{ body: string; headers: Headers }>; close(): Promise<void> }> {
  const received: Array<{ body: string; headers: Headers }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/smscode`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function simulatorOptions(options: SmscodeSimulatorOptions = {}): SmscodeSimulatorOptions {
  return { apiTokens: [TOKEN], now: () => T0, allowInsecureWebhookUrls: true, ...options };
}

function adapterFor(sim: SmscodeSimulator, options: Partial<SmscodeAdapterOptions> = {}): SmscodeAdapter {
  return createSmscodeAdapter({ baseUrl: sim.baseUrl, apiToken: TOKEN, webhookSecret: SECRET, now: () => new Date(sim.now()), ...options });
}

// ── the shared contract ─────────────────────────────────────────────────

describeAdapterContract('smscode', async () => {
  const simulator = createSmscodeSimulator(simulatorOptions());
  await simulator.start();
  const receiver = await startReceiver();
  const adapter = adapterFor(simulator);
  await adapter.webhook!.register!(receiver.url);
  return {
    adapter,
    simulator,
    async buyable() {
      const offer = (await adapter.offers()).find((o) => o.providerRef === WHATSAPP_ID);
      if (!offer) throw new Error(`${WHATSAPP_ID} is not in the smscode catalog`);
      return { offer, intent: { kind: 'OTP_NUMBER', policy: 'CHEAPEST' } };
    },
    faultEndpoint: { place: 'create', lookup: 'order' },
    async readyFor(operation, order) {
      // No cancel in the first 2 minutes; finish only once an SMS has arrived.
      if (operation === 'cancel') await simulator.advanceClock(121_000);
      if (operation === 'complete') await simulator.deliverOtp(Number(order.providerRef));
    },
    webhook: {
      async deliver(providerRef) {
        const before = simulator.deliveries.length;
        await simulator.deliverOtp(Number(providerRef));
        await simulator.settleDeliveries();
        const delivery = simulator.deliveries.slice(before).find((d) => (JSON.parse(d.body) as { data?: { order_id?: number } }).data?.order_id === Number(providerRef));
        if (!delivery) throw new Error(`smscode simulator pushed nothing for order ${providerRef}`);
        return { rawBody: delivery.body, headers: new Headers(delivery.headers), url: new URL(delivery.url) };
      },
    },
    async teardown() {
      await simulator.stop();
      await receiver.close();
    },
  };
});

// ── smscode's own behaviour ─────────────────────────────────────────────

let sim: SmscodeSimulator;
let adapter: SmscodeAdapter;

function otpIntent(policy: RoutingPolicy = 'CHEAPEST'): OrderIntent {
  return { kind: 'OTP_NUMBER', policy };
}

function buy(offerRef: string, reference: string = newReference('smscode'), options: { maxPrice?: Money | null; policy?: RoutingPolicy } = {}): PlaceOrderRequest {
  return { offerRef, intent: otpIntent(options.policy), maxPrice: options.maxPrice ?? null, reference, callbackUrl: null };
}

/** The handle the core keeps: after a place (snapshot), or before any answer came (no provider ref). */
function handleOf(request: PlaceOrderRequest, snapshot: OrderSnapshot | null = null, createdAt = new Date(sim.now())): OrderHandle {
  if (snapshot) return defaultHandle(snapshot, request, createdAt);
  return { kind: 'OTP_NUMBER', reference: request.reference, providerRef: null, offerRef: request.offerRef, intent: request.intent, maxPrice: request.maxPrice, price: null, providerData: {}, createdAt };
}

function upstreamCalls(path: string): number {
  return sim.requests.filter((r) => r.path.split('?')[0] === `/v1${path}`).length;
}

const charges = () => sim.ledger.filter((e) => e.kind === 'charge');

describe('smscode adapter', () => {
  beforeEach(async () => {
    sim = createSmscodeSimulator(simulatorOptions());
    await sim.start(0);
    adapter = adapterFor(sim);
  });

  afterEach(async () => {
    await sim.stop();
  });

  describe('identity and account', () => {
    it('declares OTP numbers in IDR and the operations smscode has (no refund: a cancel refunds)', () => {
      expect(adapter).toMatchObject({ id: 'SMSCODE', currency: 'IDR', kinds: ['OTP_NUMBER'] });
      expect(Object.keys(adapter.operations).sort()).toEqual(['activeOrders', 'cancel', 'complete', 'countries', 'history', 'publishedRates', 'resend']);
      expect(adapter.webhook?.authentication).toBe('signature');
    });

    it('reads the balance as exact IDR', async () => {
      const balance = await adapter.balance();
      expect(balance.currency).toBe('IDR');
      expect(balance.toString()).toBe('500000');
    });

    it('publishes the USD/IDR rate with the fetch time', async () => {
      expect(await adapter.operations.publishedRates!()).toEqual([{ base: 'USD', quote: 'IDR', rate: '16250', asOf: new Date(T0) }]);
    });

    it('health: DEGRADED while rate limited', async () => {
      await adapter.balance();
      expect(adapter.health()).toMatchObject({ status: 'UP', checkedAt: new Date(T0) });
      sim.injectFault({ endpoint: 'balance', kind: 'error', status: 429, code: 'RATE_LIMIT_EXCEEDED', retryAfterSeconds: 0 });
      await expect(adapter.balance()).rejects.toBeInstanceOf(RateLimitedError);
      expect(adapter.health().status).toBe('DEGRADED');
    });

    it('429 → RateLimitedError with the Retry-After seconds, and the client pauses that group', async () => {
      sim.injectFault({ endpoint: 'balance', kind: 'error', status: 429, code: 'RATE_LIMIT_EXCEEDED', retryAfterSeconds: 17 });
      const error = await adapter.balance().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).retryAfterSeconds).toBe(17);

      const client = new SmscodeClient({ apiToken: TOKEN, baseUrl: sim.baseUrl, now: () => sim.now() });
      sim.injectFault({ endpoint: 'balance', kind: 'error', status: 429, code: 'RATE_LIMIT_EXCEEDED', retryAfterSeconds: 5 });
      await expect(client.balance()).rejects.toBeInstanceOf(RateLimitedError);
      expect(client.budget.remaining('balance')).toBe(0);
      await sim.advanceClock(5000);
      expect(client.budget.remaining('balance')).toBeGreaterThan(0);
    });

    it('never puts the API token in an error', async () => {
      const stranger = adapterFor(sim, { apiToken: `${TOKEN}_wrong` });
      const error = await stranger.balance().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderRejectedError);
      expect((error as ProviderRejectedError).providerCode).toBe('UNAUTHORIZED');
      const everything = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ''}`;
      expect(everything).not.toContain(TOKEN);
    });
  });

  describe('catalog', () => {
    it('maps smscode service codes to canonical platform keys', () => {
      expect(['wa', 'TG', 'fb', 'go', 'ig', 'tw'].map(platformKey)).toEqual(['whatsapp', 'telegram', 'facebook', 'google', 'instagram', 'twitter']);
      expect(platformKey('Shopee')).toBe('shopee');
      expect(platformKey('NewApp')).toBe('newapp');
    });

    it('one offer per catalog_product_id under a canonical otp:<platform>:<ISO country> key, exact IDR prices', async () => {
      const offers = await adapter.offers();
      for (const offer of offers) {
        expect(offer.providerRef).toMatch(/^catalog:\d+$/);
        expect(offer.serviceKey).toBe(`otp:${offer.details.kind === 'OTP_NUMBER' ? `${offer.details.platform}:${offer.details.country}` : ''}`);
        expect(offer.serviceKey).toMatch(/^otp:[a-z0-9_]+:[A-Z]{2}$/);
      }
      const keys = new Set(offers.map((o) => o.serviceKey.split(':')[1]));
      for (const key of ['whatsapp', 'telegram', 'facebook', 'shopee', 'line', 'google', 'tiktok']) expect(keys).toContain(key);

      const wa = offers.find((o) => o.providerRef === WHATSAPP_ID);
      expect(wa).toMatchObject({
        serviceKey: 'otp:whatsapp:ID',
        name: 'WhatsApp Indonesia',
        available: 42 + 7 + 120,
        details: { kind: 'OTP_NUMBER', platform: 'whatsapp', country: 'ID' },
      });
      expect(wa?.price.currency).toBe('IDR');
      expect(wa?.price.toString()).toBe('15000');

      // Shopee Indonesia: the 2900 offer is out of stock, so the cheapest in stock (3200) is the price.
      const shopee = offers.find((o) => o.providerRef === 'catalog:91');
      expect(shopee).toMatchObject({ serviceKey: 'otp:shopee:ID', available: 540 + 120 + 0 });
      expect(shopee?.price.toString()).toBe('3200');
    });

    it('lists active countries with ISO codes', async () => {
      expect(await adapter.operations.countries!()).toContainEqual({ code: 'ID', name: 'Indonesia', dialCode: '+62' });
    });

    it('caches countries and services between catalog loads', async () => {
      await adapter.offers();
      await adapter.offers();
      expect(upstreamCalls('/catalog/countries')).toBe(1);
      expect(upstreamCalls('/catalog/services')).toBe(1);
      expect(upstreamCalls('/catalog/products')).toBe(2);
    });
  });

  describe('place', () => {
    it('buys by catalog ref with one upstream call and one charge', async () => {
      const order = await adapter.place(buy(WHATSAPP_ID));
      expect(order).toMatchObject({ status: 'ACTIVE', providerStatus: 'ACTIVE', refund: null, failedReason: null });
      expect(order.providerRef).toMatch(/^\d+$/);
      expect(order.otp?.phoneNumber).toMatch(/^\+62\d+$/);
      expect(order.otp?.message).toBeNull();
      expect(order.otp?.expiresAt).toEqual(new Date(T0 + 20 * 60_000));
      expect(order.price?.toString()).toBe('15000');
      expect(sim.balanceOf(TOKEN)).toBe(500_000 - 15_000);
      expect(charges()).toEqual([{ kind: 'charge', orderRef: order.providerRef, amount: '15000', at: T0 }]);
      expect(upstreamCalls('/orders/create')).toBe(1);
      expect(adapter.stats().orderCreate).toBe(1);
    });

    it('buys by legacy product ref at that product price', async () => {
      const order = await adapter.place(buy('product:144'));
      expect(order.price?.toString()).toBe('16500');
      expect(sim.balanceOf(TOKEN)).toBe(500_000 - 16_500);
    });

    it('forwards the policy: best_success picks the provider with the best record, cheapest the lowest price', async () => {
      // prov_c (16500) receives every OTP; prov_a and prov_b (15000) none.
      sim.recordProviderHistory('prov_a', 30, 0);
      sim.recordProviderHistory('prov_b', 30, 0);
      sim.recordProviderHistory('prov_c', 30, 30);
      const best = await adapter.place(buy(WHATSAPP_ID, undefined, { policy: 'BEST_SUCCESS' }));
      expect(best.price?.toString()).toBe('16500');
      const cheapest = await adapter.place(buy(WHATSAPP_ID, undefined, { policy: 'CHEAPEST' }));
      expect(cheapest.price?.toString()).toBe('15000');
    });

    it('max_price is an IDR integer floor: a cap below every price refuses, a fractional cap is floored, never rounded up', async () => {
      const error = await adapter.place(buy(WHATSAPP_ID, undefined, { maxPrice: Money.of('14999.99', 'IDR') })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NoOfferAvailableError);
      expect(charges()).toEqual([]);
      const order = await adapter.place(buy(WHATSAPP_ID, undefined, { maxPrice: Money.of('15000.50', 'IDR') }));
      expect(order.price?.toString()).toBe('15000');
      await expect(adapter.place(buy(WHATSAPP_ID, undefined, { maxPrice: Money.of('1', 'USD') }))).rejects.toBeInstanceOf(ValidationError);
      expect(charges()).toHaveLength(1);
    });

    it('the Idempotency-Key is request.reference: the same reference twice is one upstream order, another is a new one', async () => {
      const first = await adapter.place(buy(WHATSAPP_ID, 'order-ref-1'));
      const second = await adapter.place(buy(WHATSAPP_ID, 'order-ref-1'));
      expect(second.providerRef).toBe(first.providerRef);
      expect(charges()).toHaveLength(1);
      const other = await adapter.place(buy(WHATSAPP_ID, 'order-ref-2'));
      expect(other.providerRef).not.toBe(first.providerRef);
      expect(charges()).toHaveLength(2);
      expect(upstreamCalls('/orders/create')).toBe(3);
    });

    it('refuses a reference outside the key alphabet, another kind, or a foreign offer ref without calling upstream', async () => {
      await expect(adapter.place(buy(WHATSAPP_ID, 'not a key!'))).rejects.toBeInstanceOf(ValidationError);
      await expect(adapter.place(buy('87'))).rejects.toBeInstanceOf(ValidationError);
      await expect(adapter.place({ ...buy(WHATSAPP_ID), intent: { kind: 'PREMIUM_APP' } })).rejects.toBeInstanceOf(ValidationError);
      expect(upstreamCalls('/orders/create')).toBe(0);
    });

    it('INSUFFICIENT_BALANCE → InsufficientBalanceError, nothing charged', async () => {
      sim.setBalance(1000, TOKEN);
      await expect(adapter.place(buy(WHATSAPP_ID))).rejects.toBeInstanceOf(InsufficientBalanceError);
      expect(sim.balanceOf(TOKEN)).toBe(1000);
      expect(charges()).toEqual([]);
    });

    it('an unknown catalog product → NotFoundError', async () => {
      await expect(adapter.place(buy('catalog:999999'))).rejects.toBeInstanceOf(NotFoundError);
    });

    it('a 500 on create is ambiguous (smscode may have done the work), never retried on its own', async () => {
      sim.injectFault({ endpoint: 'create', kind: 'error', status: 500, code: 'INTERNAL_ERROR' });
      await expect(adapter.place(buy(WHATSAPP_ID))).rejects.toBeInstanceOf(AmbiguousOutcomeError);
      expect(upstreamCalls('/orders/create')).toBe(1);
    });
  });

  describe('lookup', () => {
    it('by provider ref carries the OTP, and the refund once expired', async () => {
      const request = buy(WHATSAPP_ID);
      const handle = handleOf(request, await adapter.place(request));
      await sim.advanceClock(5000);
      await sim.deliverOtp(Number(handle.providerRef), '482913', 'Your WhatsApp code is 482-913');
      const received = await adapter.lookup(handle);
      // GET /orders/{id} carries the code but not the SMS text (only /orders/active and pushes do).
      expect(received).toMatchObject({
        outcome: 'found',
        snapshot: { providerRef: handle.providerRef, status: 'OTP_RECEIVED', otp: { message: { code: '482913', text: '482913', receivedAt: new Date(T0 + 5000) } } },
      });

      const other = buy(WHATSAPP_ID);
      const expiring = handleOf(other, await adapter.place(other));
      await sim.advanceClock(21 * 60_000);
      const expired = await adapter.lookup(expiring);
      expect(expired).toMatchObject({ outcome: 'found', snapshot: { status: 'EXPIRED' } });
      expect(expired.outcome === 'found' && expired.snapshot.refund?.toString()).toBe('15000');
    });

    it('one SMS has one key whether seen by lookup, by activeOrders or in a push (stored once)', async () => {
      const receiver = await startReceiver();
      try {
        await adapter.webhook!.register!(receiver.url);
        const request = buy(WHATSAPP_ID);
        const handle = handleOf(request, await adapter.place(request));
        await sim.advanceClock(5000);
        await sim.deliverOtp(Number(handle.providerRef), '482913', 'Your WhatsApp code is 482-913');
        await sim.settleDeliveries();
        const pushed = receiver.received.map((r) => adapter.webhook!.receive({ rawBody: r.body, headers: r.headers, url: new URL(receiver.url) }));
        const viaPush = pushed.flatMap((p) => p.updates).find((u) => u.providerRef === handle.providerRef)?.snapshot?.otp?.message;
        const looked = await adapter.lookup(handle);
        const viaLookup = looked.outcome === 'found' ? looked.snapshot.otp?.message : undefined;
        const viaActive = (await adapter.operations.activeOrders!()).find((o) => o.providerRef === handle.providerRef)?.otp?.message;
        expect(viaPush?.key).toBeDefined();
        expect(viaLookup?.key).toBe(viaPush?.key);
        expect(viaActive?.key).toBe(viaPush?.key);
      } finally {
        await receiver.close();
      }
    });

    it('without a provider ref, after a dropped answer: replays the create with the same key and gets the same order, no second charge', async () => {
      const request = buy(WHATSAPP_ID);
      sim.injectFault({ endpoint: 'create', kind: 'dropAfterCommit' });
      await expect(adapter.place(request)).rejects.toBeInstanceOf(AmbiguousOutcomeError);
      expect(charges()).toHaveLength(1);

      const result = await adapter.lookup(handleOf(request));
      expect(result).toMatchObject({ outcome: 'found', snapshot: { providerRef: charges()[0]?.orderRef, status: 'ACTIVE' } });
      expect(result.outcome === 'found' && result.snapshot.price?.toString()).toBe('15000');
      expect(upstreamCalls('/orders/create')).toBe(2);
      expect(charges()).toHaveLength(1);
      expect(sim.balanceOf(TOKEN)).toBe(500_000 - 15_000);
    });

    it('without a provider ref, when the create never took effect: the replay places it now, once', async () => {
      const request = buy(WHATSAPP_ID);
      sim.injectFault({ endpoint: 'create', kind: 'dropBeforeCommit' });
      await expect(adapter.place(request)).rejects.toBeInstanceOf(AmbiguousOutcomeError);
      expect(charges()).toEqual([]);
      const result = await adapter.lookup(handleOf(request));
      expect(result.outcome).toBe('found');
      expect(await adapter.lookup(handleOf(request))).toEqual(result);
      expect(charges()).toHaveLength(1);
    });

    it('without a provider ref, a definite refusal of the replay → absent (nothing exists under that key)', async () => {
      const request = buy(WHATSAPP_ID);
      sim.injectFault({ endpoint: 'create', kind: 'dropBeforeCommit' });
      await expect(adapter.place(request)).rejects.toBeInstanceOf(AmbiguousOutcomeError);
      for (const product of [142, 143, 144]) sim.setStock(product, 0);
      expect(await adapter.lookup(handleOf(request))).toMatchObject({ outcome: 'absent' });
      expect(charges()).toEqual([]);
    });

    it('without a provider ref, while the original create is still in progress (REQUEST_IN_PROGRESS) → unknown, then found', async () => {
      const request = buy(WHATSAPP_ID);
      sim.injectFault({ endpoint: 'create', kind: 'delay', ms: 300 });
      const original = adapter.place(request);
      await waitFor(() => upstreamCalls('/orders/create') === 1);
      // A bug fix: this used to answer absent, which would have let the core give up on a charged order.
      expect(await adapter.lookup(handleOf(request))).toMatchObject({ outcome: 'unknown' });
      const order = await original;
      expect(await adapter.lookup(handleOf(request))).toMatchObject({ outcome: 'found', snapshot: { providerRef: order.providerRef } });
      expect(charges()).toHaveLength(1);
    });

    it.each([
      ['REQUEST_IN_PROGRESS', 409],
      ['RATE_LIMIT_EXCEEDED', 429],
      ['SERVICE_UNAVAILABLE', 503],
      ['INTERNAL_ERROR', 500],
    ])('without a provider ref, %s on the replay → unknown (never absent, never thrown)', async (code, status) => {
      const request = buy(WHATSAPP_ID);
      sim.injectFault({ endpoint: 'create', kind: 'dropAfterCommit' });
      await expect(adapter.place(request)).rejects.toBeInstanceOf(AmbiguousOutcomeError);
      sim.injectFault({ endpoint: 'create', kind: 'error', status, code, retryAfterSeconds: 1 });
      const result = await adapter.lookup(handleOf(request));
      expect(result.outcome).toBe('unknown');
      expect(charges()).toHaveLength(1);
    });

    it('without a provider ref, a lost answer to the replay or a stopped upstream → unknown', async () => {
      const request = buy(WHATSAPP_ID);
      sim.injectFault({ endpoint: 'create', kind: 'dropAfterCommit' });
      await expect(adapter.place(request)).rejects.toBeInstanceOf(AmbiguousOutcomeError);
      sim.injectFault({ endpoint: 'create', kind: 'dropAfterCommit' });
      expect(await adapter.lookup(handleOf(request))).toMatchObject({ outcome: 'unknown' });
      await sim.stop();
      expect(await adapter.lookup(handleOf(request))).toMatchObject({ outcome: 'unknown' });
      expect(charges()).toHaveLength(1);
    });
  });

  describe('operations', () => {
    it('CANCEL_TOO_EARLY → CancelTooEarlyError with the seconds smscode states; after 2 minutes cancel refunds', async () => {
      const request = buy(WHATSAPP_ID);
      const handle = handleOf(request, await adapter.place(request));
      await sim.advanceClock(30_000);
      const error = await adapter.operations.cancel!(handle).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CancelTooEarlyError);
      expect((error as CancelTooEarlyError).secondsRemaining).toBe(90);

      await sim.advanceClock(91_000);
      const outcome = await adapter.operations.cancel!(handle);
      expect(outcome).toMatchObject({ status: 'CANCELED', providerStatus: 'CANCELED' });
      expect(outcome.refund?.toString()).toBe('15000');
      expect(sim.balanceOf(TOKEN)).toBe(500_000);
      expect(await adapter.lookup(handle)).toMatchObject({ outcome: 'found', snapshot: { status: 'CANCELED', providerStatus: 'CANCELED' } });
    });

    it('CANCEL_TOO_EARLY without a number in the message → seconds from the handle createdAt', async () => {
      const request = buy(WHATSAPP_ID);
      const handle = handleOf(request, await adapter.place(request), new Date(T0));
      await sim.advanceClock(45_000);
      sim.injectFault({ endpoint: 'cancel', kind: 'error', status: 409, code: 'CANCEL_TOO_EARLY', message: 'Please wait before canceling' });
      const error = await adapter.operations.cancel!(handle).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CancelTooEarlyError);
      expect((error as CancelTooEarlyError).secondsRemaining).toBe(120 - 45);
    });

    it('an operation on a handle without a provider ref is refused without calling upstream', async () => {
      const handle = handleOf(buy(WHATSAPP_ID));
      await expect(adapter.operations.cancel!(handle)).rejects.toBeInstanceOf(ValidationError);
      await expect(adapter.operations.resend!(handle)).rejects.toBeInstanceOf(ValidationError);
      expect(sim.requests).toEqual([]);
    });

    it('complete after the SMS; resend says whether the platform resent', async () => {
      const request = buy(WHATSAPP_ID);
      const handle = handleOf(request, await adapter.place(request));
      expect(await adapter.operations.resend!(handle)).toEqual({ resent: expect.any(Boolean) });
      await sim.deliverOtp(Number(handle.providerRef), '111222');
      expect(await adapter.operations.complete!(handle)).toEqual({ status: 'COMPLETED', refund: null, providerStatus: 'COMPLETED' });
      expect(sim.orderStatus(Number(handle.providerRef))).toBe('COMPLETED');
    });

    it('activeOrders makes exactly one upstream request for the whole account', async () => {
      const a = await adapter.place(buy(WHATSAPP_ID));
      const b = await adapter.place(buy('catalog:88'));
      await sim.deliverOtp(Number(a.providerRef), '111222', 'Your code is 111222');
      const before = sim.requests.length;
      const active = await adapter.operations.activeOrders!();
      expect(sim.requests.length - before).toBe(1);
      const byRef = new Map(active.map((s) => [s.providerRef, s]));
      expect(byRef.get(a.providerRef)).toMatchObject({ status: 'OTP_RECEIVED', price: null, otp: { message: { code: '111222', text: 'Your code is 111222' } } });
      expect(byRef.get(b.providerRef)).toMatchObject({ status: 'ACTIVE', otp: { message: null } });
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
    const url = new URL('https://gateway.example/webhooks/smscode');
    const push = (rawBody: string, headers: Record<string, string>) => ({ rawBody, headers: new Headers(headers), url });

    it('accepts a correctly signed body (plain or sha256= prefixed) and maps it to an update', () => {
      const signature = signWebhookBody(body, SECRET);
      const result = adapter.webhook!.receive(push(body, { 'X-Webhook-Signature': signature }));
      expect(result.reply).toEqual({ status: 200, body: '{"received":true}', contentType: 'application/json' });
      expect(result.updates).toHaveLength(1);
      const [update] = result.updates;
      expect(update).toMatchObject({ event: 'order.otp_received', providerRef: '1001', reference: null, confirm: false });
      expect(update?.deliveryId).toMatch(/^[0-9a-f]{64}$/);
      expect(update?.snapshot).toMatchObject({
        providerRef: '1001',
        status: 'OTP_RECEIVED',
        otp: { phoneNumber: '+628123456789', message: { code: '1234', text: 'Your verification code is 1234', receivedAt: new Date('2026-02-25T12:00:00Z') } },
      });
      const again = adapter.webhook!.receive(push(body, { 'x-webhook-signature': `sha256=${signature}` }));
      expect(again.updates[0]?.deliveryId).toBe(update?.deliveryId);
    });

    it('rejects a wrong or missing signature, a tampered body, and everything when no secret is configured', () => {
      const signature = signWebhookBody(body, SECRET);
      expect(() => adapter.webhook!.receive(push(body, { 'X-Webhook-Signature': signWebhookBody(body, 'another-secret') }))).toThrow(WebhookRejectedError);
      expect(() => adapter.webhook!.receive(push(body, {}))).toThrow(WebhookRejectedError);
      expect(() => adapter.webhook!.receive(push(body.replace('1234', '9999'), { 'X-Webhook-Signature': signature }))).toThrow(WebhookRejectedError);
      const unconfigured = adapterFor(sim, { webhookSecret: undefined });
      expect(() => unconfigured.webhook!.receive(push(body, { 'X-Webhook-Signature': signature }))).toThrow(WebhookRejectedError);
    });

    it('register refuses without a secret of our own (smscode would sign with one we never see)', async () => {
      const unconfigured = adapterFor(sim, { webhookSecret: undefined });
      await expect(unconfigured.webhook!.register!('https://gateway.example/webhooks/smscode')).rejects.toBeInstanceOf(ValidationError);
      expect(upstreamCalls('/webhook')).toBe(0);
    });

    it('registers the URL with our secret, sendTest reaches it, and real deliveries verify (the test event carries no update)', async () => {
      const receiver = await startReceiver();
      try {
        const registered = await adapter.webhook!.register!(receiver.url);
        expect(registered).toEqual({ url: receiver.url });
        expect(JSON.stringify(registered)).not.toContain(SECRET);

        expect(await adapter.webhook!.sendTest!()).toEqual({ statusCode: 204 });
        const order = await adapter.place(buy(WHATSAPP_ID));
        await sim.deliverOtp(Number(order.providerRef), '777888', 'Code 777888');
        await sim.settleDeliveries();

        const results = receiver.received.map((r) => adapter.webhook!.receive({ rawBody: r.body, headers: r.headers, url: new URL(receiver.url) }));
        expect(results).toHaveLength(2);
        expect(results[0]?.updates).toEqual([]);
        expect(results[1]?.updates[0]?.snapshot).toMatchObject({ providerRef: order.providerRef, status: 'OTP_RECEIVED', otp: { message: { code: '777888' } } });
      } finally {
        await receiver.close();
      }
    });

    it('sendTest answers 0 when smscode cannot reach the URL', async () => {
      const receiver = await startReceiver();
      await adapter.webhook!.register!(receiver.url);
      await receiver.close();
      expect(await adapter.webhook!.sendTest!()).toEqual({ statusCode: 0 });
    });
  });

  describe('request budget', () => {
    it('keeps a burst inside a small configured limit: the extra calls wait instead of drawing a 429', async () => {
      await sim.stop();
      sim = createSmscodeSimulator(simulatorOptions({ rateLimits: { balance: 5 } }));
      await sim.start(0);
      // The simulator counts 5 per 60 s of its clock; our budget allows 5 per second of real time.
      const limited = adapterFor(sim, { rateLimits: { balance: { limit: 5, windowMs: 1000 } }, now: () => new Date() });
      const burst = Promise.all(Array.from({ length: 8 }, () => limited.balance()));
      await waitFor(() => upstreamCalls('/balance') === 5);
      expect(upstreamCalls('/balance')).toBe(5); // the other 3 are held back client-side
      await sim.advanceClock(60_000); // the simulator's window rolls over before the budget lets more through
      expect(await burst).toHaveLength(8);
      expect(upstreamCalls('/balance')).toBe(8);
      expect(sim.requests.filter((r) => r.status === 429)).toEqual([]);
      expect(limited.stats().balance).toBe(8);
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
