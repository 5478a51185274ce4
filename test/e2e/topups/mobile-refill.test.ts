import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILED_CANCEL_MIN_MS, REFILL_RESULT_MIN_MS } from '../../../src/providers/easysoft/simulator.ts';
import { gqlData, wsSubscribe } from '../../support/clients.ts';
import { TopupBalances, TopupCancelRefill, TopupOrder, TopupOrderUpdated, TopupRefill } from './documents.ts';
import { expectMoney, newKey, postWebhook, startSandboxGateway, waitFor, type SandboxGateway } from './support.ts';

/**
 * Top-up issue, Done when 1: a mobile refill on AIS through GraphQL against the easysoft simulator,
 * settled by the simulator on its own clock, seen on orderUpdated; a failed refill returned with
 * cancelRefill and its refund visible in the simulator and in `balances`. Once by polling (the
 * watcher calls mobile=update), once by easysoft's result callback (PUBLIC_URL set).
 */

const ledgerOf = (gw: SandboxGateway, ref: string, kind: 'charge' | 'refund') => gw.easysoft.ledger.filter((e) => e.orderRef === ref && e.kind === kind);

async function refill(gw: SandboxGateway, amount: string) {
  const { refillMobile } = await gqlData(gw.graphqlUrl, TopupRefill, { input: { network: 'AIS', phoneNumber: '+66 81 234 5678', amount, idempotencyKey: newKey('refill') } });
  if (refillMobile.__typename !== 'RefillMobilePayload') throw new Error(JSON.stringify(refillMobile));
  return refillMobile.order;
}

const orderOf = async (gw: SandboxGateway, id: string) => (await gqlData(gw.graphqlUrl, TopupOrder, { id })).order!;

/** The next orderUpdated events until one has `status` (fails on timeout). */
async function until(stream: Awaited<ReturnType<typeof wsSubscribe<unknown, unknown>>>, status: string) {
  for (let i = 0; i < 10; i++) {
    const event = (await stream.next(15_000)) as { data?: { orderUpdated: { status: string; price: { amount: string } | null; refund: { amount: string } | null } } };
    if (event.data?.orderUpdated.status === status) return event.data.orderUpdated;
  }
  throw new Error(`no ${status} on orderUpdated`);
}

function lifecycle(mode: 'polling' | 'callback') {
  describe(`mobile refill on AIS, ${mode} mode`, () => {
    let gw: SandboxGateway;
    beforeAll(async () => {
      // Callback mode: the watcher's safety-net poll is slow, so what settles the order is the callback.
      gw = await startSandboxGateway(mode === 'callback' ? { publicUrl: true, env: { WATCHER_MAX_INTERVAL_MS: '60000' } } : {});
    });
    afterAll(async () => {
      await gw?.stop();
    });

    it('ACTIVE while processing, then COMPLETED on orderUpdated once the simulator completes it, with the amount charged', async () => {
      const before = gw.easysoft.balanceOf();
      const order = await refill(gw, '50');
      expect(order).toMatchObject({ kind: 'MOBILE_TOPUP', provider: 'EASYSOFT', status: 'ACTIVE', phoneNumber: '0812345678', network: 'AIS', amount: { amount: '50', currency: 'THB' } });
      const ref = order.providerRef!;
      expect(gw.easysoft.orderStatus(ref)).toMatchObject({ phase: 'pending', number: '0812345678', cash: '50' });
      const [charge] = ledgerOf(gw, ref, 'charge');
      expect(charge).toBeDefined();

      const updates = await wsSubscribe(gw.graphqlUrl, TopupOrderUpdated, { orderId: order.id });
      expect((await updates.next()).data?.orderUpdated.status).toBe('ACTIVE');
      // Still processing: a few watcher passes change nothing.
      await new Promise((r) => setTimeout(r, 200));
      expect((await orderOf(gw, order.id)).status).toBe('ACTIVE');

      // The simulator's clock reaches the document's earliest result (10 s), and the refill succeeds.
      await gw.easysoft.advanceClock(REFILL_RESULT_MIN_MS);
      await gw.easysoft.completeRefill(ref, 'success');
      await gw.easysoft.settleDeliveries();
      const completed = await until(updates as never, 'COMPLETED');
      await updates.close();
      // What the provider deducted (face value less the discount), exactly as its ledger says.
      expectMoney(completed.price as never, charge!.amount);
      expect(Number(before) - Number(gw.easysoft.balanceOf())).toBeCloseTo(Number(charge!.amount), 2);

      const final = await orderOf(gw, order.id);
      expect(final.statusHistory.map((c) => c.to)).toEqual(['PENDING', 'ACTIVE', 'COMPLETED']);
      const settledBy = final.statusHistory.at(-1)!.reason;
      if (mode === 'polling') expect(settledBy).toMatch(/^poll/);
      else expect(settledBy).toMatch(/webhook .*confirmed by lookup/);
      // update's raw result is on the order for support.
      expect(final.__typename === 'MobileRefillOrder' && Object.fromEntries(final.providerResult.map((r) => [r.name, r.value]))).toMatchObject({ statusRefill: '1', statusCancel: '0' });
    });

    it('a failed refill stays open until its return is settled, then FAILED with the refund in the simulator balance and in balances', async () => {
      const before = gw.easysoft.balanceOf();
      const order = await refill(gw, '100');
      const ref = order.providerRef!;
      const [charge] = ledgerOf(gw, ref, 'charge');
      expect(Number(gw.easysoft.balanceOf())).toBeCloseTo(Number(before) - Number(charge!.amount), 2);

      const updates = await wsSubscribe(gw.graphqlUrl, TopupOrderUpdated, { orderId: order.id });
      await gw.easysoft.advanceClock(REFILL_RESULT_MIN_MS);
      await gw.easysoft.completeRefill(ref, 'fail');
      await gw.easysoft.settleDeliveries();
      // The document has no "failed" flag: STATUS_REFILL 0 / STATUS_CANCEL 0 until the money is back.
      await new Promise((r) => setTimeout(r, 300));
      expect((await orderOf(gw, order.id)).status).toBe('ACTIVE');

      const { cancelRefill } = await gqlData(gw.graphqlUrl, TopupCancelRefill, { input: { orderId: order.id } });
      // mobile=return only starts the return: its result comes later.
      expect(cancelRefill).toMatchObject({ __typename: 'CancelRefillPayload', order: { status: 'ACTIVE', providerStatus: 'RETURN_REQUESTED', refund: null } });
      expect(gw.easysoft.requests.filter((r) => r.endpoint === 'return')).toHaveLength(1);

      // A minute later on easysoft's clock the return is settled and the deduction comes back.
      await gw.easysoft.advanceClock(FAILED_CANCEL_MIN_MS);
      await gw.easysoft.settleDeliveries();
      const [refund] = ledgerOf(gw, ref, 'refund');
      expect(refund?.amount).toBe(charge!.amount);
      expect(gw.easysoft.balanceOf()).toBe(before);

      const failed = await until(updates as never, 'FAILED');
      await updates.close();
      expectMoney(failed.refund as never, refund!.amount);
      const final = await orderOf(gw, order.id);
      expect(final.failure?.code).toBe('PROVIDER_FAILED');
      expect(final.statusHistory.map((c) => c.to)).toEqual(['PENDING', 'ACTIVE', 'FAILED']);

      // balances reads the account (amount=1): the refund is in it.
      const { balances } = await gqlData(gw.graphqlUrl, TopupBalances);
      expectMoney(balances.providers.find((p) => p.provider === 'EASYSOFT')?.balance, before);
    });

    if (mode === 'callback') {
      it('the callback URL carries the secret token; a wrong token is 404 and changes nothing; an unsigned claim applies only what mobile=update confirms', async () => {
        const token = gw.app.services.providers.require('EASYSOFT').webhook!.pathToken!;
        expect(token).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
        const order = await refill(gw, '20');
        const ref = order.providerRef!;
        const history = (await orderOf(gw, order.id)).statusHistory;
        const forged = new URLSearchParams({ orderid: ref, status_refill: '1', status_cancel: '0', realamount: '0.00', detail: 'เติมเงินสำเร็จ' }).toString();
        const form = { 'content-type': 'application/x-www-form-urlencoded' };

        const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
        expect((await postWebhook(gw.url, `/webhooks/easysoft/${wrong}`, forged, form)).status).toBe(404);
        expect((await postWebhook(gw.url, '/webhooks/easysoft', forged, form)).status).toBe(404);
        // The right token, but easysoft still says 0/0: the claim is only a hint, nothing moves.
        const hint = await postWebhook(gw.url, `/webhooks/easysoft/${token}`, forged, form);
        expect(hint.status).toBe(200);
        const after = await orderOf(gw, order.id);
        expect(after.status).toBe('ACTIVE');
        expect(after.statusHistory).toEqual(history);
        expect(after.price).toEqual(order.price);
        expect(gw.easysoft.orderStatus(ref)?.phase).toBe('pending');

        // The genuine result reaches the tokenised URL, and is applied.
        await gw.easysoft.advanceClock(REFILL_RESULT_MIN_MS);
        await gw.easysoft.completeRefill(ref, 'success');
        await gw.easysoft.settleDeliveries();
        const delivery = gw.easysoft.deliveries.find((d) => new URLSearchParams(d.body).get('orderid') === ref)!;
        expect(delivery.url).toBe(`${gw.url}/webhooks/easysoft/${token}`);
        expect(delivery.status).toBe(200);
        const done = await waitFor(() => orderOf(gw, order.id), (o) => o.status === 'COMPLETED');
        expect(done.status).toBe('COMPLETED');
      });
    }
  });
}

lifecycle('polling');
lifecycle('callback');
