import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSmscodeSimulator, type SmscodeSimulator } from '../../../src/providers/smscode/simulator.ts';
import { freshDatabase } from '../../support/database.ts';
import { cleanupGateways, graphql, makeTempDir, startGateway, type RunningGateway } from '../support/spawn-gateway.ts';

const TOKEN = 'sigkill-test-token';
const BUY = `mutation ($key: String!) { buyNumber(input: { service: "whatsapp", country: "ID", idempotencyKey: $key }) {
  __typename ... on BuyNumberPayload { order { id status } } ... on Error { code message } } }`;

type BuyAnswer = { buyNumber: { __typename: string; order?: { id: string; status: string }; code?: string } };

/**
 * SIGKILL between "provider charged" and "outcome committed": after a restart the order settles
 * (reconciled from smscode, charged once) and a retry with the same idempotency key replays it —
 * it never answers RequestInProgress forever.
 */
describe('SIGKILL mid-buy, then restart', () => {
  let sim: SmscodeSimulator;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    sim = createSmscodeSimulator({ apiTokens: [TOKEN], autoOtp: null });
    await sim.start(0);
    db = await freshDatabase();
  });
  afterEach(cleanupGateways);
  afterAll(async () => {
    await sim.stop();
    await db.drop();
  });

  it('settles the order once and replays it to a retry with the same key', async () => {
    const dataDir = await makeTempDir();
    const env = {
      SMSCODE_API_TOKEN: TOKEN,
      SMSCODE_BASE_URL: sim.baseUrl,
      CALL_DEADLINE_SECONDS: '1',
      WATCHER_MIN_INTERVAL_MS: '100',
      WATCHER_MAX_INTERVAL_MS: '300',
      DATABASE_URL: db.target.kind === 'postgres' ? db.target.url : undefined,
    };
    const first: RunningGateway = await startGateway({ env, dataDir, passDatabaseUrl: false });
    // smscode does the work (creates and charges) and answers only after 3 s.
    sim.injectFault({ endpoint: 'create', kind: 'delay', ms: 3000 });
    const key = `sigkill-${Date.now()}`;
    const inFlight = graphql<BuyAnswer>(first, BUY, { key }).catch(() => null);
    for (let i = 0; i < 100 && sim.orderCount() === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(sim.orderCount()).toBe(1);
    first.child.kill('SIGKILL');
    await first.exited;
    await inFlight;

    const second = await startGateway({ env, dataDir, passDatabaseUrl: false });
    let answer: BuyAnswer['buyNumber'] | undefined;
    for (let i = 0; i < 150; i++) {
      answer = (await graphql<BuyAnswer>(second, BUY, { key })).body.data?.buyNumber;
      if (answer?.__typename === 'BuyNumberPayload' && answer.order?.status === 'ACTIVE') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(answer).toMatchObject({ __typename: 'BuyNumberPayload', order: { status: 'ACTIVE' } });
    expect(sim.orderCount()).toBe(1);
    expect(sim.ledger.filter((e) => e.kind === 'charge')).toHaveLength(1);
  }, 60_000);
});
