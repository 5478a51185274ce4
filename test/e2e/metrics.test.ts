import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlData, sseSubscribe, TEST_ADMIN_TOKEN, TEST_CLIENT_TOKEN, wsSubscribe } from '../support/clients.ts';
import { SMSCODE_TOKEN, startGateway, WEBHOOK_SECRET, type TestGateway } from '../support/gateway.ts';
import { BuyNumber, OtpReceived, RegisterWebhook } from './documents.ts';
import { ReplayCodes } from './platform/documents.ts';
import { freePort } from '../support/ports.ts';

/** The value of one sample line `name{labels} value`, labels in any order; null when absent. */
function sample(scrape: string, name: string, labels: Record<string, string>): number | null {
  for (const line of scrape.split('\n')) {
    if (!line.startsWith(`${name}{`) && line.split(' ')[0] !== name) continue;
    const labelText = /\{(.*)\}/.exec(line)?.[1] ?? '';
    const found = Object.fromEntries([...labelText.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return null;
}

async function scrape(url: string, token?: string): Promise<Response> {
  return fetch(url, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
}


async function eventually(probe: () => Promise<boolean>, attempts = 60): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (await probe()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return probe();
}

describe('/metrics (Prometheus)', () => {
  let gw: TestGateway;
  let metricsPort: number;
  beforeAll(async () => {
    metricsPort = await freePort();
    gw = await startGateway({ env: { METRICS_PORT: String(metricsPort) } });
  });
  afterAll(async () => {
    await gw.stop();
  });

  it('after a buy and an OTP pushed to a subscriber: the provider call, the OTP latency, the operation and the open subscription are there, and no secret', async () => {
    const { buyNumber } = await gqlData(gw.graphqlUrl, BuyNumber, { input: { service: 'whatsapp', country: 'ID', idempotencyKey: `metrics-${process.pid}-${Date.now()}` } as never });
    if (buyNumber.__typename !== 'BuyNumberPayload') throw new Error(`buy failed: ${JSON.stringify(buyNumber)}`);
    const order = buyNumber.order;
    const ws = await wsSubscribe(gw.graphqlUrl, OtpReceived, { orderId: order.id });
    const sse = await sseSubscribe(gw.graphqlUrl, OtpReceived, { orderId: order.id });
    await gw.sim.deliverOtp(Number(order.providerRef), '482913', 'Your WhatsApp code is 482-913');
    const [viaWs, viaSse] = await Promise.all([ws.next(), sse.next()]);
    expect(viaWs.data?.otpReceived?.code).toBe('482913');
    expect(viaSse.data?.otpReceived?.code).toBe('482913');

    const response = await scrape(`${gw.url}/metrics`, TEST_ADMIN_TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();

    expect(sample(text, 'switchboard_provider_calls_total', { provider: 'SMSCODE', group: 'orderCreate', endpoint: 'POST /orders/create', outcome: 'ok' })).toBe(1);
    // The watcher polled the order (ids in paths become :id, so the label set stays bounded).
    expect(text).not.toMatch(new RegExp(`endpoint="[^"]*${order.providerRef}`));
    // One delivery per subscriber handed the event (WebSocket and SSE), each measured from the poll answer.
    expect(sample(text, 'switchboard_otp_delivery_seconds_count', { provider: 'SMSCODE' })).toBe(2);
    const otpSum = sample(text, 'switchboard_otp_delivery_seconds_sum', { provider: 'SMSCODE' })!;
    expect(otpSum).toBeGreaterThanOrEqual(0);
    expect(otpSum).toBeLessThan(10);
    expect(sample(text, 'switchboard_graphql_operations_total', { operation: 'BuyNumber', type: 'mutation', outcome: 'ok' })).toBe(1);
    expect(sample(text, 'switchboard_graphql_operation_duration_seconds_count', { operation: 'BuyNumber', type: 'mutation' })).toBe(1);
    expect(sample(text, 'switchboard_subscriptions_open', { transport: 'ws' })).toBe(1);
    expect(sample(text, 'switchboard_subscriptions_open', { transport: 'sse' })).toBe(1);
    expect(sample(text, 'switchboard_orders_active', { kind: 'OTP_NUMBER', provider: 'SMSCODE' })).toBe(1);
    expect(sample(text, 'switchboard_provider_circuit_state', { provider: 'SMSCODE', state: 'closed' })).toBe(1);
    expect(sample(text, 'switchboard_provider_circuit_state', { provider: 'SMSCODE', state: 'open' })).toBe(0);
    expect(sample(text, 'switchboard_provider_health', { provider: 'SMSCODE', status: 'UP' })).toBe(1);
    // smscode's documented orderCreate allowance is 3000 a minute; one was spent.
    expect(sample(text, 'switchboard_provider_budget_remaining', { provider: 'SMSCODE', group: 'orderCreate' })).toBe(2999);
    expect(sample(text, 'process_resident_memory_bytes', {})).toBeGreaterThan(0);

    for (const secret of [SMSCODE_TOKEN, WEBHOOK_SECRET, TEST_CLIENT_TOKEN, TEST_ADMIN_TOKEN, 'default-client-key', 'admin-client-key']) expect(text).not.toContain(secret);

    await ws.close();
    await sse.close();
    const closed = await eventually(async () => {
      const after = await (await scrape(`${gw.url}/metrics`, TEST_ADMIN_TOKEN)).text();
      return sample(after, 'switchboard_subscriptions_open', { transport: 'ws' }) === 0 && sample(after, 'switchboard_subscriptions_open', { transport: 'sse' }) === 0;
    });
    expect(closed).toBe(true);
  });

  it('counts a failed operation under its error code', async () => {
    const response = await fetch(gw.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_CLIENT_TOKEN}` },
      body: JSON.stringify({ query: 'query AdminOnly { balances(currency: THB) { total { amount } } }' }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    const code = body.errors?.[0]?.extensions?.code;
    expect(code).toBeTruthy();
    const text = await (await scrape(`${gw.url}/metrics`, TEST_ADMIN_TOKEN)).text();
    expect(sample(text, 'switchboard_graphql_operations_total', { operation: 'AdminOnly', type: 'query', outcome: code! })).toBe(1);
  });

  it('refuses a scrape without a token (401) and from a client without ADMIN (403)', async () => {
    const none = await scrape(`${gw.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(await none.text()).not.toContain('switchboard_');
    expect((await scrape(`${gw.url}/metrics`, 'not-a-valid-client-key-0123456789')).status).toBe(401);
    const client = await scrape(`${gw.url}/metrics`, TEST_CLIENT_TOKEN);
    expect(client.status).toBe(403);
    expect(await client.text()).not.toContain('switchboard_');
  });

  it('serves /metrics without a token on METRICS_PORT, and nothing else there', async () => {
    const response = await scrape(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(sample(text, 'switchboard_provider_calls_total', { provider: 'SMSCODE', endpoint: 'POST /orders/create', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect((await scrape(`http://127.0.0.1:${metricsPort}/graphql`)).status).toBe(404);
  });
});

describe('/metrics OTP latency, webhook mode', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    // No safety-net poll: the code can only come by the signed webhook.
    gw = await startGateway({ publicUrl: true, env: { WATCHER_MIN_INTERVAL_MS: '600000', WATCHER_MAX_INTERVAL_MS: '600000' } });
    await gqlData(gw.graphqlUrl, RegisterWebhook, { provider: 'SMSCODE', sendTest: false }, TEST_ADMIN_TOKEN);
  });
  afterAll(async () => {
    await gw.stop();
  });

  it('samples the webhook delivery once per subscriber, and a replay of a stored code not at all', async () => {
    const { buyNumber } = await gqlData(gw.graphqlUrl, BuyNumber, { input: { service: 'whatsapp', country: 'ID', idempotencyKey: `metrics-wh-${process.pid}-${Date.now()}` } as never });
    if (buyNumber.__typename !== 'BuyNumberPayload') throw new Error(`buy failed: ${JSON.stringify(buyNumber)}`);
    const ws = await wsSubscribe(gw.graphqlUrl, OtpReceived, { orderId: buyNumber.order.id });
    await gw.sim.deliverOtp(Number(buyNumber.order.providerRef), '735104', 'Your code is 735104');
    expect((await ws.next()).data?.otpReceived?.code).toBe('735104');
    const delivered = await (await scrape(`${gw.url}/metrics`, TEST_ADMIN_TOKEN)).text();
    expect(sample(delivered, 'switchboard_otp_delivery_seconds_count', { provider: 'SMSCODE' })).toBe(1);
    // The registration itself was one call to smscode's webhook endpoint.
    expect(sample(delivered, 'switchboard_provider_calls_total', { provider: 'SMSCODE', group: 'webhookConfig', endpoint: 'PATCH /webhook', outcome: 'ok' })).toBe(1);

    const replay = await wsSubscribe(gw.graphqlUrl, ReplayCodes, { orderId: buyNumber.order.id });
    expect((await replay.next()).data?.otpReceived?.code).toBe('735104');
    const replayed = await (await scrape(`${gw.url}/metrics`, TEST_ADMIN_TOKEN)).text();
    expect(sample(replayed, 'switchboard_otp_delivery_seconds_count', { provider: 'SMSCODE' })).toBe(1);
    await ws.close();
    await replay.close();
  });
});
