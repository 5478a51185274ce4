import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSmscodeSimulator } from '../../../src/providers/smscode/simulator.ts';
import type { SmscodeSimulator } from '../../../src/providers/smscode/simulator.ts';
import { call, createOrder } from './sim-client.ts';

const T0 = Date.parse('2026-02-25T10:00:00Z');

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let sim: SmscodeSimulator;
let receiver: Server;
let receiverUrl: string;
let received: Received[];

async function configureWebhook(body: Record<string, string> = { webhook_url: receiverUrl }): Promise<string> {
  const answer = await call(sim, '/webhook', { method: 'PATCH', body });
  expect(answer.status).toBe(200);
  return answer.json.data.webhook_secret as string;
}

const events = (): string[] => received.map((r) => JSON.parse(r.body).event as string);

beforeEach(async () => {
  received = [];
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/smscode`;
  sim = createSmscodeSimulator({ allowInsecureWebhookUrls: true, now: () => T0 });
  await sim.start();
});

afterEach(async () => {
  await sim.stop();
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe('webhook configuration', () => {
  it('GET is empty at first; PATCH sets the URL and auto-generates a hex secret', async () => {
    expect((await call(sim, '/webhook')).json).toEqual({ success: true, data: { webhook_url: null, webhook_secret: null } });
    const secret = await configureWebhook();
    expect(secret).toMatch(/^[0-9a-f]{32,}$/);
    expect((await call(sim, '/webhook')).json.data).toEqual({ webhook_url: receiverUrl, webhook_secret: secret });
    // Changing only the URL keeps the secret; an explicit secret replaces it.
    expect(await configureWebhook({ webhook_url: `${receiverUrl}?v=2` })).toBe(secret);
    expect(await configureWebhook({ webhook_secret: 'my-shared-secret' })).toBe('my-shared-secret');
  });

  it('needs at least one field, HTTPS, and clears with an empty string', async () => {
    const empty = await call(sim, '/webhook', { method: 'PATCH', body: {} });
    expect(empty.status).toBe(422);
    expect(empty.json.error.code).toBe('VALIDATION_ERROR');
    const remote = await call(sim, '/webhook', { method: 'PATCH', body: { webhook_url: 'http://example.com/hook' } });
    expect(remote.json.error.code).toBe('VALIDATION_ERROR');
    await configureWebhook();
    const cleared = await call(sim, '/webhook', { method: 'PATCH', body: { webhook_url: '' } });
    expect(cleared.json.data.webhook_url).toBeNull();
  });

  it('without allowInsecureWebhookUrls even loopback http:// is refused; https:// is accepted', async () => {
    const strict = createSmscodeSimulator();
    await strict.start();
    try {
      const http = await call(strict, '/webhook', { method: 'PATCH', body: { webhook_url: receiverUrl } });
      expect(http.status).toBe(422);
      const https = await call(strict, '/webhook', { method: 'PATCH', body: { webhook_url: 'https://example.com/webhook' } });
      expect(https.json.data.webhook_url).toBe('https://example.com/webhook');
    } finally {
      await strict.stop();
    }
  });

  it('POST /webhook/test sends a signed test event and returns the receiver status', async () => {
    const secret = await configureWebhook();
    const answer = await call(sim, '/webhook/test', { method: 'POST' });
    expect(answer.json).toEqual({ success: true, data: { status_code: 200 } });
    expect(received).toHaveLength(1);
    const [test] = received;
    expect(test?.headers['x-webhook-signature']).toBe(createHmac('sha256', secret).update(test?.body ?? '').digest('hex'));
  });
});

describe('order events', () => {
  it('order.otp_received: the documented payload, signed with HMAC-SHA256 of the raw body', async () => {
    const secret = await configureWebhook();
    const id = await createOrder(sim);
    await sim.advanceClock(60_000);
    await sim.deliverOtp(id, '1234', 'Your verification code is 1234');
    expect(received).toHaveLength(1);
    const delivery = received[0] as Received;
    expect(delivery.headers['content-type']).toBe('application/json');
    const expected = createHmac('sha256', secret).update(delivery.body).digest('hex');
    expect(delivery.headers['x-webhook-signature']).toBe(expected);
    const payload = JSON.parse(delivery.body);
    expect(payload).toEqual({
      event: 'order.otp_received',
      timestamp: '2026-02-25T10:01:00+00:00',
      data: {
        order_id: id, phone_number: expect.stringMatching(/^\+62/), otp_code: '1234', otp_message: 'Your verification code is 1234',
        product_id: 142, catalog_product_id: 87, country: 'Indonesia', platform: 'WhatsApp',
      },
    });
    expect(sim.webhookDeliveries).toEqual([{ url: receiverUrl, event: 'order.otp_received', body: delivery.body, signature: expected, status: 200 }]);
  });

  it('order.canceled, order.completed (finish and expiry after OTP) and order.expired', async () => {
    await configureWebhook();
    const canceled = await createOrder(sim);
    const finished = await createOrder(sim);
    const expiresWithOtp = await createOrder(sim);
    const expires = await createOrder(sim);
    await sim.advanceClock(120_000);
    // API-triggered events are fire-and-forget: settle them so the receiver sees a deterministic order.
    await call(sim, '/orders/cancel', { body: { id: canceled } });
    await sim.settleWebhooks();
    await sim.deliverOtp(finished);
    await call(sim, '/orders/finish', { body: { id: finished } });
    await sim.settleWebhooks();
    await sim.deliverOtp(expiresWithOtp);
    await sim.advanceClock(18 * 60_000);
    const byOrder = received.map((r) => JSON.parse(r.body)).map((p) => [p.data.order_id, p.event]);
    expect(byOrder.slice(0, 4)).toEqual([
      [canceled, 'order.canceled'],
      [finished, 'order.otp_received'],
      [finished, 'order.completed'],
      [expiresWithOtp, 'order.otp_received'],
    ]);
    // Both expire at the same instant and are posted concurrently: arrival order is not part of the contract.
    expect(byOrder.slice(4)).toEqual(expect.arrayContaining([[expiresWithOtp, 'order.completed'], [expires, 'order.expired']]));
    expect(byOrder).toHaveLength(6);
    expect(sim.balanceOf()).toBe(500000 - 2 * 15000);
  });

  it('no webhook URL configured → nothing is sent', async () => {
    const id = await createOrder(sim);
    await sim.deliverOtp(id);
    expect(sim.webhookDeliveries).toHaveLength(0);
  });
});

describe('sandbox autoOtp', () => {
  it('delivers an OTP to a new order by itself, and another one after a supported resend', async () => {
    const auto = createSmscodeSimulator({ autoOtp: { minDelayMs: 1, maxDelayMs: 20 }, allowInsecureWebhookUrls: true });
    await auto.start();
    try {
      await call(auto, '/webhook', { method: 'PATCH', body: { webhook_url: receiverUrl } });
      const id = await createOrder(auto);
      const otpEvents = () => received.filter((r) => JSON.parse(r.body).event === 'order.otp_received').length;
      for (let i = 0; i < 200 && otpEvents() < 1; i++) await new Promise((resolve) => setTimeout(resolve, 5));
      const order = (await call(auto, `/orders/${id}`)).json.data;
      expect(order.status).toBe('OTP_RECEIVED');
      expect(order.otp_code).toMatch(/^\d{4,6}$/);
      expect((await call(auto, '/orders/resend', { body: { id } })).json.data).toEqual({ order_id: id, status: 'OTP_RECEIVED', resent: true });
      for (let i = 0; i < 200 && otpEvents() < 2; i++) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(otpEvents()).toBe(2);
    } finally {
      await auto.stop();
    }
    expect(events().every((e) => e === 'order.otp_received')).toBe(true);
  });
});
