import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '../../src/domain/money.ts';
import { graphql } from '../gql/index.ts';
import type { CatalogQuery } from '../gql/graphql.ts';
import { gqlData, TEST_ADMIN_TOKEN } from '../support/clients.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { Catalog, Countries, Providers } from './documents.ts';

const NodeLookup = graphql(`
  query NodeLookup($id: ID!) { node(id: $id) { __typename id ... on Order { status } } }
`);

describe('catalog, countries, providers', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ env: { FX_RATES: 'USD/THB=32.50' } });
  });
  afterAll(async () => {
    await gw.stop();
  });

  it('shows IDR offers converted into THB with the rate and its asOf disclosed', async () => {
    const { catalog } = await gqlData(gw.graphqlUrl, Catalog, { currency: 'THB', filter: { service: 'whatsapp', country: 'ID' } });
    const service = catalog.edges[0]!.node;
    expect(service).toMatchObject({ key: 'otp:whatsapp:ID', kind: 'OTP_NUMBER', details: { platform: 'whatsapp', country: 'ID' } });
    const offer = service.offers[0]!;
    expect(offer.nativePrice).toEqual({ amount: '15000', currency: 'IDR' });
    // 15000 IDR ÷ 16250 IDR/USD (smscode's published rate) × 32.50 THB/USD = 30 THB exactly.
    expect(offer.price).toMatchObject({ amount: '30', currency: 'THB', fx: { pair: 'IDR/THB', source: 'PROVIDER:SMSCODE × CONFIG' } });
    expect(new Date(offer.price!.fx.asOf).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(new Dec(offer.price!.fx.rate).times(15000).toDecimalPlaces(4).toFixed()).toBe('30');
  });

  it('pages through every service with Relay cursors', async () => {
    const seen: string[] = [];
    let after: string | null | undefined = null;
    for (let page = 0; page < 50; page++) {
      const page: CatalogQuery = await gqlData(gw.graphqlUrl, Catalog, { first: 3, after });
      seen.push(...page.catalog.edges.map((e) => e.node.key));
      if (!page.catalog.pageInfo.hasNextPage) break;
      after = page.catalog.pageInfo.endCursor;
    }
    const all = await gqlData(gw.graphqlUrl, Catalog, { first: 1000 });
    expect(seen).toEqual(all.catalog.edges.map((e) => e.node.key));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(3);
  });

  it('lists countries with ISO codes and providers with live balance and health', async () => {
    const { countries } = await gqlData(gw.graphqlUrl, Countries);
    expect(countries).toEqual(expect.arrayContaining([{ code: 'ID', name: 'Indonesia', dialCode: '+62' }]));
    const { providers } = await gqlData(gw.graphqlUrl, Providers, undefined, TEST_ADMIN_TOKEN);
    expect(providers).toEqual([
      expect.objectContaining({ id: 'SMSCODE', currency: 'IDR', balance: { amount: String(gw.sim.balanceOf()), currency: 'IDR' }, health: { status: 'UP' } }),
    ]);
    expect(providers[0]!.capabilities).toEqual(expect.arrayContaining(['OTP_NUMBER', 'OTP_RESEND', 'WEBHOOK', 'FX_RATES']));
  });

  it('resolves an order through node(id) for its owner', async () => {
    const key = `node-${Date.now()}`;
    const order = await gw.app.services.otpOrders.buyNumber('default', { platform: 'telegram', country: 'ID', provider: null, preferProvider: null, routing: 'CHEAPEST', maxPrice: null, idempotencyKey: key });
    const globalId = Buffer.from(`OtpOrder:${order.id}`).toString('base64');
    const { node } = await gqlData(gw.graphqlUrl, NodeLookup, { id: globalId });
    expect(node).toMatchObject({ __typename: 'OtpOrder', id: globalId, status: 'ACTIVE' });
  });
});
