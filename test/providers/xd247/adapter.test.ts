import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AmbiguousOutcomeError,
  InsufficientBalanceError,
  NoOfferAvailableError,
  NotFoundError,
  ProviderFailure,
  ProviderRejectedError,
  RateLimitedError,
  ServiceUnavailableError,
  UnsupportedError,
  ValidationError,
} from '../../../src/domain/errors.ts';
import { Money } from '../../../src/domain/money.ts';
import type { OrderHandle, OrderIntent, OrderSnapshot, PlaceOrderRequest, ProviderOffer } from '../../../src/domain/provider.ts';
import * as contract from '../../../src/domain/provider.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { ProviderSettingsError } from '../../../src/providers/descriptor.ts';
import { CREDENTIALS_DETAIL_KEY, createXd247Adapter } from '../../../src/providers/xd247/adapter.ts';
import type { Xd247Adapter, Xd247AdapterOptions } from '../../../src/providers/xd247/adapter.ts';
import { formatOfferRef, parseOfferRef, platformKey, premiumAppKey } from '../../../src/providers/xd247/catalog.ts';
import { XD247_BUDGET_GROUP, XD247_RATE_LIMIT } from '../../../src/providers/xd247/client.ts';
import { xd247 } from '../../../src/providers/xd247/index.ts';
import { e164 } from '../../../src/providers/xd247/order-snapshots.ts';
import { createXd247Simulator, SEED_OTP_SERVICES, SEED_PREMIUM_SERVICES, seedUuid, XD247_SANDBOX_API_KEY } from '../../../src/providers/xd247/simulator.ts';
import type { Xd247Simulator, Xd247SimulatorOptions } from '../../../src/providers/xd247/simulator.ts';
import { ERROR_CODES } from '../../../src/providers/xd247/wire.ts';
import type { ErrorCode } from '../../../src/providers/xd247/wire.ts';
import { describeAdapterContract, newReference } from '../contract-suite.ts';
import { call } from './sim-client.ts';

// 16:59:30Z: the simulator's minute window ends at 1709312400 (the document's X-RateLimit-Reset), 30 s on.
const T0 = Date.parse('2024-03-01T16:59:30.000Z');
const MINUTE = 60_000;
const shopee = SEED_OTP_SERVICES.find((s) => s.code === 'shopee')!;
const shopeeStandard = shopee.priceOptions[0]!;
const igGlobal = seedUuid('social:ig-followers:global');
const netflix = SEED_PREMIUM_SERVICES.find((s) => s.name.startsWith('Netflix'))!;
const viu = SEED_PREMIUM_SERVICES.find((s) => s.name.startsWith('VIU'))!;
const OTP_INTENT: OrderIntent = { kind: 'OTP_NUMBER', policy: 'CHEAPEST' };

const shopeeRef = formatOfferRef({ kind: 'OTP_NUMBER', serviceId: shopee.id, priceOptionId: shopeeStandard.id });
const igRef = formatOfferRef({ kind: 'SOCIAL_BOOST', optionId: igGlobal, minQuantity: 100, maxQuantity: 50_000 });
const netflixRef = formatOfferRef({ kind: 'PREMIUM_APP', serviceId: netflix.id });

// ── the shared contract ──────────────────────────────────────────────────

describeAdapterContract('xd247', async () => {
  const simulator = createXd247Simulator({ rateLimitPerMinute: 10_000 });
  await simulator.start();
  const adapter = createXd247Adapter({ baseUrl: simulator.baseUrl, apiKey: XD247_SANDBOX_API_KEY, now: () => new Date(simulator.now()), timeoutMs: 2000 });
  return {
    adapter,
    simulator,
    async buyable() {
      const offer = (await adapter.offers()).find((o) => o.serviceKey === 'otp:shopee:TH' && (o.available ?? 0) > 0)!;
      return { offer, intent: OTP_INTENT };
    },
    faultEndpoint: { place: 'otpCreate', lookup: 'otpOrder' },
    unknownProviderRef: '247d0000-0000-4000-8000-0000ffffffff',
    errorCodes: { unavailable: 'SERVICE_UNAVAILABLE', internal: 'INTERNAL_ERROR', rateLimited: 'RATE_LIMITED' },
    async readyFor(operation, order) {
      // A refund applies to a cancelled (or expired) number: cancel it upstream first.
      if (operation === 'refund') await call(simulator, `/otp/orders/${order.providerRef}/cancel`, { method: 'POST', body: {} });
    },
    teardown: () => simulator.stop(),
  };
});

// ── this adapter against its simulator ───────────────────────────────────

let sim: Xd247Simulator;
let adapter: Xd247Adapter;
let logs: string[];

async function startSim(options: Xd247SimulatorOptions = {}): Promise<void> {
  await sim?.stop();
  sim = createXd247Simulator({ now: () => T0, rateLimitPerMinute: 10_000, ...options });
  await sim.start();
}

function makeAdapter(options: Partial<Xd247AdapterOptions> = {}): Xd247Adapter {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  return createXd247Adapter({
    baseUrl: sim.baseUrl,
    apiKey: XD247_SANDBOX_API_KEY,
    now: () => new Date(sim.now()),
    rateLimit: { limit: 1000, windowMs: MINUTE },
    timeoutMs: 2000,
    logger: createLogger('debug', sink),
    ...options,
  });
}

function request(offerRef: string, intent: OrderIntent = OTP_INTENT, maxPrice: Money | null = null): PlaceOrderRequest {
  return { offerRef, intent, maxPrice, reference: newReference('xd'), callbackUrl: null };
}

function handleOf(req: PlaceOrderRequest, snapshot: OrderSnapshot | null): OrderHandle {
  return {
    kind: req.intent.kind,
    reference: req.reference,
    providerRef: snapshot?.providerRef ?? null,
    offerRef: req.offerRef,
    intent: req.intent,
    maxPrice: req.maxPrice,
    price: snapshot?.price ?? null,
    providerData: snapshot?.providerData ?? {},
    createdAt: new Date(sim.now()),
  };
}

async function placed(offerRef = shopeeRef, intent: OrderIntent = OTP_INTENT): Promise<{ snapshot: OrderSnapshot; handle: OrderHandle }> {
  const req = request(offerRef, intent);
  const snapshot = await adapter.place(req);
  return { snapshot, handle: handleOf(req, snapshot) };
}

async function found(handle: OrderHandle): Promise<OrderSnapshot> {
  const result = await adapter.lookup(handle);
  if (result.outcome !== 'found') throw new Error(`expected found, got ${result.outcome}: ${result.reason}`);
  return result.snapshot;
}

async function rejection(promise: Promise<unknown>): Promise<any> {
  return promise.then(
    (value) => expect.unreachable(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

const thb = (amount: string): Money => Money.of(amount, 'THB');
const charges = (): number => sim.ledger.filter((e) => e.kind === 'charge').length;
const refunds = () => sim.ledger.filter((e) => e.kind === 'refund');
const calls = (endpoint: string): number => sim.requests.filter((r) => r.endpoint === endpoint).length;
const boost = (quantity: number, link = 'https://instagram.com/example'): OrderIntent => ({ kind: 'SOCIAL_BOOST', link, quantity });

beforeEach(async () => {
  logs = [];
  await startSim();
  adapter = makeAdapter();
});

afterEach(async () => {
  await sim.stop();
});

describe('catalog', () => {
  it('one OTP offer per price option, keyed otp:<canonical platform>:TH, priced exactly, stock as available', async () => {
    const offers = await adapter.offers();
    const otp = offers.filter((o) => o.details.kind === 'OTP_NUMBER');
    expect(otp.length).toBe(SEED_OTP_SERVICES.reduce((n, s) => n + s.priceOptions.length, 0));
    const shopeeOffers = otp.filter((o) => o.serviceKey === 'otp:shopee:TH');
    expect(shopeeOffers.map((o) => o.price.toString())).toEqual(['15', '25']);
    expect(shopeeOffers[0]).toMatchObject({ providerRef: shopeeRef, available: 120, details: { kind: 'OTP_NUMBER', platform: 'shopee', country: 'TH' } });
    expect(shopeeOffers[0]!.price.currency).toBe('THB');
    expect(parseOfferRef(shopeeOffers[1]!.providerRef)).toEqual({ kind: 'OTP_NUMBER', serviceId: shopee.id, priceOptionId: shopee.priceOptions[1]!.id });
    // 247xd's names → the keys smscode and otp24hr use.
    expect(new Set(otp.map((o) => o.serviceKey))).toEqual(
      new Set(['shopee', 'line', 'facebook', 'whatsapp', 'telegram', 'tiktok', 'grab', 'lazada', 'lineman', 'google', 'truemoney'].map((p) => `otp:${p}:TH`)),
    );
    expect(otp.find((o) => o.serviceKey === 'otp:lineman:TH')?.available).toBe(0);
    expect(otp.find((o) => o.serviceKey === 'otp:truemoney:TH')?.price.toString()).toBe('16.5');
  });

  it('social options: social:<platform>:<option slug>, price per 1000 with the quantity bounds', async () => {
    const social = (await adapter.offers()).filter((o) => o.details.kind === 'SOCIAL_BOOST');
    const ig = social.find((o) => o.providerRef === igRef)!;
    expect(ig).toMatchObject({
      serviceKey: 'social:instagram:ผู้ติดตาม-ผู้ติดตามต่างชาติ-เร็ว',
      available: null,
      details: { kind: 'SOCIAL_BOOST', platform: 'instagram', minQuantity: 100, maxQuantity: 50_000, unitQuantity: 1000 },
    });
    expect(ig.price.compare(thb('50'))).toBe(0);
    expect(new Set(social.map((o) => (o.details as { platform: string }).platform))).toEqual(new Set(['instagram', 'tiktok', 'facebook', 'youtube', 'shopee']));
    const keys = social.map((o) => o.serviceKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(social.find((o) => o.serviceKey.startsWith('social:facebook:') && o.price.toString() === '37.5')).toBeDefined();
  });

  it('premium apps: premium:<slug of the product>, the app key, stock as available', async () => {
    const premium = (await adapter.offers()).filter((o) => o.details.kind === 'PREMIUM_APP');
    expect(premium.length).toBe(SEED_PREMIUM_SERVICES.length);
    expect(premium.find((o) => o.providerRef === netflixRef)).toMatchObject({
      serviceKey: 'premium:netflix-premium-4k-1-จอ-30-วัน',
      available: 25,
      details: { kind: 'PREMIUM_APP', app: 'netflix' },
    });
    expect(premium.map((o) => (o.details as { app: string }).app)).toEqual(['netflix', 'youtube', 'spotify', 'disney-plus', 'canva', 'chatgpt', 'viu', 'iqiyi', 'wetv']);
    expect(premium.find((o) => (o.details as { app: string }).app === 'viu')?.available).toBe(0);
  });

  it('mapping tables: canonical platform keys, a slug of unknown names, premium app words', () => {
    expect(platformKey('Google / Gmail')).toBe('google');
    expect(platformKey('LINE')).toBe('line');
    expect(platformKey('WhatsApp')).toBe('whatsapp');
    expect(platformKey('ไลน์')).toBe('line');
    expect(platformKey('Bolt Food')).toBe('bolt-food');
    expect(platformKey('ร้านค้า ออนไลน์')).toBe('ร้านค้า-ออนไลน์');
    expect(platformKey('!!!')).toMatch(/^x[0-9a-f]{10}$/);
    expect(premiumAppKey('Disney+ Hotstar 30 วัน')).toBe('disney-plus');
    expect(premiumAppKey('YouTube Premium 30 วัน')).toBe('youtube');
    expect(premiumAppKey('Zoom Pro 30 วัน')).toBe('zoom');
  });

  it('a coin rate other than 1 converts every amount exactly and keeps the raw coins', async () => {
    adapter = makeAdapter({ coinThb: '0.35' });
    const offer = (await adapter.offers()).find((o) => o.providerRef === shopeeRef)!;
    expect(offer.price.toString()).toBe('5.25');
    expect(offer.price.compare(thb('5.25'))).toBe(0);
    expect((await adapter.balance()).toString()).toBe('175');
    const { snapshot } = await placed();
    expect(snapshot.price?.toString()).toBe('5.25');
    expect(snapshot.providerData).toMatchObject({ priceCoins: '15.00', coinThb: '0.35' });
    expect(adapter.coinRate.thbPerCoin).toBe('0.35');
  });
});

describe('balance', () => {
  it('the documented { coins: 500.00 } as THB at 1:1, exactly', async () => {
    const balance = await adapter.balance();
    expect(balance.currency).toBe('THB');
    expect(balance.toString()).toBe('500');
    sim.setBalance('0.07');
    expect((await adapter.balance()).compare(thb('0.07'))).toBe(0);
  });
});

describe('place and lookup: OTP', () => {
  it('creates once: ACTIVE, the number in E.164, the documented price and expiry', async () => {
    const { snapshot } = await placed();
    expect(snapshot).toMatchObject({ status: 'ACTIVE', providerStatus: 'waiting_sms', refund: null, failedReason: null });
    expect(snapshot.price?.compare(thb('15'))).toBe(0);
    expect(snapshot.otp?.phoneNumber).toMatch(/^\+66[689]\d{8}$/);
    expect(snapshot.otp?.expiresAt?.toISOString()).toBe(new Date(T0 + 20 * MINUTE).toISOString());
    expect(snapshot.details?.localNumber).toMatch(/^0[689]\d{8}$/);
    expect(snapshot.providerData).toMatchObject({ kind: 'otp', serviceId: shopee.id, priceOptionId: shopeeStandard.id, priceCoins: '15.00' });
    expect(charges()).toBe(1);
    expect(sim.balanceOf()).toBe('485.00');
    expect(calls('otpCreate')).toBe(1);
  });

  it('E.164 from the local and other forms', () => {
    expect(e164('0812345678')).toBe('+66812345678');
    expect(e164('081-234-5678')).toBe('+66812345678');
    expect(e164('66812345678')).toBe('+66812345678');
    expect(e164('+66 81 234 5678')).toBe('+66812345678');
    expect(e164('812345678')).toBe('+66812345678');
  });

  it('lookup follows the SMS: ACTIVE → OTP_RECEIVED (code and text) → COMPLETED once the rental has ended', async () => {
    const { snapshot, handle } = await placed();
    expect((await found(handle)).status).toBe('ACTIVE');
    await sim.deliverOtp(snapshot.providerRef, '482913');
    const received = await found(handle);
    expect(received.status).toBe('OTP_RECEIVED');
    expect(received.otp?.message).toMatchObject({ key: 'sms\n482913', code: '482913', text: expect.stringContaining('482913') });
    expect(received.otp?.phoneNumber).toBe(snapshot.otp?.phoneNumber);
    await sim.advanceClock(21 * MINUTE);
    const done = await found(handle);
    expect(done.status).toBe('COMPLETED');
    expect(done.otp?.message?.key).toBe('sms\n482913');
  });

  it('an expired number without an SMS → EXPIRED, no refund claimed (247xd keeps the coins until …/refund)', async () => {
    const { handle } = await placed();
    await sim.advanceClock(21 * MINUTE);
    expect(await found(handle)).toMatchObject({ status: 'EXPIRED', providerStatus: 'expired', refund: null });
    const outcome = await adapter.operations.refund!(handle);
    expect(outcome.status).toBe('REFUNDED');
    expect(outcome.refund?.compare(thb('15'))).toBe(0);
    expect(refunds().map((e) => e.amount)).toEqual(['15.00']);
    expect(await found(handle)).toMatchObject({ status: 'REFUNDED', providerStatus: 'refunded' });
  });

  it('a provider ref 247xd never issued → absent; no provider ref → unknown (247xd cannot tell)', async () => {
    const req = request(shopeeRef);
    const ghost = handleOf(req, { providerRef: '247d0000-0000-4000-8000-00000000abcd', status: 'ACTIVE', providerStatus: 'waiting_sms', price: null, refund: null, failedReason: null });
    expect((await adapter.lookup(ghost)).outcome).toBe('absent');
    const before = sim.requests.length;
    const result = await adapter.lookup(handleOf(req, null));
    expect(result).toMatchObject({ outcome: 'unknown', reason: expect.stringContaining('cannot tell') });
    // Nothing is re-sent to find out.
    expect(sim.requests.length).toBe(before);
    expect(charges()).toBe(0);
  });

  it.each([
    [429, 'RATE_LIMITED'],
    [500, 'INTERNAL_ERROR'],
    [503, 'SERVICE_UNAVAILABLE'],
  ])('lookup meeting %i %s → unknown', async (status, code) => {
    const { handle } = await placed();
    for (let i = 0; i < 2; i++) sim.injectFault({ endpoint: 'otpOrder', kind: 'error', status, code });
    expect((await adapter.lookup(handle)).outcome).toBe('unknown');
  });

  it('a price cap: checked against the current price before anything is sent', async () => {
    const error = await rejection(adapter.place(request(shopeeRef, OTP_INTENT, thb('14.99'))));
    expect(error).toBeInstanceOf(NoOfferAvailableError);
    expect(error.providerCode).toBe('PRICE_ABOVE_CAP');
    expect(calls('otpCreate')).toBe(0);
    expect((await adapter.place(request(shopeeRef, OTP_INTENT, thb('15')))).status).toBe('ACTIVE');
    expect(charges()).toBe(1);
  });

  it('refuses an offer ref it did not make, or one of another kind, before sending', async () => {
    expect(await rejection(adapter.place(request('catalog:12')))).toBeInstanceOf(ValidationError);
    const wrongKind = await rejection(adapter.place(request(netflixRef, OTP_INTENT)));
    expect(wrongKind).toMatchObject({ field: 'kind' });
    expect(sim.requests.length).toBe(0);
  });
});

describe('cancel and refund', () => {
  it('cancel = cancel then refund: CANCELED with the coins back, once', async () => {
    const { handle } = await placed();
    const outcome = await adapter.operations.cancel!(handle);
    expect(outcome.status).toBe('CANCELED');
    expect(outcome.refund?.compare(thb('15'))).toBe(0);
    expect([calls('otpCancel'), calls('otpRefund')]).toEqual([1, 1]);
    expect(refunds().map((e) => e.amount)).toEqual(['15.00']);
    expect(sim.balanceOf()).toBe('500.00');
  });

  it('the refund answer lost: read back at once, so a refund that happened is reported with its amount', async () => {
    const { handle } = await placed();
    sim.injectFault({ endpoint: 'otpRefund', kind: 'dropAfterCommit' });
    const outcome = await adapter.operations.cancel!(handle);
    expect(outcome).toMatchObject({ status: 'CANCELED', providerStatus: 'refunded' });
    expect(outcome.refund?.compare(thb('15'))).toBe(0);
    expect(calls('otpRefund')).toBe(1);
    expect(refunds().length).toBe(1);
  });

  it('the refund answer lost and no read-back: CANCELED with refund null, the refund never re-sent; lookup settles it', async () => {
    const { handle } = await placed();
    sim.injectFault({ endpoint: 'otpRefund', kind: 'dropAfterCommit' });
    for (let i = 0; i < 2; i++) sim.injectFault({ endpoint: 'otpOrder', kind: 'error', status: 503, code: 'SERVICE_UNAVAILABLE' });
    const outcome = await adapter.operations.cancel!(handle);
    expect(outcome).toEqual({ status: 'CANCELED', refund: null, providerStatus: 'cancelled' });
    expect(calls('otpRefund')).toBe(1);
    sim.clearFaults();
    const later = await found(handle);
    expect(later.status).toBe('REFUNDED');
    expect(later.refund?.compare(thb('15'))).toBe(0);
  });

  it('the refund refused: CANCELED with refund null, nothing came back; a later refund brings the coins', async () => {
    const { handle } = await placed();
    sim.injectFault({ endpoint: 'otpRefund', kind: 'error', status: 400, code: 'BAD_REQUEST', message: 'ลองใหม่ภายหลัง' });
    expect(await adapter.operations.cancel!(handle)).toEqual({ status: 'CANCELED', refund: null, providerStatus: 'cancelled' });
    expect(refunds().length).toBe(0);
    expect(await found(handle)).toMatchObject({ status: 'CANCELED', refund: null });
    const outcome = await adapter.operations.refund!(handle);
    expect(outcome.status).toBe('REFUNDED');
    expect(outcome.refund?.compare(thb('15'))).toBe(0);
  });

  it('a cancel lost after sending is ambiguous (the core reads it back); a cancel after the SMS is refused', async () => {
    const first = await placed();
    sim.injectFault({ endpoint: 'otpCancel', kind: 'dropAfterCommit' });
    expect(await rejection(adapter.operations.cancel!(first.handle))).toBeInstanceOf(AmbiguousOutcomeError);
    expect(calls('otpRefund')).toBe(0);
    expect((await found(first.handle)).status).toBe('CANCELED');

    const second = await placed();
    await sim.deliverOtp(second.snapshot.providerRef, '111222');
    const refused = await rejection(adapter.operations.cancel!(second.handle));
    expect(refused).toBeInstanceOf(ProviderRejectedError);
    expect(refused.providerCode).toBe('BAD_REQUEST');
    expect(refunds().length).toBe(0);
  });

  it('cancel is for OTP numbers only; refund is not for premium apps', async () => {
    const social = await placed(igRef, boost(1000));
    expect(await rejection(adapter.operations.cancel!(social.handle))).toBeInstanceOf(UnsupportedError);
    const premium = await placed(netflixRef, { kind: 'PREMIUM_APP' });
    expect(await rejection(adapter.operations.refund!(premium.handle))).toBeInstanceOf(UnsupportedError);
  });
});

describe('place and lookup: social boosts', () => {
  it('link and quantity are checked before anything is sent (ValidationError naming the field)', async () => {
    for (const [intent, field] of [
      [boost(99), 'quantity'],
      [boost(50_001), 'quantity'],
      [boost(1000.5), 'quantity'],
      [boost(1000, 'instagram.com/example'), 'link'],
      [boost(1000, 'ftp://instagram.com/example'), 'link'],
      [boost(1000, 'javascript:alert(1)'), 'link'],
    ] as const) {
      const error = await rejection(adapter.place(request(igRef, intent)));
      expect(error, JSON.stringify(intent)).toBeInstanceOf(ValidationError);
      expect(error.field).toBe(field);
    }
    expect(sim.requests.length).toBe(0);
  });

  it('creates: ACTIVE (pending) at the documented price; processing → ACTIVE, completed → COMPLETED', async () => {
    const { snapshot, handle } = await placed(igRef, boost(1000));
    expect(snapshot).toMatchObject({ status: 'ACTIVE', providerStatus: 'pending', details: { link: 'https://instagram.com/example', quantity: 1000 } });
    expect(snapshot.price?.compare(thb('50'))).toBe(0);
    sim.advanceSocialOrder(snapshot.providerRef, 'processing', 300);
    expect(await found(handle)).toMatchObject({ status: 'ACTIVE', providerStatus: 'processing', details: { delivered: 300, remains: 700 } });
    sim.advanceSocialOrder(snapshot.providerRef, 'completed');
    expect(await found(handle)).toMatchObject({ status: 'COMPLETED', details: { delivered: 1000, remains: 0 } });
  });

  it('partial → COMPLETED with what was delivered; its refund is the undelivered share', async () => {
    const { snapshot, handle } = await placed(igRef, boost(1000));
    sim.advanceSocialOrder(snapshot.providerRef, 'partial', 900);
    expect(await found(handle)).toMatchObject({ status: 'COMPLETED', providerStatus: 'partial', refund: null, details: { partial: true, delivered: 900, remains: 100 } });
    const outcome = await adapter.operations.refund!(handle);
    expect(outcome.status).toBe('REFUNDED');
    expect(outcome.refund?.compare(thb('5'))).toBe(0);
    expect(refunds().map((e) => e.amount)).toEqual(['5.00']);
  });

  it('cancelled upstream → CANCELED; the refund gives the whole price back', async () => {
    const { snapshot, handle } = await placed(igRef, boost(2000));
    sim.advanceSocialOrder(snapshot.providerRef, 'cancelled');
    expect(await found(handle)).toMatchObject({ status: 'CANCELED', refund: null });
    const outcome = await adapter.operations.refund!(handle);
    expect(outcome.refund?.compare(thb('100'))).toBe(0);
  });

  it('a price cap counts the quantity', async () => {
    const error = await rejection(adapter.place(request(igRef, boost(3000), thb('149.99'))));
    expect(error).toBeInstanceOf(NoOfferAvailableError);
    expect(calls('socialCreate')).toBe(0);
    expect((await adapter.place(request(igRef, boost(3000), thb('150')))).price?.compare(thb('150'))).toBe(0);
  });
});

describe('place and lookup: premium apps', () => {
  it('COMPLETED at once with the credentials in details.credentials, never in a log line', async () => {
    const { snapshot, handle } = await placed(netflixRef, { kind: 'PREMIUM_APP' });
    expect(CREDENTIALS_DETAIL_KEY).toBe('credentials');
    // The key the core seals at rest, where the contract names one.
    const sealed = (contract as Record<string, unknown>).SENSITIVE_DETAIL_KEY;
    if (sealed !== undefined) expect(CREDENTIALS_DETAIL_KEY).toBe(sealed);
    expect(snapshot.status).toBe('COMPLETED');
    expect(snapshot.price?.compare(thb('99'))).toBe(0);
    const credentials = snapshot.details?.[CREDENTIALS_DETAIL_KEY] as Record<string, string>;
    expect(credentials).toMatchObject({ email: expect.stringContaining('@'), password: expect.any(String), pin: expect.any(String) });
    // Only in details: never in what the adapter persists for itself.
    expect(JSON.stringify(snapshot.providerData)).not.toContain(credentials.password);
    const again = await found(handle);
    expect(again.status).toBe('COMPLETED');
    expect(again.details?.[CREDENTIALS_DETAIL_KEY]).toEqual(credentials);
    expect(logs.length).toBeGreaterThan(0);
    for (const value of Object.values(credentials)) expect(logs.join('\n')).not.toContain(value);
  });

  it('out of stock → NoOfferAvailableError, not enough coins → InsufficientBalanceError, nothing charged', async () => {
    expect(await rejection(adapter.place(request(formatOfferRef({ kind: 'PREMIUM_APP', serviceId: viu.id }), { kind: 'PREMIUM_APP' })))).toBeInstanceOf(NoOfferAvailableError);
    sim.setBalance('10.00');
    expect(await rejection(adapter.place(request(netflixRef, { kind: 'PREMIUM_APP' })))).toBeInstanceOf(InsufficientBalanceError);
    expect(await rejection(adapter.place(request(shopeeRef)))).toBeInstanceOf(InsufficientBalanceError);
    expect(charges()).toBe(0);
  });

  it('an unreadable premium answer is ambiguous and its message carries no credentials', async () => {
    sim.injectFault({ endpoint: 'premiumCreate', kind: 'malformedAfterCommit' });
    const error = await rejection(adapter.place(request(netflixRef, { kind: 'PREMIUM_APP' })));
    expect(error).toBeInstanceOf(AmbiguousOutcomeError);
    expect(error.message).not.toMatch(/password|@247xdmail/);
    expect(logs.join('\n')).not.toMatch(/password"?:|@247xdmail/);
    expect(charges()).toBe(1);
  });
});

describe('ambiguous creates: never sent twice', () => {
  it.each([
    ['otpCreate', shopeeRef, OTP_INTENT],
    ['socialCreate', igRef, boost(1000)],
    ['premiumCreate', netflixRef, { kind: 'PREMIUM_APP' }],
  ] as const)('%s: dropAfterCommit / malformedAfterCommit / delay past the timeout → AmbiguousOutcomeError, one charge each', async (endpoint, ref, intent) => {
    adapter = makeAdapter({ timeoutMs: 300 });
    const faults = [{ kind: 'dropAfterCommit' }, { kind: 'malformedAfterCommit' }, { kind: 'delay', ms: 800 }] as const;
    for (const [i, fault] of faults.entries()) {
      sim.injectFault({ endpoint, ...fault });
      const req = request(ref, intent as OrderIntent);
      const error = await rejection(adapter.place(req));
      expect(error).toBeInstanceOf(AmbiguousOutcomeError);
      expect(error).not.toBeInstanceOf(ProviderFailure);
      expect(calls(endpoint)).toBe(i + 1);
      expect(charges()).toBe(i + 1);
      // The core asks later: 247xd cannot say, so it stays unknown, and nothing is re-sent.
      expect((await adapter.lookup(handleOf(req, null))).outcome).toBe('unknown');
      expect(calls(endpoint)).toBe(i + 1);
    }
  });

  it('a 400 whose body is unreadable is ambiguous; a readable 400 BAD_REQUEST is a definite refusal', async () => {
    const fakeFetch: typeof fetch = async () => new Response('<html>Bad Request</html>', { status: 400, headers: { 'content-type': 'text/html' } });
    const blind = makeAdapter({ fetch: fakeFetch });
    expect(await rejection(blind.place(request(shopeeRef)))).toBeInstanceOf(AmbiguousOutcomeError);
    sim.injectFault({ endpoint: 'otpCreate', kind: 'error', status: 400, code: 'BAD_REQUEST', message: 'คำขอไม่ถูกต้อง' });
    const refused = await rejection(adapter.place(request(shopeeRef)));
    expect(refused).toBeInstanceOf(ProviderRejectedError);
    expect(charges()).toBe(0);
  });
});

describe('the error table (section 9)', () => {
  type Expected = { create: new (...args: any[]) => Error; read: new (...args: any[]) => Error };
  const TABLE: Record<ErrorCode, Expected> = {
    VALIDATION_ERROR: { create: ValidationError, read: ValidationError },
    BAD_REQUEST: { create: ProviderRejectedError, read: ProviderRejectedError },
    UNAUTHORIZED: { create: ProviderRejectedError, read: ProviderRejectedError },
    ACCOUNT_BANNED: { create: ProviderRejectedError, read: ProviderRejectedError },
    NOT_FOUND: { create: NoOfferAvailableError, read: NotFoundError },
    RATE_LIMITED: { create: RateLimitedError, read: RateLimitedError },
    INTERNAL_ERROR: { create: AmbiguousOutcomeError, read: ServiceUnavailableError },
  };

  it('covers every documented code', () => {
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });

  it.each(Object.entries(ERROR_CODES) as [ErrorCode, number][])('%s (HTTP %i) → its typed error on a create and on a read', async (code, status) => {
    const key = XD247_SANDBOX_API_KEY;
    sim.injectFault({ endpoint: 'otpCreate', kind: 'error', status, code, message: `upstream said ${code} for ${key}` });
    const onCreate = await rejection(adapter.place(request(shopeeRef)));
    expect(onCreate, code).toBeInstanceOf(TABLE[code].create);
    // The key is never echoed back, even when 247xd's message contains it.
    expect(onCreate.message).not.toContain(key);
    expect(charges()).toBe(0);
    adapter = makeAdapter();
    for (let i = 0; i < 2; i++) sim.injectFault({ endpoint: 'balance', kind: 'error', status, code, message: `upstream said ${code}` });
    const onRead = await rejection(adapter.balance());
    sim.clearFaults();
    expect(onRead, code).toBeInstanceOf(TABLE[code].read);
    if (code === 'RATE_LIMITED') {
      // X-RateLimit-Reset 1709312400 is 30 s after T0.
      expect(onCreate.retryAfterSeconds).toBe(30);
      expect(onRead.retryAfterSeconds).toBe(30);
    }
    if (code === 'UNAUTHORIZED') expect(onRead.message).toContain('XD247_API_KEY');
    adapter = makeAdapter();
  });

  it('the real refusals: an expired key (401), a banned account (403)', async () => {
    sim.setKeyExpired(true);
    expect(await rejection(adapter.balance())).toMatchObject({ providerCode: 'UNAUTHORIZED', httpStatus: 401 });
    sim.setKeyExpired(false);
    sim.setBanned(true);
    expect(await rejection(adapter.place(request(shopeeRef)))).toMatchObject({ providerCode: 'ACCOUNT_BANNED', httpStatus: 403 });
    expect(charges()).toBe(0);
  });

  it('a lookup meeting 401/403 is unknown, never absent', async () => {
    const { handle } = await placed();
    sim.setBanned(true);
    expect((await adapter.lookup(handle)).outcome).toBe('unknown');
  });
});

describe('rate limit (section 3): one budget of 60 a minute, and X-RateLimit-* read back', () => {
  it('the 61st call of a minute is not sent: RateLimitedError, no 429 ever reaches 247xd', async () => {
    adapter = makeAdapter({ rateLimit: undefined });
    expect(XD247_RATE_LIMIT).toEqual({ limit: 60, windowMs: 60_000 });
    expect(XD247_BUDGET_GROUP).toBe('account');
    for (let i = 0; i < 60; i++) await adapter.balance();
    const error = await rejection(adapter.balance());
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.providerCode).toBe('REQUEST_BUDGET');
    expect(sim.requests.length).toBe(60);
    expect(sim.requests.every((r) => r.status === 200)).toBe(true);
    expect(adapter.requestsSent()).toBe(60);
  });

  it('Remaining 0 closes the budget until Reset, whatever the local count (all calls share it)', async () => {
    await startSim({ rateLimitPerMinute: 3 });
    adapter = makeAdapter();
    const { handle } = await placed();
    await adapter.balance();
    await found(handle);
    expect(sim.requests.length).toBe(3);
    const error = await rejection(adapter.balance());
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.providerCode).toBe('REQUEST_BUDGET');
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(29);
    expect(sim.requests.length).toBe(3);
    expect(sim.requests.some((r) => r.status === 429)).toBe(false);
    expect(handle.providerRef).toMatch(/\S/);
  });
});

describe('other readings of the undocumented answers (tolerated, failing safe)', () => {
  /** An adapter whose upstream answers with `routes[path]` (JSON), 404 NOT_FOUND otherwise. */
  function fakeUpstream(routes: Record<string, { status?: number; body: unknown }>): Xd247Adapter {
    const fakeFetch: typeof fetch = async (input) => {
      const path = new URL(String(input)).pathname.replace(/^\/api\/v1/, '');
      const route = routes[path] ?? { status: 404, body: { success: false, error: { code: 'NOT_FOUND', message: 'ไม่พบรายการ' } } };
      return new Response(typeof route.body === 'string' ? route.body : JSON.stringify(route.body), { status: route.status ?? 200, headers: { 'content-type': 'application/json' } });
    };
    return createXd247Adapter({ baseUrl: 'http://xd247.invalid/api/v1', apiKey: XD247_SANDBOX_API_KEY, fetch: fakeFetch, now: () => new Date(T0) });
  }
  const ok = (data: unknown) => ({ body: `{"success":true,"data":${typeof data === 'string' ? data : JSON.stringify(data)}}` });

  it('service lists wrapped, with other field names; a social price without its unit is left out', async () => {
    const upstream = fakeUpstream({
      '/otp/services': ok('{"services":[{"serviceId":"s1","title":"Telegram","price_options":[{"priceOptionId":"p1","name":"VIP","coins":"21.50","available":"7"},{"name":"no id","price":3}]}]}'),
      '/social/services': ok(
        '[{"id":"x","name":"TikTok ยอดวิว","category":"TikTok","options":[{"id":"o1","name":"วิว","rate":4.20,"min":1000,"max":100000},{"id":"o2","name":"bare","price":9.00}]}]',
      ),
      '/premium/services': ok('{"items":[{"id":7,"name":"Spotify Premium","price":49,"quantity":3},{"id":8,"name":"no price"}]}'),
    });
    const offers = await upstream.offers();
    expect(offers.map((o) => [o.serviceKey, o.providerRef, o.price.toString(), o.available])).toEqual([
      ['otp:telegram:TH', 'otp:s1:p1', '21.5', 7],
      ['social:tiktok:ยอดวิว-วิว', 'social:o1:1000:100000', '4.2', null],
      ['premium:spotify-premium', 'premium:7', '49', 3],
    ]);
  });

  it('order answers with other words and names: canceled, otp, error as a string; unknown words are unknown', async () => {
    const id = 'o-1';
    const handle: OrderHandle = {
      kind: 'OTP_NUMBER', reference: 'r', providerRef: id, offerRef: 'otp:s:p', intent: OTP_INTENT, maxPrice: null, price: thb('15'), providerData: {}, createdAt: new Date(T0),
    };
    const withOrder = (order: unknown) => fakeUpstream({ [`/otp/orders/${id}`]: ok(order) });
    expect(await withOrder({ id, phone: '66812345678', status: 'Waiting SMS', otp: '123456', price: 15 }).lookup(handle)).toMatchObject({
      outcome: 'found',
      snapshot: { status: 'OTP_RECEIVED', otp: { phoneNumber: '+66812345678', message: { code: '123456' } } },
    });
    expect(await withOrder({ orderId: id, status: 'canceled', price: '15.00' }).lookup(handle)).toMatchObject({ outcome: 'found', snapshot: { status: 'CANCELED', refund: null } });
    expect(await withOrder({ orderId: id, status: 'refunded', price: '15.00', refund_amount: '15.00' }).lookup(handle)).toMatchObject({ outcome: 'found', snapshot: { status: 'REFUNDED' } });
    expect(await withOrder({ orderId: id, status: 'on_hold' }).lookup(handle)).toMatchObject({ outcome: 'unknown', reason: expect.stringContaining('on_hold') });
    expect(await withOrder({ status: 'waiting_sms' }).lookup(handle)).toMatchObject({ outcome: 'unknown' });
    const stringError = fakeUpstream({ [`/otp/orders/${id}`]: { status: 404, body: { success: false, error: 'NOT_FOUND' } } });
    expect((await stringError.lookup(handle)).outcome).toBe('absent');
    const html404 = fakeUpstream({ [`/otp/orders/${id}`]: { status: 404, body: '<html>nginx</html>' } });
    expect((await html404.lookup(handle)).outcome).toBe('unknown');
  });

  it('a create answer with an order id but other fields unreadable still records the order (never a refusal)', async () => {
    const upstream = fakeUpstream({ '/otp/orders': { status: 201, body: { success: true, data: { id: 'o-9', status: 'new' } } } });
    const snapshot = await upstream.place(request('otp:s:p'));
    expect(snapshot).toMatchObject({ providerRef: 'o-9', status: 'ACTIVE', price: null });
    const noId = fakeUpstream({ '/otp/orders': { status: 201, body: { success: true, data: { status: 'waiting_sms' } } } });
    expect(await rejection(noId.place(request('otp:s:p')))).toBeInstanceOf(AmbiguousOutcomeError);
  });
});

describe('settings', () => {
  const key = `247xd_${'k'.repeat(40)}`;

  it('none → null; the optional ones without the key → an error naming XD247_API_KEY', () => {
    expect(xd247.settings({})).toBeNull();
    expect(() => xd247.settings({ XD247_BASE_URL: 'https://x.example/api/v1' })).toThrow(/XD247_API_KEY/);
    expect(() => xd247.settings({ XD247_COIN_THB: '2' })).toThrow(ProviderSettingsError);
  });

  it('a malformed key names XD247_API_KEY and never echoes it', () => {
    for (const bad of ['247xd_tooshort-secretish', `247xd_${'a'.repeat(41)}`, `xd247_${'a'.repeat(40)}`]) {
      let error: unknown;
      try {
        xd247.settings({ XD247_API_KEY: bad });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ProviderSettingsError);
      expect((error as Error).message).toContain('XD247_API_KEY');
      expect((error as Error).message).not.toContain(bad);
    }
  });

  it('defaults, and XD247_COIN_THB checked', () => {
    expect(xd247.settings({ XD247_API_KEY: key })).toEqual({ apiKey: key, baseUrl: 'https://247xd.com/api/v1', coinThb: '1' });
    expect(xd247.settings({ XD247_API_KEY: key, XD247_COIN_THB: '0.350', XD247_BASE_URL: 'https://alt.example/api/v1/' })).toEqual({ apiKey: key, baseUrl: 'https://alt.example/api/v1', coinThb: '0.35' });
    for (const bad of ['0', '-1', 'abc', '1e3']) expect(() => xd247.settings({ XD247_API_KEY: key, XD247_COIN_THB: bad })).toThrow(/XD247_COIN_THB/);
    expect(() => xd247.settings({ XD247_API_KEY: key, XD247_BASE_URL: 'ftp://x' })).toThrow(/XD247_BASE_URL/);
    expect(xd247.secretVariables).toEqual(['XD247_API_KEY']);
    expect(xd247.variables).toEqual(['XD247_API_KEY', 'XD247_BASE_URL', 'XD247_COIN_THB']);
    expect({ id: xd247.id, name: xd247.name }).toEqual({ id: 'XD247', name: '247xd' });
  });
});

describe('descriptor', () => {
  it('sandbox() starts the simulator and create() talks to it; deliverOtp drives an order', async () => {
    const run = await xd247.sandbox({ resultDelayMs: { minDelayMs: 60_000, maxDelayMs: 60_000 }, runId: Math.floor(T0 / 1000) });
    try {
      const live = xd247.create(run.settings, { logger: createLogger('silent'), callbackUrl: () => null });
      expect(live.id).toBe('XD247');
      expect(live.kinds).toEqual(['OTP_NUMBER', 'SOCIAL_BOOST', 'PREMIUM_APP']);
      expect((await live.balance()).toString()).toBe('5000');
      const offer = (await live.offers()).find((o: ProviderOffer) => o.serviceKey === 'otp:line:TH')!;
      const req = request(offer.providerRef);
      const snapshot = await live.place(req);
      expect(snapshot.providerRef).toMatch(/^247d0000-/);
      await run.controls.deliverOtp!(snapshot.providerRef, '654321');
      const result = await live.lookup({ ...handleOf(req, snapshot), createdAt: new Date() });
      expect(result).toMatchObject({ outcome: 'found', snapshot: { status: 'OTP_RECEIVED', otp: { message: { code: '654321' } } } });
    } finally {
      await run.simulator.stop();
    }
  });
});
