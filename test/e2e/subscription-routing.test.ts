import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmscodeSimulator, type SmscodeSimulator } from '../../src/providers/smscode/simulator.ts';
import { gqlData, TEST_ADMIN_TOKEN, wsSubscribe, type EventStream, type GraphQLResponse } from '../support/clients.ts';
import { freshDatabase } from '../support/database.ts';
import { SMSCODE_TOKEN, startGateway, type TestGateway } from '../support/gateway.ts';
import { BuyNumber, OrderUpdated, OtpReceived } from './documents.ts';

const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.DATABASE_URL;

type OtpEvent = GraphQLResponse<{ otpReceived: { code?: string | null; order: { id: string } } }>;

async function buy(gw: TestGateway, key: string, token?: string): Promise<{ id: string; ref: number }> {
  const { buyNumber } = await gqlData(gw.graphqlUrl, BuyNumber, { input: { service: 'whatsapp', country: 'ID', idempotencyKey: `${key}-${Date.now()}` } }, token);
  if (buyNumber.__typename !== 'BuyNumberPayload') throw new Error(JSON.stringify(buyNumber));
  return { id: buyNumber.order.id, ref: Number(buyNumber.order.providerRef) };
}

const code = async (stream: EventStream<OtpEvent>) => (await stream.next(10_000)).data?.otpReceived.code;
const silent = async (stream: EventStream<OtpEvent>, ms = 400) => stream.next(ms).then((e) => `got ${e.data?.otpReceived.code}`, () => 'nothing');

/**
 * Buys two orders for the default client and one for admin, opens the four kinds of subscriber on
 * `watch`, delivers admin's code first, then default's second order, then the watched order, and
 * checks who heard what: order routing (A's subscriber never gets B's code), owner routing (all of
 * one's own, none of another client's) and another client's order id (nothing).
 */
async function checkRouting(buyOn: TestGateway, watch: TestGateway, sim: SmscodeSimulator, tag: string): Promise<void> {
  const mine = await buy(buyOn, `${tag}-1`);
  const mineToo = await buy(buyOn, `${tag}-2`);
  const theirs = await buy(buyOn, `${tag}-3`, TEST_ADMIN_TOKEN);
  const oneOrder = await wsSubscribe(watch.graphqlUrl, OtpReceived, { orderId: mine.id });
  const allMine = await wsSubscribe(watch.graphqlUrl, OtpReceived, {});
  const allTheirs = await wsSubscribe(watch.graphqlUrl, OtpReceived, {}, TEST_ADMIN_TOKEN);
  const theirsOnMine = await wsSubscribe(watch.graphqlUrl, OtpReceived, { orderId: mine.id }, TEST_ADMIN_TOKEN);
  try {
    await sim.deliverOtp(theirs.ref, '300001');
    expect(await code(allTheirs)).toBe('300001');
    await sim.deliverOtp(mineToo.ref, '200001');
    expect(await code(allMine)).toBe('200001');
    await sim.deliverOtp(mine.ref, '100001');
    expect(await code(oneOrder)).toBe('100001');
    expect(await code(allMine)).toBe('100001');
    expect(await silent(allTheirs)).toBe('nothing');
    expect(await silent(theirsOnMine)).toBe('nothing');
  } finally {
    for (const s of [oneOrder, allMine, allTheirs, theirsOnMine]) await s.close();
  }
}

describe('subscriptions hear only their own topic', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => {
    await gw?.stop();
  });

  it('routes codes by order and by owner on one instance', async () => {
    await checkRouting(gw, gw, gw.sim, 'route-one');
  }, 60_000);
});

// Two instances need a database both can open (PostgreSQL) and the Redis event bus.
describe.skipIf(!redisUrl || !databaseUrl)('subscriptions hear only their own topic across two instances', () => {
  let sim: SmscodeSimulator;
  let a: TestGateway;
  let b: TestGateway;
  let probe: Redis;
  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    sim = createSmscodeSimulator({ apiTokens: [SMSCODE_TOKEN], allowInsecureWebhookUrls: true, autoOtp: null });
    await sim.start(0);
    const db = await freshDatabase();
    dropDatabase = db.drop;
    // Only A polls the provider; B hears of a code only through Redis.
    a = await startGateway({ sharedSim: sim, sharedDatabase: db.target, env: { REDIS_URL: redisUrl! } });
    b = await startGateway({ sharedSim: sim, sharedDatabase: db.target, env: { REDIS_URL: redisUrl!, WATCHER_MIN_INTERVAL_MS: '600000', WATCHER_MAX_INTERVAL_MS: '600000' } });
    probe = new Redis(redisUrl!);
  });
  afterAll(async () => {
    probe?.disconnect();
    await b?.stop();
    await a?.stop();
    await sim?.stop();
    await dropDatabase?.();
  });

  it('routes codes seen by A to the right subscribers on B', async () => {
    await checkRouting(a, b, sim, 'route-two');
  }, 60_000);

  it('B holds an order channel only while someone watches that order (orderUpdated with its backlog too)', async () => {
    const order = await buy(a, 'route-channel');
    // The bus keys orders by their database id, the part after the type in the global id.
    const rowId = Buffer.from(order.id, 'base64').toString().split(':')[1];
    const channel = `switchboard:v2:order.changed.order:${rowId}`;
    const numsub = async () => Number(((await probe.pubsub('NUMSUB', channel)) as [string, number])[1]);
    const waitFor = async (want: number) => {
      const deadline = Date.now() + 5000;
      while ((await numsub()) !== want) {
        if (Date.now() > deadline) throw new Error(`${channel}: ${await numsub()} subscribers, expected ${want}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const updates = await wsSubscribe(b.graphqlUrl, OrderUpdated, { orderId: order.id });
    expect((await updates.next()).data?.orderUpdated).toMatchObject({ id: order.id, status: 'ACTIVE' });
    await waitFor(1);
    // Left while waiting for the next change: nothing more will come, and the channel still goes.
    await updates.close();
    await waitFor(0);
  }, 60_000);
});
