import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlData, sseSubscribe, TEST_ADMIN_TOKEN, wsSubscribe } from '../support/clients.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import type { OrdersQuery } from '../gql/graphql.ts';
import { ActiveOrders, BalancesInThb, BuyNumber, CancelOrder, CompleteOrder, OrderById, Orders, OrderUpdated, OtpReceived, RegisterWebhook, ResendSms } from './documents.ts';

let keyCounter = 0;
const newKey = () => `e2e-${process.pid}-${Date.now()}-${++keyCounter}`;

async function buy(gw: TestGateway, overrides: Record<string, unknown> = {}) {
  const { buyNumber } = await gqlData(gw.graphqlUrl, BuyNumber, { input: { service: 'whatsapp', country: 'ID', idempotencyKey: newKey(), ...overrides } as never });
  return buyNumber;
}

async function buyOrder(gw: TestGateway) {
  const result = await buy(gw);
  if (result.__typename !== 'BuyNumberPayload') throw new Error(`buy failed: ${JSON.stringify(result)}`);
  return result.order;
}

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, attempts = 100): Promise<T> {
  let value = await probe();
  for (let i = 0; i < attempts && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 50));
    value = await probe();
  }
  return value;
}

describe('OTP orders, polling mode (PUBLIC_URL unset)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => {
    await gw.stop();
  });
  afterEach(() => gw.sim.clearFaults());

  it('buys a number, streams the code to graphql-ws and SSE subscribers, and records it on the order', async () => {
    const order = await buyOrder(gw);
    expect(order).toMatchObject({ status: 'ACTIVE', provider: 'SMSCODE', price: { amount: '15000', currency: 'IDR' } });
    expect(order.phoneNumber).toMatch(/^\+62\d+$/);

    const ws = await wsSubscribe(gw.graphqlUrl, OtpReceived, { orderId: order.id });
    const sse = await sseSubscribe(gw.graphqlUrl, OtpReceived, { orderId: order.id });
    await gw.sim.deliverOtp(Number(order.providerRef), '482913', 'Your WhatsApp code is 482-913');

    const [viaWs, viaSse] = await Promise.all([ws.next(), sse.next()]);
    for (const event of [viaWs, viaSse]) {
      expect(event.data?.otpReceived).toMatchObject({ code: '482913', text: 'Your WhatsApp code is 482-913', order: { id: order.id, status: 'OTP_RECEIVED' } });
    }
    const { order: stored } = await gqlData(gw.graphqlUrl, OrderById, { id: order.id });
    expect(stored).toMatchObject({ status: 'OTP_RECEIVED', messages: [{ code: '482913', text: 'Your WhatsApp code is 482-913' }] });
    expect(stored!.statusHistory.map((c) => c.to)).toEqual(['PENDING', 'ACTIVE', 'OTP_RECEIVED']);

    const completed = await gqlData(gw.graphqlUrl, CompleteOrder, { input: { orderId: order.id } });
    expect(completed.completeOrder).toMatchObject({ __typename: 'CompleteOrderPayload', order: { status: 'COMPLETED' } });
    await ws.close();
    await sse.close();
  });

  it('refuses an early cancel with the seconds remaining, then cancels and refunds after two minutes', async () => {
    const before = gw.sim.balanceOf();
    const order = await buyOrder(gw);
    expect(gw.sim.balanceOf()).toBe(before - 15000);

    const early = await gqlData(gw.graphqlUrl, CancelOrder, { input: { orderId: order.id } });
    expect(early.cancelOrder.__typename).toBe('CancelTooEarly');
    if (early.cancelOrder.__typename !== 'CancelTooEarly') return;
    expect(early.cancelOrder.code).toBe('CANCEL_TOO_EARLY');
    expect(early.cancelOrder.secondsRemaining).toBeGreaterThan(0);
    expect(early.cancelOrder.secondsRemaining).toBeLessThanOrEqual(120);

    await gw.sim.advanceClock(121_000);
    const late = await gqlData(gw.graphqlUrl, CancelOrder, { input: { orderId: order.id } });
    expect(late.cancelOrder).toMatchObject({ __typename: 'CancelOrderPayload', order: { status: 'CANCELED', refund: { amount: '15000', currency: 'IDR' } } });
    expect(gw.sim.balanceOf()).toBe(before);

    const { balances } = await gqlData(gw.graphqlUrl, BalancesInThb, { currency: 'THB' }, TEST_ADMIN_TOKEN);
    const smscode = balances.providers.find((p) => p.provider === 'SMSCODE')!;
    expect(smscode.balance).toEqual({ amount: String(before), currency: 'IDR' });
    expect(smscode.converted?.fx.pair).toBe('IDR/THB');
    expect(balances.total.currency).toBe('THB');
  });

  it('keeps one provider order and one charge for a repeated idempotency key, and refuses the key with another input', async () => {
    const key = newKey();
    const ordersBefore = gw.sim.orderCount();
    const balanceBefore = gw.sim.balanceOf();
    const first = await buy(gw, { idempotencyKey: key });
    const second = await buy(gw, { idempotencyKey: key });
    expect(first.__typename).toBe('BuyNumberPayload');
    expect(second).toEqual(first);
    expect(gw.sim.orderCount() - ordersBefore).toBe(1);
    expect(balanceBefore - gw.sim.balanceOf()).toBe(15000);

    const reused = await buy(gw, { idempotencyKey: key, country: 'TH' });
    expect(reused).toMatchObject({ __typename: 'IdempotencyKeyReused', code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(gw.sim.orderCount() - ordersBefore).toBe(1);
  });

  it('answers RequestInProgress to a concurrent duplicate while the first purchase is still in flight', async () => {
    const key = newKey();
    const ordersBefore = gw.sim.orderCount();
    gw.sim.injectFault({ endpoint: 'create', kind: 'delay', ms: 400 });
    const firstCall = buy(gw, { idempotencyKey: key });
    await new Promise((r) => setTimeout(r, 150));
    const duplicate = await buy(gw, { idempotencyKey: key });
    expect(duplicate).toMatchObject({ __typename: 'RequestInProgress', code: 'REQUEST_IN_PROGRESS' });
    expect((await firstCall).__typename).toBe('BuyNumberPayload');
    expect(gw.sim.orderCount() - ordersBefore).toBe(1);
  });

  it('returns InsufficientBalance, leaves no order active, and lets the same key succeed after a top-up', async () => {
    const saved = gw.sim.balanceOf();
    gw.sim.setBalance(1000);
    const key = newKey();
    const refused = await buy(gw, { idempotencyKey: key });
    expect(refused).toMatchObject({ __typename: 'InsufficientBalance', code: 'INSUFFICIENT_BALANCE', provider: 'SMSCODE' });
    const active = await gw.app.services.book.list({ ownerId: 'default', statuses: ['PENDING', 'UNKNOWN', 'ACTIVE'] }, 100, null);
    expect(active.filter((o) => o.idempotencyKey === key)).toEqual([]);
    gw.sim.setBalance(saved);
    const retried = await buy(gw, { idempotencyKey: key });
    expect(retried.__typename).toBe('BuyNumberPayload');
  });

  it('answers NoOfferAvailable with the attempts when the price cap is below every offer', async () => {
    const refused = await buy(gw, { maxPrice: { amount: '0.10', currency: 'USD' } });
    expect(refused).toMatchObject({ __typename: 'NoOfferAvailable', attempts: [{ provider: 'SMSCODE', outcome: 'price_above_max' }] });
  });

  it('marks an ambiguous purchase UNKNOWN, then reconciles it to the one order the provider made (no second charge)', async () => {
    const ordersBefore = gw.sim.orderCount();
    const balanceBefore = gw.sim.balanceOf();
    gw.sim.injectFault({ endpoint: 'create', kind: 'dropAfterCommit' });
    const result = await buy(gw);
    expect(result).toMatchObject({ __typename: 'BuyNumberPayload', order: { status: 'UNKNOWN' } });
    if (result.__typename !== 'BuyNumberPayload') return;
    const settled = await waitFor(
      () => gqlData(gw.graphqlUrl, OrderById, { id: result.order.id }),
      (r) => r.order?.status === 'ACTIVE',
    );
    expect(settled.order?.status).toBe('ACTIVE');
    expect(gw.sim.orderCount() - ordersBefore).toBe(1);
    expect(balanceBefore - gw.sim.balanceOf()).toBe(15000);
    expect(settled.order?.statusHistory.map((c) => c.to)).toEqual(['PENDING', 'UNKNOWN', 'ACTIVE']);
  });

  it('expires an order without a code and records the refund', async () => {
    const order = await buyOrder(gw);
    const afterPurchase = gw.sim.balanceOf();
    const updates = await wsSubscribe(gw.graphqlUrl, OrderUpdated, { orderId: order.id });
    // A subscription to one order starts with the order as it is now.
    expect((await updates.next()).data?.orderUpdated).toMatchObject({ id: order.id, status: 'ACTIVE' });
    await gw.sim.advanceClock(21 * 60_000);
    const event = await updates.next();
    expect(event.data?.orderUpdated).toMatchObject({ id: order.id, status: 'EXPIRED' });
    const { order: stored } = await gqlData(gw.graphqlUrl, OrderById, { id: order.id });
    expect(stored).toMatchObject({ status: 'EXPIRED', refund: { amount: '15000', currency: 'IDR' } });
    // Other still-active orders of earlier tests expire in the same jump, so at least this refund arrived.
    expect(gw.sim.balanceOf() - afterPurchase).toBeGreaterThanOrEqual(15000);
    await updates.close();
  });

  it('resends the SMS and streams the second code as a new message', async () => {
    const order = await buyOrder(gw);
    const codes = await wsSubscribe(gw.graphqlUrl, OtpReceived, { orderId: order.id });
    await gw.sim.deliverOtp(Number(order.providerRef), '111111', 'code 111111');
    expect((await codes.next()).data?.otpReceived.code).toBe('111111');
    const resent = await gqlData(gw.graphqlUrl, ResendSms, { input: { orderId: order.id } });
    expect(resent.resendSms).toMatchObject({ __typename: 'ResendSmsPayload', outcome: { resent: true } });
    await gw.sim.deliverOtp(Number(order.providerRef), '222222', 'code 222222');
    expect((await codes.next()).data?.otpReceived.code).toBe('222222');
    const { order: stored } = await gqlData(gw.graphqlUrl, OrderById, { id: order.id });
    expect(stored && 'messages' in stored ? stored.messages.map((m) => m.code) : null).toEqual(['111111', '222222']);
    await codes.close();
  });
});

describe('OTP orders, webhook mode (PUBLIC_URL set)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    // The watcher's safety-net poll is pushed far out, so every update below must come by webhook.
    gw = await startGateway({ publicUrl: true, env: { WATCHER_MIN_INTERVAL_MS: '600000', WATCHER_MAX_INTERVAL_MS: '600000' } });
    const registered = await gqlData(gw.graphqlUrl, RegisterWebhook, { provider: 'SMSCODE', sendTest: true }, TEST_ADMIN_TOKEN);
    expect(registered.registerProviderWebhook).toMatchObject({
      __typename: 'RegisterProviderWebhookPayload',
      registration: { url: `${gw.url.replace('localhost', '127.0.0.1')}/webhooks/smscode`, testStatusCode: 202 },
    });
  });
  afterAll(async () => {
    await gw.stop();
  });

  it('delivers the code through the signed webhook to subscribers', async () => {
    const order = await buyOrder(gw);
    const ws = await wsSubscribe(gw.graphqlUrl, OtpReceived, { orderId: order.id });
    const sse = await sseSubscribe(gw.graphqlUrl, OtpReceived, { orderId: order.id });
    await gw.sim.deliverOtp(Number(order.providerRef), '735104', 'Your code is 735104');
    const [viaWs, viaSse] = await Promise.all([ws.next(), sse.next()]);
    expect(viaWs.data?.otpReceived).toMatchObject({ code: '735104', order: { status: 'OTP_RECEIVED' } });
    expect(viaSse.data?.otpReceived).toMatchObject({ code: '735104' });
    const delivery = gw.sim.webhookDeliveries.find((d) => d.event === 'order.otp_received' && d.body.includes('735104'));
    expect(delivery?.status).toBe(200);
    const { order: stored } = await gqlData(gw.graphqlUrl, OrderById, { id: order.id });
    expect(stored?.statusHistory.at(-1)?.reason).toMatch(/^webhook order\.otp_received/);
    await ws.close();
    await sse.close();
  });

  it('rejects a webhook with a wrong signature (401, order unchanged) and applies a replayed valid one once', async () => {
    const order = await buyOrder(gw);
    await gw.sim.deliverOtp(Number(order.providerRef), '909090', 'Your code is 909090');
    const delivery = gw.sim.webhookDeliveries.find((d) => d.event === 'order.otp_received' && d.body.includes('909090'))!;
    const forged = delivery.body.replace('909090', '000000');

    const bad = await fetch(`${gw.url}/webhooks/smscode`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-webhook-signature': delivery.signature }, body: forged });
    expect(bad.status).toBe(401);
    const missing = await fetch(`${gw.url}/webhooks/smscode`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: delivery.body });
    expect(missing.status).toBe(401);

    const replay = await fetch(`${gw.url}/webhooks/smscode`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-webhook-signature': delivery.signature }, body: delivery.body });
    expect(replay.status).toBe(200);
    const { order: stored } = await gqlData(gw.graphqlUrl, OrderById, { id: order.id });
    expect(stored && 'messages' in stored ? stored.messages.map((m) => m.code) : null).toEqual(['909090']);
    expect(stored?.statusHistory.filter((c) => c.to === 'OTP_RECEIVED')).toHaveLength(1);
  });
});

describe('owners', () => {
  let gw: TestGateway;
  const shopA = 'shop-a-token-0123456789';
  const shopB = 'shop-b-token-0123456789';
  beforeAll(async () => {
    gw = await startGateway({ env: { CLIENT_TOKENS: `shop-a:${shopA},shop-b:${shopB}` } });
  });
  afterAll(async () => {
    await gw.stop();
  });

  it('requires a client token when CLIENT_TOKENS is set', async () => {
    const anonymous = await gql(gw.graphqlUrl, OrderById, { id: 'x' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("shows a client only its own orders and codes", async () => {
    const { buyNumber } = await gqlData(gw.graphqlUrl, BuyNumber, { input: { service: 'whatsapp', country: 'ID', idempotencyKey: newKey() } }, shopA);
    if (buyNumber.__typename !== 'BuyNumberPayload') throw new Error('buy failed');
    const other = await gqlData(gw.graphqlUrl, OrderById, { id: buyNumber.order.id }, shopB);
    expect(other.order).toBeNull();
    const bStream = await wsSubscribe(gw.graphqlUrl, OtpReceived, {}, shopB);
    const aStream = await wsSubscribe(gw.graphqlUrl, OtpReceived, {}, shopA);
    await gw.sim.deliverOtp(Number(buyNumber.order.providerRef), '123123');
    expect((await aStream.next()).data?.otpReceived.code).toBe('123123');
    await expect(bStream.next(500)).rejects.toThrow(/no event/);
    await aStream.close();
    await bStream.close();
  });
});

describe('order book queries', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => {
    await gw.stop();
  });

  it('lists orders newest first with cursor pagination and filters, and activeOrders', async () => {
    const bought = [];
    for (let i = 0; i < 5; i++) bought.push(await buyOrder(gw));
    await gw.sim.advanceClock(121_000);
    await gqlData(gw.graphqlUrl, CancelOrder, { input: { orderId: bought[0]!.id } });

    const ids: string[] = [];
    let after: string | null | undefined = null;
    for (let page = 0; page < 10; page++) {
      const result: OrdersQuery = await gqlData(gw.graphqlUrl, Orders, { first: 2, after });
      ids.push(...result.orders.edges.map((e) => e.node.id));
      if (!result.orders.pageInfo.hasNextPage) break;
      after = result.orders.pageInfo.endCursor;
    }
    expect(ids).toEqual(bought.map((o) => o.id).reverse());

    const canceled = await gqlData(gw.graphqlUrl, Orders, { filter: { status: ['CANCELED'] } });
    expect(canceled.orders.edges.map((e) => e.node.id)).toEqual([bought[0]!.id]);
    const none = await gqlData(gw.graphqlUrl, Orders, { filter: { createdAfter: new Date(Date.now() + 60_000).toISOString() } });
    expect(none.orders.edges).toEqual([]);

    const { activeOrders } = await gqlData(gw.graphqlUrl, ActiveOrders);
    expect(activeOrders.map((o) => o.id).sort()).toEqual(bought.slice(1).map((o) => o.id).sort());
  });

  it('answers a malformed order id with NotFound and changes nothing', async () => {
    const result = await gqlData(gw.graphqlUrl, CancelOrder, { input: { orderId: 'not-an-id' } });
    expect(result.cancelOrder).toMatchObject({ __typename: 'NotFound', code: 'NOT_FOUND' });
  });
});
