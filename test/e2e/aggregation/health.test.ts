import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlData } from '../../support/clients.ts';
import { startSandboxGateway, type SandboxGateway } from '../../support/sandbox-gateway.ts';
import { AggCatalog, AggProviders } from './documents.ts';

/**
 * OTP aggregation, "Done when" item 5: one provider's simulator stopped → the catalog still answers
 * with the others' offers, and `providers { health }` says that provider is DOWN or DEGRADED, judged
 * from the failed load itself (no probe calls).
 */
let gw: SandboxGateway;

beforeAll(async () => {
  gw = await startSandboxGateway();
});
afterAll(async () => {
  await gw?.stop();
});

describe('a provider that is down', () => {
  it('leaves the catalog answering with the other providers, and shows in providers { health }', async () => {
    const before = (await gqlData(gw.url, AggProviders)).providers.find((p) => p.id === 'OTP24HR')!;
    expect(before.health.status).toBe('UP');

    await gw.otp24hr.stop();
    gw.app.services.catalog.invalidate();
    const started = performance.now();
    const { catalog } = await gqlData(gw.url, AggCatalog, { currency: 'THB', filter: { service: 'shopee', country: 'TH' } });
    const answeredMs = performance.now() - started;
    const offers = catalog.edges.flatMap((e) => e.node.offers);
    expect(new Set(offers.map((o) => o.provider))).toEqual(new Set(['SMSCODE', 'XD247']));
    expect(offers.map((o) => o.provider)).toEqual(['SMSCODE', 'XD247', 'XD247']);

    const after = (await gqlData(gw.url, AggProviders)).providers;
    const otp24hr = after.find((p) => p.id === 'OTP24HR')!;
    console.info('[aggregation] OTP24HR stopped: catalog answered in', Math.round(answeredMs), 'ms; health', otp24hr.health);
    expect(['DOWN', 'DEGRADED']).toContain(otp24hr.health.status);
    expect(otp24hr.health.detail).toBeTruthy();
    // The others are unaffected.
    for (const id of ['SMSCODE', 'XD247'] as const) expect(after.find((p) => p.id === id)!.health.status, id).toBe('UP');
  });
});
