import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEasysoftSimulator, DETAIL, REFILL_RESULT_MIN_MS } from '../../../src/providers/easysoft/simulator.ts';
import type { EasysoftSimulator, EasysoftSimulatorOptions } from '../../../src/providers/easysoft/simulator.ts';
import { RefillCallback } from '../../../src/providers/easysoft/wire.ts';
import { post, refill, startReceiver, update } from './sim-client.ts';

const T0 = Date.parse('2026-02-25T10:00:00Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

let sim: EasysoftSimulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

async function open(options: EasysoftSimulatorOptions = {}): Promise<void> {
  await sim?.stop();
  sim = createEasysoftSimulator({ now: () => T0, callbackUrl: receiver.url, ...options });
  await sim.start();
}

beforeEach(async () => {
  receiver = await startReceiver();
  await open();
});

afterEach(async () => {
  await sim.stop();
  await receiver.close();
});

const flags = async (orderid: string) => {
  const answer = await update(sim, orderid);
  return `${String(answer.STATUS_REFILL)}/${String(answer.STATUS_CANCEL)}`;
};

const callbacks = () => receiver.bodies.map((body) => RefillCallback.parse(Object.fromEntries(new URLSearchParams(body))));

describe('refill results and the 10 s minimum', () => {
  it('a success settled at once is not out before 10 s; then update shows STATUS_REFILL 1 and the callback is POSTed', async () => {
    const orderid = await refill(sim);
    await sim.completeRefill(orderid, 'success');
    expect(await flags(orderid)).toBe('0/0');
    expect(sim.deliveries).toHaveLength(0);
    await sim.advanceClock(REFILL_RESULT_MIN_MS - 1);
    expect(await flags(orderid)).toBe('0/0');
    await sim.advanceClock(1);
    expect(await flags(orderid)).toBe('1/0');
    expect(sim.orderStatus(orderid)?.phase).toBe('success');
    await sim.settleDeliveries();
    expect(callbacks()).toEqual([{ orderid, status_refill: '1', status_cancel: '0', realamount: '9.65', detail: DETAIL.refillSuccess }]);
    expect(receiver.contentTypes).toEqual(['application/x-www-form-urlencoded']);
    expect(sim.deliveries[0]).toMatchObject({ url: receiver.url, status: 200, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(sim.deliveries[0]?.body).toBe(receiver.bodies[0]);
    expect(sim.ledger.map((e) => e.kind)).toEqual(['charge']);
  });

  it('a result settled after 10 s applies at once', async () => {
    const orderid = await refill(sim);
    await sim.advanceClock(30 * SECOND);
    await sim.completeRefill(orderid, 'success');
    expect(await flags(orderid)).toBe('1/0');
    await expect(sim.completeRefill(orderid, 'fail')).rejects.toThrow(/already out/);
  });

  it('without autoResult a refill stays pending however long the clock runs', async () => {
    const orderid = await refill(sim);
    await sim.advanceClock(48 * HOUR);
    expect(await flags(orderid)).toBe('0/0');
    expect(sim.orderStatus(orderid)?.phase).toBe('pending');
  });
});

describe('failed refills: the cancel result one minute later', () => {
  it('fail → callback with the failure, refund and STATUS_CANCEL 1 only one minute later', async () => {
    const orderid = await refill(sim);
    await sim.advanceClock(10 * SECOND);
    await sim.completeRefill(orderid, 'fail');
    expect(await flags(orderid)).toBe('0/0');
    expect(sim.orderStatus(orderid)?.phase).toBe('failed');
    expect(sim.balanceOf()).toBe('4990.35');
    await sim.advanceClock(MINUTE - 1);
    expect(await flags(orderid)).toBe('0/0');
    expect(sim.ledger).toHaveLength(1);
    await sim.advanceClock(1);
    expect(await flags(orderid)).toBe('0/1');
    expect(sim.balanceOf()).toBe('5000.00');
    expect(sim.ledger).toEqual([
      { kind: 'charge', orderRef: orderid, amount: '9.65', at: T0 },
      { kind: 'refund', orderRef: orderid, amount: '9.65', at: T0 + 10 * SECOND + MINUTE },
    ]);
    await sim.settleDeliveries();
    expect(callbacks()).toEqual([
      { orderid, status_refill: '0', status_cancel: '0', realamount: '9.65', detail: DETAIL.refillFailed },
      { orderid, status_refill: '0', status_cancel: '1', realamount: '9.65', detail: DETAIL.cancelled },
    ]);
    expect((await post(sim, { mobile: 'return', orderid })).topup).toEqual({ STATUS: '0', DETAIL: DETAIL.alreadyCancelled });
  });

  it('one long clock jump applies the failure and its cancel in order', async () => {
    const orderid = await refill(sim);
    await sim.completeRefill(orderid, 'fail');
    await sim.advanceClock(HOUR);
    expect(await flags(orderid)).toBe('0/1');
    expect(sim.ledger.map((e) => [e.kind, e.at])).toEqual([['charge', T0], ['refund', T0 + 10 * SECOND + MINUTE]]);
    await sim.settleDeliveries();
    expect(callbacks().map((c) => c.detail)).toEqual([DETAIL.refillFailed, DETAIL.cancelled]);
  });

  it('failedRefillCancel onReturn: no refund until a return is taken, then one minute later', async () => {
    await open({ failedRefillCancel: 'onReturn' });
    const orderid = await refill(sim);
    await sim.completeRefill(orderid, 'fail');
    await sim.advanceClock(HOUR);
    expect(await flags(orderid)).toBe('0/0');
    expect(sim.ledger).toHaveLength(1);
    expect((await post(sim, { mobile: 'return', orderid })).topup).toEqual({ STATUS: '1' });
    await sim.advanceClock(MINUTE - 1);
    expect(await flags(orderid)).toBe('0/0');
    await sim.advanceClock(1);
    expect(await flags(orderid)).toBe('0/1');
    expect(sim.ledger.at(-1)).toEqual({ kind: 'refund', orderRef: orderid, amount: '9.65', at: T0 + HOUR + MINUTE });
  });
});

describe('mobile=return', () => {
  it('on a pending refill: the refill is stopped and refunded one minute later, once however often return is sent', async () => {
    const orderid = await refill(sim);
    expect((await post(sim, { mobile: 'return', orderid })).topup).toEqual({ STATUS: '1' });
    expect(sim.orderStatus(orderid)?.cancelRequested).toBe(true);
    await expect(sim.completeRefill(orderid, 'success')).rejects.toThrow(/returned/);
    await sim.advanceClock(30 * SECOND);
    expect((await post(sim, { mobile: 'return', orderid })).topup).toEqual({ STATUS: '1' });
    expect(await flags(orderid)).toBe('0/0');
    await sim.advanceClock(30 * SECOND);
    expect(await flags(orderid)).toBe('0/1');
    await sim.advanceClock(HOUR);
    expect(sim.ledger.filter((e) => e.kind === 'refund')).toHaveLength(1);
    expect(sim.balanceOf()).toBe('5000.00');
    await sim.settleDeliveries();
    expect(callbacks()).toEqual([{ orderid, status_refill: '0', status_cancel: '1', realamount: '9.65', detail: DETAIL.cancelled }]);
  });

  it('on a successful refill: reversed and refunded 6 h later (not before), STATUS_REFILL stays 1', async () => {
    const orderid = await refill(sim);
    await sim.completeRefill(orderid, 'success');
    await sim.advanceClock(10 * SECOND);
    expect((await post(sim, { mobile: 'return', orderid })).topup).toEqual({ STATUS: '1' });
    await sim.advanceClock(6 * HOUR - 1);
    expect(await flags(orderid)).toBe('1/0');
    expect(sim.orderStatus(orderid)?.cancelRequested).toBe(true);
    await sim.advanceClock(1);
    expect(await flags(orderid)).toBe('1/1');
    expect(sim.ledger.at(-1)).toEqual({ kind: 'refund', orderRef: orderid, amount: '9.65', at: T0 + 10 * SECOND + 6 * HOUR });
  });

  it('the reversal can be refused: STATUS_CANCEL stays 0, no refund, a further return is refused', async () => {
    const orderid = await refill(sim);
    await sim.advanceClock(10 * SECOND);
    await sim.completeRefill(orderid, 'success');
    await post(sim, { mobile: 'return', orderid });
    await sim.completeCancel(orderid, 'refused');
    // Not before the documented 6 h.
    expect(sim.orderStatus(orderid)?.reversalRefused).toBe(false);
    await sim.advanceClock(6 * HOUR);
    expect(sim.orderStatus(orderid)).toMatchObject({ phase: 'success', reversalRefused: true, cancelRequested: false });
    expect(await flags(orderid)).toBe('1/0');
    expect(sim.ledger.map((e) => e.kind)).toEqual(['charge']);
    expect((await post(sim, { mobile: 'return', orderid })).topup).toEqual({ STATUS: '0', DETAIL: DETAIL.cannotCancel });
    await sim.settleDeliveries();
    expect(callbacks().map((c) => [c.status_refill, c.status_cancel, c.detail])).toEqual([
      ['1', '0', DETAIL.refillSuccess],
      ['1', '0', DETAIL.cancelRefused],
    ]);
  });

  it('reversal options: a later delay within 6–24 h and a refused default; out-of-range delays are refused', async () => {
    await open({ reversal: { delayMs: 24 * HOUR, outcome: 'refused' } });
    const orderid = await refill(sim);
    await sim.completeRefill(orderid, 'success');
    await sim.advanceClock(10 * SECOND);
    await post(sim, { mobile: 'return', orderid });
    await sim.advanceClock(24 * HOUR - 1);
    expect(sim.orderStatus(orderid)?.cancelRequested).toBe(true);
    await sim.advanceClock(1);
    expect(sim.orderStatus(orderid)?.reversalRefused).toBe(true);
    expect(() => createEasysoftSimulator({ reversal: { delayMs: HOUR } })).toThrow(RangeError);
    expect(() => createEasysoftSimulator({ reversal: { delayMs: 25 * HOUR } })).toThrow(RangeError);
  });
});

describe('sandbox autoResult', () => {
  it('refuses a delay under the documented 10 s', () => {
    expect(() => createEasysoftSimulator({ autoResult: { delayMs: 9_999 } })).toThrow(RangeError);
  });

  it('results come by themselves after delayMs on the simulator clock (success by default)', async () => {
    await open({ autoResult: { delayMs: 15 * SECOND } });
    const orderid = await refill(sim);
    await sim.advanceClock(15 * SECOND - 1);
    expect(await flags(orderid)).toBe('0/0');
    await sim.advanceClock(1);
    expect(await flags(orderid)).toBe('1/0');
  });

  it('outcome fail: the failure, then the refund a minute later', async () => {
    await open({ autoResult: { delayMs: 10 * SECOND, outcome: 'fail' } });
    const orderid = await refill(sim);
    await sim.advanceClock(10 * SECOND);
    expect(sim.orderStatus(orderid)?.phase).toBe('failed');
    await sim.advanceClock(MINUTE);
    expect(await flags(orderid)).toBe('0/1');
  });

  it('completeRefill overrides the automatic outcome', async () => {
    await open({ autoResult: { delayMs: 20 * SECOND } });
    const orderid = await refill(sim);
    await sim.completeRefill(orderid, 'fail');
    await sim.advanceClock(10 * SECOND);
    expect(sim.orderStatus(orderid)?.phase).toBe('failed');
  });

  it('on a running clock, due results go out without any request or advanceClock', async () => {
    let now = T0;
    await open({ now: () => now, autoResult: { delayMs: 10 * SECOND } });
    await refill(sim);
    now += 10 * SECOND;
    await vi.waitFor(() => expect(receiver.bodies).toHaveLength(1), { timeout: 5000, interval: 50 });
    expect(callbacks()[0]?.status_refill).toBe('1');
  });
});

describe('the callback URL', () => {
  it('none configured: no POST; set at run time: results go there; cleared again: none', async () => {
    await open({ callbackUrl: null });
    const first = await refill(sim);
    await sim.completeRefill(first, 'success');
    await sim.advanceClock(10 * SECOND);
    expect(sim.deliveries).toHaveLength(0);
    sim.setCallbackUrl(receiver.url);
    const second = await refill(sim);
    await sim.advanceClock(10 * SECOND);
    await sim.completeRefill(second, 'success');
    await sim.settleDeliveries();
    expect(callbacks().map((c) => c.orderid)).toEqual([second]);
    sim.setCallbackUrl(null);
    await post(sim, { mobile: 'return', orderid: second });
    await sim.advanceClock(6 * HOUR);
    expect(sim.deliveries).toHaveLength(1);
    expect(() => sim.setCallbackUrl('ftp://example.invalid/cb')).toThrow(RangeError);
  });

  it('a receiver that fails or is unreachable is recorded, not retried', async () => {
    const failing = await startReceiver(500);
    try {
      await open({ callbackUrl: failing.url });
      const orderid = await refill(sim);
      await sim.completeRefill(orderid, 'success');
      await sim.advanceClock(10 * SECOND);
      await sim.settleDeliveries();
      expect(sim.deliveries.map((d) => d.status)).toEqual([500]);
    } finally {
      await failing.close();
    }
    sim.setCallbackUrl('http://127.0.0.1:9/unreachable');
    const orderid = await refill(sim);
    await sim.advanceClock(10 * SECOND);
    await sim.completeRefill(orderid, 'success');
    await sim.settleDeliveries();
    expect(sim.deliveries.map((d) => d.status)).toEqual([500, null]);
  });
});

describe('ledger and balance', () => {
  it('charges at refill, refunds only with STATUS_CANCEL 1, balance follows both exactly', async () => {
    await open({ initialBalance: '100.00' });
    const ok = await refill(sim, { network: '1', cash: '20', number: '0811111111' });
    const failed = await refill(sim, { network: '5', cash: '50', number: '0622222222' });
    const returned = await refill(sim, { network: '7', cash: '10', number: '0933333333' });
    expect(sim.balanceOf()).toBe('23.60');
    await sim.completeRefill(ok, 'success');
    await sim.completeRefill(failed, 'fail');
    await post(sim, { mobile: 'return', orderid: returned });
    await sim.advanceClock(2 * MINUTE);
    expect(sim.ledger.map(({ kind, orderRef, amount }) => [kind, orderRef, amount])).toEqual([
      ['charge', ok, '19.40'],
      ['charge', failed, '47.50'],
      ['charge', returned, '9.50'],
      ['refund', returned, '9.50'],
      ['refund', failed, '47.50'],
    ]);
    expect(sim.balanceOf()).toBe('80.60');
    expect((await post(sim, { amount: '1' })).topup).toEqual({ STATUS: '1', AMOUNT: '80.60' });
    expect((await update(sim, ok)).AMOUNT).toBe('80.60');
  });

  it('setBalance takes THB decimal text only', () => {
    sim.setBalance('12.5');
    expect(sim.balanceOf()).toBe('12.50');
    for (const bad of ['-1', '1.234', '1,000', 'abc', '']) expect(() => sim.setBalance(bad)).toThrow(RangeError);
  });
});
