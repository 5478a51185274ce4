import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { OrderMessage, OrderSchema, StatusChange } from '../../src/db/entities.ts';
import { Dec, Money } from '../../src/domain/money.ts';
import type { OrderStatus } from '../../src/domain/order-status.ts';
import type { ProviderId } from '../../src/domain/provider.ts';
import type { CatalogOffer } from '../../src/services/catalog.ts';
import { createEventBus } from '../../src/services/event-bus.ts';
import { FxService } from '../../src/services/fx.ts';
import { OfferRouter } from '../../src/services/offer-router.ts';
import { NEUTRAL_SUCCESS_STEP, OtpStats, successFigure } from '../../src/services/otp-stats.ts';
import { freshDatabase } from '../support/database.ts';

// Window for NOW: the last 30 complete UTC days, [2026-04-27T00:00Z, 2026-05-27T00:00Z).
const NOW = new Date('2026-05-27T09:00:00.000Z');
const IN_WINDOW = new Date('2026-05-20T12:00:00.000Z');
const KEY = 'otp:whatsapp:ID';

interface Seed {
  provider?: ProviderId;
  serviceKey?: string;
  status?: OrderStatus;
  createdAt?: Date;
  providerRef?: string | null;
  kind?: 'OTP_NUMBER' | 'MOBILE_TOPUP';
  /** receivedAt of each stored message. */
  messages?: readonly Date[];
  /** Statuses the order passed through before its current one (history rows). */
  through?: readonly OrderStatus[];
}

describe('OtpStats', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let clock: Date;
  let stats: OtpStats;

  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    db = await openDatabase(fresh.target);
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });
  beforeEach(async () => {
    await db.em().getConnection().execute('truncate order_messages, order_status_changes, orders', [], 'run');
    clock = NOW;
    stats = new OtpStats(db, { now: () => clock });
  });

  /** Inserts one order (and its messages and history) as plain rows. */
  async function seed(s: Seed = {}): Promise<string> {
    const em = db.em();
    const id = randomUUID();
    const createdAt = s.createdAt ?? IN_WINDOW;
    const status = s.status ?? 'EXPIRED';
    await em.insert(OrderSchema, {
      id,
      ownerId: 'owner-1',
      kind: s.kind ?? 'OTP_NUMBER',
      provider: s.provider ?? 'SMSCODE',
      offerRef: 'catalog:87',
      serviceKey: s.serviceKey ?? KEY,
      providerRef: s.providerRef === undefined ? `ref-${id}` : s.providerRef,
      status,
      providerStatus: null,
      priceAmount: '15000',
      refundAmount: null,
      currency: 'IDR',
      phoneNumber: null,
      expiresAt: null,
      providerCreatedAt: null,
      idempotencyKey: `k-${id}`,
      failureCode: null,
      failureMessage: null,
      attempts: null,
      reference: id.replaceAll('-', ''),
      intent: { kind: 'OTP_NUMBER', policy: 'BEST_SUCCESS' },
      maxPriceAmount: null,
      details: {},
      providerData: {},
      callDeadline: null,
      createdAt,
      updatedAt: createdAt,
    });
    const path: OrderStatus[] = ['PENDING', ...(s.through ?? []), ...(status === 'PENDING' ? [] : [status])];
    for (const [i, to] of path.entries()) {
      await em.insert(StatusChange, { order: id, fromStatus: i === 0 ? null : path[i - 1]!, toStatus: to, reason: 'seed', at: createdAt });
    }
    for (const [i, receivedAt] of (s.messages ?? []).entries()) {
      await em.insert(OrderMessage, { order: id, code: '1234', text: 'code 1234', receivedAt, fingerprint: `fp-${i}` });
    }
    return id;
  }

  /** `withOtp` orders that got a code (COMPLETED) and `orders - withOtp` that expired without one. */
  async function record(provider: ProviderId, serviceKey: string, orders: number, withOtp: number, createdAt = IN_WINDOW): Promise<void> {
    for (let i = 0; i < orders; i++) {
      await seed(i < withOtp ? { provider, serviceKey, status: 'COMPLETED', through: ['ACTIVE', 'OTP_RECEIVED'], createdAt } : { provider, serviceKey, status: 'EXPIRED', through: ['ACTIVE'], createdAt });
    }
  }

  const figure = async (provider: ProviderId, serviceKey: string | null = KEY) => {
    const snapshot = await stats.snapshot();
    const list = serviceKey === null ? snapshot.byProvider : snapshot.byService;
    return list.find((f) => f.provider === provider && f.serviceKey === serviceKey);
  };

  it('rounds down to 10 % steps at the boundaries (20 orders: 1 → 0, 2 → 10, 13 → 60, 14 → 70, 19 → 90, 20 → 100)', async () => {
    const cases: [string, number, number][] = [
      ['otp:a:ID', 1, 0],
      ['otp:b:ID', 2, 10],
      ['otp:c:ID', 13, 60],
      ['otp:d:ID', 14, 70],
      ['otp:e:ID', 19, 90],
      ['otp:f:ID', 20, 100],
      ['otp:g:ID', 0, 0],
    ];
    for (const [key, withOtp] of cases) await record('SMSCODE', key, 20, withOtp);
    const snapshot = await stats.snapshot();
    for (const [key, withOtp, step] of cases) {
      expect(snapshot.byService.find((f) => f.serviceKey === key)).toEqual({
        provider: 'SMSCODE',
        serviceKey: key,
        orders: 20,
        withOtp,
        step,
        scored: true,
        rankingStep: step,
      });
      expect(snapshot.successRates.get(key)!.get('SMSCODE')).toBe(step);
    }
  });

  it('step arithmetic is exact integer math: every k/n for n ≤ 300 lands in its floor decile', () => {
    for (let n = 1; n <= 300; n++) {
      for (let k = 0; k <= n; k++) {
        const { step } = successFigure('SMSCODE', KEY, n, k);
        const d = step / 10;
        expect(Number.isInteger(d) && d * n <= 10 * k && 10 * k < (d + 1) * n).toBe(true);
      }
    }
    // Where float math drifts: 0.7 × 10 ≠ 7 in binary, but 7/10 and 70/100 are exactly 70 %.
    expect(successFigure('SMSCODE', KEY, 10, 7).step).toBe(70);
    expect(successFigure('SMSCODE', KEY, 100, 70).step).toBe(70);
    expect(successFigure('SMSCODE', KEY, 100, 29).step).toBe(20);
    expect(() => successFigure('SMSCODE', KEY, 3, 4)).toThrow(RangeError);
  });

  it('under 20 orders a provider is neutral (50); at 20 it counts; no history means absent (neutral in routing)', async () => {
    await record('SMSCODE', KEY, 19, 19);
    await record('OTP24HR', KEY, 20, 0);
    expect(await figure('SMSCODE')).toMatchObject({ orders: 19, withOtp: 19, step: 100, scored: false, rankingStep: NEUTRAL_SUCCESS_STEP });
    expect(await figure('OTP24HR')).toMatchObject({ orders: 20, withOtp: 0, step: 0, scored: true, rankingStep: 0 });
    const rates = await stats.successRates();
    expect(NEUTRAL_SUCCESS_STEP).toBe(50);
    expect(rates.get(KEY)).toEqual(new Map([['SMSCODE', 50], ['OTP24HR', 0]]));
    expect(rates.get(KEY)!.has('XD247')).toBe(false);
  });

  it('the threshold applies per service key; the provider rollup sums every key', async () => {
    await record('SMSCODE', 'otp:a:ID', 12, 12);
    await record('SMSCODE', 'otp:b:ID', 12, 6);
    expect(await figure('SMSCODE', 'otp:a:ID')).toMatchObject({ orders: 12, scored: false, rankingStep: 50 });
    expect(await figure('SMSCODE', null)).toEqual({ provider: 'SMSCODE', serviceKey: null, orders: 24, withOtp: 18, step: 70, scored: true, rankingStep: 70 });
  });

  it('counts only OTP orders the provider placed; a code is a message row or OTP_RECEIVED/COMPLETED, now or in the history', async () => {
    // Not counted at all:
    await seed({ status: 'FAILED', providerRef: null }); // failed before placement
    await seed({ status: 'PENDING', providerRef: null });
    await seed({ status: 'UNKNOWN', providerRef: null });
    await seed({ status: 'UNKNOWN', providerRef: 'ref-unknown' }); // not settled yet
    await seed({ kind: 'MOBILE_TOPUP', status: 'COMPLETED', through: ['ACTIVE'] });
    // Counted, with a code:
    await seed({ status: 'OTP_RECEIVED', through: ['ACTIVE'] });
    await seed({ status: 'COMPLETED', through: ['ACTIVE'] });
    await seed({ status: 'EXPIRED', through: ['ACTIVE'], messages: [new Date(IN_WINDOW.getTime() + 30_000)] });
    await seed({ status: 'REFUNDED', through: ['ACTIVE', 'OTP_RECEIVED'] });
    // Counted, without a code:
    await seed({ status: 'ACTIVE' });
    await seed({ status: 'CANCELED', through: ['ACTIVE'] });
    await seed({ status: 'EXPIRED', through: ['ACTIVE'] });
    await seed({ status: 'REFUNDED', through: ['ACTIVE'] });
    await seed({ status: 'FAILED', through: ['ACTIVE'] }); // failed after placement
    expect(await figure('SMSCODE')).toMatchObject({ orders: 9, withOtp: 4 });
  });

  it('the window is the last 30 complete UTC days: today and day 31 are out', async () => {
    const at = (iso: string) => new Date(iso);
    await seed({ status: 'COMPLETED', createdAt: at('2026-04-26T23:59:59.999Z') }); // out: 31st day back
    await seed({ status: 'COMPLETED', createdAt: at('2026-04-27T00:00:00.000Z') }); // in: first instant
    await seed({ status: 'EXPIRED', createdAt: at('2026-05-26T23:59:59.999Z') }); // in: last instant
    await seed({ status: 'COMPLETED', createdAt: at('2026-05-27T00:00:00.000Z') }); // out: today is not complete
    await seed({ status: 'COMPLETED', createdAt: at('2026-05-27T08:59:00.000Z') }); // out: today
    const snapshot = await stats.snapshot();
    expect(snapshot.window).toEqual({ from: at('2026-04-27T00:00:00.000Z'), to: at('2026-05-27T00:00:00.000Z') });
    expect(snapshot.byService).toEqual([expect.objectContaining({ provider: 'SMSCODE', orders: 2, withOtp: 1 })]);
  });

  it('median time to OTP per provider: first message − createdAt over the window; null without a sample', async () => {
    const plus = (ms: number) => new Date(IN_WINDOW.getTime() + ms);
    // SMSCODE: 30 s, 60 s (its second message is ignored), 90 s, 120 s → median 75 s (over two service keys).
    await seed({ status: 'COMPLETED', messages: [plus(30_000)] });
    await seed({ status: 'COMPLETED', messages: [plus(60_000), plus(10_000_000)] });
    await seed({ status: 'COMPLETED', messages: [plus(90_000)], serviceKey: 'otp:telegram:ID' });
    await seed({ status: 'COMPLETED', messages: [plus(120_000)] });
    await seed({ status: 'EXPIRED' }); // no message: no sample
    await seed({ status: 'COMPLETED', messages: [plus(1_000)], createdAt: new Date('2026-04-01T00:00:00Z') }); // out of the window
    // OTP24HR: 5 s, 7 s, 41 s → 7 s; a provider clock a bit behind ours counts as 0, not negative.
    await seed({ provider: 'OTP24HR', status: 'COMPLETED', messages: [plus(5_000)] });
    await seed({ provider: 'OTP24HR', status: 'COMPLETED', messages: [plus(7_000)] });
    await seed({ provider: 'OTP24HR', status: 'COMPLETED', messages: [plus(41_000)] });
    await seed({ provider: 'XD247', status: 'COMPLETED', messages: [plus(-2_000)] });
    // P2W: orders but no message.
    await seed({ provider: 'P2W', status: 'COMPLETED' });
    expect(await stats.medianTimeToOtpMs('SMSCODE')).toBe(75_000);
    expect(await stats.medianTimeToOtpMs('OTP24HR')).toBe(7_000);
    expect(await stats.medianTimeToOtpMs('XD247')).toBe(0);
    expect(await stats.medianTimeToOtpMs('P2W')).toBeNull();
    expect(await stats.medianTimeToOtpMs('EASYSOFT')).toBeNull();
    expect((await stats.snapshot()).medianTimeToOtpMs.get('P2W')).toBeNull();
  });

  it('one SQL query per computation; cached for 60 s, shared by concurrent callers, recomputed when the day changes', async () => {
    await record('SMSCODE', KEY, 20, 20);
    const execute = vi.spyOn(db.orm.em.getConnection(), 'execute');
    try {
      const [a, b] = await Promise.all([stats.snapshot(), stats.successRates()]);
      expect(execute).toHaveBeenCalledTimes(1);
      expect(b).toBe(a.successRates);
      await record('SMSCODE', KEY, 20, 0);
      execute.mockClear();
      clock = new Date(NOW.getTime() + 59_999);
      expect((await figure('SMSCODE'))!.orders).toBe(20); // still the cached snapshot
      expect(execute).not.toHaveBeenCalled();
      clock = new Date(NOW.getTime() + 60_000);
      expect((await figure('SMSCODE'))!.orders).toBe(40);
      expect(execute).toHaveBeenCalledTimes(1);
      // A new UTC day moves the window at once, cache or not: yesterday's orders are in.
      await record('SMSCODE', KEY, 1, 1, new Date('2026-05-27T08:00:00Z'));
      execute.mockClear();
      clock = new Date('2026-05-28T00:00:01Z');
      expect((await figure('SMSCODE'))!.orders).toBe(41);
      expect(execute).toHaveBeenCalledTimes(1);
      execute.mockClear();
      stats.invalidate();
      await stats.snapshot();
      expect(execute).toHaveBeenCalledTimes(1);
    } finally {
      execute.mockRestore();
    }
  });

  it('a failed query is not cached', async () => {
    const execute = vi.spyOn(db.orm.em.getConnection(), 'execute').mockRejectedValueOnce(new Error('connection reset'));
    try {
      await expect(stats.snapshot()).rejects.toThrow('connection reset');
      await expect(stats.snapshot()).resolves.toMatchObject({ byService: [] });
    } finally {
      execute.mockRestore();
    }
  });

  it('feeds BEST_SUCCESS routing: the better-delivering provider for the key leads, an unscored one ranks as neutral', async () => {
    await record('SMSCODE', KEY, 20, 18); // 90
    await record('OTP24HR', KEY, 20, 8); // 40
    await record('XD247', KEY, 5, 5); // neutral (50)
    const fx = new FxService({ maxAgeMs: 3_600_000, events: createEventBus(), now: () => NOW });
    fx.setRate({ base: 'USD', quote: 'IDR', rate: new Dec('16250'), source: 'CONFIG', asOf: NOW });
    fx.setRate({ base: 'USD', quote: 'THB', rate: new Dec('32.50'), source: 'CONFIG', asOf: NOW });
    const offer = (provider: ProviderId, price: Money): CatalogOffer => ({
      provider,
      serviceKey: KEY,
      details: { kind: 'OTP_NUMBER', platform: 'whatsapp', country: 'ID' },
      name: 'WhatsApp Indonesia',
      providerRef: provider,
      price,
      available: 5,
    });
    const offers = [offer('OTP24HR', Money.of('20', 'THB')), offer('XD247', Money.of('1', 'USD')), offer('SMSCODE', Money.of('20000', 'IDR'))];
    const route = new OfferRouter(fx).route(offers, { maxPrice: null, routing: 'BEST_SUCCESS', successRates: await stats.successRates() });
    expect(route.candidates.map((c) => c.offer.provider)).toEqual(['SMSCODE', 'XD247', 'OTP24HR']);
  });
});
