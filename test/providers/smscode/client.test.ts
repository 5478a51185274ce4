import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AmbiguousOutcomeError, ProviderRejectedError, ServiceUnavailableError } from '../../../src/domain/errors.ts';
import { SmscodeClient, attemptsOf, cancelSecondsRemaining } from '../../../src/providers/smscode/client.ts';
import { createSmscodeSimulator } from '../../../src/providers/smscode/simulator.ts';
import type { SmscodeSimulator } from '../../../src/providers/smscode/simulator.ts';

const TOKEN = 'sandbox-token';
let sim: SmscodeSimulator;

beforeEach(async () => {
  sim = createSmscodeSimulator();
  await sim.start(0);
});

afterEach(async () => {
  await sim.stop();
});

describe('timeouts and lost answers', () => {
  it('a create that times out is ambiguous and is not retried', async () => {
    const client = new SmscodeClient({ apiToken: TOKEN, baseUrl: sim.baseUrl, timeoutMs: 100 });
    sim.injectFault({ endpoint: 'create', kind: 'delay', ms: 400 });
    await expect(client.createOrders({ catalog_product_id: 87, quantity: 1 }, 'timeout-1')).rejects.toBeInstanceOf(AmbiguousOutcomeError);
    expect(client.stats().orderCreate).toBe(1);
  });

  it('a read that times out is tried once more', async () => {
    const client = new SmscodeClient({ apiToken: TOKEN, baseUrl: sim.baseUrl, timeoutMs: 100 });
    sim.injectFault({ endpoint: 'balance', kind: 'delay', ms: 400 });
    expect(await client.balance()).toEqual({ currency: 'IDR', balance: 500_000 });
    expect(client.stats().balance).toBe(2);
  });

  it('a cancel whose answer is dropped is ambiguous', async () => {
    const client = new SmscodeClient({ apiToken: TOKEN, baseUrl: sim.baseUrl });
    const { orders } = await client.createOrders({ catalog_product_id: 87, quantity: 1 }, 'drop-cancel');
    await sim.advanceClock(121_000);
    sim.injectFault({ endpoint: 'cancel', kind: 'dropAfterCommit' });
    await expect(client.cancel(orders[0]?.id ?? 0)).rejects.toBeInstanceOf(AmbiguousOutcomeError);
  });
});

describe('answers that are not the documented envelope, and no answer at all', () => {
  let proxy: Server;
  let baseUrl: string;

  beforeEach(async () => {
    // A gateway in front of smscode answering an HTML 502.
    proxy = createServer((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>'));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/v1`;
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  });

  it('is ambiguous for create and a typed unavailability for a read', async () => {
    const client = new SmscodeClient({ apiToken: TOKEN, baseUrl });
    await expect(client.createOrders({ product_id: 142 }, 'html-1')).rejects.toBeInstanceOf(AmbiguousOutcomeError);
    const error = await client.balance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({ providerCode: 'HTTP_502', httpStatus: 502 });
  });

  it('a create that never reached anyone (connection refused) is a definite failure', async () => {
    // A port that was just free: nothing listens there any more.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = new SmscodeClient({ apiToken: TOKEN, baseUrl: `http://127.0.0.1:${port}/v1` });
    const error = await client.createOrders({ product_id: 142 }, 'refused-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({ providerCode: 'ECONNREFUSED' });
  });
});

describe('error details', () => {
  it('PROVIDER_ERROR attempts come through', async () => {
    const client = new SmscodeClient({ apiToken: TOKEN, baseUrl: sim.baseUrl });
    sim.injectUpstreamFailure(142, 'provider_error');
    const error = await client.createOrders({ product_id: 142 }, 'upstream-fail').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderRejectedError);
    expect(error).toMatchObject({ providerCode: 'PROVIDER_ERROR', attempts: [{ provider: 'SMSCODE', outcome: 'provider_error' }] });
  });

  it('reads attempts and cause_counts', () => {
    expect(attemptsOf({ attempts: ['no_numbers', { provider: 'prov_b', result: 'ok' }] })).toEqual([
      { provider: 'SMSCODE', outcome: 'no_numbers' },
      { provider: 'prov_b', outcome: 'ok' },
    ]);
    expect(attemptsOf({ cause_counts: { no_numbers: 2 } })).toEqual([
      { provider: 'SMSCODE', outcome: 'no_numbers' },
      { provider: 'SMSCODE', outcome: 'no_numbers' },
    ]);
    expect(attemptsOf(undefined)).toEqual([]);
  });

  it('CANCEL_TOO_EARLY seconds: from the message, else from created_at, else 120', () => {
    const now = Date.parse('2026-02-25T10:00:30Z');
    expect(cancelSecondsRemaining('Order can be canceled in 87 seconds', null, now)).toBe(87);
    expect(cancelSecondsRemaining('请等待 45 秒', null, now)).toBe(45);
    expect(cancelSecondsRemaining('too early', new Date('2026-02-25T10:00:00Z'), now)).toBe(90);
    expect(cancelSecondsRemaining('too early', null, now)).toBe(120);
    expect(cancelSecondsRemaining('too early', new Date('2026-02-25T09:00:00Z'), now)).toBe(1);
  });
});
