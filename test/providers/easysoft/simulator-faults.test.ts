import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEasysoftSimulator } from '../../../src/providers/easysoft/simulator.ts';
import type { EasysoftEndpoint, EasysoftSimulator } from '../../../src/providers/easysoft/simulator.ts';
import { parseTopupXml, TopupXmlError } from '../../../src/providers/easysoft/wire.ts';
import { post, refill } from './sim-client.ts';

const T0 = Date.parse('2026-02-25T10:00:00Z');

let sim: EasysoftSimulator;
let orderid: string;

beforeEach(async () => {
  sim = createEasysoftSimulator({ now: () => T0 });
  await sim.start();
  orderid = await refill(sim);
});

afterEach(async () => {
  await sim.stop();
});

const REFILL = { mobile: 'refill', network: '3', number: '0899999999', cash: '100' };
const calls = (): Record<EasysoftEndpoint, Record<string, string>> => ({
  refill: REFILL,
  update: { mobile: 'update', orderid },
  return: { mobile: 'return', orderid },
  balance: { amount: '1' },
  online: { online: '1' },
});
const ENDPOINTS = Object.keys(calls()) as EasysoftEndpoint[];

describe('injected faults', () => {
  it('error: the failure shape at the given HTTP status (Retry-After when asked), no work done', async () => {
    for (const endpoint of ENDPOINTS) {
      sim.injectFault({ endpoint, kind: 'error', status: 503, code: 'MAINTENANCE', message: 'ปิดปรับปรุง <ชั่วคราว> & รอ', retryAfterSeconds: 30 });
      const answer = await post(sim, calls()[endpoint]);
      expect(answer.status, endpoint).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('30');
      expect(answer.raw).toBe('<TOPUP>\n     <STATUS>0</STATUS>\n     <DETAIL>ปิดปรับปรุง &lt;ชั่วคราว&gt; &amp; รอ</DETAIL>\n</TOPUP>');
      expect(answer.topup).toEqual({ STATUS: '0', DETAIL: 'ปิดปรับปรุง <ชั่วคราว> & รอ' });
    }
    sim.injectFault({ endpoint: 'balance', kind: 'error', status: 500, code: 'SYSTEM_ERROR' });
    expect((await post(sim, { amount: '1' })).topup).toEqual({ STATUS: '0', DETAIL: 'SYSTEM_ERROR' });
    expect(sim.orderCount()).toBe(1);
    expect(sim.ledger).toHaveLength(1);
    expect(sim.orderStatus(orderid)?.cancelRequested).toBe(false);
  });

  it('dropBeforeCommit: the socket is destroyed and nothing happened', async () => {
    for (const endpoint of ENDPOINTS) {
      sim.injectFault({ endpoint, kind: 'dropBeforeCommit' });
      await expect(post(sim, calls()[endpoint]), endpoint).rejects.toThrow();
    }
    expect(sim.orderCount()).toBe(1);
    expect(sim.ledger).toHaveLength(1);
    expect(sim.orderStatus(orderid)?.cancelRequested).toBe(false);
  });

  it('dropAfterCommit: the refill is placed and charged, the return taken, then the socket is destroyed', async () => {
    sim.injectFault({ endpoint: 'refill', kind: 'dropAfterCommit' });
    await expect(post(sim, REFILL)).rejects.toThrow();
    expect(sim.orderCount()).toBe(2);
    expect(sim.ledger.map((e) => [e.kind, e.amount])).toEqual([['charge', '9.65'], ['charge', '97.00']]);
    sim.injectFault({ endpoint: 'return', kind: 'dropAfterCommit' });
    await expect(post(sim, { mobile: 'return', orderid })).rejects.toThrow();
    expect(sim.orderStatus(orderid)?.cancelRequested).toBe(true);
    for (const endpoint of ['update', 'balance', 'online'] as const) {
      sim.injectFault({ endpoint, kind: 'dropAfterCommit' });
      await expect(post(sim, calls()[endpoint])).rejects.toThrow();
    }
  });

  it('a refill retried with the same caller orderid after a drop is not charged twice', async () => {
    sim.injectFault({ endpoint: 'refill', kind: 'dropAfterCommit' });
    await expect(post(sim, { ...REFILL, orderid: 'gw-1' })).rejects.toThrow();
    const retry = await post(sim, { ...REFILL, orderid: 'gw-1' });
    expect(retry.topup).toEqual({ STATUS: '1', ORDERID: '100002', DISCOUNT: '3.00' });
    expect(sim.ledger).toHaveLength(2);
  });

  it('malformedAfterCommit: the work is done, the body is cut and unreadable', async () => {
    for (const endpoint of ENDPOINTS) {
      sim.injectFault({ endpoint, kind: 'malformedAfterCommit' });
      const answer = await post(sim, calls()[endpoint]);
      expect(answer.status, endpoint).toBe(200);
      expect(answer.raw.startsWith('<TOPUP>')).toBe(true);
      expect(() => parseTopupXml(answer.raw), endpoint).toThrow(TopupXmlError);
    }
    expect(sim.orderCount()).toBe(2);
    expect(sim.ledger).toHaveLength(2);
    expect(sim.orderStatus(orderid)?.cancelRequested).toBe(true);
  });

  it('delay: the work is done and answered late, in full', async () => {
    sim.injectFault({ endpoint: 'refill', kind: 'delay', ms: 150 });
    const started = performance.now();
    const answer = await post(sim, REFILL);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(answer.topup).toEqual({ STATUS: '1', ORDERID: '100002', DISCOUNT: '3.00' });
    for (const endpoint of ['update', 'return', 'balance', 'online'] as const) {
      sim.injectFault({ endpoint, kind: 'delay', ms: 20 });
      expect((await post(sim, calls()[endpoint])).topup?.STATUS, endpoint).toBe('1');
    }
  });

  it('faults apply in injection order to their own function only, and clearFaults drops them', async () => {
    sim.injectFault({ endpoint: 'balance', kind: 'error', status: 500, code: 'first' });
    sim.injectFault({ endpoint: 'balance', kind: 'error', status: 502, code: 'second' });
    expect((await post(sim, { online: '1' })).status).toBe(200);
    expect((await post(sim, { amount: '1' })).status).toBe(500);
    expect((await post(sim, { amount: '1' })).status).toBe(502);
    sim.injectFault({ endpoint: 'balance', kind: 'error', status: 500, code: 'never' });
    sim.clearFaults();
    expect((await post(sim, { amount: '1' })).status).toBe(200);
  });

  it('a request with a wrong login does not consume a fault', async () => {
    sim.injectFault({ endpoint: 'balance', kind: 'error', status: 503, code: 'x' });
    expect((await post(sim, { amount: '1', password: 'bad' })).status).toBe(200);
    expect((await post(sim, { amount: '1' })).status).toBe(503);
  });

  it('invalid faults are refused', () => {
    expect(() => sim.injectFault({ endpoint: 'topup' as EasysoftEndpoint, kind: 'dropBeforeCommit' })).toThrow(RangeError);
    expect(() => sim.injectFault({ endpoint: 'refill', kind: 'error', status: 99, code: 'x' })).toThrow(RangeError);
    expect(() => sim.injectFault({ endpoint: 'refill', kind: 'delay', ms: -1 })).toThrow(RangeError);
  });
});

describe('request log', () => {
  it('records function, method, path, status (0 when dropped) and simulator time', async () => {
    await sim.advanceClock(5000);
    sim.injectFault({ endpoint: 'update', kind: 'dropBeforeCommit' });
    await post(sim, { amount: '1' });
    await expect(post(sim, { mobile: 'update', orderid })).rejects.toThrow();
    await post(sim, { online: '1', password: 'bad' });
    await post(sim, { mobile: 'nope' });
    await post(sim, { amount: '1' }, { url: sim.baseUrl.replace('v2.php', 'x.php') });
    const path = new URL(sim.baseUrl).pathname;
    expect(sim.requests).toEqual([
      { endpoint: 'refill', method: 'POST', path, status: 200, at: T0 },
      { endpoint: 'balance', method: 'POST', path, status: 200, at: T0 + 5000 },
      { endpoint: 'update', method: 'POST', path, status: 0, at: T0 + 5000 },
      { endpoint: 'online', method: 'POST', path, status: 200, at: T0 + 5000 },
      { endpoint: 'unknown', method: 'POST', path, status: 200, at: T0 + 5000 },
      { endpoint: 'unknown', method: 'POST', path: '/topup/api/x.php', status: 404, at: T0 + 5000 },
    ]);
  });
});
