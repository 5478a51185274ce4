import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signP2wBody } from '../../../src/providers/p2w/signature.ts';
import type { P2wSettings } from '../../../src/providers/p2w/index.ts';
import { gqlData, wsSubscribe } from '../../support/clients.ts';
import { TopupGame, TopupOrder, TopupOrderUpdated } from './documents.ts';
import { expectMoney, newKey, postWebhook, startSandboxGateway, waitFor, type SandboxGateway } from './support.ts';

/**
 * Top-up issue, Done when 3: game top-ups through GraphQL against the P2W simulator, in webhook mode
 * (PUBLIC_URL set: every create carries our hookURL, and P2W's callback settles the order).
 */
describe('game top-up (P2W), webhook mode', () => {
  let gw: SandboxGateway;
  beforeAll(async () => {
    // The watcher's safety-net poll is slow here: what settles an order is P2W's callback.
    gw = await startSandboxGateway({ publicUrl: true, env: { WATCHER_MAX_INTERVAL_MS: '60000' } });
  });
  afterAll(async () => {
    await gw?.stop();
  });
  afterEach(() => gw.p2w.clearFaults());

  const creates = () => gw.p2w.requests.filter((r) => r.endpoint === 'createOrder').length;
  const charges = () => gw.p2w.ledger.filter((e) => e.kind === 'charge').length;
  const topUp = (packageId: string, topupInfo: Record<string, string>, idempotencyKey = newKey('game')) =>
    gqlData(gw.graphqlUrl, TopupGame, { input: { packageId, topupInfo: Object.entries(topupInfo).map(([field, value]) => ({ field, value })), idempotencyKey } }).then((d) => d.topUpGame);
  const orderOf = async (id: string) => (await gqlData(gw.graphqlUrl, TopupOrder, { id })).order!;
  const secret = () => (gw.app.sandbox!.providers.find((p) => p.descriptor.id === 'P2W')!.settings as P2wSettings).secret;
  const callbackBody = (orderID: string, refID: string, status: string) => JSON.stringify({ orderID, refID, status, balance: '1.00', reason: null });

  it('create → ACTIVE, then P2W completes it and its callback → COMPLETED on orderUpdated', async () => {
    const result = await topUp('ROLTH_A01_P001', { gameid: '987654321' });
    if (result.__typename !== 'TopUpGamePayload') throw new Error(JSON.stringify(result));
    const order = result.order;
    expect(order).toMatchObject({ kind: 'GAME_TOPUP', provider: 'P2W', status: 'ACTIVE', packageId: 'ROLTH_A01_P001' });
    expectMoney(order.price, '100.00');
    expect('topupInfo' in order && order.topupInfo).toEqual([{ field: 'gameid', value: '987654321' }]);
    const upstream = gw.p2w.order(order.providerRef!)!;
    expect(upstream).toMatchObject({ refID: order.reference, packageID: 'ROLTH_A01_P001', topupInfo: { gameid: '987654321' }, hookURL: `${gw.url}/webhooks/p2w` });

    const updates = await wsSubscribe(gw.graphqlUrl, TopupOrderUpdated, { orderId: order.id });
    expect((await updates.next()).data?.orderUpdated.status).toBe('ACTIVE');
    await gw.p2w.advanceOrder(order.providerRef!, 'succeeded');
    await gw.p2w.settleDeliveries();
    expect(gw.p2w.deliveries.at(-1)).toMatchObject({ url: `${gw.url}/webhooks/p2w`, status: 200 });
    let event = (await updates.next()).data?.orderUpdated;
    while (event?.status !== 'COMPLETED') event = (await updates.next()).data?.orderUpdated;
    await updates.close();
    expectMoney(event.price, '100.00');
    const final = await orderOf(order.id);
    expect(final.statusHistory.at(-1)!.reason).toMatch(/webhook .*confirmed by lookup/);
  });

  it('a create whose answer is lost, retried by the client with the same key → exactly one P2W order, settled by its callback', async () => {
    const orders = gw.p2w.orderCount();
    const before = { creates: creates(), charges: charges() };
    const key = newKey('game-lost');
    gw.p2w.injectFault({ endpoint: 'createOrder', kind: 'dropAfterCommit' });
    const first = await topUp('FFTH_A01_P001', { gameid: '11223344' }, key);
    if (first.__typename !== 'TopUpGamePayload') throw new Error(JSON.stringify(first));
    expect(first.order.status).toBe('UNKNOWN');
    expect(first.order.providerRef).toBeNull();

    // The client did not hear back either: it retries, with the same key, a few times.
    for (let i = 0; i < 3; i++) {
      const again = await topUp('FFTH_A01_P001', { gameid: '11223344' }, key);
      expect(again.__typename === 'TopUpGamePayload' && again.order.id).toBe(first.order.id);
    }
    // Reconciliation re-sends the create under the same refID: P2W refuses a second order.
    for (let i = 0; i < 2; i++) await gw.app.services.watcher.pollOnce('P2W');
    expect(gw.p2w.orderCount() - orders).toBe(1);
    expect(charges() - before.charges).toBe(1);
    const upstream = gw.p2w.orderByRefId(first.order.reference)!;
    expect(upstream).toBeDefined();
    expect((await orderOf(first.order.id)).status).toBe('UNKNOWN');

    // P2W finishes it; its callback names orderID and refID, and the order is found and settled.
    await gw.p2w.advanceOrder(upstream.orderID, 'succeeded');
    await gw.p2w.settleDeliveries();
    const settled = await waitFor(() => orderOf(first.order.id), (o) => o.status === 'COMPLETED');
    expect(settled).toMatchObject({ status: 'COMPLETED', providerRef: upstream.orderID });
    expect(gw.p2w.orderCount() - orders).toBe(1);
    expect(charges() - before.charges).toBe(1);
  });

  it('a callback with a wrong x-signature → 401, nothing changed', async () => {
    const result = await topUp('PUBGMTH_A01_P001', { gameid: '5550001' });
    if (result.__typename !== 'TopUpGamePayload') throw new Error(JSON.stringify(result));
    const before = await orderOf(result.order.id);
    const body = callbackBody(result.order.providerRef!, result.order.reference, 'successed');
    const forged = await postWebhook(gw.url, '/webhooks/p2w', body, { 'content-type': 'application/json', 'x-signature': signP2wBody(body, 'not-the-partner-secret') });
    expect(forged.status).toBe(401);
    // The same body with a signature over other bytes is refused too.
    const other = await postWebhook(gw.url, '/webhooks/p2w', body, { 'content-type': 'application/json', 'x-signature': signP2wBody(`${body} `, secret()) });
    expect(other.status).toBe(401);
    expect(await orderOf(result.order.id)).toEqual(before);
    expect(gw.p2w.orderStatus(result.order.providerRef!)).toBe('pending');
  });

  it('an unsigned callback claiming success for an order P2W still reports as processing → nothing changed', async () => {
    const result = await topUp('VALTH_A01_P001', { gameid: 'player#7788' });
    if (result.__typename !== 'TopUpGamePayload') throw new Error(JSON.stringify(result));
    await gw.p2w.advanceOrder(result.order.providerRef!, 'processing');
    const before = await orderOf(result.order.id);
    const claim = await postWebhook(gw.url, '/webhooks/p2w', callbackBody(result.order.providerRef!, result.order.reference, 'successed'), { 'content-type': 'application/json' });
    expect(claim.status).toBe(200);
    const after = await orderOf(result.order.id);
    expect(after.status).toBe('ACTIVE');
    expect(after.statusHistory).toEqual(before.statusHistory);
    expect(gw.p2w.orderStatus(result.order.providerRef!)).toBe('processing');
  });

  it('topupInfo missing a field the package needs → ValidationError naming topupInfo.<field>, nothing sent', async () => {
    const before = creates();
    const missing = await topUp('GSHTH_A01_P001', { gameid: '800123456' });
    expect(missing).toMatchObject({ __typename: 'ValidationError', field: 'topupInfo.server' });
    const blank = await topUp('MLBBTH_A01_P001', { gameid: '123', zoneid: '   ' });
    expect(blank).toMatchObject({ __typename: 'ValidationError', field: 'topupInfo.zoneid' });
    expect(creates()).toBe(before);
  });
});
