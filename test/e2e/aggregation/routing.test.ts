import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../src/providers/shared/simulator-contract.ts';
import type { BuyNumberInput } from '../../gql/graphql.ts';
import { gqlData } from '../../support/clients.ts';
import { startSandboxGateway, type SandboxGateway } from '../../support/sandbox-gateway.ts';
import { AggBuy, AggCatalog } from './documents.ts';

/**
 * OTP aggregation, "Done when" item 2: buyNumber across providers. Shopee TH in the seeds: smscode
 * 5,000 IDR (10 THB) < OTP24HR 15 THB = 247xd 15 THB < 247xd 25 THB. Only one provider is ever charged,
 * checked on every simulator's own ledger.
 */
let gw: SandboxGateway;
let counter = 0;
const key = () => `agg-routing-${process.pid}-${Date.now()}-${++counter}`;
const SHOPEE_TH = { service: 'shopee', country: 'TH' } as const;
// smscode's two Shopee TH products (catalog product 103) and their seeded stock.
const SMSCODE_SHOPEE_TH: ReadonlyArray<[product: number, stock: number]> = [
  [204, 150],
  [205, 60],
];

type Ledgers = Record<'SMSCODE' | 'OTP24HR' | 'XD247', number>;
const charges = (ledger: ReadonlyArray<LedgerEntry>) => ledger.filter((e) => e.kind === 'charge');
function ledgers(): Ledgers {
  return { SMSCODE: charges(gw.smscode.ledger).length, OTP24HR: charges(gw.otp24hr.ledger).length, XD247: charges(gw.xd247.ledger).length };
}
function newCharges(before: Ledgers): Ledgers {
  const now = ledgers();
  return { SMSCODE: now.SMSCODE - before.SMSCODE, OTP24HR: now.OTP24HR - before.OTP24HR, XD247: now.XD247 - before.XD247 };
}

async function buy(input: Partial<BuyNumberInput> = {}) {
  const { buyNumber } = await gqlData(gw.url, AggBuy, { input: { ...SHOPEE_TH, idempotencyKey: key(), ...input } });
  return buyNumber;
}

function setSmscodeShopeeStock(zero: boolean): void {
  for (const [product, stock] of SMSCODE_SHOPEE_TH) gw.smscode.setStock(product, zero ? 0 : stock);
}

beforeAll(async () => {
  gw = await startSandboxGateway();
});
afterAll(async () => {
  await gw?.stop();
});
afterEach(() => {
  setSmscodeShopeeStock(false);
  gw.app.services.catalog.invalidate();
});

describe('buyNumber routing across providers', () => {
  it('CHEAPEST buys from the cheapest provider after conversion (smscode, in IDR) and charges only it', async () => {
    const before = ledgers();
    const result = await buy({ routing: 'CHEAPEST' });
    if (result.__typename !== 'BuyNumberPayload') throw new Error(JSON.stringify(result));
    expect(result.order).toMatchObject({ status: 'ACTIVE', provider: 'SMSCODE', price: { amount: '5000', currency: 'IDR' } });
    expect(result.attempts).toEqual([{ provider: 'SMSCODE', outcome: 'ok', price: { amount: '5000', currency: 'IDR' } }]);
    expect(newCharges(before)).toEqual({ SMSCODE: 1, OTP24HR: 0, XD247: 0 });
    expect(charges(gw.smscode.ledger).at(-1)).toMatchObject({ orderRef: result.order.providerRef, amount: '5000' });
  });

  it('fails over to the next offer when the cheapest provider itself has no numbers at the moment of the buy', async () => {
    // The catalog shows smscode in stock (and caches it)…
    const { catalog } = await gqlData(gw.url, AggCatalog, { currency: 'THB', filter: SHOPEE_TH });
    const shown = catalog.edges[0]!.node.offers.find((o) => o.provider === 'SMSCODE');
    expect(shown).toMatchObject({ inStock: true, available: 210 });
    // …then its numbers run out upstream, so smscode refuses the create itself.
    setSmscodeShopeeStock(true);
    const before = ledgers();
    const result = await buy({ routing: 'CHEAPEST' });
    if (result.__typename !== 'BuyNumberPayload') throw new Error(JSON.stringify(result));
    // OTP24HR and 247xd tie at 15 THB; the tie keeps the registry's order (no preferProvider).
    expect(result.order).toMatchObject({ status: 'ACTIVE', provider: 'OTP24HR', price: { amount: '15', currency: 'THB' } });
    expect(result.attempts).toEqual([
      { provider: 'SMSCODE', outcome: 'no_offer', price: { amount: '5000', currency: 'IDR' } },
      { provider: 'OTP24HR', outcome: 'ok', price: { amount: '15', currency: 'THB' } },
    ]);
    // smscode was asked and refused (no charge); OTP24HR alone charged.
    expect(gw.smscode.requests.filter((r) => r.endpoint === 'create').at(-1)?.status).toBeGreaterThanOrEqual(400);
    expect(newCharges(before)).toEqual({ SMSCODE: 0, OTP24HR: 1, XD247: 0 });
  });

  it('answers NoOfferAvailable with maxPrice below every offer, calling no provider and charging none', async () => {
    const before = ledgers();
    const creates = () => gw.smscode.requests.filter((r) => r.endpoint === 'create').length + gw.otp24hr.requests.filter((r) => r.endpoint === 'buy').length + gw.xd247.requests.filter((r) => r.endpoint === 'otpCreate').length;
    const createsBefore = creates();
    const result = await buy({ maxPrice: { amount: '5.00', currency: 'THB' } });
    if (result.__typename !== 'NoOfferAvailable') throw new Error(JSON.stringify(result));
    expect(result.attempts).toEqual([
      { provider: 'SMSCODE', outcome: 'price_above_max', price: { amount: '5000', currency: 'IDR' } },
      { provider: 'OTP24HR', outcome: 'price_above_max', price: { amount: '15', currency: 'THB' } },
      { provider: 'XD247', outcome: 'price_above_max', price: { amount: '15', currency: 'THB' } },
      { provider: 'XD247', outcome: 'price_above_max', price: { amount: '25', currency: 'THB' } },
    ]);
    expect(newCharges(before)).toEqual({ SMSCODE: 0, OTP24HR: 0, XD247: 0 });
    expect(creates()).toBe(createsBefore);
  });

  it('buys from the provider named by `provider`, at its cheapest offer, even when another is cheaper', async () => {
    const before = ledgers();
    const result = await buy({ provider: 'XD247' });
    if (result.__typename !== 'BuyNumberPayload') throw new Error(JSON.stringify(result));
    expect(result.order).toMatchObject({ provider: 'XD247', price: { amount: '15', currency: 'THB' } });
    expect(result.attempts).toEqual([{ provider: 'XD247', outcome: 'ok', price: { amount: '15', currency: 'THB' } }]);
    expect(newCharges(before)).toEqual({ SMSCODE: 0, OTP24HR: 0, XD247: 1 });
  });

  it('gives a tie of equal converted price to preferProvider', async () => {
    // smscode out of stock (and the catalog knows it): OTP24HR and 247xd tie at 15 THB.
    setSmscodeShopeeStock(true);
    gw.app.services.catalog.invalidate('SMSCODE');
    for (const preferred of ['XD247', 'OTP24HR'] as const) {
      const before = ledgers();
      const result = await buy({ routing: 'CHEAPEST', preferProvider: preferred });
      if (result.__typename !== 'BuyNumberPayload') throw new Error(JSON.stringify(result));
      expect(result.order).toMatchObject({ provider: preferred, price: { amount: '15', currency: 'THB' } });
      expect(result.attempts).toEqual([
        { provider: 'SMSCODE', outcome: 'no_numbers', price: { amount: '5000', currency: 'IDR' } },
        { provider: preferred, outcome: 'ok', price: { amount: '15', currency: 'THB' } },
      ]);
      expect(newCharges(before)).toEqual({ SMSCODE: 0, OTP24HR: 0, XD247: 0, [preferred]: 1 });
    }
    // preferProvider never beats a cheaper price: smscode back in stock wins over a preferred 247xd.
    setSmscodeShopeeStock(false);
    gw.app.services.catalog.invalidate('SMSCODE');
    const cheaper = await buy({ routing: 'CHEAPEST', preferProvider: 'XD247' });
    expect(cheaper.__typename === 'BuyNumberPayload' ? cheaper.order.provider : cheaper).toBe('SMSCODE');
  });
});
