import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseJsonExact } from '../../../src/providers/shared/json-amounts.ts';
import { createP2wSimulator } from '../../../src/providers/p2w/simulator.ts';
import type { P2wSimulator, P2wSimulatorOptions } from '../../../src/providers/p2w/simulator.ts';
import { signP2wBody } from '../../../src/providers/p2w/signature.ts';
import { CallbackPayload } from '../../../src/providers/p2w/wire.ts';
import { call, createOrder, SECRET, startReceiver } from './sim-client.ts';
import type { HookReceiver } from './sim-client.ts';

const T0 = Date.parse('2026-03-21T21:05:39.790Z');

let sim: P2wSimulator;
let hook: HookReceiver;

async function startSim(options: P2wSimulatorOptions = {}): Promise<void> {
  sim = createP2wSimulator({ now: () => T0, ...options });
  await sim.start();
}

beforeEach(async () => {
  hook = await startReceiver();
});

afterEach(async () => {
  await sim.stop();
  await hook.close();
});

describe('callback to hookURL', () => {
  it('POSTs the documented payload, unsigned, when an order succeeds: status "successed", balance a JSON number', async () => {
    await startSim({ initialBalance: '1100.00' });
    const id = await createOrder(sim, 'vendor-ref-1', { hookURL: hook.url });
    await sim.advanceOrder(id, 'succeeded');
    await sim.settleDeliveries();
    expect(hook.received).toHaveLength(1);
    const [push] = hook.received;
    // The example is {"orderID", "refID", "status": "successed", "balance": 1000, "reason": ""}.
    expect(push?.body).toBe(`{"orderID":"${id}","refID":"vendor-ref-1","status":"successed","balance":1000,"reason":""}`);
    expect(push?.headers['content-type']).toBe('application/json');
    expect(push?.headers['x-signature']).toBeUndefined();
    expect(push?.path).toBe('/callback');
    expect(CallbackPayload.parse(parseJsonExact(push?.body ?? ''))).toEqual({ orderID: id, refID: 'vendor-ref-1', status: 'successed', balance: '1000', reason: '' });
    expect(sim.deliveries).toEqual([{ url: hook.url, body: push?.body, headers: { 'content-type': 'application/json' }, status: 200 }]);
  });

  it('a failed order is refunded before the push, so the balance in it includes the refund', async () => {
    await startSim({ initialBalance: '1000.00' });
    const keep = await createOrder(sim, 'keep', { packageID: 'FFTH_A01_P001', topupInfo: { gameid: '1' } });
    const fail = await createOrder(sim, 'fail', { hookURL: hook.url });
    await sim.advanceOrder(keep, 'succeeded');
    await sim.advanceOrder(fail, 'failed', 'Invalid game ID');
    await sim.settleDeliveries();
    expect(hook.received.map((r) => r.body)).toEqual([`{"orderID":"${fail}","refID":"fail","status":"failed","balance":990.5,"reason":"Invalid game ID"}`]);
    expect(CallbackPayload.parse(parseJsonExact(hook.received[0]?.body ?? '')).balance).toBe('990.5');
  });

  it('nothing is pushed for processing (the document pushes when an order finishes) or without a hookURL', async () => {
    await startSim();
    const withHook = await createOrder(sim, 'a', { hookURL: hook.url });
    const without = await createOrder(sim, 'b');
    await sim.advanceOrder(withHook, 'processing');
    await sim.advanceOrder(without, 'succeeded');
    await sim.settleDeliveries();
    expect(sim.deliveries).toEqual([]);
    expect(hook.received).toEqual([]);
  });

  it('signWebhooks adds x-signature, the HMAC of the exact body with the partner secret', async () => {
    await startSim({ signWebhooks: true });
    const id = await createOrder(sim, 'signed', { hookURL: hook.url });
    await sim.advanceOrder(id, 'succeeded');
    await sim.settleDeliveries();
    const push = hook.received[0];
    expect(push?.headers['x-signature']).toBe(signP2wBody(push?.body ?? '', SECRET));
    expect(sim.deliveries[0]?.headers['x-signature']).toBe(push?.headers['x-signature']);
  });

  it('records the receiver status, and null when nobody answers; there is one attempt only', async () => {
    await startSim();
    hook.status = 500;
    const a = await createOrder(sim, 'a', { hookURL: hook.url });
    const b = await createOrder(sim, 'b', { hookURL: 'http://127.0.0.1:1/unreachable' });
    await sim.advanceOrder(a, 'succeeded');
    await sim.advanceOrder(b, 'failed');
    await sim.settleDeliveries();
    expect(sim.deliveries.map((d) => [d.url, d.status])).toEqual([
      [hook.url, 500],
      ['http://127.0.0.1:1/unreachable', null],
    ]);
    expect(hook.received).toHaveLength(1);
  });

  it('a null hookURL means none', async () => {
    await startSim();
    const id = await createOrder(sim, 'r', { hookURL: null });
    await sim.advanceOrder(id, 'succeeded');
    expect(sim.order(id)?.hookURL).toBeNull();
    expect(sim.deliveries).toEqual([]);
  });
});

describe('autoComplete (sandbox mode)', () => {
  it('on the simulator clock: processing after half the delay, succeeded after the delay, with the push', async () => {
    await startSim({ autoComplete: { delayMs: 10_000 } });
    const id = await createOrder(sim, 'auto', { hookURL: hook.url });
    expect(sim.orderStatus(id)).toBe('pending');
    await sim.advanceClock(4_999);
    expect(sim.orderStatus(id)).toBe('pending');
    await sim.advanceClock(1);
    expect((await call(sim, `/orders/${id}`)).json.data.status).toBe('processing');
    expect(sim.deliveries).toEqual([]);
    await sim.advanceClock(5_000);
    expect((await call(sim, `/orders/${id}`)).json.data.status).toBe('successed');
    await sim.settleDeliveries();
    expect(JSON.parse(hook.received[0]?.body ?? '{}')).toMatchObject({ orderID: id, status: 'successed', balance: 4900 });
  });

  it('a failed outcome refunds, with the configured reason', async () => {
    await startSim({ autoComplete: { delayMs: 1_000, outcome: 'failed', reason: 'Server maintenance' } });
    const id = await createOrder(sim, 'auto');
    await sim.advanceClock(1_000);
    expect((await call(sim, `/orders/${id}`)).json.data).toMatchObject({ status: 'failed', reason: 'Server maintenance' });
    expect(sim.ledger.map((e) => e.kind)).toEqual(['charge', 'refund']);
    expect(sim.balanceOf()).toBe('5000.00');
  });

  it('an explicit advanceOrder overrides the plan, which then does not run again', async () => {
    await startSim({ autoComplete: { delayMs: 60_000 } });
    const id = await createOrder(sim, 'auto');
    await sim.advanceClock(0);
    expect(sim.orderStatus(id)).toBe('pending');
    await sim.advanceOrder(id, 'failed');
    await sim.advanceClock(60_000);
    expect(sim.orderStatus(id)).toBe('failed');
    expect(sim.ledger.map((e) => e.kind)).toEqual(['charge', 'refund']);
  });

  it('in real time with the default clock, orders finish by themselves', async () => {
    sim = createP2wSimulator({ autoComplete: { delayMs: 40 } });
    await sim.start();
    const id = await createOrder(sim, 'realtime', { hookURL: hook.url });
    await vi.waitFor(() => expect(sim.orderStatus(id)).toBe('succeeded'), { timeout: 5_000, interval: 10 });
    await sim.settleDeliveries();
    expect(hook.received).toHaveLength(1);
  });

  it('in real time, finishes an order whose timers fire before the simulator clock reaches each step', async () => {
    // A clock that stands still for its first 150 ms of real time, then runs: the first timers fire before it
    // reaches each step and find it not moved at all, as a timer can find Date.now() a millisecond short.
    const start = Date.now();
    sim = createP2wSimulator({ autoComplete: { delayMs: 40 }, now: () => start + Math.max(0, Date.now() - start - 150) });
    await sim.start();
    const id = await createOrder(sim, 'slow-clock', { hookURL: hook.url });
    await vi.waitFor(() => expect(sim.orderStatus(id)).toBe('succeeded'), { timeout: 5_000, interval: 10 });
    await sim.settleDeliveries();
    expect(hook.received).toHaveLength(1);
  });

  it('is off by default: orders stay pending however far the clock moves', async () => {
    await startSim();
    const id = await createOrder(sim, 'manual');
    await sim.advanceClock(365 * 86_400_000);
    expect(sim.orderStatus(id)).toBe('pending');
  });
});
