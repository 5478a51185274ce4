import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '../../src/domain/money.ts';
import { gqlData, TEST_CLIENT_TOKEN } from '../support/clients.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { BuyNumber } from './documents.ts';

// The storefront's catalog page, by its trusted-document id (web/src/gql/persisted-documents.json).
const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../web/src/gql/persisted-documents.json'), 'utf8')) as Record<string, string>;
const [CATALOG_ID, CATALOG_TEXT] = Object.entries(manifest).find(([, text]) => text.startsWith('query Catalog('))!;
const TTL_MS = 1500;

interface CatalogAnswer {
  data?: { catalog: { edges: { node: { key: string; offers: { provider: string; providerRef: string; available: number | null; nativePrice: { amount: string }; price: { amount: string } | null }[] } }[] } };
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe('public answers: persisted GETs, cached bytes, ETag and 304', () => {
  let gw: TestGateway;
  const variables = encodeURIComponent(JSON.stringify({ currency: 'USD', first: 50, filter: { service: 'whatsapp', country: 'ID' } }));
  const url = () => `${gw.graphqlUrl}?documentId=${CATALOG_ID}&variables=${variables}`;
  const get = (headers: Record<string, string> = {}, token = TEST_CLIENT_TOKEN) =>
    fetch(url(), { headers: { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': '1', ...headers } });
  const offerOf = async (response: Response) => {
    const body = (await response.json()) as CatalogAnswer;
    expect(body.errors).toBeUndefined();
    return body.data!.catalog.edges[0]!.node.offers.find((o) => o.provider === 'SMSCODE')!;
  };

  beforeAll(async () => {
    gw = await startGateway({ env: { CATALOG_TTL_MS: String(TTL_MS) } });
  });
  afterAll(async () => {
    await gw.stop();
  });

  it('answers a trusted document by id, the same bytes as the document sent in full, with an ETag; a matching If-None-Match gets 304', async () => {
    const first = await get();
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const bytes = await first.text();
    const again = await get();
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe(bytes);
    const posted = await fetch(gw.graphqlUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_CLIENT_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: CATALOG_TEXT, variables: JSON.parse(decodeURIComponent(variables)) }),
    });
    expect(await posted.text()).toBe(bytes);
    const notModified = await get({ 'if-none-match': etag! });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
  });

  it('shows a price change at the simulator in the next GET once the catalog reloads, never the old cached bytes', async () => {
    const before = await get();
    const etag = before.headers.get('etag')!;
    const offer = await offerOf(before);
    const newPrice = Number(offer.nativePrice.amount) + 1000;
    // WhatsApp Indonesia is the simulator's catalog product 87, sold as products 142–144 (the cheapest is shown).
    for (const product of [142, 143, 144]) gw.sim.repriceOffer(product, newPrice + (product === 144 ? 1500 : 0));
    // The gateway learns of an upstream price when it loads the offers again (CATALOG_TTL_MS); the cached answer cannot outlive that.
    await new Promise((r) => setTimeout(r, TTL_MS + 100));
    const after = await get({ 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await offerOf(after)).nativePrice.amount).toBe(String(newPrice));
  });

  it('drops the cached answer the moment a purchase changes the stock, and when a rate changes', async () => {
    const before = await offerOf(await get());
    expect(before.available).toBeGreaterThan(0);
    const { buyNumber } = await gqlData(gw.graphqlUrl, BuyNumber, { input: { service: 'whatsapp', country: 'ID', idempotencyKey: `public-answers-${Date.now()}` } });
    expect(buyNumber.__typename).toBe('BuyNumberPayload');
    expect((await offerOf(await get())).available).toBe(before.available! - 1);

    const usd = new Dec(before.price!.amount);
    gw.app.services.fx.setRate({ base: 'USD', quote: 'IDR', rate: new Dec(8125), source: 'CONFIG', asOf: new Date() });
    gw.app.services.fx.setRate({ base: 'USD', quote: 'IDR', rate: new Dec(8125), source: 'PROVIDER:SMSCODE', asOf: new Date() });
    const repriced = await offerOf(await get());
    // The same IDR price at half as many IDR per dollar is (at least nearly) twice the dollars.
    expect(new Dec(repriced.price!.amount).greaterThan(usd.times(1.9))).toBe(true);
  });

  it('never serves a cached answer past the edge rules: no token, no CSRF header on a GET, or a client without CATALOG_READ', async () => {
    expect((await get()).status).toBe(200); // cached now
    const anonymous = await fetch(url(), { headers: { 'x-graphql-yoga-csrf': '1' } });
    expect(anonymous.status).toBe(401);
    const noCsrf = await fetch(url(), { headers: { authorization: `Bearer ${TEST_CLIENT_TOKEN}` } });
    expect(noCsrf.status).toBe(403);
    expect(await noCsrf.text()).not.toContain('"catalog"');
    const { key } = await gw.app.services.clients.create(`orders-only-${Date.now()}`, ['ORDERS_READ']);
    const unscoped = (await (await get({}, key)).json()) as CatalogAnswer;
    expect(unscoped.data?.catalog ?? null).toBeNull();
    expect(unscoped.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('never caches per-client answers: orders carry no ETag and reflect each client', async () => {
    const query = JSON.stringify({ query: '{ orders(first: 5) { edges { node { id } } } }' });
    const post = () => fetch(gw.graphqlUrl, { method: 'POST', headers: { authorization: `Bearer ${TEST_CLIENT_TOKEN}`, 'content-type': 'application/json' }, body: query });
    const first = await post();
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBeNull();
    const { buyNumber } = await gqlData(gw.graphqlUrl, BuyNumber, { input: { service: 'whatsapp', country: 'ID', idempotencyKey: `public-answers-orders-${Date.now()}` } });
    if (buyNumber.__typename !== 'BuyNumberPayload') throw new Error(JSON.stringify(buyNumber));
    const second = (await (await post()).json()) as { data: { orders: { edges: { node: { id: string } }[] } } };
    expect(second.data.orders.edges.map((e) => e.node.id)).toContain(buyNumber.order.id);
  });
});
