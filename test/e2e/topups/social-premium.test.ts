import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlData, wsSubscribe } from '../../support/clients.ts';
import { TopupCatalog, TopupOrder, TopupOrderUpdated, TopupPremium, TopupSocialBoost } from './documents.ts';
import { expectMoney, newKey, startSandboxGateway, waitFor, type SandboxGateway } from './support.ts';

/**
 * Top-up issue, Done when 4: social boosts and premium app accounts end to end through GraphQL
 * against the 247xd simulator, with two API clients: a premium account's credentials are shown to
 * their owner only, and their password is in no log line and not in clear in the database.
 */
const ALICE = 'alice-token-0123456789abcdef';
const BOB = 'bob-token-0123456789abcdef00';

describe('247xd social boosts and premium apps', () => {
  let gw: SandboxGateway;
  beforeAll(async () => {
    gw = await startSandboxGateway({ env: { CLIENT_TOKENS: `alice:${ALICE},bob:${BOB}` } });
  });
  afterAll(async () => {
    await gw?.stop();
  });

  async function service(kind: 'SOCIAL_BOOST' | 'PREMIUM_APP', match: (key: string) => boolean) {
    const { catalog } = await gqlData(gw.graphqlUrl, TopupCatalog, { filter: { kind, provider: 'XD247' }, first: 100 }, ALICE);
    const node = catalog.edges.map((e) => e.node).find((n) => match(n.key));
    if (!node) throw new Error(`no ${kind} service in ${catalog.edges.map((e) => e.node.key).join(', ')}`);
    return node;
  }
  const orderAs = async (token: string, id: string) => (await gqlData(gw.graphqlUrl, TopupOrder, { id }, token)).order;

  it('a boost is ACTIVE while 247xd works on it, then COMPLETED with what was delivered', async () => {
    const option = await service('SOCIAL_BOOST', (k) => k.startsWith('social:tiktok:'));
    if (option.details.__typename !== 'SocialBoostServiceDetails') throw new Error(JSON.stringify(option.details));
    const quantity = Math.max(option.details.minQuantity, 1000);
    const coinsBefore = gw.xd247.balanceOf();
    const { orderSocialBoost } = await gqlData(
      gw.graphqlUrl,
      TopupSocialBoost,
      { input: { optionId: option.key, link: 'https://www.tiktok.com/@switchboard.test/video/7301234567890', quantity, idempotencyKey: newKey('boost') } },
      ALICE,
    );
    if (orderSocialBoost.__typename !== 'OrderSocialBoostPayload') throw new Error(JSON.stringify(orderSocialBoost));
    const order = orderSocialBoost.order;
    expect(order).toMatchObject({ kind: 'SOCIAL_BOOST', provider: 'XD247', status: 'ACTIVE', quantity, delivered: null });
    const ref = order.providerRef!;
    expect(gw.xd247.orderStatus(ref)).toBe('pending');
    // Charged once, at the option's price per unit quantity (coins are THB at the sandbox's 1:1).
    const [charge] = gw.xd247.ledger.filter((e) => e.orderRef === ref && e.kind === 'charge');
    expectMoney(order.price, charge!.amount);
    expect(Number(coinsBefore) - Number(gw.xd247.balanceOf())).toBeCloseTo(Number(charge!.amount), 2);

    const updates = await wsSubscribe(gw.graphqlUrl, TopupOrderUpdated, { orderId: order.id }, ALICE);
    expect((await updates.next()).data?.orderUpdated.status).toBe('ACTIVE');
    gw.xd247.advanceSocialOrder(ref, 'processing', Math.floor(quantity / 4));
    const processing = await waitFor(() => orderAs(ALICE, order.id), (o) => o?.__typename === 'SocialBoostOrder' && o.delivered === Math.floor(quantity / 4));
    expect(processing).toMatchObject({ status: 'ACTIVE', delivered: Math.floor(quantity / 4) });

    gw.xd247.advanceSocialOrder(ref, 'completed');
    let event = (await updates.next()).data?.orderUpdated;
    while (event?.status !== 'COMPLETED') event = (await updates.next()).data?.orderUpdated;
    await updates.close();
    const done = await orderAs(ALICE, order.id);
    expect(done).toMatchObject({ status: 'COMPLETED', delivered: quantity, remains: 0 });
    expect(done!.statusHistory.map((c) => c.to)).toEqual(['PENDING', 'ACTIVE', 'COMPLETED']);
    // Another client cannot see it.
    expect(await orderAs(BOB, order.id)).toBeNull();
  });

  it('a premium account → COMPLETED with credentials for its owner only, the password in no log line and not in clear at rest', async () => {
    const app = await service('PREMIUM_APP', (k) => k.includes('netflix')).catch(() => service('PREMIUM_APP', () => true));
    const { buyPremiumApp } = await gqlData(gw.graphqlUrl, TopupPremium, { input: { serviceId: app.key, idempotencyKey: newKey('premium') } }, ALICE);
    if (buyPremiumApp.__typename !== 'BuyPremiumAppPayload') throw new Error(JSON.stringify(buyPremiumApp));
    const order = buyPremiumApp.order;
    expect(order).toMatchObject({ kind: 'PREMIUM_APP', provider: 'XD247', status: 'COMPLETED' });
    if (!('credentials' in order)) throw new Error(`not a PremiumAppOrder: ${JSON.stringify(order)}`);
    const credentials = order.credentials!;
    expect(credentials.username).toMatch(/\S/);
    expect(credentials.password).toMatch(/\S{6,}/);
    const password = credentials.password!;

    // The owner sees them whenever she reads the order.
    const mine = await orderAs(ALICE, order.id);
    expect(mine?.__typename === 'PremiumAppOrder' && mine.credentials).toEqual(credentials);
    // Another client: no such order, by id or in his list.
    expect(await orderAs(BOB, order.id)).toBeNull();

    // At rest: sealed, and nowhere in the row in clear.
    const rows = await gw.sql<{ sealed_credentials: string | null; details: unknown; provider_data: unknown; intent: unknown }>(
      'select sealed_credentials, details, provider_data, intent from orders where id = ?',
      [decodeId(order.id)],
    );
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.sealed_credentials).toMatch(/\S/);
    expect(row.sealed_credentials).not.toContain(password);
    expect(JSON.stringify(row.details)).not.toContain(password);
    expect(JSON.stringify(row)).not.toContain(password);
    const everywhere = await gw.sql('select * from orders');
    expect(JSON.stringify(everywhere)).not.toContain(password);
    const history = await gw.sql('select * from order_status_changes');
    expect(JSON.stringify(history)).not.toContain(password);

    // Logs: the gateway logged at debug level throughout, and the password is in none of its lines.
    expect(gw.logs.length).toBeGreaterThan(0);
    expect(gw.logs.filter((line) => line.includes(password))).toEqual([]);
  });
});

function decodeId(globalId: string): string {
  const [, id] = Buffer.from(globalId, 'base64').toString().split(':');
  return id!;
}
