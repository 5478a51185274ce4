import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderSimulator } from '../../../src/providers/shared/simulator-contract.ts';
import { createSmscodeSimulator } from '../../../src/providers/smscode/simulator.ts';
import type { SmscodeSimulator } from '../../../src/providers/smscode/simulator.ts';
import { call, createOrder } from './sim-client.ts';

const T0 = Date.parse('2026-02-25T10:00:00Z');
const PRICE_142 = 15000;

let sim: SmscodeSimulator;

beforeEach(async () => {
  sim = createSmscodeSimulator({ now: () => T0 });
  await sim.start();
});

afterEach(async () => {
  await sim.stop();
});

/** A create over real HTTP, read as raw text (malformed bodies must not be parsed). */
async function rawCreate(): Promise<{ status: number; raw: string }> {
  const res = await fetch(`${sim.baseUrl}/orders/create`, {
    method: 'POST',
    headers: { Authorization: 'Bearer sandbox-token', 'Content-Type': 'application/json' },
    body: JSON.stringify({ product_id: 142 }),
  });
  return { status: res.status, raw: await res.text() };
}

describe('shared contract', () => {
  it('createSmscodeSimulator returns a ProviderSimulator', () => {
    const generic: ProviderSimulator = createSmscodeSimulator();
    expect(typeof generic.injectFault).toBe('function');
    expect(generic.ledger).toEqual([]);
    expect(generic.deliveries).toEqual([]);
    expect(generic.requests).toEqual([]);
  });
});

describe('ledger', () => {
  it('books a charge for every order opened, at the simulator clock', async () => {
    const id = await createOrder(sim);
    await sim.advanceClock(5_000);
    const answer = await call(sim, '/orders/create', { body: { product_id: 142, quantity: 2 } });
    const [second, third] = answer.json.data.orders.map((o: { id: number }) => o.id) as number[];
    expect(sim.ledger).toEqual([
      { kind: 'charge', orderRef: String(id), amount: String(PRICE_142), at: T0 },
      { kind: 'charge', orderRef: String(second), amount: String(PRICE_142), at: T0 + 5_000 },
      { kind: 'charge', orderRef: String(third), amount: String(PRICE_142), at: T0 + 5_000 },
    ]);
  });

  it('books nothing for a refused create', async () => {
    sim.setBalance(100);
    expect((await call(sim, '/orders/create', { body: { product_id: 142 } })).status).toBe(409);
    expect((await call(sim, '/orders/create', { body: { product_id: 999_999 } })).status).toBe(404);
    expect(sim.ledger).toEqual([]);
  });

  it('books a refund when an order is canceled', async () => {
    const id = await createOrder(sim);
    await sim.advanceClock(3 * 60_000);
    const answer = await call(sim, '/orders/cancel', { body: { id } });
    expect(answer.status).toBe(200);
    expect(sim.ledger).toEqual([
      { kind: 'charge', orderRef: String(id), amount: '15000', at: T0 },
      { kind: 'refund', orderRef: String(id), amount: '15000', at: T0 + 3 * 60_000 },
    ]);
    // A refused cancel (already canceled) books nothing more.
    expect((await call(sim, '/orders/cancel', { body: { id } })).status).toBe(409);
    expect(sim.ledger).toHaveLength(2);
  });

  it('books a refund when an order expires without an SMS, and none when one arrived', async () => {
    const expiring = await createOrder(sim);
    const answered = await createOrder(sim);
    await sim.deliverOtp(answered, '123456');
    await sim.advanceClock(21 * 60_000);
    expect(sim.orderStatus(expiring)).toBe('EXPIRED');
    expect(sim.orderStatus(answered)).toBe('COMPLETED');
    expect(sim.ledger).toEqual([
      { kind: 'charge', orderRef: String(expiring), amount: '15000', at: T0 },
      { kind: 'charge', orderRef: String(answered), amount: '15000', at: T0 },
      { kind: 'refund', orderRef: String(expiring), amount: '15000', at: T0 + 21 * 60_000 },
    ]);
    // Sweeping again refunds nothing twice.
    await sim.advanceClock(60_000);
    expect(sim.ledger).toHaveLength(3);
    expect(sim.balanceOf()).toBe(500_000 - 15_000);
  });
});

describe('faults (shared kinds)', () => {
  it('error: answers the smscode envelope with the status and code, doing no work', async () => {
    sim.injectFault({ endpoint: 'create', kind: 'error', status: 503, code: 'SERVICE_UNAVAILABLE', message: 'down', retryAfterSeconds: 7 });
    const answer = await call(sim, '/orders/create', { body: { product_id: 142 } });
    expect(answer.status).toBe(503);
    expect(answer.json).toEqual({ success: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'down' } });
    expect(answer.headers.get('retry-after')).toBe('7');
    expect(sim.orderCount()).toBe(0);
    expect(sim.ledger).toEqual([]);
    expect(sim.requests.at(-1)).toMatchObject({ endpoint: 'create', status: 503 });
  });

  it('dropBeforeCommit: the socket dies and nothing happened upstream', async () => {
    sim.injectFault({ endpoint: 'create', kind: 'dropBeforeCommit' });
    await expect(rawCreate()).rejects.toThrow();
    expect(sim.orderCount()).toBe(0);
    expect(sim.balanceOf()).toBe(500_000);
    expect(sim.ledger).toEqual([]);
    expect(sim.requests.at(-1)).toMatchObject({ endpoint: 'create', method: 'POST', path: '/v1/orders/create', status: 0 });
    // Consumed: the next create goes through.
    expect((await rawCreate()).status).toBe(200);
  });

  it('dropAfterCommit: the socket dies after the order was opened and charged', async () => {
    sim.injectFault({ endpoint: 'create', kind: 'dropAfterCommit' });
    await expect(rawCreate()).rejects.toThrow();
    expect(sim.orderCount()).toBe(1);
    expect(sim.ledger).toMatchObject([{ kind: 'charge', amount: '15000' }]);
    expect(sim.requests.at(-1)).toMatchObject({ endpoint: 'create', status: 0 });
  });

  it('malformedAfterCommit: the order is opened and charged, the 200 body is truncated JSON', async () => {
    sim.injectFault({ endpoint: 'create', kind: 'malformedAfterCommit' });
    const answer = await rawCreate();
    expect(answer.status).toBe(200);
    expect(answer.raw.length).toBeGreaterThan(0);
    expect(() => JSON.parse(answer.raw) as unknown).toThrow();
    expect(answer.raw.startsWith('{"success":true')).toBe(true);
    expect(sim.orderCount()).toBe(1);
    expect(sim.balanceOf()).toBe(500_000 - 15_000);
    expect(sim.ledger).toMatchObject([{ kind: 'charge', amount: '15000' }]);
    expect(sim.requests.at(-1)).toMatchObject({ endpoint: 'create', status: 200 });
    // The order really exists: the gateway can find it afterwards.
    const active = await call(sim, '/orders/active');
    expect(active.json.data).toHaveLength(1);
  });

  it('malformedAfterCommit on a read endpoint truncates that answer too', async () => {
    sim.injectFault({ endpoint: 'balance', kind: 'malformedAfterCommit' });
    const res = await fetch(`${sim.baseUrl}/balance`, { headers: { Authorization: 'Bearer sandbox-token' } });
    const raw = await res.text();
    expect(res.status).toBe(200);
    expect(() => JSON.parse(raw) as unknown).toThrow();
    expect((await call(sim, '/balance')).json.data.balance).toBe(500_000);
  });

  it('delay: does the work and answers after the delay', async () => {
    sim.injectFault({ endpoint: 'create', kind: 'delay', ms: 150 });
    const started = performance.now();
    const answer = await rawCreate();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(answer.status).toBe(200);
    expect(sim.ledger).toHaveLength(1);
  });

  it('the older status kind still works as error', async () => {
    sim.injectFault({ endpoint: 'balance', kind: 'status', status: 500, code: 'INTERNAL_ERROR' });
    const answer = await call(sim, '/balance');
    expect(answer.status).toBe(500);
    expect(answer.json.error.code).toBe('INTERNAL_ERROR');
  });

  it('refuses an unknown endpoint name or a bad status', () => {
    expect(() => sim.injectFault({ endpoint: 'buyNumber', kind: 'dropBeforeCommit' })).toThrow(RangeError);
    expect(() => sim.injectFault({ endpoint: 'create', kind: 'error', status: 42, code: 'X' })).toThrow(RangeError);
    expect(() => sim.injectFault({ endpoint: 'create', kind: 'delay', ms: -1 })).toThrow(RangeError);
  });

  it('accepts faults through the shared interface', async () => {
    const generic: ProviderSimulator = sim;
    generic.injectFault({ endpoint: 'cancel', kind: 'dropBeforeCommit' });
    const id = await createOrder(sim);
    await sim.advanceClock(3 * 60_000);
    await expect(call(sim, '/orders/cancel', { body: { id } })).rejects.toThrow();
    expect(sim.orderStatus(id)).toBe('ACTIVE');
    expect(sim.ledger.map((e) => e.kind)).toEqual(['charge']);
  });
});

describe('request log', () => {
  it('names the endpoint of every request, unknown for unlisted routes, and keeps the rate-limit group', async () => {
    const id = await createOrder(sim);
    await call(sim, '/catalog/countries');
    await call(sim, '/catalog/products?country_id=6');
    await call(sim, '/balance', { version: 'v2' });
    await call(sim, `/orders/${id}`);
    await call(sim, '/orders/active');
    await call(sim, '/orders');
    await call(sim, '/webhook');
    await call(sim, '/nope');
    await call(sim, '/balance', { token: null });
    expect(sim.requests.map((r) => [r.endpoint, r.method, r.path, r.group])).toEqual([
      ['create', 'POST', '/v1/orders/create', 'orderCreate'],
      ['countries', 'GET', '/v1/catalog/countries', 'catalog'],
      ['products', 'GET', '/v1/catalog/products', 'catalog'],
      ['balance', 'GET', '/v2/balance', 'balance'],
      ['order', 'GET', `/v1/orders/${id}`, 'orderQuery'],
      ['ordersActive', 'GET', '/v1/orders/active', 'orderQuery'],
      ['orders', 'GET', '/v1/orders', 'orderQuery'],
      ['webhookGet', 'GET', '/v1/webhook', 'webhookConfig'],
      ['unknown', 'GET', '/v1/nope', null],
      ['balance', 'GET', '/v1/balance', 'balance'],
    ]);
    expect(sim.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 404, 401]);
    for (const r of sim.requests) expect(r.at).toBe(T0);
  });
});

describe('deliveries', () => {
  let receiver: Server;
  let receiverUrl: string;
  let receivedSignatures: string[];

  beforeEach(async () => {
    receivedSignatures = [];
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        receivedSignatures.push(String(req.headers['x-webhook-signature']));
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    await sim.stop();
    sim = createSmscodeSimulator({ allowInsecureWebhookUrls: true, now: () => T0 });
    await sim.start();
  });

  afterEach(async () => {
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it('records every webhook POST with its raw body, headers and status; settleDeliveries waits for them', async () => {
    const patched = await call(sim, '/webhook', { method: 'PATCH', body: { webhook_url: receiverUrl, webhook_secret: 's3cret' } });
    expect(patched.status).toBe(200);
    const id = await createOrder(sim);
    await sim.advanceClock(3 * 60_000);
    await call(sim, '/orders/cancel', { body: { id } });
    await sim.settleDeliveries();
    expect(sim.deliveries).toHaveLength(1);
    const [delivery] = sim.deliveries;
    const signature = createHmac('sha256', 's3cret').update(delivery!.body, 'utf8').digest('hex');
    expect(delivery).toEqual({
      url: receiverUrl,
      body: delivery!.body,
      headers: { 'Content-Type': 'application/json', 'X-Webhook-Signature': signature },
      status: 202,
    });
    expect(JSON.parse(delivery!.body)).toMatchObject({ event: 'order.canceled', data: { order_id: id } });
    expect(receivedSignatures).toEqual([signature]);
    // The older view of the same POST.
    expect(sim.webhookDeliveries).toEqual([{ url: receiverUrl, event: 'order.canceled', body: delivery!.body, signature, status: 202 }]);
  });

  it('a POST nobody answers stays at status null', async () => {
    await call(sim, '/webhook', { method: 'PATCH', body: { webhook_url: 'http://127.0.0.1:9/closed' } });
    const id = await createOrder(sim);
    await sim.deliverOtp(id, '111111');
    await sim.settleWebhooks();
    expect(sim.deliveries).toMatchObject([{ url: 'http://127.0.0.1:9/closed', status: null }]);
  });
});
