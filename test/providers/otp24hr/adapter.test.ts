import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AmbiguousOutcomeError,
  CancelTooEarlyError,
  InsufficientBalanceError,
  NoOfferAvailableError,
  NotFoundError,
  ProviderFailure,
  ProviderRejectedError,
  RateLimitedError,
  ServiceUnavailableError,
} from '../../../src/domain/errors.ts';
import { Money } from '../../../src/domain/money.ts';
import type { OrderHandle, OrderSnapshot, PlaceOrderRequest } from '../../../src/domain/provider.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { ProviderSettingsError } from '../../../src/providers/descriptor.ts';
import { createOtp24hrAdapter } from '../../../src/providers/otp24hr/adapter.ts';
import type { Otp24hrAdapter, Otp24hrAdapterOptions } from '../../../src/providers/otp24hr/adapter.ts';
import { COUNTRIES, PLATFORM_KEYS, isoCountry, platformKey } from '../../../src/providers/otp24hr/catalog.ts';
import type { Otp24hrClient } from '../../../src/providers/otp24hr/client.ts';
import { otp24hr } from '../../../src/providers/otp24hr/index.ts';
import { BUY_HORIZON_MS, CLOCK_SKEW_MARGIN_MS, parseProviderTime, settleFromHistory } from '../../../src/providers/otp24hr/order-history.ts';
import { e164, unifiedStatus } from '../../../src/providers/otp24hr/order-snapshots.ts';
import { createOtp24hrSimulator, DOCUMENTED_ERRORS, SEED_OFFERS, SEED_SERVICES } from '../../../src/providers/otp24hr/simulator.ts';
import type { Otp24hrSimulator, Otp24hrSimulatorOptions } from '../../../src/providers/otp24hr/simulator.ts';
import { ERROR_CODES } from '../../../src/providers/otp24hr/wire.ts';
import type { ErrorCode, OrderHistoryItem } from '../../../src/providers/otp24hr/wire.ts';
import { buy as simBuy } from './sim-client.ts';

const T0 = Date.parse('2026-02-25T10:00:00Z');
const SECOND = 1000;
const MINUTE = 60_000;
const KEY = 'otp24hr_live_key_do_not_leak_7731';
const OTHER_KEY = 'another-reseller-key-5150';

let sim: Otp24hrSimulator;
let adapter: Otp24hrAdapter;
/** Every request the adapter sent: URL, headers, body. */
let sent: { url: string; headers: Headers; body: string | null }[];

async function startSim(options: Otp24hrSimulatorOptions = {}): Promise<void> {
  await sim?.stop();
  sim = createOtp24hrSimulator({ apiKeys: [KEY, OTHER_KEY], now: () => T0, rateLimitPerMinute: null, ...options });
  await sim.start();
}

function makeAdapter(options: Partial<Otp24hrAdapterOptions> = {}): Otp24hrAdapter {
  const recordingFetch: typeof fetch = async (input, init) => {
    sent.push({ url: String(input), headers: new Headers(init?.headers), body: typeof init?.body === 'string' ? init.body : null });
    return fetch(input, init);
  };
  return createOtp24hrAdapter({ baseUrl: sim.baseUrl, apiKey: KEY, rateLimitPerMinute: 1000, now: () => new Date(sim.now()), fetch: recordingFetch, ...options });
}

function placeRequest(offerRef: string, maxPrice: Money | null = null): PlaceOrderRequest {
  return { offerRef, intent: { kind: 'OTP_NUMBER', policy: 'CHEAPEST' }, maxPrice, reference: 'sb-ref-1', callbackUrl: null };
}

/** What the core would hand back: from a placed snapshot, or (ambiguous buy) without a provider ref. */
function handleOf(offerRef: string, snapshot: OrderSnapshot | null, createdAt = new Date(T0), price: Money | null = snapshot?.price ?? null): OrderHandle {
  return {
    kind: 'OTP_NUMBER',
    reference: 'sb-ref-1',
    providerRef: snapshot?.providerRef ?? null,
    offerRef,
    intent: { kind: 'OTP_NUMBER', policy: 'CHEAPEST' },
    maxPrice: null,
    price,
    providerData: snapshot?.providerData ?? {},
    createdAt,
  };
}

const thb = (amount: string): Money => Money.of(amount, 'THB');
const calls = (endpoint: string): number => sim.requests.filter((r) => r.endpoint === endpoint).length;
const charges = (): number => sim.ledger.filter((e) => e.kind === 'charge').length;

beforeEach(async () => {
  sent = [];
  await startSim();
  adapter = makeAdapter();
});

afterEach(async () => {
  await sim.stop();
});

describe('identity and account', () => {
  it('declares OTP numbers in THB, cancel, complete, the orders.php batch and countries; no resend, refund or webhook', () => {
    expect(adapter).toMatchObject({ id: 'OTP24HR', name: 'OTP24HR', currency: 'THB', kinds: ['OTP_NUMBER'] });
    expect(Object.keys(adapter.operations).sort()).toEqual(['activeOrders', 'cancel', 'complete', 'countries', 'history']);
    expect(adapter.webhook).toBeUndefined();
  });

  it('reads the balance as exact THB', async () => {
    sim.setBalance('1234.56');
    const balance = await adapter.balance();
    expect(balance.currency).toBe('THB');
    expect(balance.toString()).toBe('1234.56');
  });

  it('sends the key as X-API-Key only: never in the URL, the body or an Authorization header', async () => {
    await adapter.balance();
    await adapter.place(placeRequest('ka:52'));
    expect(sent).toHaveLength(2);
    for (const request of sent) {
      expect(request.headers.get('x-api-key')).toBe(KEY);
      expect(request.headers.get('authorization')).toBeNull();
      expect(request.url).not.toContain(KEY);
      expect(request.body ?? '').not.toContain(KEY);
    }
    expect(JSON.parse(sent[1]?.body ?? '')).toEqual({ service: 'ka', country: 52 });
  });

  it('never puts the API key in an error, even when the upstream echoes it', async () => {
    const stranger = makeAdapter({ apiKey: `${KEY}-wrong` });
    const refused = await stranger.balance().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProviderRejectedError);
    expect((refused as ProviderRejectedError).providerCode).toBe('INVALID_API_KEY');
    expect((refused as Error).message).toContain('OTP24HR_API_KEY');
    sim.injectFault({ endpoint: 'balance', kind: 'error', status: 403, code: 'API_KEY_DISABLED', message: `key ${KEY} is disabled` });
    const echoed = await adapter.balance().catch((e: unknown) => e);
    for (const error of [refused, echoed]) {
      const everything = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ''}`;
      expect(everything).not.toContain(KEY);
    }
  });

  it('health follows the calls: UP, DEGRADED after RATE_LIMIT, DOWN after repeated failures', async () => {
    await adapter.balance();
    expect(adapter.health().status).toBe('UP');
    sim.injectFault({ endpoint: 'balance', kind: 'error', status: 429, code: 'RATE_LIMIT' });
    await expect(adapter.balance()).rejects.toBeInstanceOf(RateLimitedError);
    expect(adapter.health().status).toBe('DEGRADED');
    adapter = makeAdapter();
    for (let i = 0; i < 3; i++) {
      sim.injectFault({ endpoint: 'balance', kind: 'dropBeforeCommit' });
      sim.injectFault({ endpoint: 'balance', kind: 'dropBeforeCommit' });
      await expect(adapter.balance()).rejects.toBeInstanceOf(ServiceUnavailableError);
    }
    expect(adapter.health().status).toBe('DOWN');
  });
});

describe('catalog', () => {
  it('loads services.php once per table country and maps codes and countries to canonical keys, prices exact', async () => {
    const offers = await adapter.offers();
    expect(calls('services')).toBe(COUNTRIES.length);
    const queried = sent.map((r) => new URL(r.url).searchParams.get('country')).sort();
    expect(queried).toEqual(COUNTRIES.map((c) => String(c.id)).sort());

    const shopee = offers.find((o) => o.providerRef === 'ka:52');
    expect(shopee).toMatchObject({ serviceKey: 'otp:shopee:TH', name: 'SHOPEE Thailand', available: null, details: { kind: 'OTP_NUMBER', platform: 'shopee', country: 'TH' } });
    expect(shopee?.price.currency).toBe('THB');
    expect(shopee?.price.toString()).toBe('15');
    expect(offers.find((o) => o.providerRef === 'lf:52')?.price.toString()).toBe('8.75');
    expect(offers.find((o) => o.providerRef === 'ni:6')?.serviceKey).toBe('otp:gojek:ID');
    expect(offers.find((o) => o.providerRef === 'me:52')?.serviceKey).toBe('otp:line:TH');
    expect(offers.find((o) => o.providerRef === 'jg:7')?.serviceKey).toBe('otp:grab:MY');
    expect(offers.find((o) => o.providerRef === 'lf:4')?.serviceKey).toBe('otp:tiktok:PH');
    expect(offers.find((o) => o.providerRef === 'tg:10')?.serviceKey).toBe('otp:telegram:VN');
    // Every seeded offer is there, one per service and country.
    expect(offers).toHaveLength(SEED_OFFERS.length);
    expect(new Set(offers.map((o) => o.serviceKey)).size).toBe(offers.length);
  });

  it('lists a code the table does not know under the provider code, and an out-of-stock service as 0 available', async () => {
    await startSim({
      services: [...SEED_SERVICES, { code: 'xq', name: 'SOMEAPP' }],
      offers: [...SEED_OFFERS, { service: 'xq', country: 52, priceThb: '3.33', stock: 5 }],
    });
    adapter = makeAdapter();
    sim.setStock('tg', 52, 0);
    const offers = await adapter.offers();
    expect(offers.find((o) => o.providerRef === 'xq:52')).toMatchObject({ serviceKey: 'otp:xq:TH', details: { platform: 'xq', country: 'TH' } });
    expect(offers.find((o) => o.providerRef === 'xq:52')?.price.toString()).toBe('3.33');
    expect(offers.find((o) => o.providerRef === 'tg:52')?.available).toBe(0);
  });

  it('one failed country fails the load instead of publishing a catalog with a hole', async () => {
    sim.injectFault({ endpoint: 'services', kind: 'error', status: 429, code: 'RATE_LIMIT' });
    await expect(adapter.offers()).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('countries come from the table with ISO codes and dial codes', async () => {
    const countries = await adapter.operations.countries!();
    expect(countries).toContainEqual({ code: 'TH', name: 'Thailand', dialCode: '+66' });
    expect(countries.map((c) => c.code)).toEqual(expect.arrayContaining(['TH', 'ID', 'MY', 'VN', 'PH']));
    expect(new Set(countries.map((c) => c.code)).size).toBe(countries.length);
    expect(sim.requests).toHaveLength(0);
  });

  it('mapping tables: smscode keys where both sell the platform; unknown codes and countries kept as the provider writes them', () => {
    expect(platformKey('ka')).toBe('shopee');
    expect(platformKey('WA')).toBe('whatsapp');
    expect(platformKey('go')).toBe('google');
    expect(platformKey('zz')).toBe('zz');
    expect(new Set(Object.values(PLATFORM_KEYS)).size).toBe(Object.keys(PLATFORM_KEYS).length);
    expect([52, 6, 7, 10, 4].map(isoCountry)).toEqual(['TH', 'ID', 'MY', 'VN', 'PH']);
    expect(isoCountry(999)).toBe('999');
    expect(new Set(COUNTRIES.map((c) => c.iso)).size).toBe(COUNTRIES.length);
  });
});

describe('place', () => {
  it('buys once: ACTIVE snapshot, E.164 number, exact price, expiry from expires_in_min, one charge', async () => {
    const snapshot = await adapter.place(placeRequest('ka:52'));
    expect(snapshot).toMatchObject({ providerRef: '1672', status: 'ACTIVE', providerStatus: 'waiting', refund: null, failedReason: null });
    expect(snapshot.price?.toString()).toBe('15');
    expect(snapshot.otp?.phoneNumber).toMatch(/^\+66\d{9}$/);
    expect(snapshot.otp?.expiresAt).toEqual(new Date(T0 + 20 * MINUTE));
    expect(snapshot.otp?.message).toBeNull();
    expect(snapshot.providerData).toMatchObject({ service: 'ka', country: 52, expiresAt: new Date(T0 + 20 * MINUTE).toISOString() });
    expect(calls('buy')).toBe(1);
    expect(sim.ledger).toEqual([{ kind: 'charge', orderRef: '1672', amount: '15.00', at: T0 }]);
    expect(sim.balanceOf(KEY)).toBe('1485.00');
  });

  it('with a cap: the current price is read first and a buy above the cap is never sent', async () => {
    const refused = await adapter.place(placeRequest('ka:52', thb('14.99'))).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NoOfferAvailableError);
    expect((refused as NoOfferAvailableError).providerCode).toBe('PRICE_ABOVE_CAP');
    expect(calls('buy')).toBe(0);
    const placed = await adapter.place(placeRequest('ka:52', thb('15')));
    expect(placed.price?.toString()).toBe('15');
    expect(calls('buy')).toBe(1);
  });

  it('refuses what it cannot sell before sending anything', async () => {
    await expect(adapter.place(placeRequest('not-a-ref'))).rejects.toMatchObject({ providerCode: 'INVALID_OFFER_REF' });
    await expect(adapter.place({ ...placeRequest('ka:52'), intent: { kind: 'PREMIUM_APP' } })).rejects.toMatchObject({ providerCode: 'UNSUPPORTED_KIND' });
    await expect(adapter.place(placeRequest('ka:52', Money.of('1', 'USD')))).rejects.toBeInstanceOf(ProviderFailure);
    expect(sim.requests).toHaveLength(0);
  });
});

describe('lookup with the provider ref', () => {
  it('waiting → ACTIVE; the OTP arrives → OTP_RECEIVED with one message keyed by its code', async () => {
    const placed = await adapter.place(placeRequest('ka:52'));
    const handle = handleOf('ka:52', placed);
    const waiting = await adapter.lookup(handle);
    expect(waiting.outcome).toBe('found');
    if (waiting.outcome !== 'found') return;
    expect(waiting.snapshot).toMatchObject({ status: 'ACTIVE', providerStatus: 'waiting', otp: { phoneNumber: placed.otp?.phoneNumber, expiresAt: new Date(T0 + 20 * MINUTE), message: null } });

    sim.deliverOtp(Number(placed.providerRef), '123456');
    const [first, second] = [await adapter.lookup(handle), await adapter.lookup(handle)];
    if (first.outcome !== 'found' || second.outcome !== 'found') throw new Error('not found');
    expect(first.snapshot).toMatchObject({ status: 'OTP_RECEIVED', providerStatus: 'success', otp: { message: { code: '123456', text: '123456' } } });
    expect(second.snapshot.otp?.message?.key).toBe(first.snapshot.otp?.message?.key);
    sim.deliverOtp(Number(placed.providerRef), '654321');
    const third = await adapter.lookup(handle);
    if (third.outcome !== 'found') throw new Error('not found');
    expect(third.snapshot.otp?.message?.key).not.toBe(first.snapshot.otp?.message?.key);
  });

  it('ORDER_NOT_FOUND → absent', async () => {
    const result = await adapter.lookup({ ...handleOf('ka:52', null), providerRef: '999999' });
    expect(result.outcome).toBe('absent');
  });

  it('429, 5xx, a dropped or refused connection, FORBIDDEN → unknown', async () => {
    const placed = await adapter.place(placeRequest('ka:52'));
    const handle = handleOf('ka:52', placed);
    sim.injectFault({ endpoint: 'status', kind: 'error', status: 502, code: 'PROVIDER_ERROR' });
    expect((await adapter.lookup(handle)).outcome).toBe('unknown');
    sim.injectFault({ endpoint: 'status', kind: 'dropBeforeCommit' });
    sim.injectFault({ endpoint: 'status', kind: 'dropBeforeCommit' });
    expect((await adapter.lookup(handle)).outcome).toBe('unknown');
    sim.injectFault({ endpoint: 'status', kind: 'error', status: 403, code: 'FORBIDDEN' });
    expect((await adapter.lookup(handle)).outcome).toBe('unknown');
    sim.injectFault({ endpoint: 'status', kind: 'error', status: 429, code: 'RATE_LIMIT' });
    expect((await adapter.lookup(handle)).outcome).toBe('unknown');
    await sim.stop();
    const refused = await makeAdapter().lookup(handle);
    expect(refused.outcome).toBe('unknown');
  });

  it('timeout → EXPIRED with the price refunded', async () => {
    const placed = await adapter.place(placeRequest('fb:52'));
    await sim.advanceClock(21 * MINUTE);
    const result = await adapter.lookup(handleOf('fb:52', placed));
    if (result.outcome !== 'found') throw new Error('not found');
    expect(result.snapshot).toMatchObject({ status: 'EXPIRED', providerStatus: 'timeout' });
    expect(result.snapshot.refund?.toString()).toBe('10.5');
    expect(sim.ledger.map((e) => e.kind)).toEqual(['charge', 'refund']);
  });
});

describe('operations', () => {
  it('cancel in the first 2 minutes → CancelTooEarlyError with the seconds left (never below 1); after that it refunds', async () => {
    const placed = await adapter.place(placeRequest('ka:52'));
    const handle = handleOf('ka:52', placed);
    await sim.advanceClock(30 * SECOND);
    const early = await adapter.operations.cancel!(handle).catch((e: unknown) => e);
    expect(early).toBeInstanceOf(CancelTooEarlyError);
    expect((early as CancelTooEarlyError).providerCode).toBe('EARLY_CANCEL_DENIED');
    expect((early as CancelTooEarlyError).secondsRemaining).toBe(90);
    // Our clock ahead of theirs: OTP24HR still refuses although our count says the window is over.
    sim.injectFault({ endpoint: 'cancel', kind: 'error', status: 409, code: 'EARLY_CANCEL_DENIED' });
    const skewed = await adapter.operations.cancel!({ ...handle, createdAt: new Date(T0 - 10 * MINUTE) }).catch((e: unknown) => e);
    expect((skewed as CancelTooEarlyError).secondsRemaining).toBe(1);

    await sim.advanceClock(90 * SECOND);
    const canceled = await adapter.operations.cancel!(handle);
    expect(canceled.status).toBe('CANCELED');
    expect(canceled.refund?.toString()).toBe('15');
    expect(sim.ledger.map((e) => `${e.kind} ${e.amount}`)).toEqual(['charge 15.00', 'refund 15.00']);
    const after = await adapter.lookup(handle);
    if (after.outcome !== 'found') throw new Error('not found');
    expect(after.snapshot).toMatchObject({ status: 'CANCELED', providerStatus: 'cancel' });
    expect(after.snapshot.refund?.toString()).toBe('15');
  });

  it('complete confirms a received OTP', async () => {
    const placed = await adapter.place(placeRequest('ka:52'));
    sim.deliverOtp(Number(placed.providerRef), '4242');
    const outcome = await adapter.operations.complete!(handleOf('ka:52', placed));
    expect(outcome).toEqual({ status: 'COMPLETED', refund: null, providerStatus: 'success' });
    expect(calls('complete')).toBe(1);
  });

  it('activeOrders reads orders.php once: waiting and not-yet-completed success orders, nothing else', async () => {
    const a = await adapter.place(placeRequest('ka:52'));
    const b = await adapter.place(placeRequest('fb:52'));
    const c = await adapter.place(placeRequest('tg:52'));
    const d = await adapter.place(placeRequest('lf:52'));
    sim.deliverOtp(Number(b.providerRef), '111111');
    sim.deliverOtp(Number(d.providerRef), '222222');
    await adapter.operations.complete!(handleOf('lf:52', d));
    await sim.advanceClock(2 * MINUTE);
    await adapter.operations.cancel!(handleOf('tg:52', c));
    const before = calls('orders');
    const live = await adapter.operations.activeOrders!();
    expect(calls('orders') - before).toBe(1);
    expect(live.map((s) => [s.providerRef, s.status])).toEqual([
      [b.providerRef, 'OTP_RECEIVED'],
      [a.providerRef, 'ACTIVE'],
    ]);
    expect(live[0]?.otp?.message?.code).toBe('111111');
    expect(live[1]?.otp?.phoneNumber).toBe(a.otp?.phoneNumber);
    expect(live[1]?.otp?.expiresAt).toEqual(new Date(T0 + 20 * MINUTE));
    // Past the rental nothing is live any more.
    await sim.advanceClock(20 * MINUTE);
    expect(await adapter.operations.activeOrders!()).toEqual([]);
  });
});

// ── the error table ────────────────────────────────────────────────────

type Run = (a: Otp24hrAdapter) => Promise<unknown>;
const viaBalance: Run = (a) => a.balance();
const viaBuy: Run = (a) => a.place(placeRequest('ka:52'));
// The order is bought first in the test body, so the fault hits the cancel itself.
const viaCancel: Run = async () => undefined;

const TABLE: { code: ErrorCode; endpoint: 'balance' | 'buy' | 'cancel'; run: Run; expected: new (...args: never[]) => Error }[] = [
  { code: 'NO_API_KEY', endpoint: 'balance', run: viaBalance, expected: ProviderRejectedError },
  { code: 'INVALID_API_KEY', endpoint: 'balance', run: viaBalance, expected: ProviderRejectedError },
  { code: 'API_KEY_DISABLED', endpoint: 'balance', run: viaBalance, expected: ProviderRejectedError },
  { code: 'IP_NOT_ALLOWED', endpoint: 'balance', run: viaBalance, expected: ProviderRejectedError },
  { code: 'RATE_LIMIT', endpoint: 'balance', run: viaBalance, expected: RateLimitedError },
  { code: 'SERVICE_REQUIRED', endpoint: 'buy', run: viaBuy, expected: ProviderRejectedError },
  { code: 'SERVICE_NOT_FOUND', endpoint: 'buy', run: viaBuy, expected: NoOfferAvailableError },
  { code: 'INSUFFICIENT_BALANCE', endpoint: 'buy', run: viaBuy, expected: InsufficientBalanceError },
  { code: 'PROVIDER_ERROR', endpoint: 'buy', run: viaBuy, expected: NoOfferAvailableError },
  { code: 'ORDER_NOT_FOUND', endpoint: 'cancel', run: viaCancel, expected: NotFoundError },
  { code: 'FORBIDDEN', endpoint: 'cancel', run: viaCancel, expected: ProviderRejectedError },
  { code: 'EARLY_CANCEL_DENIED', endpoint: 'cancel', run: viaCancel, expected: CancelTooEarlyError },
];

describe('error table: every documented code → its typed error', () => {
  it('covers exactly the document table', () => {
    expect(TABLE.map((row) => row.code)).toEqual([...ERROR_CODES]);
  });

  for (const statusMode of ['conventional', 'always200'] as const) {
    it.each(TABLE)(`$code (HTTP status ${statusMode}) → $expected.name`, async ({ code, endpoint, run, expected }) => {
      const status = statusMode === 'always200' ? 200 : DOCUMENTED_ERRORS[code].status;
      // The order a cancel is about exists before the fault is queued; nothing else is bought.
      const pending = endpoint === 'cancel' ? await simBuy(sim, { service: 'ka', country: 52 }, KEY) : null;
      const before = charges();
      sim.injectFault({ endpoint, kind: 'error', status, code });
      const error = await (pending === null ? run(adapter) : adapter.operations.cancel!(handleOf('ka:52', { providerRef: String(pending) } as OrderSnapshot))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(expected);
      if (code !== 'ORDER_NOT_FOUND') expect((error as ProviderFailure).providerCode).toBe(code);
      expect((error as Error).message).not.toContain(KEY);
      expect(charges()).toBe(before);
    });
  }

  it('RATE_LIMIT waits out a whole minute: the budget is paused, the next call is refused without reaching OTP24HR', async () => {
    await startSim({ rateLimitPerMinute: 2 });
    adapter = makeAdapter();
    await adapter.balance();
    await adapter.balance();
    const limited = await adapter.balance().catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect(limited).toMatchObject({ providerCode: 'RATE_LIMIT', retryAfterSeconds: 60 });
    const seen = sim.requests.length;
    await expect(adapter.balance()).rejects.toMatchObject({ providerCode: 'REQUEST_BUDGET' });
    expect(sim.requests.length).toBe(seen);
    await sim.advanceClock(61 * SECOND);
    await expect(adapter.balance()).resolves.toBeInstanceOf(Money);
  });

  it('the same codes from their real causes', async () => {
    const otherOrder = await simBuy(sim, { service: 'ka', country: 52 }, OTHER_KEY);
    const cases: [string, () => Promise<unknown>, new (...args: never[]) => Error, string | null][] = [
      ['INVALID_API_KEY', () => makeAdapter({ apiKey: 'nobody-knows-this-key' }).balance(), ProviderRejectedError, 'INVALID_API_KEY'],
      ['SERVICE_NOT_FOUND', () => adapter.place(placeRequest('zz:52')), NoOfferAvailableError, 'SERVICE_NOT_FOUND'],
      ['FORBIDDEN', () => adapter.operations.cancel!(handleOf('ka:52', { providerRef: String(otherOrder) } as OrderSnapshot)), ProviderRejectedError, 'FORBIDDEN'],
      ['ORDER_NOT_FOUND', () => adapter.operations.complete!(handleOf('ka:52', { providerRef: '987654' } as OrderSnapshot)), NotFoundError, null],
    ];
    for (const [label, run, expected, code] of cases) {
      const error = await run().catch((e: unknown) => e);
      expect(error, label).toBeInstanceOf(expected);
      if (code) expect((error as ProviderFailure).providerCode, label).toBe(code);
    }
    sim.setStock('ka', 52, 0);
    await expect(adapter.place(placeRequest('ka:52'))).rejects.toMatchObject({ providerCode: 'PROVIDER_ERROR', code: 'NO_OFFER_AVAILABLE' });
    sim.setBalance('1.00');
    await expect(adapter.place(placeRequest('fb:52'))).rejects.toBeInstanceOf(InsufficientBalanceError);
    sim.setIpWhitelist(KEY, ['10.9.9.9']);
    await expect(adapter.balance()).rejects.toMatchObject({ providerCode: 'IP_NOT_ALLOWED' });
    sim.setIpWhitelist(KEY, null);
    sim.setApiKeyDisabled(KEY, true);
    await expect(adapter.balance()).rejects.toMatchObject({ providerCode: 'API_KEY_DISABLED' });
    expect(charges()).toBe(1);
  });

  it('PROVIDER_ERROR on a read is a passing unavailability; an undocumented code passes through', async () => {
    const placed = await adapter.place(placeRequest('ka:52'));
    sim.injectFault({ endpoint: 'services', kind: 'error', status: 502, code: 'PROVIDER_ERROR' });
    await expect(adapter.offers()).rejects.toBeInstanceOf(ServiceUnavailableError);
    sim.injectFault({ endpoint: 'complete', kind: 'error', status: 409, code: 'INVALID_ORDER_STATUS' });
    await expect(adapter.operations.complete!(handleOf('ka:52', placed))).rejects.toMatchObject({ code: 'PROVIDER_ERROR', providerCode: 'INVALID_ORDER_STATUS' });
  });
});

// ── ambiguous buys ─────────────────────────────────────────────────────

describe('ambiguous outcomes: sent once, never re-sent, settled from orders.php', () => {
  const faults = [
    ['dropAfterCommit', { endpoint: 'buy', kind: 'dropAfterCommit' }],
    ['malformedAfterCommit', { endpoint: 'buy', kind: 'malformedAfterCommit' }],
    ['delay past the timeout', { endpoint: 'buy', kind: 'delay', ms: 1500 }],
  ] as const;

  it.each(faults)('%s → AmbiguousOutcomeError, one buy request, one charge; lookup finds that order', async (_label, fault) => {
    adapter = makeAdapter({ timeoutMs: 400 });
    sim.injectFault({ ...fault });
    const error = await adapter.place(placeRequest('ka:52')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousOutcomeError);
    expect(calls('buy')).toBe(1);
    expect(charges()).toBe(1);

    const result = await adapter.lookup(handleOf('ka:52', null, new Date(T0), thb('15.00')));
    expect(result.outcome).toBe('found');
    if (result.outcome !== 'found') return;
    expect(result.snapshot).toMatchObject({ providerRef: '1672', status: 'ACTIVE', providerStatus: 'waiting' });
    expect(result.snapshot.price?.toString()).toBe('15');
    expect(result.snapshot.otp?.phoneNumber).toMatch(/^\+66\d{9}$/);
    expect(result.snapshot.otp?.expiresAt).toEqual(new Date(T0 + 20 * MINUTE));
    expect(result.snapshot.providerData).toMatchObject({ service: 'ka', country: 52 });
    // Settling never buys again.
    expect(calls('buy')).toBe(1);
    expect(charges()).toBe(1);
  });

  it('an undocumented error on a 5xx to buy is ambiguous too', async () => {
    sim.injectFault({ endpoint: 'buy', kind: 'error', status: 500, code: 'INTERNAL_ERROR' });
    await expect(adapter.place(placeRequest('ka:52'))).rejects.toBeInstanceOf(AmbiguousOutcomeError);
    expect(calls('buy')).toBe(1);
  });

  it('a buy that never happened: unknown while the window is open, absent once it has passed', async () => {
    sim.injectFault({ endpoint: 'buy', kind: 'dropBeforeCommit' });
    await expect(adapter.place(placeRequest('ka:52'))).rejects.toBeInstanceOf(AmbiguousOutcomeError);
    expect(charges()).toBe(0);
    const handle = handleOf('ka:52', null, new Date(T0), thb('15'));
    // An order of another offer, and one of this offer from long before, do not count.
    await sim.advanceClock(30 * SECOND);
    await simBuy(sim, { service: 'fb', country: 52 }, KEY);
    expect((await adapter.lookup(handle)).outcome).toBe('unknown');
    await sim.advanceClock(BUY_HORIZON_MS + CLOCK_SKEW_MARGIN_MS);
    const later = await adapter.lookup(handle);
    expect(later.outcome).toBe('absent');
    expect(calls('buy')).toBe(2);
  });

  it('orders of the same offer outside the window are not ours; inside it, two make the answer unknown', async () => {
    await simBuy(sim, { service: 'ka', country: 52 }, KEY);
    await sim.advanceClock(10 * MINUTE);
    sim.injectFault({ endpoint: 'buy', kind: 'dropAfterCommit' });
    await expect(adapter.place(placeRequest('ka:52'))).rejects.toBeInstanceOf(AmbiguousOutcomeError);
    const handle = handleOf('ka:52', null, new Date(T0 + 10 * MINUTE), thb('15'));
    const found = await adapter.lookup(handle);
    expect(found).toMatchObject({ outcome: 'found', snapshot: { providerRef: '1673' } });

    // Another buy of the same offer a minute later (another customer): which one is ours cannot be told.
    await sim.advanceClock(MINUTE);
    await simBuy(sim, { service: 'ka', country: 52 }, KEY);
    const ambiguous = await adapter.lookup(handle);
    expect(ambiguous.outcome).toBe('unknown');
    if (ambiguous.outcome === 'unknown') expect(ambiguous.reason).toContain('1674, 1673');
  });

  it('one order in the window at another price than recorded → unknown, never claimed', async () => {
    sim.setPrice('ka', 52, '16.00');
    sim.injectFault({ endpoint: 'buy', kind: 'dropAfterCommit' });
    await expect(adapter.place(placeRequest('ka:52'))).rejects.toBeInstanceOf(AmbiguousOutcomeError);
    const result = await adapter.lookup(handleOf('ka:52', null, new Date(T0), thb('15.00')));
    expect(result.outcome).toBe('unknown');
    // Without a recorded price the single order in the window is the match.
    expect((await adapter.lookup(handleOf('ka:52', null, new Date(T0), null))).outcome).toBe('found');
  });

  it('an unreadable history → unknown', async () => {
    sim.injectFault({ endpoint: 'buy', kind: 'dropAfterCommit' });
    await expect(adapter.place(placeRequest('ka:52'))).rejects.toBeInstanceOf(AmbiguousOutcomeError);
    sim.injectFault({ endpoint: 'orders', kind: 'error', status: 503, code: 'PROVIDER_ERROR' });
    expect((await adapter.lookup(handleOf('ka:52', null, new Date(T0), thb('15')))).outcome).toBe('unknown');
    sim.injectFault({ endpoint: 'orders', kind: 'malformedAfterCommit' });
    expect((await adapter.lookup(handleOf('ka:52', null, new Date(T0), thb('15')))).outcome).toBe('unknown');
  });

  it('pages back through orders.php (200 a page) until the window is covered', async () => {
    sim.setPrice('ig', 52, '0.01');
    sim.setStock('ig', 52, 1000);
    sim.injectFault({ endpoint: 'buy', kind: 'dropAfterCommit' });
    await expect(adapter.place(placeRequest('ka:52'))).rejects.toBeInstanceOf(AmbiguousOutcomeError);
    await sim.advanceClock(SECOND);
    for (let i = 0; i < 205; i++) await simBuy(sim, { service: 'ig', country: 52 }, KEY);
    const result = await adapter.lookup(handleOf('ka:52', null, new Date(T0), thb('15')));
    expect(result).toMatchObject({ outcome: 'found', snapshot: { providerRef: '1672' } });
    const pages = sent.filter((r) => r.url.includes('/orders.php')).map((r) => new URL(r.url).searchParams.get('offset'));
    // The whole history is newer than the window: only an empty page proves nothing older is missing.
    expect(pages).toEqual(['0', '200', '206']);
  });
});

describe('settling from a history the simulator does not write', () => {
  const at = (ms: number): string => new Date(ms).toISOString();
  const item = (id: number, ms: number | null, extra: Partial<OrderHistoryItem> = {}): OrderHistoryItem => ({
    order_id: id,
    status: 'waiting',
    service: 'ka',
    country: 52,
    price_thb: '15.00',
    otp_code: '',
    ...(ms === null ? {} : { created_at: at(ms) }),
    ...extra,
  });
  const stub = (pages: OrderHistoryItem[][]): Otp24hrClient =>
    ({ orders: async ({ offset }: { offset: number }) => ({ ok: true, orders: pages[offset === 0 ? 0 : pages.findIndex((_, i) => pages.slice(0, i).flat().length === offset)] ?? [] }) }) as unknown as Otp24hrClient;
  const buy = { service: 'ka', country: 52, expectedPrice: thb('15'), createdAt: new Date(T0) };
  const later = new Date(T0 + 30 * MINUTE);

  it('oldest-first paging is refused (it could hide our order)', async () => {
    const result = await settleFromHistory(stub([[item(1, T0 - 60 * MINUTE), item(2, T0 + SECOND)]]), buy, later);
    expect(result.outcome).toBe('unknown');
  });

  it('a repeated order id (offset ignored) is refused', async () => {
    const page = [item(5, T0 + 2 * SECOND), item(4, T0 + SECOND)];
    const result = await settleFromHistory({ orders: async () => ({ ok: true, orders: page }) } as unknown as Otp24hrClient, buy, later);
    expect(result.outcome).toBe('unknown');
  });

  it('a same-offer order without a readable time, or without service/country, makes it unknown', async () => {
    expect((await settleFromHistory(stub([[item(3, T0 + SECOND), item(2, null), item(1, T0 - 60 * MINUTE)]]), buy, later)).outcome).toBe('unknown');
    const bare = item(2, T0 + SECOND, { service: undefined });
    expect((await settleFromHistory(stub([[bare, item(1, T0 - 60 * MINUTE)]]), buy, later)).outcome).toBe('unknown');
  });

  it('an empty page ends the history; a short one alone does not', async () => {
    const found = await settleFromHistory(stub([[item(2, T0 + SECOND)], []]), buy, later);
    expect(found).toMatchObject({ outcome: 'found', item: { order_id: 2 } });
    const none = await settleFromHistory(stub([[item(3, T0 + 20 * MINUTE, { service: 'fb' })], []]), buy, later);
    expect(none.outcome).toBe('absent');
  });

  it('reads MySQL date-times as Bangkok time and Unix times in seconds or ms', () => {
    expect(parseProviderTime('2026-02-25 17:00:00')).toEqual(new Date('2026-02-25T10:00:00Z'));
    expect(parseProviderTime('2026-02-25T17:00:00+07:00')).toEqual(new Date('2026-02-25T10:00:00Z'));
    expect(parseProviderTime('2026-02-25T10:00:00Z')).toEqual(new Date('2026-02-25T10:00:00Z'));
    expect(parseProviderTime(1772013600)).toEqual(new Date('2026-02-25T10:00:00Z'));
    expect(parseProviderTime('1772013600000')).toEqual(new Date('2026-02-25T10:00:00Z'));
    expect(parseProviderTime('yesterday')).toBeNull();
    expect(parseProviderTime(undefined)).toBeNull();
  });
});

describe('snapshots', () => {
  it('status words → the unified machine', () => {
    expect(unifiedStatus('waiting', '')).toBe('ACTIVE');
    expect(unifiedStatus('waiting', '123456')).toBe('OTP_RECEIVED');
    expect(unifiedStatus('success', '123456')).toBe('OTP_RECEIVED');
    expect(unifiedStatus('success', '123456', true)).toBe('COMPLETED');
    expect(unifiedStatus('cancel', '')).toBe('CANCELED');
    expect(unifiedStatus('timeout', '')).toBe('EXPIRED');
  });

  it('phone numbers in E.164', () => {
    expect(e164('66611529033', 52)).toBe('+66611529033');
    expect(e164('0611529033', 52)).toBe('+66611529033');
    expect(e164('+66 61 152 9033', 52)).toBe('+66611529033');
    expect(e164('6281234567890', null)).toBe('+6281234567890');
  });
});

// ── descriptor ─────────────────────────────────────────────────────────

describe('descriptor', () => {
  it('settings: none → null; the key alone → defaults; other settings without the key name the key', () => {
    expect(otp24hr.settings({})).toBeNull();
    expect(otp24hr.settings({ OTP24HR_API_KEY: KEY })).toEqual({ apiKey: KEY, baseUrl: 'https://otp24hr.store/api/v1', rateLimitPerMinute: 60 });
    expect(otp24hr.settings({ OTP24HR_API_KEY: KEY, OTP24HR_BASE_URL: 'https://example.test/api/v1/', OTP24HR_RATE_LIMIT_PER_MINUTE: '30' })).toEqual({
      apiKey: KEY,
      baseUrl: 'https://example.test/api/v1',
      rateLimitPerMinute: 30,
    });
    expect(() => otp24hr.settings({ OTP24HR_BASE_URL: 'https://example.test' })).toThrow(/OTP24HR_API_KEY/);
    expect(() => otp24hr.settings({ OTP24HR_RATE_LIMIT_PER_MINUTE: '30' })).toThrow(ProviderSettingsError);
  });

  it('malformed settings name the variable and never the key', () => {
    for (const env of [
      { OTP24HR_API_KEY: KEY, OTP24HR_RATE_LIMIT_PER_MINUTE: 'lots' },
      { OTP24HR_API_KEY: KEY, OTP24HR_RATE_LIMIT_PER_MINUTE: '0' },
      { OTP24HR_API_KEY: KEY, OTP24HR_BASE_URL: 'ftp://otp24hr.store' },
    ]) {
      const error = (() => {
        try {
          otp24hr.settings(env);
        } catch (e) {
          return e as Error;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(ProviderSettingsError);
      expect(error?.message).toMatch(/OTP24HR_(RATE_LIMIT_PER_MINUTE|BASE_URL)/);
      expect(error?.message).not.toContain(KEY);
    }
    expect(otp24hr.secretVariables).toEqual(['OTP24HR_API_KEY']);
    expect(otp24hr.variables).toEqual(['OTP24HR_API_KEY', 'OTP24HR_BASE_URL', 'OTP24HR_RATE_LIMIT_PER_MINUTE']);
  });

  it('sandbox() starts a simulator that create() talks to: catalog, buy, an SMS after the delay, deliverOtp control', async () => {
    const sandbox = await otp24hr.sandbox({ resultDelayMs: { minDelayMs: 20, maxDelayMs: 40 }, runId: 1_772_000_000 });
    try {
      const live = otp24hr.create(sandbox.settings, { logger: createLogger('silent'), callbackUrl: () => null });
      expect(sandbox.settings.baseUrl).toBe(sandbox.simulator.baseUrl);
      expect((await live.offers()).some((o) => o.serviceKey === 'otp:shopee:TH')).toBe(true);
      const placed = await live.place(placeRequest('ka:52'));
      expect(placed.providerRef).toBe('17720000000');
      const handle = handleOf('ka:52', placed, new Date());
      let result = await live.lookup(handle);
      for (let i = 0; i < 50 && !(result.outcome === 'found' && result.snapshot.status === 'OTP_RECEIVED'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        result = await live.lookup(handle);
      }
      expect(result).toMatchObject({ outcome: 'found', snapshot: { status: 'OTP_RECEIVED' } });
      await sandbox.controls.deliverOtp!(placed.providerRef, '777777');
      expect(await live.lookup(handle)).toMatchObject({ outcome: 'found', snapshot: { otp: { message: { code: '777777' } } } });
      expect(sandbox.simulator.ledger).toHaveLength(1);
    } finally {
      await sandbox.simulator.stop();
    }
  });
});
