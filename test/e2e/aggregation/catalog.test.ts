import { Dec } from '../../../src/domain/money.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlData } from '../../support/clients.ts';
import { startSandboxGateway, type SandboxGateway } from '../../support/sandbox-gateway.ts';
import { AggCatalog } from './documents.ts';

/**
 * OTP aggregation, "Done when" items 1 and 4: one catalog over every OTP simulator, cheapest first
 * after conversion, and a cold cache that costs at most one upstream load per provider however many
 * clients ask at once.
 */

// The simulators' seeds for Shopee in Thailand (checked here against what the catalog shows):
// smscode catalog product 103 (products 204 at 5,000 IDR and 205 at 5,200 IDR, one offer at its cheapest),
// OTP24HR ka:52 at 15.00 THB, 247xd Shopee with two price options (standard 15.00, premium 25.00 coins = THB).
const SHOPEE_TH = { service: 'shopee', country: 'TH' } as const;

type Offer = Awaited<ReturnType<typeof shopeeOffers>>[number];

let gw: SandboxGateway;

async function shopeeOffers(currency: 'THB' | 'IDR' | 'USD') {
  const { catalog } = await gqlData(gw.url, AggCatalog, { currency, filter: SHOPEE_TH });
  expect(catalog.edges.map((e) => e.node.key)).toEqual(['otp:shopee:TH']);
  return catalog.edges[0]!.node.offers;
}

/** Converted amounts never decrease along the list, every offer is in `currency`. */
function expectCheapestFirst(offers: readonly Offer[], currency: string): void {
  for (const offer of offers) expect(offer.price?.currency).toBe(currency);
  const amounts = offers.map((o) => new Dec(o.price!.amount));
  for (let i = 1; i < amounts.length; i++) expect(amounts[i]!.greaterThanOrEqualTo(amounts[i - 1]!), `${offers[i - 1]!.provider} ${amounts[i - 1]} then ${offers[i]!.provider} ${amounts[i]}`).toBe(true);
}

const summary = (offers: readonly Offer[]) => offers.map((o) => `${o.provider} ${o.nativePrice.amount} ${o.nativePrice.currency} = ${o.price!.amount} ${o.price!.currency}`);

beforeAll(async () => {
  gw = await startSandboxGateway();
});
afterAll(async () => {
  await gw?.stop();
});

describe('catalog across providers', () => {
  it('50 concurrent catalog queries on a cold cache cost at most one upstream catalog load per provider', async () => {
    gw.app.services.catalog.invalidate();
    const count = (sim: { requests: ReadonlyArray<{ endpoint: string }> }, endpoints: readonly string[]) => sim.requests.filter((r) => endpoints.includes(r.endpoint)).length;
    // smscode: the products pages (countries and services are the adapter's own 5-minute reference cache).
    const smscodeProducts = () => count(gw.smscode, ['products']);
    const smscodeReference = () => count(gw.smscode, ['countries', 'services']);
    // OTP24HR: services.php once per country of the adapter's table: one load is 16 calls.
    const otp24hrServices = () => count(gw.otp24hr, ['services']);
    // 247xd: one list per section (otp, social, premium).
    const xd247Lists = () => count(gw.xd247, ['otpServices', 'socialServices', 'premiumServices']);
    const before = { smscode: smscodeProducts(), reference: smscodeReference(), otp24hr: otp24hrServices(), xd247: xd247Lists() };

    const answers = await Promise.all(Array.from({ length: 50 }, () => gqlData(gw.url, AggCatalog, { currency: 'THB', filter: SHOPEE_TH })));
    for (const { catalog } of answers) expect(catalog.edges[0]?.node.offers.length).toBe(4);

    const loads = {
      smscode: smscodeProducts() - before.smscode,
      reference: smscodeReference() - before.reference,
      otp24hr: otp24hrServices() - before.otp24hr,
      xd247: xd247Lists() - before.xd247,
    };
    console.info('[aggregation] upstream catalog requests for 50 concurrent cold queries:', loads);
    // One products page holds 1,000 products: the whole sandbox catalog is one page.
    expect(loads.smscode).toBe(1);
    expect(loads.reference).toBeLessThanOrEqual(2);
    expect(loads.otp24hr).toBe(16);
    expect(loads.xd247).toBe(3);
  });

  it('shows Shopee TH from smscode, OTP24HR and 247xd, cheapest first after conversion into THB, IDR and USD', async () => {
    gw.app.services.catalog.invalidate();
    for (const currency of ['THB', 'IDR', 'USD'] as const) {
      const offers = await shopeeOffers(currency);
      // Every OTP provider whose simulator sells Shopee in Thailand is there.
      expect(new Set(offers.map((o) => o.provider))).toEqual(new Set(['SMSCODE', 'OTP24HR', 'XD247']));
      expectCheapestFirst(offers, currency);
      // 5,000 IDR (10 THB at the sandbox rates, 32.50 THB and 16,250 IDR per USD) is under both 15 THB offers.
      expect(offers.map((o) => [o.provider, o.nativePrice.amount, o.nativePrice.currency])).toEqual([
        ['SMSCODE', '5000', 'IDR'],
        ['OTP24HR', '15', 'THB'],
        ['XD247', '15', 'THB'],
        ['XD247', '25', 'THB'],
      ]);
    }
    const thb = await shopeeOffers('THB');
    expect(thb.map((o) => o.price!.amount)).toEqual(['10', '15', '15', '25']);
  });

  it('interleaves an IDR offer between THB offers by its converted price', async () => {
    // smscode's Shopee TH moves to 10,000 / 10,400 IDR: 20 THB, between 247xd's 15 and 25 THB options.
    gw.smscode.repriceOffer(204, 10_000);
    gw.smscode.repriceOffer(205, 10_400);
    gw.app.services.catalog.invalidate('SMSCODE');
    const expected = [
      ['OTP24HR', '15', 'THB'],
      ['XD247', '15', 'THB'],
      ['SMSCODE', '10000', 'IDR'],
      ['XD247', '25', 'THB'],
    ];
    const converted: Record<string, string[]> = {};
    for (const currency of ['THB', 'IDR', 'USD'] as const) {
      const offers = await shopeeOffers(currency);
      console.info(`[aggregation] Shopee TH in ${currency}:`, summary(offers));
      expectCheapestFirst(offers, currency);
      expect(offers.map((o) => [o.provider, o.nativePrice.amount, o.nativePrice.currency])).toEqual(expected);
      converted[currency] = offers.map((o) => o.price!.amount);
    }
    expect(converted.THB).toEqual(['15', '15', '20', '25']);
    expect(converted.IDR).toEqual(['7500', '7500', '10000', '12500']);
    // USD to 4 decimals (unit prices): 15/32.5, 10000/16250, 25/32.5.
    expect(converted.USD).toEqual(['0.4615', '0.4615', '0.6154', '0.7692']);
  });
});
