import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSmscodeSimulator, type SmscodeSimulator } from '../../src/providers/smscode/simulator.ts';
import { cleanupGateways, graphql, spawnRaw, startGateway } from './support/spawn-gateway.ts';

/** Which providers a started gateway talks to follows from the credentials set, provider by provider. */
describe('provider configuration of a started gateway', () => {
  let sim: SmscodeSimulator;
  beforeAll(async () => {
    sim = createSmscodeSimulator({ apiTokens: ['live-token-for-test'], autoOtp: null });
    await sim.start(0);
  });
  afterEach(cleanupGateways);
  afterAll(() => sim.stop());

  it('exits non-zero with one line naming P2W_SECRET when only P2W_PARTNER_ID is set', async () => {
    const proc = await spawnRaw({ env: { P2W_PARTNER_ID: 'x' } });
    const exit = await proc.exited;
    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull();
    const lines = proc.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^switchboard: Missing P2W_SECRET\b/);
    expect(proc.stdout()).not.toMatch(/ready/);
  }, 20_000);

  it('with smscode credentials alone, smscode is live and no other provider is listed', async () => {
    const gw = await startGateway({ env: { SMSCODE_API_TOKEN: 'live-token-for-test', SMSCODE_BASE_URL: sim.baseUrl } });
    expect(gw.stdout()).not.toMatch(/sandbox mode/);
    const { body } = await graphql<{ providers: { id: string }[] }>(gw, '{ providers { id } }');
    expect(body.data?.providers).toEqual([{ id: 'SMSCODE' }]);
  }, 30_000);

  it('with no credentials at all, starts in sandbox mode with every simulator', async () => {
    const gw = await startGateway();
    expect(gw.stdout()).toMatch(/sandbox mode/);
    const { body } = await graphql<{ providers: { id: string }[] }>(gw, '{ providers { id } }');
    expect(body.data?.providers.length).toBeGreaterThan(1);
  }, 30_000);
});
