import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderMessage, OrderSchema, StatusChange } from '../../../src/db/entities.ts';
import type { ProviderId } from '../../../src/domain/provider.ts';
import { gqlData } from '../../support/clients.ts';
import { startSandboxGateway, waitFor, type SandboxGateway } from '../../support/sandbox-gateway.ts';
import { AggBuy, AggOrder, AggProviders } from './documents.ts';

/**
 * OTP aggregation, "Done when" items 5 (health, in health.test.ts) and 7: `providers` shows each
 * provider's capabilities as its adapter declares them, and the gateway's own OTP figures, which stay
 * null below 20 orders in the last 30 complete UTC days.
 */
let gw: SandboxGateway;
let counter = 0;
const key = () => `agg-providers-${process.pid}-${Date.now()}-${++counter}`;
const DAY_MS = 86_400_000;

async function providers() {
  return (await gqlData(gw.url, AggProviders)).providers;
}
const find = async (id: ProviderId) => (await providers()).find((p) => p.id === id)!;

/** Past OTP orders as plain rows (two days ago, inside the window), `withOtp` of them with a code `toOtpSeconds` after the order. */
async function insertHistory(provider: ProviderId, orders: number, withOtp: number, toOtpSeconds: (i: number) => number): Promise<void> {
  const em = gw.app.services.db.em();
  const dayStart = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  for (let i = 0; i < orders; i++) {
    const id = randomUUID();
    const createdAt = new Date(dayStart - 2 * DAY_MS + 3_600_000 + i * 60_000);
    const got = i < withOtp;
    await em.insert(OrderSchema, {
      id,
      ownerId: 'history',
      kind: 'OTP_NUMBER',
      provider,
      offerRef: 'ka:52',
      serviceKey: 'otp:shopee:TH',
      providerRef: `history-${id}`,
      status: got ? 'COMPLETED' : 'EXPIRED',
      providerStatus: null,
      priceAmount: '15',
      refundAmount: null,
      currency: 'THB',
      phoneNumber: null,
      expiresAt: null,
      providerCreatedAt: null,
      idempotencyKey: `history-${id}`,
      failureCode: null,
      failureMessage: null,
      attempts: null,
      reference: id.replaceAll('-', ''),
      intent: { kind: 'OTP_NUMBER', policy: 'CHEAPEST' },
      maxPriceAmount: null,
      details: {},
      providerData: {},
      callDeadline: null,
      createdAt,
      updatedAt: createdAt,
    });
    const path = got ? ['PENDING', 'ACTIVE', 'OTP_RECEIVED', 'COMPLETED'] : ['PENDING', 'ACTIVE', 'EXPIRED'];
    for (const [j, to] of path.entries()) await em.insert(StatusChange, { order: id, fromStatus: j === 0 ? null : path[j - 1]!, toStatus: to, reason: 'history', at: createdAt });
    if (got) await em.insert(OrderMessage, { order: id, code: '123456', text: 'code 123456', receivedAt: new Date(createdAt.getTime() + toOtpSeconds(i) * 1000), fingerprint: `history-${i}` });
  }
}

beforeAll(async () => {
  gw = await startSandboxGateway();
});
afterAll(async () => {
  await gw?.stop();
});

describe('providers: capabilities and OTP figures', () => {
  it('shows what each OTP provider can do, as its adapter declares it', async () => {
    const byId = new Map((await providers()).map((p) => [p.id, new Set(p.capabilities)]));
    const smscode = byId.get('SMSCODE')!;
    const otp24hr = byId.get('OTP24HR')!;
    const xd247 = byId.get('XD247')!;
    for (const caps of [smscode, otp24hr, xd247]) expect(caps.has('OTP_NUMBER')).toBe(true);
    // smscode: cancel, resend, finish, signed webhooks, a published USD/IDR rate.
    for (const c of ['CANCEL', 'OTP_RESEND', 'OTP_FINISH', 'WEBHOOK', 'FX_RATES'] as const) expect(smscode.has(c), `SMSCODE ${c}`).toBe(true);
    expect(smscode.has('REFUND')).toBe(false);
    // OTP24HR: cancel (and complete.php), no resend, pushes nothing.
    expect(otp24hr.has('CANCEL')).toBe(true);
    expect(otp24hr.has('OTP_FINISH')).toBe(true);
    expect(otp24hr.has('OTP_RESEND')).toBe(false);
    expect(otp24hr.has('WEBHOOK')).toBe(false);
    // 247xd: cancel and refund, also sells boosts and premium apps; no resend, no finish, no push.
    for (const c of ['CANCEL', 'REFUND', 'SOCIAL_BOOST', 'PREMIUM_APP'] as const) expect(xd247.has(c), `XD247 ${c}`).toBe(true);
    for (const c of ['OTP_RESEND', 'OTP_FINISH', 'WEBHOOK'] as const) expect(xd247.has(c), `XD247 ${c}`).toBe(false);
  });

  it('keeps otpSuccessRate and medianSecondsToOtp null after a few orders (under 20, and today is not a complete day)', async () => {
    for (const provider of ['SMSCODE', 'OTP24HR', 'XD247'] as const) {
      for (let i = 0; i < 2; i++) {
        const { buyNumber } = await gqlData(gw.url, AggBuy, { input: { service: 'shopee', country: 'TH', provider, idempotencyKey: key() } });
        if (buyNumber.__typename !== 'BuyNumberPayload') throw new Error(JSON.stringify(buyNumber));
        if (i === 0) {
          await gw.app.sandbox!.controls.get(provider)!.deliverOtp!(buyNumber.order.providerRef!, null);
          await waitFor(() => gqlData(gw.url, AggOrder, { id: buyNumber.order.id }), (r) => r.order?.status === 'OTP_RECEIVED');
        }
      }
    }
    gw.app.services.otpStats.invalidate();
    for (const p of await providers()) {
      expect(p.otpSuccessRate, p.id).toBeNull();
      expect(p.medianSecondsToOtp, p.id).toBeNull();
    }
  });

  it('shows a number once a provider has 20 orders in the window, and null still for one with 19', async () => {
    // OTP24HR: 25 orders two days ago, 18 with a code after 30, 31, … seconds → floor(18/25 × 10) × 10 = 70 %.
    await insertHistory('OTP24HR', 25, 18, (i) => 30 + i);
    // 247xd: 19 orders, all with a code: still unscored (null), but its median time to OTP is a sample.
    await insertHistory('XD247', 19, 19, () => 90);
    gw.app.services.otpStats.invalidate();
    const otp24hr = await find('OTP24HR');
    expect(otp24hr.otpSuccessRate).toBe(70);
    // Median of 30…47 s = 38.5 s.
    expect(otp24hr.medianSecondsToOtp).toBe(38.5);
    const xd247 = await find('XD247');
    expect(xd247.otpSuccessRate).toBeNull();
    expect(xd247.medianSecondsToOtp).toBe(90);
    const smscode = await find('SMSCODE');
    expect(smscode.otpSuccessRate).toBeNull();
  });
});
