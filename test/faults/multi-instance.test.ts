import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderMessage, StatusChange } from '../../src/db/entities.ts';
import type { ProviderId } from '../../src/domain/provider.ts';
import { orderHandle } from '../../src/services/order-handle.ts';
import { freshDatabase } from '../support/database.ts';
import { FAULT_PROVIDERS, startFaultGateway, startSimulators, type FaultGateway, type Simulators } from './harness.ts';
import { FaultMatrix, settleAndCheck, type ClientAnswer } from './invariants.ts';
import { buy, FAULT_PROVIDER_TABLE, newKey } from './providers.ts';

const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.DATABASE_URL;

/**
 * Two gateway instances on one PostgreSQL and one Redis, serving the same client and polling the same
 * providers at once (issue items 1 and 4). Skipped without DATABASE_URL and REDIS_URL (CI sets both).
 */
describe.skipIf(!redisUrl || !databaseUrl)('two instances, one database, one event bus', () => {
  let sims: Simulators;
  let a: FaultGateway;
  let b: FaultGateway;
  let drop: () => Promise<void>;
  const matrix = new FaultMatrix();

  beforeAll(async () => {
    sims = await startSimulators();
    const db = await freshDatabase();
    drop = db.drop;
    // Both poll every provider at the same short cadence: every open order is reconciled by both.
    a = await startFaultGateway(sims, { database: db.target, env: { REDIS_URL: redisUrl! } });
    b = await startFaultGateway(sims, { database: db.target, env: { REDIS_URL: redisUrl! } });
  }, 120_000);
  afterAll(async () => {
    matrix.print();
    await b?.stop();
    await a?.stop();
    await sims?.stop();
    await drop?.();
  });

  it('100 concurrent buyNumber calls with one idempotency key over both instances: one provider order, one charge', async () => {
    for (const provider of ['SMSCODE', 'OTP24HR'] as const) {
      const sim = sims.get(provider);
      const charges = sim.ledger.filter((e) => e.kind === 'charge').length;
      sim.injectFault({ endpoint: FAULT_PROVIDER_TABLE[provider].createEndpoint, kind: 'delay', ms: 400 } as never);
      const key = newKey(`race-${provider.toLowerCase()}`);
      const answers: ClientAnswer[] = [];
      const results = await Promise.all(Array.from({ length: 100 }, (_, i) => buy((i % 2 ? a : b).graphqlUrl, provider, answers, key)));
      const placed = results.filter((r) => r.typename === 'BuyNumberPayload');
      const kinds = new Set(results.map((r) => r.typename));
      expect([...kinds].every((k) => k === 'BuyNumberPayload' || k === 'RequestInProgress'), [...kinds].join(',')).toBe(true);
      expect(placed.length).toBeGreaterThanOrEqual(1);
      expect(new Set(placed.map((r) => r.order!.id)).size).toBe(1);
      expect(sim.ledger.filter((e) => e.kind === 'charge').length - charges).toBe(1);
      // And a retry now replays that one order on either instance.
      const again = await Promise.all([buy(a.graphqlUrl, provider, [], key), buy(b.graphqlUrl, provider, [], key)]);
      expect(again.map((r) => r.order?.id)).toEqual([placed[0]!.order!.id, placed[0]!.order!.id]);
      matrix.record('100 callers, one key, two instances', provider, `1 order, 1 charge; ${placed.length} got it, ${100 - placed.length} RequestInProgress`);
    }
  }, 60_000);

  it('both instances applying the same provider update at once: one status change, one message', async () => {
    const bought = await buy(a.graphqlUrl, 'SMSCODE', []);
    const orderId = Buffer.from(bought.order!.id, 'base64').toString('utf8').split(':').at(-1)!;
    await sims.SMSCODE.deliverOtp(Number(bought.order!.providerRef), '246810', 'Your code is 246810');
    const order = (await a.app.services.book.get(orderId))!;
    const found = await a.app.services.providers.require('SMSCODE').lookup(orderHandle(order));
    if (found.outcome !== 'found') throw new Error(found.reason);
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).app.services.book.applySnapshot(orderId, found.snapshot, `race ${i}`)));
    const em = a.app.services.db.em();
    const changes = await em.find(StatusChange, { order: orderId, toStatus: 'OTP_RECEIVED' });
    const messages = await em.find(OrderMessage, { order: orderId });
    expect(changes).toHaveLength(1);
    expect(messages.map((m) => m.code)).toEqual(['246810']);
    matrix.record('same update on both instances', 'SMSCODE', `${changes.length} status change, ${messages.length} message`);
  }, 60_000);

  it('ambiguous purchases over both instances, both reconciling: the one invariant holds', async () => {
    const answers: ClientAnswer[] = [];
    // 247xd and easysoft cannot find a lost create; P2W tells only by callback (these instances poll);
    // OTP24HR's history holds this test's earlier orders of the same offer in the lost buy's window, so
    // it cannot tell which one is ours (order-history.ts) — each stays UNKNOWN, listed.
    const mayStay = new Set<ProviderId>(['XD247', 'EASYSOFT', 'P2W', 'OTP24HR']);
    await Promise.all(
      FAULT_PROVIDERS.map(async (provider, i) => {
        sims.get(provider).injectFault({ endpoint: FAULT_PROVIDER_TABLE[provider].createEndpoint, kind: 'dropAfterCommit' } as never);
        await buy((i % 2 ? a : b).graphqlUrl, provider, answers);
        await new Promise((r) => setTimeout(r, 1_500));
        await buy((i % 2 ? b : a).graphqlUrl, provider, answers);
      }),
    );
    // easysoft states what a refill cost only with its result.
    await sims.EASYSOFT.advanceClock(10_000);
    for (const e of sims.EASYSOFT.ledger) if (sims.EASYSOFT.orderStatus(e.orderRef)?.phase === 'pending') await sims.EASYSOFT.completeRefill(e.orderRef, 'success').catch(() => undefined);
    const { results } = await settleAndCheck(a.app.services.db, { simulators: new Map(FAULT_PROVIDERS.map((p) => [p, sims.get(p)])), answers, mayStayUnknown: mayStay });
    matrix.recordResults('two instances polling, lost answers', results);
    for (const r of results) expect(r.violations, r.provider).toEqual([]);
  }, 90_000);
});
