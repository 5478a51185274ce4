import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSmscodeSimulator, type SmscodeSimulator } from '../../src/providers/smscode/simulator.ts';
import type { EventBusStatus } from '../../src/services/event-bus.ts';
import { cleanupGateways, spawnRaw, startGateway as spawnGateway, stopGateway, type RunningGateway } from '../e2e/support/spawn-gateway.ts';
import { freshDatabase } from '../support/database.ts';
import { SMSCODE_TOKEN, startGateway, type TestGateway } from '../support/gateway.ts';
import { openInitialisedSocket, query, sleep, startProxy, type CuttableProxy, type RawSocket } from './support.ts';

const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.DATABASE_URL;

const BUY = (key: string) => `mutation { buyNumber(input: { service: "whatsapp", country: "ID", idempotencyKey: "${key}" }) { __typename ... on BuyNumberPayload { order { id providerRef } } ... on Error { code message } } }`;
const OTP_SUB = 'subscription ($id: ID) { otpReceived(orderId: $id) { code order { id } } }';

async function buy(graphqlUrl: string, key: string): Promise<{ id: string; providerRef: string }> {
  const answer = (await query(graphqlUrl, BUY(key))).json<{ data: { buyNumber: { __typename: string; order?: { id: string; providerRef: string } } } }>();
  if (answer.data.buyNumber.__typename !== 'BuyNumberPayload') throw new Error(`buy failed: ${JSON.stringify(answer)}`);
  return answer.data.buyNumber.order!;
}

function subscribeOtp(socket: RawSocket, id: string, orderId?: string): void {
  socket.send({ id, type: 'subscribe', payload: { query: OTP_SUB, variables: orderId ? { id: orderId } : {} } });
}

const codeOn = (socket: RawSocket, id: string, code: string, timeoutMs = 10_000) =>
  socket.waitFor((m) => m.id === id && m.type === 'next' && (m.payload as { data?: { otpReceived?: { code: string } } }).data?.otpReceived?.code === code, timeoutMs);

async function readyz(origin: string): Promise<{ status: number; body: Record<string, string> }> {
  const response = await fetch(`${origin}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

function redisTarget(): { host: string; port: number } {
  const url = new URL(redisUrl!);
  return { host: url.hostname, port: Number(url.port || 6379) };
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('Redis as a dependency that can fail', () => {
  afterEach(async () => {
    await cleanupGateways();
  });

  it('refuses to start without Redis with one line naming REDIS_URL and the reason', async () => {
    const port = await closedPort();
    const raw = await spawnRaw({ env: { REDIS_URL: `redis://127.0.0.1:${port}` }, passDatabaseUrl: false });
    const exit = await raw.exited;
    expect(exit.code).toBe(1);
    const lines = raw.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/REDIS_URL: cannot connect to redis:\/\/127\.0\.0\.1:\d+ \(.*ECONNREFUSED.*\)/);
  }, 60_000);

  describe.skipIf(!redisUrl)('one spawned gateway behind a Redis link the test cuts', () => {
    let proxy: CuttableProxy;
    let gw: RunningGateway;

    beforeAll(async () => {
      const { host, port } = redisTarget();
      proxy = await startProxy(host, port);
    });
    afterAll(async () => {
      await proxy?.close();
    });

    it('keeps buying, keeps delivering to its own subscribers, stays up, reports Redis in /readyz, and recovers', async () => {
      gw = await spawnGateway({ env: { REDIS_URL: `redis://127.0.0.1:${proxy.port}`, LOG_LEVEL: 'warn' }, passDatabaseUrl: false });
      expect(await readyz(gw.origin)).toEqual({ status: 200, body: { status: 'ready', database: 'reachable', redis: 'reachable' } });
      const first = await buy(gw.graphqlUrl, `redis-cut-1-${Date.now()}`);
      const socket = await openInitialisedSocket(gw.graphqlUrl);
      subscribeOtp(socket, 'otp', first.id);
      await sleep(100);

      await proxy.cut();
      await until(async () => (await readyz(gw.origin)).body.redis === 'unreachable', 5000, 'readyz to report Redis unreachable');
      // Degraded, not unready: the instance still serves everything but cross-instance fan-out.
      expect(await readyz(gw.origin)).toEqual({ status: 200, body: { status: 'degraded', database: 'reachable', redis: 'unreachable' } });

      const second = await buy(gw.graphqlUrl, `redis-cut-2-${Date.now()}`);
      expect(second.id).toBeTruthy();
      const delivered = await query(gw.graphqlUrl, `mutation { sandboxDeliverOtp(orderId: "${first.id}", code: "424242") { __typename } }`);
      expect(delivered.status).toBe(200);
      await codeOn(socket, 'otp', '424242');

      // The original defect killed the process ~7 s after a publish while Redis was cut.
      await sleep(9000);
      expect(gw.child.exitCode).toBeNull();
      expect((await query(gw.graphqlUrl, '{ fxRates { pair } }')).status).toBe(200);

      await proxy.restore();
      await until(async () => (await readyz(gw.origin)).body.redis === 'reachable', 15_000, 'readyz to report Redis reachable again');
      expect(gw.stderr()).not.toMatch(/Unhandled|MaxRetriesPerRequest/);
      socket.ws.close();
      expect((await stopGateway(gw)).code).toBe(0);
    }, 60_000);
  });

  describe.skipIf(!redisUrl || !databaseUrl)('two instances (PostgreSQL + Redis) when the shared Redis drops and returns', () => {
    let proxy: CuttableProxy;
    let sim: SmscodeSimulator;
    let a: TestGateway;
    let b: TestGateway;
    let dropDatabase: () => Promise<void>;

    beforeAll(async () => {
      const { host, port } = redisTarget();
      proxy = await startProxy(host, port);
      sim = createSmscodeSimulator({ apiTokens: [SMSCODE_TOKEN], allowInsecureWebhookUrls: true, autoOtp: null });
      await sim.start(0);
      const db = await freshDatabase();
      dropDatabase = db.drop;
      const env = { REDIS_URL: `redis://127.0.0.1:${proxy.port}` };
      // Only A polls the provider; B learns about codes only through Redis.
      a = await startGateway({ sharedSim: sim, sharedDatabase: db.target, env });
      b = await startGateway({ sharedSim: sim, sharedDatabase: db.target, env: { ...env, WATCHER_MIN_INTERVAL_MS: '600000', WATCHER_MAX_INTERVAL_MS: '600000' } });
    });
    afterAll(async () => {
      await b?.stop();
      await a?.stop();
      await sim?.stop();
      await dropDatabase?.();
      await proxy?.close();
    });

    const status = (gw: TestGateway) => (gw.app.services.events as unknown as { status(): EventBusStatus }).status();

    it('delivers locally while Redis is cut, and across instances again (same subscription) once it returns', async () => {
      const onA = await openInitialisedSocket(a.graphqlUrl);
      const onB = await openInitialisedSocket(b.graphqlUrl);
      subscribeOtp(onA, 'all');
      subscribeOtp(onB, 'all');
      await sleep(100);

      const before = await buy(a.graphqlUrl, `two-1-${Date.now()}`);
      await sim.deliverOtp(Number(before.providerRef), '111111');
      await codeOn(onB, 'all', '111111');

      await proxy.cut();
      await until(() => !status(a).reachable && !status(b).reachable, 5000, 'both instances to see Redis down');
      const during = await buy(a.graphqlUrl, `two-2-${Date.now()}`);
      await sim.deliverOtp(Number(during.providerRef), '222222');
      await codeOn(onA, 'all', '222222'); // A's own subscriber, Redis or not

      await proxy.restore();
      await until(() => status(a).reachable && status(b).reachable, 15_000, 'both instances to reconnect');
      await sleep(1000); // re-subscription after the reconnect
      const after = await buy(a.graphqlUrl, `two-3-${Date.now()}`);
      await sim.deliverOtp(Number(after.providerRef), '333333');
      await codeOn(onB, 'all', '333333', 20_000);
      onA.ws.close();
      onB.ws.close();
    }, 60_000);
  });
});
