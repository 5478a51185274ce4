import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmscodeSimulator, type SmscodeSimulator } from '../../src/providers/smscode/simulator.ts';
import { gqlData, wsSubscribe } from '../support/clients.ts';
import { freshDatabase } from '../support/database.ts';
import { SMSCODE_TOKEN, startGateway, type TestGateway } from '../support/gateway.ts';
import { BuyNumber, OrderById, OtpReceived } from './documents.ts';

const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.DATABASE_URL;

// Two instances need a database both can open (PostgreSQL) and the Redis event bus; CI sets both.
describe.skipIf(!redisUrl || !databaseUrl)('two gateway instances sharing PostgreSQL and Redis', () => {
  let sim: SmscodeSimulator;
  let a: TestGateway;
  let b: TestGateway;
  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    sim = createSmscodeSimulator({ apiTokens: [SMSCODE_TOKEN], allowInsecureWebhookUrls: true, autoOtp: null });
    await sim.start(0);
    const db = await freshDatabase();
    dropDatabase = db.drop;
    // Only A polls the provider; B can learn about the code only through the Redis event bus.
    a = await startGateway({ sharedSim: sim, sharedDatabase: db.target, env: { REDIS_URL: redisUrl! } });
    b = await startGateway({ sharedSim: sim, sharedDatabase: db.target, env: { REDIS_URL: redisUrl!, WATCHER_MIN_INTERVAL_MS: '600000', WATCHER_MAX_INTERVAL_MS: '600000' } });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await sim?.stop();
    await dropDatabase?.();
  });

  it('streams a code seen by instance A to a subscriber on instance B, and both read the same order book', async () => {
    const { buyNumber } = await gqlData(a.graphqlUrl, BuyNumber, { input: { service: 'whatsapp', country: 'ID', idempotencyKey: `multi-${Date.now()}` } });
    if (buyNumber.__typename !== 'BuyNumberPayload') throw new Error(JSON.stringify(buyNumber));
    const onB = await wsSubscribe(b.graphqlUrl, OtpReceived, { orderId: buyNumber.order.id });
    await sim.deliverOtp(Number(buyNumber.order.providerRef), '556677');
    const event = await onB.next();
    expect(event.data?.otpReceived).toMatchObject({ code: '556677', order: { id: buyNumber.order.id, status: 'OTP_RECEIVED' } });
    const fromB = await gqlData(b.graphqlUrl, OrderById, { id: buyNumber.order.id });
    expect(fromB.order && 'messages' in fromB.order ? fromB.order.messages.map((m) => m.code) : null).toEqual(['556677']);
    await onB.close();
  });

  it('keeps one upstream order when the same idempotency key hits both instances at once', async () => {
    const key = `multi-race-${Date.now()}`;
    const before = sim.orderCount();
    sim.injectFault({ endpoint: 'create', kind: 'delay', ms: 300 });
    const input = { input: { service: 'whatsapp', country: 'ID', idempotencyKey: key } };
    const [fromA, fromB] = await Promise.all([gqlData(a.graphqlUrl, BuyNumber, input), gqlData(b.graphqlUrl, BuyNumber, input)]);
    const kinds = [fromA.buyNumber.__typename, fromB.buyNumber.__typename].sort();
    expect(kinds).toEqual(['BuyNumberPayload', 'RequestInProgress']);
    expect(sim.orderCount() - before).toBe(1);
  });
});
