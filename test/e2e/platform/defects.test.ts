import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signSmscodeBody } from '../../../src/providers/smscode/webhook.ts';
import { gqlData, wsSubscribe } from '../../support/clients.ts';
import { startGateway, WEBHOOK_SECRET, type TestGateway } from '../../support/gateway.ts';
import { Buy, Catalog, OrderState, ReplayCodes, WatchOrder } from './documents.ts';

/**
 * The money defects an independent check found in the smscode path, each reproduced through
 * GraphQL against the simulator's fault hooks (issue: provider platform, item 7). The SIGKILL case
 * lives in sigkill-restart.test.ts (it needs a real process).
 */
let counter = 0;
const newKey = () => `defect-${process.pid}-${Date.now()}-${++counter}`;

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, attempts = 150): Promise<T> {
  let value = await probe();
  for (let i = 0; i < attempts && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 50));
    value = await probe();
  }
  return value;
}

const createRequests = (gw: TestGateway) => gw.sim.requests.filter((r) => r.endpoint === 'create').length;

describe('platform defects, polling mode', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => {
    await gw.stop();
  });
  afterEach(() => gw.sim.clearFaults());

  it('keeps an ambiguous order UNKNOWN when the reconciling replay gets a 429 or a 503, then settles it to the one charged order', async () => {
    const ordersBefore = gw.sim.orderCount();
    const balanceBefore = gw.sim.balanceOf();
    gw.sim.injectFault({ endpoint: 'create', kind: 'dropAfterCommit' });
    gw.sim.injectFault({ endpoint: 'create', kind: 'error', status: 429, code: 'RATE_LIMIT_EXCEEDED', retryAfterSeconds: 1 });
    gw.sim.injectFault({ endpoint: 'create', kind: 'error', status: 503, code: 'SERVICE_UNAVAILABLE' });
    const { buyNumber } = await gqlData(gw.graphqlUrl, Buy, { input: { service: 'whatsapp', country: 'ID', idempotencyKey: newKey() } });
    if (buyNumber.__typename !== 'BuyNumberPayload') throw new Error(JSON.stringify(buyNumber));
    expect(buyNumber.order.status).toBe('UNKNOWN');

    const settled = await waitFor(
      () => gqlData(gw.graphqlUrl, OrderState, { id: buyNumber.order.id }),
      (r) => r.order?.status === 'ACTIVE',
      200,
    );
    const moves = settled.order!.statusHistory.map((c) => c.to);
    expect(moves).toEqual(['PENDING', 'UNKNOWN', 'ACTIVE']);
    expect(moves).not.toContain('FAILED');
    // The 429 and the 503 were answered to replays, and neither wrote the order off.
    expect(createRequests(gw)).toBeGreaterThanOrEqual(4);
    expect(gw.sim.orderCount() - ordersBefore).toBe(1);
    expect(balanceBefore - gw.sim.balanceOf()).toBe(15000);
  });

  it('never re-sends the create of a PENDING order whose first call is still in flight', async () => {
    const before = createRequests(gw);
    // smscode takes 1.5 s to answer; the watcher polls every 50 ms meanwhile.
    gw.sim.injectFault({ endpoint: 'create', kind: 'delay', ms: 1500 });
    const { buyNumber } = await gqlData(gw.graphqlUrl, Buy, { input: { service: 'whatsapp', country: 'ID', idempotencyKey: newKey() } });
    expect(buyNumber).toMatchObject({ __typename: 'BuyNumberPayload', order: { status: 'ACTIVE' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(createRequests(gw) - before).toBe(1);
  });

  it('starts orderUpdated(orderId) with the order as it is, and replays the codes already received on otpReceived(replay: true)', async () => {
    const { buyNumber } = await gqlData(gw.graphqlUrl, Buy, { input: { service: 'whatsapp', country: 'ID', idempotencyKey: newKey() } });
    if (buyNumber.__typename !== 'BuyNumberPayload') throw new Error(JSON.stringify(buyNumber));
    await gw.sim.deliverOtp(Number(buyNumber.order.providerRef), '424242');
    await waitFor(() => gqlData(gw.graphqlUrl, OrderState, { id: buyNumber.order.id }), (r) => r.order?.status === 'OTP_RECEIVED');

    // A client that connects only now (after a restart or a dropped socket).
    const updates = await wsSubscribe(gw.graphqlUrl, WatchOrder, { orderId: buyNumber.order.id });
    expect((await updates.next()).data?.orderUpdated).toEqual({ id: buyNumber.order.id, status: 'OTP_RECEIVED' });
    const codes = await wsSubscribe(gw.graphqlUrl, ReplayCodes, { orderId: buyNumber.order.id });
    expect((await codes.next()).data?.otpReceived).toEqual({ code: '424242', order: { id: buyNumber.order.id } });
    await Promise.all([updates.close(), codes.close()]);
  });

  it('adjusts the cached stock after a purchase instead of fetching the whole catalog again', async () => {
    const offerBefore = (await gqlData(gw.graphqlUrl, Catalog)).catalog.edges[0]!.node.offers[0]!;
    const catalogCalls = () => gw.sim.requests.filter((r) => r.endpoint === 'products').length;
    const before = catalogCalls();
    for (let i = 0; i < 3; i++) await gqlData(gw.graphqlUrl, Buy, { input: { service: 'whatsapp', country: 'ID', idempotencyKey: newKey() } });
    const offerAfter = (await gqlData(gw.graphqlUrl, Catalog)).catalog.edges[0]!.node.offers[0]!;
    expect(catalogCalls()).toBe(before);
    expect(offerAfter.available).toBe(offerBefore.available! - 3);
  });
});

describe('platform defects, a Retry-After window', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => {
    await gw.stop();
  });

  it('answers RateLimited with retryAfterSeconds at once during a Retry-After window instead of waiting it out', async () => {
    gw.sim.injectFault({ endpoint: 'create', kind: 'error', status: 429, code: 'RATE_LIMIT_EXCEEDED', retryAfterSeconds: 30 });
    const first = await gqlData(gw.graphqlUrl, Buy, { input: { service: 'whatsapp', country: 'ID', idempotencyKey: newKey() } });
    expect(first.buyNumber).toMatchObject({ __typename: 'RateLimited', retryAfterSeconds: 30 });
    const before = createRequests(gw);
    const second = await gqlData(gw.graphqlUrl, Buy, { input: { service: 'whatsapp', country: 'ID', idempotencyKey: newKey() } });
    expect(second.buyNumber.__typename).toBe('RateLimited');
    const seconds = second.buyNumber.__typename === 'RateLimited' ? second.buyNumber.retryAfterSeconds : 0;
    expect(seconds).toBeGreaterThan(20);
    expect(seconds).toBeLessThanOrEqual(30);
    // Refused locally: nothing was sent during the window.
    expect(createRequests(gw)).toBe(before);
  });

});

describe('platform defects, webhook mode', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ publicUrl: true });
  });
  afterAll(async () => {
    await gw.stop();
  });

  it('stores an SMS once when the webhook timestamp differs from the poll’s otp_received_at', async () => {
    const { buyNumber } = await gqlData(gw.graphqlUrl, Buy, { input: { service: 'whatsapp', country: 'ID', idempotencyKey: newKey() } });
    if (buyNumber.__typename !== 'BuyNumberPayload') throw new Error(JSON.stringify(buyNumber));
    const orderId = Number(buyNumber.order.providerRef);
    await gw.sim.deliverOtp(orderId, '777111', 'Your code is 777111');
    await waitFor(() => gqlData(gw.graphqlUrl, OrderState, { id: buyNumber.order.id }), (r) => (r.order && 'messages' in r.order ? r.order.messages.length : 0) > 0);

    // The same SMS pushed again with a timestamp seconds later (the document never says it equals otp_received_at).
    const late = new Date(gw.sim.now() + 7_000).toISOString();
    const body = JSON.stringify({
      event: 'order.otp_received',
      timestamp: late,
      data: { order_id: orderId, phone_number: buyNumber.order.phoneNumber, otp_code: '777111', otp_message: 'Your code is 777111', product_id: 1, catalog_product_id: 1, country: 'ID', platform: 'wa' },
    });
    const pushed = await fetch(`${gw.url}/webhooks/smscode`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-webhook-signature': signSmscodeBody(body, WEBHOOK_SECRET) }, body });
    expect(pushed.status).toBe(200);
    // And the safety-net poll reads it once more.
    await gw.app.services.watcher.pollOnce('SMSCODE');
    const { order } = await gqlData(gw.graphqlUrl, OrderState, { id: buyNumber.order.id });
    expect(order && 'messages' in order ? order.messages : null).toEqual([{ code: '777111', text: 'Your code is 777111' }]);
  });
});
