import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createP2wSimulator } from '../../../src/providers/p2w/simulator.ts';
import type { P2wSimulator } from '../../../src/providers/p2w/simulator.ts';
import { call, createOrder, orderBody } from './sim-client.ts';

const T0 = Date.parse('2026-03-21T21:05:39.790Z');

let sim: P2wSimulator;

beforeEach(async () => {
  sim = createP2wSimulator({ now: () => T0 });
  await sim.start();
});

afterEach(async () => {
  await sim.stop();
});

describe('injected faults on createOrder', () => {
  it('error: the documented error envelope at the given status, no work done, Retry-After when asked', async () => {
    sim.injectFault({ endpoint: 'createOrder', kind: 'error', status: 503, code: 'INTERNAL_SERVER_ERROR', retryAfterSeconds: 7 });
    const answer = await call(sim, '/orders', { body: orderBody('r') });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('7');
    expect(answer.json).toMatchObject({ success: false, statusCode: 503, code: 'INTERNAL_SERVER_ERROR', message: expect.any(String) });
    expect(sim.orderCount()).toBe(0);
    expect(sim.ledger).toEqual([]);
    // Consumed: the retry goes through.
    expect((await call(sim, '/orders', { body: orderBody('r') })).status).toBe(201);
  });

  it('dropBeforeCommit: the socket dies, nothing happened upstream, the retry creates the order', async () => {
    sim.injectFault({ endpoint: 'createOrder', kind: 'dropBeforeCommit' });
    await expect(call(sim, '/orders', { body: orderBody('r') })).rejects.toThrow();
    expect(sim.orderCount()).toBe(0);
    expect(sim.ledger).toEqual([]);
    expect(sim.requests.at(-1)).toMatchObject({ endpoint: 'createOrder', status: 0 });
    expect((await call(sim, '/orders', { body: orderBody('r') })).status).toBe(201);
  });

  it('dropAfterCommit: the order exists and is charged; a retry with the same refID is REF_ID_EXISTS, not a second charge', async () => {
    sim.injectFault({ endpoint: 'createOrder', kind: 'dropAfterCommit' });
    await expect(call(sim, '/orders', { body: orderBody('r') })).rejects.toThrow();
    expect(sim.requests.at(-1)).toMatchObject({ endpoint: 'createOrder', status: 0 });
    const order = sim.orderByRefId('r');
    expect(order).toMatchObject({ status: 'pending', price: '100.00' });
    expect(sim.ledger).toEqual([{ kind: 'charge', orderRef: order?.orderID, amount: '100.00', at: T0 }]);
    const retry = await call(sim, '/orders', { body: orderBody('r') });
    expect(retry.json.code).toBe('REF_ID_EXISTS');
    expect(sim.ledger).toHaveLength(1);
    expect(sim.balanceOf()).toBe('4900.00');
  });

  it('malformedAfterCommit: HTTP 200 with a truncated body, the order created and charged', async () => {
    sim.injectFault({ endpoint: 'createOrder', kind: 'malformedAfterCommit' });
    const answer = await call(sim, '/orders', { body: orderBody('r') });
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.raw)).toThrow();
    expect(answer.raw.startsWith('{"success":true')).toBe(true);
    expect(sim.orderCount()).toBe(1);
    expect(sim.ledger).toHaveLength(1);
  });

  it('delay: the work is done and the normal answer arrives later', async () => {
    sim.injectFault({ endpoint: 'createOrder', kind: 'delay', ms: 30 });
    const answering = call(sim, '/orders', { body: orderBody('r') });
    const answer = await answering;
    expect(answer.status).toBe(201);
    expect(answer.json.data.refID).toBe('r');
    expect(sim.orderCount()).toBe(1);
  });

  it('a fault waits for an authenticated request to its own endpoint, and clearFaults drops it', async () => {
    sim.injectFault({ endpoint: 'createOrder', kind: 'error', status: 500, code: 'INTERNAL_SERVER_ERROR' });
    expect((await call(sim, '/orders', { body: orderBody('r'), auth: { signature: 'bad' } })).status).toBe(403);
    expect((await call(sim, '/orders/P2W1')).status).toBe(404);
    expect((await call(sim, '/orders', { body: orderBody('r') })).status).toBe(500);
    sim.injectFault({ endpoint: 'createOrder', kind: 'error', status: 500, code: 'INTERNAL_SERVER_ERROR' });
    sim.clearFaults();
    expect((await call(sim, '/orders', { body: orderBody('r') })).status).toBe(201);
  });

  it('faults are validated', () => {
    expect(() => sim.injectFault({ endpoint: 'createOrder', kind: 'error', status: 42, code: 'X' })).toThrow(RangeError);
    expect(() => sim.injectFault({ endpoint: 'createOrder', kind: 'delay', ms: -1 })).toThrow(RangeError);
    // @ts-expect-error not an endpoint of the document
    expect(() => sim.injectFault({ endpoint: 'packages', kind: 'dropBeforeCommit' })).toThrow(RangeError);
  });
});

describe('injected faults on getOrder', () => {
  it('error, dropBeforeCommit, dropAfterCommit, malformedAfterCommit and delay, each consumed once', async () => {
    const id = await createOrder(sim, 'r');
    sim.injectFault({ endpoint: 'getOrder', kind: 'error', status: 500, code: 'INTERNAL_SERVER_ERROR' });
    sim.injectFault({ endpoint: 'getOrder', kind: 'dropBeforeCommit' });
    sim.injectFault({ endpoint: 'getOrder', kind: 'dropAfterCommit' });
    sim.injectFault({ endpoint: 'getOrder', kind: 'malformedAfterCommit' });
    sim.injectFault({ endpoint: 'getOrder', kind: 'delay', ms: 20 });
    expect((await call(sim, `/orders/${id}`)).json.code).toBe('INTERNAL_SERVER_ERROR');
    await expect(call(sim, `/orders/${id}`)).rejects.toThrow();
    await expect(call(sim, `/orders/${id}`)).rejects.toThrow();
    const malformed = await call(sim, `/orders/${id}`);
    expect(malformed.status).toBe(200);
    expect(malformed.json).toBeUndefined();
    const delayed = await call(sim, `/orders/${id}`);
    expect(delayed.json.data.status).toBe('pending');
    expect((await call(sim, `/orders/${id}`)).json.code).toBe('OK');
    expect(sim.requests.filter((r) => r.endpoint === 'getOrder').map((r) => r.status)).toEqual([500, 0, 0, 200, 200, 200]);
  });
});
