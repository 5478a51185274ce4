import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { createSmscodeSimulator, type SmscodeSimulator } from '../../src/providers/smscode/simulator.ts';
import { ApiClients } from '../../src/services/api-clients.ts';
import { ClientLimits } from '../../src/services/client-limits.ts';
import { TEST_ADMIN_TOKEN, TEST_CLIENT_TOKEN } from '../support/clients.ts';
import { freshDatabase } from '../support/database.ts';
import { SMSCODE_TOKEN, startGateway, type TestGateway } from '../support/gateway.ts';
import { query } from './support.ts';
import type { Database } from '../../src/db/database.ts';

const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.DATABASE_URL;

const ADMIN = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const BUY_FIELDS = `__typename ... on BuyNumberPayload { order { id } } ... on SpendLimitExceeded { code limit { amount currency } spent { amount currency } requested { amount currency } period resetsAt } ... on Error { code }`;
const BUY = (key: string) => `mutation { buyNumber(input: { service: "whatsapp", country: "ID", idempotencyKey: "${key}" }) { ${BUY_FIELDS} } }`;
const MANY_BUYS = (prefix: string, n: number) => `mutation { ${Array.from({ length: n }, (_, i) => `b${i}: buyNumber(input: { service: "whatsapp", country: "ID", idempotencyKey: "${prefix}-${i}" }) { ${BUY_FIELDS} }`).join(' ')} }`;
// Lifted operation limits, so the 17 aliased purchases reach the limits under test (alias, cost and token limits would refuse them first).
const LIFTED = { GRAPHQL_MAX_ALIASES: '50', GRAPHQL_MAX_COST: '5000', GRAPHQL_MAX_TOKENS: '5000' };

type BuyAnswer = { __typename: string; code?: string; limit?: { amount: string; currency: string }; spent?: { amount: string }; resetsAt?: string; period?: string };
const creates = (sim: SmscodeSimulator) => sim.requests.filter((r) => r.endpoint === 'create').length;

describe('per-client limits (security review probes)', () => {
  describe('spend limit', () => {
    let gw: TestGateway;
    beforeAll(async () => {
      // The simulator's whatsapp/ID offer costs 15000 IDR; with USD/IDR=16250 a 3 USD limit holds 3 of them (45000 IDR ≈ 2.77 USD), not 4.
      gw = await startGateway({ env: { ...LIFTED, SPEND_LIMIT: 'USD:3/day' } });
    });
    afterAll(async () => {
      await gw?.stop();
    });

    it('one mutation with 17 aliased buyNumber is stopped by the spend limit before the 4th provider call, typed, with limit, spent and reset time', async () => {
      const before = creates(gw.sim);
      const answer = await query(gw.graphqlUrl, MANY_BUYS(`spend-17-${Date.now()}`, 17));
      const results = Object.values(answer.json<{ data: Record<string, BuyAnswer> }>().data);
      expect(results).toHaveLength(17);
      expect(results.filter((r) => r.__typename === 'BuyNumberPayload')).toHaveLength(3);
      const refused = results.filter((r) => r.__typename === 'SpendLimitExceeded');
      expect(refused).toHaveLength(14);
      expect(refused[0]).toMatchObject({ code: 'SPEND_LIMIT_EXCEEDED', limit: { amount: '3', currency: 'USD' }, period: 'day' });
      expect(Number(refused[0]!.spent!.amount)).toBeGreaterThan(2.7);
      const midnight = new Date();
      midnight.setUTCHours(24, 0, 0, 0);
      expect(refused[0]!.resetsAt).toBe(midnight.toISOString());
      // The simulator's request log: the three purchases that fit were charged, and the refused 14 never
      // reached it (a definite refusal upstream may add one failover call to the second offer).
      const calls = gw.sim.requests.filter((r) => r.endpoint === 'create').slice(before);
      expect(calls.filter((r) => r.status === 200)).toHaveLength(3);
      expect(calls.length).toBeLessThanOrEqual(4);
      // The tenant sees its own spending; the admin's is its own (zero).
      const mine = (await query(gw.graphqlUrl, '{ mySpending(currency: IDR) { spent { amount currency } limit { amount currency } remaining { amount } period resetsAt } }')).json<{ data: { mySpending: { spent: { amount: string }; limit: { amount: string }; remaining: { amount: string } } } }>();
      expect(mine.data.mySpending.spent).toEqual({ amount: '45000', currency: 'IDR' });
      expect(mine.data.mySpending.limit).toEqual({ amount: '3', currency: 'USD' });
      const admins = (await query(gw.graphqlUrl, '{ mySpending(currency: IDR) { spent { amount } } }', undefined, ADMIN)).json<{ data: { mySpending: { spent: { amount: string } } } }>();
      expect(Number(admins.data.mySpending.spent.amount)).toBe(0);
    });

    it('a per-client override stored with the client wins over SPEND_LIMIT', async () => {
      const created = (
        await query(gw.graphqlUrl, 'mutation { createApiClient(name: "big-spender", scopes: [BUY, ORDERS_READ], spendLimit: "IDR:15000/hour") { ... on CreateApiClientPayload { issued { key } } } }', undefined, ADMIN)
      ).json<{ data: { createApiClient: { issued: { key: string } } } }>();
      const key = { authorization: `Bearer ${created.data.createApiClient.issued.key}` };
      const first = (await query(gw.graphqlUrl, BUY(`override-1-${Date.now()}`), undefined, key)).json<{ data: { buyNumber: BuyAnswer } }>();
      expect(first.data.buyNumber.__typename).toBe('BuyNumberPayload');
      const second = (await query(gw.graphqlUrl, BUY(`override-2-${Date.now()}`), undefined, key)).json<{ data: { buyNumber: BuyAnswer } }>();
      expect(second.data.buyNumber).toMatchObject({ __typename: 'SpendLimitExceeded', period: 'hour', limit: { amount: '15000', currency: 'IDR' } });
    });
  });

  describe('request rate', () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startGateway({ env: { ...LIFTED, RATE_LIMIT: '10/minute' } });
    });
    afterAll(async () => {
      await gw?.stop();
    });

    it('answers RateLimited (429, retryAfterSeconds, Retry-After) past the client rate, per client', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await query(gw.graphqlUrl, '{ fxRates { pair } }')).status);
      expect(statuses.every((s) => s === 200)).toBe(true);
      const limited = await query(gw.graphqlUrl, '{ fxRates { pair } }');
      expect(limited.status).toBe(429);
      const error = limited.json().errors?.[0];
      expect(error?.extensions?.code).toBe('RATE_LIMITED');
      expect(error?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(Number(limited.headers.get('retry-after'))).toBe(error?.extensions?.retryAfterSeconds);
      // Another client has its own budget.
      expect((await query(gw.graphqlUrl, '{ fxRates { pair } }', undefined, ADMIN)).status).toBe(200);
    });

    it('counts each purchase of a mutation: 17 aliased buyNumber are refused whole, before any provider call', async () => {
      const before = creates(gw.sim);
      const answer = await query(gw.graphqlUrl, MANY_BUYS(`rate-17-${Date.now()}`, 17), undefined, ADMIN);
      expect(answer.status).toBe(429);
      expect(answer.json().data ?? null).toBeNull();
      expect(answer.json().errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(creates(gw.sim)).toBe(before);
    });
  });

  describe('when the limiter store (Redis) is down', () => {
    let db: { target: Parameters<typeof import('../../src/db/database.ts').openDatabase>[0]; drop(): Promise<void> };
    let database: Database;
    let limits: ClientLimits;
    beforeAll(async () => {
      const { openDatabase } = await import('../../src/db/database.ts');
      db = await freshDatabase();
      database = await openDatabase(db.target);
      const config = loadConfig({ REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT: '5/minute', LOG_LEVEL: 'silent', CLIENT_TOKENS: `default:${TEST_CLIENT_TOKEN}` });
      const { FxService } = await import('../../src/services/fx.ts');
      const { createEventBus } = await import('../../src/services/event-bus.ts');
      limits = new ClientLimits({ config, db: database, fx: new FxService({ maxAgeMs: 60_000, events: createEventBus() }), clients: new ApiClients(database, config), logger: createLogger('silent') });
    });
    afterAll(async () => {
      await limits?.close();
      await database?.close();
      await db?.drop();
    });

    it('answers "unavailable" at once (no waiting on a queue): the gateway then lets reads through and refuses mutations', async () => {
      const started = Date.now();
      expect(await limits.consume('default', 1)).toEqual({ kind: 'unavailable' });
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });

  describe.skipIf(!redisUrl || !databaseUrl)('two instances sharing PostgreSQL and Redis', () => {
    let sim: SmscodeSimulator;
    let a: TestGateway;
    let b: TestGateway;
    let dropDatabase: () => Promise<void>;

    beforeAll(async () => {
      sim = createSmscodeSimulator({ apiTokens: [SMSCODE_TOKEN], allowInsecureWebhookUrls: true, autoOtp: null });
      await sim.start(0);
      const db = await freshDatabase();
      dropDatabase = db.drop;
      // A 45000 IDR/day limit holds three 15000 IDR numbers, whichever instance sells them.
      // The rate leaves room for the spend test's at most 10 purchases (6 at once, up to 3 more, 1 over).
      const env = { REDIS_URL: redisUrl!, SPEND_LIMIT: 'IDR:45000/day', RATE_LIMIT: '12/minute' };
      a = await startGateway({ sharedSim: sim, sharedDatabase: db.target, env });
      b = await startGateway({ sharedSim: sim, sharedDatabase: db.target, env: { ...env, WATCHER_MIN_INTERVAL_MS: '600000', WATCHER_MAX_INTERVAL_MS: '600000' } });
    });
    afterAll(async () => {
      await b?.stop();
      await a?.stop();
      await sim?.stop();
      await dropDatabase?.();
    });

    it('holds the spend limit across instances, even for concurrent purchases', async () => {
      const before = creates(sim);
      const run = `multi-${Date.now()}`;
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => query((i % 2 ? b : a).graphqlUrl, BUY(`${run}-${i}`)).then((r) => r.json<{ data: { buyNumber: BuyAnswer } }>().data.buyNumber)),
      );
      const bought = answers.filter((x) => x.__typename === 'BuyNumberPayload').length;
      expect(bought).toBeLessThanOrEqual(3);
      expect(answers.filter((x) => x.__typename === 'SpendLimitExceeded').length).toBe(6 - bought);
      expect(creates(sim) - before).toBe(bought);
      // Sequentially the limit is reached exactly.
      for (let i = 0; i < 3 - bought; i++) {
        const next = (await query((i % 2 ? a : b).graphqlUrl, BUY(`${run}-seq-${i}`))).json<{ data: { buyNumber: BuyAnswer } }>();
        expect(next.data.buyNumber.__typename).toBe('BuyNumberPayload');
      }
      const over = (await query(b.graphqlUrl, BUY(`${run}-over`))).json<{ data: { buyNumber: BuyAnswer } }>();
      expect(over.data.buyNumber.__typename).toBe('SpendLimitExceeded');
      expect(sim.requests.filter((r) => r.endpoint === 'create').length - before).toBe(3);
    });

    it('holds the request rate across instances (counted in Redis)', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await query((i % 2 ? a : b).graphqlUrl, '{ fxRates { pair } }', undefined, ADMIN)).status);
      expect(statuses.every((s) => s === 200)).toBe(true);
      expect((await query(a.graphqlUrl, '{ fxRates { pair } }', undefined, ADMIN)).status).toBe(429);
      expect((await query(b.graphqlUrl, '{ fxRates { pair } }', undefined, ADMIN)).status).toBe(429);
    });
  });
});
