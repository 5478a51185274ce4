import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { cleanupGateways, graphql, makeTempDir, spawnRaw, startGateway, stopGateway } from './support/spawn-gateway.ts';

// The gateway as operators run it: `node src/main.ts` in its own process, sandbox mode, PORT=0.

const wsClients = new Set<Client>();
const pendingRequests = new Set<ClientRequest>();

afterEach(async () => {
  for (const client of wsClients) await client.dispose();
  wsClients.clear();
  for (const req of pendingRequests) req.destroy();
  pendingRequests.clear();
  await cleanupGateways();
});
afterAll(cleanupGateways);

/** Resolves with the error code of a fresh TCP connection attempt, or 'connected'. */
function tryConnect(origin: string): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

function readJson(response: IncomingMessage): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (text += chunk));
    response.on('error', reject);
    response.on('end', () => {
      try {
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
      } catch (error) {
        reject(new Error(`not JSON (${response.statusCode}): ${text}`, { cause: error }));
      }
    });
  });
}

describe('gateway process', () => {
  it('exits non-zero at once with one line naming the bad variable, the expected form and the value', async () => {
    const proc = await spawnRaw({ env: { PORT: 'abc' } });
    const exit = await proc.exited;
    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull();
    expect(proc.stderr()).toBe('switchboard: Invalid PORT: expected a whole number, received "abc"\n');
    expect(proc.stdout()).not.toMatch(/ready/);
  }, 20_000);

  it('answers fxRates and convert over HTTP, and reports healthy and ready', async () => {
    const gw = await startGateway();
    expect(gw.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const { status, body } = await graphql<{
      fxRates: Array<{ pair: string; rate: string; source: string; asOf: string }>;
      convert: { amount: string; currency: string };
    }>(gw, '{ fxRates { pair rate source asOf } convert(amount: "15", from: THB, to: USD) { amount currency } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const rates = body.data!.fxRates;
    expect(rates.length).toBeGreaterThan(0);
    for (const rate of rates) {
      expect(rate.pair).toMatch(/^[A-Z]{3}\/[A-Z]{3}$/);
      expect(rate.rate).toMatch(/^\d+(\.\d+)?$/);
      expect(typeof rate.source).toBe('string');
      expect(Number.isNaN(Date.parse(rate.asOf))).toBe(false);
    }
    expect(rates.map((r) => r.pair)).toContain('USD/THB');
    expect(body.data!.convert.currency).toBe('USD');
    expect(body.data!.convert.amount).toMatch(/^\d+\.\d{2}$/);

    const health = await fetch(`${gw.origin}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${gw.origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  }, 60_000);

  it('on SIGTERM finishes the request in flight, closes WebSockets with 1001 and exits 0', async () => {
    const gw = await startGateway();
    const wsUrl = gw.graphqlUrl.replace(/^http/, 'ws');

    // A live graphql-ws subscription.
    const socketClosed = Promise.withResolvers<number>();
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      on: { closed: (event) => socketClosed.resolve((event as { code: number }).code) },
    });
    wsClients.add(client);
    const subscriptionEnded = Promise.withResolvers<unknown>();
    client.subscribe(
      { query: 'subscription { fxRatesChanged { pair } }' },
      { next: () => {}, error: (error) => subscriptionEnded.resolve(error), complete: () => subscriptionEnded.resolve('complete') },
    );
    // A query on the same socket proves the connection is acknowledged and serving.
    const first = await client.iterate<{ fxRates: Array<{ pair: string }> }>({ query: '{ fxRates { pair } }' }).next();
    expect(first.value?.data?.fxRates.length).toBeGreaterThan(0);

    // A POST whose body arrives in two parts: the signal lands between them.
    const body = JSON.stringify({ query: '{ fxRates { pair } convert(amount: "15", from: THB, to: USD) { amount currency } }' });
    const half = Math.floor(body.length / 2);
    const { hostname, port } = new URL(gw.origin);
    const req = httpRequest({
      host: hostname,
      port: Number(port),
      path: '/graphql',
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'content-length': Buffer.byteLength(body),
        // The server answers "100 Continue" once it has parsed the headers and handed the request to the app:
        // from then on the request is in flight from the server's point of view.
        expect: '100-continue',
      },
    });
    const responded = new Promise<IncomingMessage>((resolve, reject) => {
      req.once('response', resolve);
      req.once('error', reject);
    });
    responded.catch(() => {}); // awaited below; a failure earlier in the test must not surface as an unhandled rejection
    pendingRequests.add(req);
    const continued = new Promise<void>((resolve) => req.once('continue', () => resolve()));
    req.flushHeaders();
    await continued;
    req.write(body.slice(0, half));

    gw.child.kill('SIGTERM');

    // Shutdown has begun: the WebSocket is closed as "going away" and new connections are refused...
    expect(await socketClosed.promise).toBe(1001);
    expect(await subscriptionEnded.promise).toMatchObject({ code: 1001 });
    expect(await tryConnect(gw.origin)).toBe('ECONNREFUSED');
    // ...yet the process is still waiting for the request it accepted.
    expect(gw.child.exitCode).toBeNull();
    await new Promise((r) => setTimeout(r, 200));
    expect(gw.child.exitCode).toBeNull();

    req.end(body.slice(half));
    const response = await readJson(await responded);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      data: { fxRates: expect.arrayContaining([{ pair: 'USD/THB' }]), convert: { currency: 'USD', amount: expect.stringMatching(/^\d+\.\d{2}$/) } },
    });
    expect((response.body as { errors?: unknown }).errors).toBeUndefined();

    // Already signalled: only wait (afterEach SIGKILLs it should it hang past the test timeout).
    expect(await gw.exited).toEqual({ code: 0, signal: null });
    // No error-level log line (pino writes JSON lines to stdout) and nothing on stderr.
    expect(gw.stdout()).not.toMatch(/shutdown failed|"level":(50|60)/);
    expect(gw.stderr()).toBe('');
  }, 60_000);

  it('keeps orders in the PGlite data folder across a restart', async () => {
    // Always PGlite here, even when the suite runs against PostgreSQL: the folder is what must persist.
    const dataDir = await makeTempDir();
    const first = await startGateway({ dataDir, passDatabaseUrl: false });
    const bought = await graphql<{ buyNumber: { __typename: string; order?: { id: string; status: string }; code?: string; message?: string } }>(
      first,
      'mutation { buyNumber(input: { service: "whatsapp", country: "ID", idempotencyKey: "e2e-restart-1" }) { __typename ... on BuyNumberPayload { order { id status } } ... on Error { code message } } }',
    );
    expect(bought.body.errors).toBeUndefined();
    expect(bought.body.data!.buyNumber).toMatchObject({ __typename: 'BuyNumberPayload' });
    const order = bought.body.data!.buyNumber.order!;
    expect(order.id).toBeTruthy();

    expect(await stopGateway(first, 'SIGTERM')).toEqual({ code: 0, signal: null });

    const second = await startGateway({ dataDir, passDatabaseUrl: false });
    const found = await graphql<{
      order: { id: string; status: string; idempotencyKey: string; statusHistory: { to: string; reason: string }[] } | null;
      orders: { edges: Array<{ node: { id: string; status: string } }> };
    }>(
      second,
      'query ($id: ID!) { order(id: $id) { id status idempotencyKey statusHistory { to reason } } orders(first: 10) { edges { node { id status } } } }',
      { id: order.id },
    );
    expect(found.body.errors).toBeUndefined();
    // The data is intact; the sandbox simulator restarted empty, so the still-open order was ended explicitly.
    expect(found.body.data!.order).toMatchObject({ id: order.id, idempotencyKey: 'e2e-restart-1' });
    expect(found.body.data!.order!.statusHistory.map((c) => c.to)).toEqual(['PENDING', 'ACTIVE', 'EXPIRED']);
    expect(found.body.data!.order!.statusHistory.at(-1)!.reason).toMatch(/sandbox restarted/);
    expect(found.body.data!.orders.edges.map((e) => e.node)).toEqual([{ id: order.id, status: 'EXPIRED' }]);

    expect(await stopGateway(second, 'SIGTERM')).toEqual({ code: 0, signal: null });
  }, 60_000);
});
