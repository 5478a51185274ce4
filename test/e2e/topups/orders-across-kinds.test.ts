import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlData } from '../../support/clients.ts';
import { BuyNumber } from '../documents.ts';
import { TopupCatalog, TopupGame, TopupOrders, TopupPremium, TopupRefill, TopupSocialBoost } from './documents.ts';
import { newKey, startSandboxGateway, type SandboxGateway } from './support.ts';

/**
 * Top-up issue, Done when 5: one order list over every kind — the kind filter returns only that
 * kind, and one query reads the Order interface fields across kinds with a fragment per type.
 */
describe('orders across kinds', () => {
  let gw: SandboxGateway;
  const ids: Record<string, string[]> = { OTP_NUMBER: [], MOBILE_TOPUP: [], GAME_TOPUP: [], SOCIAL_BOOST: [], PREMIUM_APP: [] };

  beforeAll(async () => {
    gw = await startSandboxGateway();
    const url = gw.graphqlUrl;
    const must = <T extends { __typename: string }>(result: T, payload: string): T & { order: { id: string } } => {
      if (result.__typename !== payload) throw new Error(JSON.stringify(result));
      return result as T & { order: { id: string } };
    };
    for (const phoneNumber of ['0812345678', '0898765432']) {
      const { refillMobile } = await gqlData(url, TopupRefill, { input: { network: 'DTAC', phoneNumber, amount: '20', idempotencyKey: newKey('list-refill') } });
      ids.MOBILE_TOPUP!.push(must(refillMobile, 'RefillMobilePayload').order.id);
    }
    const { topUpGame } = await gqlData(url, TopupGame, { input: { packageId: 'ROLTH_A01_P002', topupInfo: [{ field: 'gameid', value: '42' }], idempotencyKey: newKey('list-game') } });
    ids.GAME_TOPUP!.push(must(topUpGame, 'TopUpGamePayload').order.id);
    const keys = async (kind: 'SOCIAL_BOOST' | 'PREMIUM_APP') => (await gqlData(url, TopupCatalog, { filter: { kind }, first: 100 })).catalog.edges.map((e) => e.node);
    const boost = (await keys('SOCIAL_BOOST')).find((n) => n.details.__typename === 'SocialBoostServiceDetails')!;
    const min = boost.details.__typename === 'SocialBoostServiceDetails' ? boost.details.minQuantity : 1000;
    const { orderSocialBoost } = await gqlData(url, TopupSocialBoost, { input: { optionId: boost.key, link: 'https://instagram.com/p/switchboard', quantity: min, idempotencyKey: newKey('list-boost') } });
    ids.SOCIAL_BOOST!.push(must(orderSocialBoost, 'OrderSocialBoostPayload').order.id);
    const premium = (await keys('PREMIUM_APP'))[0]!;
    const { buyPremiumApp } = await gqlData(url, TopupPremium, { input: { serviceId: premium.key, idempotencyKey: newKey('list-premium') } });
    ids.PREMIUM_APP!.push(must(buyPremiumApp, 'BuyPremiumAppPayload').order.id);
    const { buyNumber } = await gqlData(url, BuyNumber, { input: { service: 'whatsapp', country: 'ID', idempotencyKey: newKey('list-otp') } });
    ids.OTP_NUMBER!.push(must(buyNumber, 'BuyNumberPayload').order.id);
  });
  afterAll(async () => {
    await gw?.stop();
  });

  it('orders(filter: {kind: MOBILE_TOPUP}) returns only the refills', async () => {
    const { orders } = await gqlData(gw.graphqlUrl, TopupOrders, { filter: { kind: ['MOBILE_TOPUP'] }, first: 50 });
    const nodes = orders.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id).sort()).toEqual([...ids.MOBILE_TOPUP!].sort());
    for (const node of nodes) {
      expect(node).toMatchObject({ __typename: 'MobileRefillOrder', kind: 'MOBILE_TOPUP', provider: 'EASYSOFT', network: 'DTAC' });
    }
    const two = await gqlData(gw.graphqlUrl, TopupOrders, { filter: { kind: ['GAME_TOPUP', 'PREMIUM_APP'] }, first: 50 });
    expect(two.orders.edges.map((e) => e.node.id).sort()).toEqual([...ids.GAME_TOPUP!, ...ids.PREMIUM_APP!].sort());
  });

  it('one query reads the interface fields across every kind, with a fragment per type', async () => {
    const { orders } = await gqlData(gw.graphqlUrl, TopupOrders, { first: 50 });
    const nodes = orders.edges.map((e) => e.node);
    expect(nodes).toHaveLength(Object.values(ids).flat().length);
    const typeOf: Record<string, string> = { OTP_NUMBER: 'OtpOrder', MOBILE_TOPUP: 'MobileRefillOrder', GAME_TOPUP: 'GameTopUpOrder', SOCIAL_BOOST: 'SocialBoostOrder', PREMIUM_APP: 'PremiumAppOrder' };
    for (const node of nodes) {
      expect(ids[node.kind]).toContain(node.id);
      expect(node.__typename).toBe(typeOf[node.kind]);
      expect(node.provider).toMatch(/^[A-Z0-9]+$/);
      expect(node.status).toMatch(/^(ACTIVE|COMPLETED)$/);
      expect(node.price?.amount).toMatch(/^\d+(\.\d+)?$/);
      expect(Number.isNaN(Date.parse(node.createdAt))).toBe(false);
      expect(node.statusHistory[0]).toMatchObject({ from: null, to: 'PENDING' });
      expect(node.statusHistory.at(-1)!.to).toBe(node.status);
      // Each type's own fields, through its fragment.
      if (node.__typename === 'MobileRefillOrder') expect(node.phoneNumber).toMatch(/^0\d{9}$/);
      if (node.__typename === 'GameTopUpOrder') expect(node.packageId).toBe('ROLTH_A01_P002');
      if (node.__typename === 'SocialBoostOrder') expect(node.link).toBe('https://instagram.com/p/switchboard');
      if (node.__typename === 'PremiumAppOrder') expect(node.app).toMatch(/\S/);
    }
    expect(new Set(nodes.map((n) => n.kind))).toEqual(new Set(Object.keys(ids)));
    // Newest first.
    const created = nodes.map((n) => Date.parse(n.createdAt));
    expect([...created].sort((a, b) => b - a)).toEqual(created);
  });
});
