import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AmbiguousOutcomeError,
  NoOfferAvailableError,
  ProviderFailure,
  ProviderRejectedError,
  RateLimitedError,
  ServiceUnavailableError,
  ValidationError,
} from '../../../src/domain/errors.ts';
import { Money } from '../../../src/domain/money.ts';
import type { LookupResult, OrderHandle, OrderIntent, OrderSnapshot, PlaceOrderRequest, WebhookRequest } from '../../../src/domain/provider.ts';
import { WebhookRejectedError } from '../../../src/domain/provider.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { createEasysoftAdapter } from '../../../src/providers/easysoft/adapter.ts';
import type { EasysoftAdapter, EasysoftAdapterOptions } from '../../../src/providers/easysoft/adapter.ts';
import { DEFAULT_AMOUNTS, NETWORK_KEYS } from '../../../src/providers/easysoft/catalog.ts';
import { easysoft } from '../../../src/providers/easysoft/index.ts';
import { unifiedStatus } from '../../../src/providers/easysoft/order-snapshots.ts';
import { createEasysoftSimulator, FAILED_CANCEL_MIN_MS, REFILL_RESULT_MIN_MS, REVERSAL_MIN_MS, SEED_NETWORKS } from '../../../src/providers/easysoft/simulator.ts';
import type { EasysoftSimulator, EasysoftSimulatorOptions } from '../../../src/providers/easysoft/simulator.ts';
import { derivedCallbackToken } from '../../../src/providers/easysoft/webhook.ts';
import { NETWORK_IDS } from '../../../src/providers/easysoft/wire.ts';
import { ProviderSettingsError } from '../../../src/providers/descriptor.ts';
import { startReceiver } from './sim-client.ts';

const T0 = Date.parse('2026-02-25T10:00:00Z');
const USERNAME = 'gateway-user';
const PASSWORD = 'pw-do-not-leak-7781';
const TOKEN = 'cb_token_0123456789abcdef';

let sim: EasysoftSimulator;
let adapter: EasysoftAdapter;
let seq = 0;

async function openSim(options: EasysoftSimulatorOptions = {}): Promise<void> {
  await sim?.stop();
  sim = createEasysoftSimulator({ credentials: { username: USERNAME, password: PASSWORD }, now: () => T0, ...options });
  await sim.start();
}

function adapterFor(options: Partial<EasysoftAdapterOptions> = {}): EasysoftAdapter {
  return createEasysoftAdapter({
    url: sim.baseUrl,
    username: USERNAME,
    password: PASSWORD,
    callbackToken: TOKEN,
    timeouts: { read: 2000, write: 2000 },
    ...options,
  });
}

beforeEach(async () => {
  await openSim();
  adapter = adapterFor();
});

afterEach(async () => {
  await sim.stop();
});

const charges = () => sim.ledger.filter((e) => e.kind === 'charge');
const refund = () => sim.ledger.filter((e) => e.kind === 'refund');
const sent = (endpoint: string) => sim.requests.filter((r) => r.endpoint === endpoint).length;

function intent(overrides: Partial<Extract<OrderIntent, { kind: 'MOBILE_TOPUP' }>> = {}): OrderIntent {
  return { kind: 'MOBILE_TOPUP', network: 'DTAC', phoneNumber: '0824491794', amount: '10', ...overrides };
}

function request(overrides: Partial<PlaceOrderRequest> = {}): PlaceOrderRequest {
  seq += 1;
  return { offerRef: 'network:2', intent: intent(), maxPrice: null, reference: `sb-test${seq}-${Date.now().toString(16)}`, callbackUrl: null, ...overrides };
}

function handleOf(req: PlaceOrderRequest, snapshot: OrderSnapshot | null): OrderHandle {
  return {
    kind: 'MOBILE_TOPUP',
    reference: req.reference,
    providerRef: snapshot?.providerRef ?? null,
    offerRef: req.offerRef,
    intent: req.intent,
    maxPrice: req.maxPrice,
    price: snapshot?.price ?? null,
    providerData: snapshot?.providerData ?? {},
    createdAt: new Date(T0),
  };
}

async function placed(overrides: Partial<PlaceOrderRequest> = {}): Promise<{ req: PlaceOrderRequest; snapshot: OrderSnapshot; handle: OrderHandle }> {
  const req = request(overrides);
  const snapshot = await adapter.place(req);
  return { req, snapshot, handle: handleOf(req, snapshot) };
}

function found(result: LookupResult): OrderSnapshot {
  if (result.outcome !== 'found') throw new Error(`expected found, got ${result.outcome}: ${result.reason}`);
  return result.snapshot;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => expect.unreachable(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

describe('catalog', () => {
  it('one offer per network, canonical keys, the smallest face value as an exact THB price, online from online=1', async () => {
    const offers = await adapter.offers();
    expect(offers.map((o) => o.serviceKey)).toEqual(['mobile:AIS', 'mobile:DTAC', 'mobile:TRUEH', 'mobile:TOT3G', 'mobile:MY', 'mobile:FEELS', 'mobile:PENGUIN']);
    expect(offers.map((o) => o.providerRef)).toEqual(NETWORK_IDS.map((id) => `network:${id}`));
    const tot = offers[3]!;
    expect(tot.price).toBeInstanceOf(Money);
    expect(tot.price.toJSON()).toEqual({ amount: '50', currency: 'THB' });
    expect(tot.details).toEqual({ kind: 'MOBILE_TOPUP', network: 'TOT3G', online: true, amounts: ['50', '100', '200', '300', '500', '1000'] });
    expect(offers[0]!.price.toString()).toBe('10');
    for (const offer of offers) expect(offer.available).toBeNull();
    expect(adapter.kinds).toEqual(['MOBILE_TOPUP']);
    expect(adapter.currency).toBe('THB');
  });

  it('the default amounts are the ones the sandbox sells', () => {
    for (const id of NETWORK_IDS) expect(DEFAULT_AMOUNTS[id]).toEqual(SEED_NETWORKS[id].amounts.map(String));
  });

  it('a closed network is offered as offline with nothing available', async () => {
    sim.setNetworkOnline(5, false);
    const offers = await adapter.offers();
    expect(offers[4]).toMatchObject({ serviceKey: 'mobile:MY', available: 0, details: { online: false } });
    expect(offers[0]).toMatchObject({ available: null, details: { online: true } });
  });

  it('configured amounts replace the default', async () => {
    const custom = adapterFor({ amounts: { 1: ['300', '50', '100'] } });
    const offers = await custom.offers();
    expect(offers[0]!.details).toMatchObject({ amounts: ['50', '100', '300'] });
    expect(offers[0]!.price.toString()).toBe('50');
    expect(() => adapterFor({ amounts: { 1: ['10.50'] } })).toThrow(RangeError);
  });
});

describe('place', () => {
  it('refill → ACTIVE under the ORDERID, priced at the face value, our reference as orderid, charged once', async () => {
    const req = request({ intent: intent({ phoneNumber: '+66 82-449-1794' }) });
    const snapshot = await adapter.place(req);
    expect(snapshot).toMatchObject({ status: 'ACTIVE', providerStatus: 'STATUS=1', refund: null, failedReason: null });
    expect(snapshot.providerRef).toBe('100001');
    expect(snapshot.price?.toJSON()).toEqual({ amount: '10', currency: 'THB' });
    expect(snapshot.details).toEqual({ network: 'DTAC', phoneNumber: '0824491794', amount: '10', discount: '0.35' });
    expect(snapshot.providerData).toEqual({ orderid: req.reference, network: 2, number: '0824491794', cash: '10' });
    expect(sim.orderStatus('100001')).toMatchObject({ network: 2, number: '0824491794', cash: '10', clientRef: req.reference, users: USERNAME });
    expect(charges()).toEqual([expect.objectContaining({ orderRef: '100001', amount: '9.65' })]);
    expect(sent('refill')).toBe(1);
  });

  it.each([
    ['0824491794', '0824491794'],
    ['+66824491794', '0824491794'],
    ['66824491794', '0824491794'],
    ['+66 62 123 4567', '0621234567'],
    ['095.123.4567', '0951234567'],
  ])('phone %s is sent as %s', async (given, number) => {
    const { snapshot } = await placed({ intent: intent({ phoneNumber: given }) });
    expect(sim.orderStatus(snapshot.providerRef)?.number).toBe(number);
  });

  it.each([
    ['phoneNumber', intent({ phoneNumber: '021234567' })],
    ['phoneNumber', intent({ phoneNumber: '0712345678' })],
    ['phoneNumber', intent({ phoneNumber: '+1 824491794' })],
    ['phoneNumber', intent({ phoneNumber: '082449179' })],
    ['phoneNumber', intent({ phoneNumber: '08244917945' })],
    ['phoneNumber', intent({ phoneNumber: '+660824491794' })],
    ['phoneNumber', intent({ phoneNumber: '08244abc94' })],
    ['amount', intent({ amount: '15' })],
    ['amount', intent({ amount: '10.50' })],
    ['amount', intent({ amount: '-10' })],
    ['amount', intent({ amount: 'ten' })],
    ['network', intent({ network: 'AIS' })],
    ['network', intent({ network: 'VODAFONE' })],
    ['kind', { kind: 'OTP_NUMBER', policy: 'CHEAPEST' } as OrderIntent],
  ] as const)('an invalid %s is refused before anything is sent', async (field, bad) => {
    const error = await rejection(adapter.place(request({ intent: bad })));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect(sim.requests).toHaveLength(0);
  });

  it('an amount the network does not sell is refused (TOT 3G has no 10 THB), and 10.00 reads as 10', async () => {
    const error = await rejection(adapter.place(request({ offerRef: 'network:4', intent: intent({ network: 'TOT3G', amount: '10' }) })));
    expect(error).toMatchObject({ field: 'amount' });
    const { snapshot } = await placed({ intent: intent({ amount: '10.00' }) });
    expect(sim.orderStatus(snapshot.providerRef)?.cash).toBe('10');
  });

  it('the intent may name the network by key, document name or number', async () => {
    await placed({ offerRef: 'network:3', intent: intent({ network: 'TRUE H' }) });
    await placed({ offerRef: 'network:3', intent: intent({ network: 'trueh' }) });
    await placed({ offerRef: 'network:3', intent: intent({ network: '3' }) });
    expect(charges()).toHaveLength(3);
  });

  it('a bad offer ref or reference is refused before anything is sent', async () => {
    expect(await rejection(adapter.place(request({ offerRef: 'network:8' })))).toMatchObject({ field: 'offerRef' });
    expect(await rejection(adapter.place(request({ reference: 'has space' })))).toMatchObject({ field: 'reference' });
    expect(sim.requests).toHaveLength(0);
  });

  it('a face value above the cap → NoOfferAvailable, nothing sent', async () => {
    const error = await rejection(adapter.place(request({ intent: intent({ amount: '100' }), maxPrice: Money.of('99.99', 'THB') })));
    expect(error).toBeInstanceOf(NoOfferAvailableError);
    await placed({ intent: intent({ amount: '100' }), maxPrice: Money.of('100', 'THB') });
    expect(sent('refill')).toBe(1);
  });

  it('a closed network → ServiceUnavailable naming it, no refill sent', async () => {
    sim.setNetworkOnline(2, false);
    const error = await rejection(adapter.place(request()));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({ providerCode: 'NETWORK_OFFLINE', message: expect.stringContaining('DTAC') });
    expect(sent('refill')).toBe(0);
    expect(charges()).toHaveLength(0);
  });

  it('the network states are read once per TTL', async () => {
    await placed();
    await placed();
    await adapter.offers();
    expect(sent('online')).toBe(1);
  });
});

describe('refill outcomes: the error table and lost answers', () => {
  // The document's one failure shape: STATUS 0 + DETAIL (free text, no codes) → a refusal, nothing charged.
  it.each([
    ['balance too low', async () => sim.setBalance('5.00')],
    ['a face value easysoft does not take', async () => openSim({ networks: { 2: { amounts: [20, 50] } } })],
    ['any DETAIL at HTTP 200', async () => sim.injectFault({ endpoint: 'refill', kind: 'error', status: 200, code: 'ระบบปิดปรับปรุง' })],
    ['any DETAIL at HTTP 400', async () => sim.injectFault({ endpoint: 'refill', kind: 'error', status: 400, code: 'bad request' })],
  ])('STATUS 0 (%s) → ProviderRejectedError carrying the DETAIL, nothing charged', async (_label, arrange) => {
    await arrange();
    adapter = adapterFor();
    const error = await rejection(adapter.place(request()));
    expect(error).toBeInstanceOf(ProviderRejectedError);
    expect(error).toMatchObject({ providerCode: 'STATUS_0', provider: 'EASYSOFT' });
    expect((error as Error).message).toMatch(/easysoft refill refused: \S/);
    expect(sent('refill')).toBe(1);
    expect(charges()).toHaveLength(0);
  });

  it('the DETAIL is passed on as easysoft wrote it', async () => {
    sim.injectFault({ endpoint: 'refill', kind: 'error', status: 200, code: 'ยอดเงินคงเหลือไม่เพียงพอ' });
    expect(await rejection(adapter.place(request()))).toMatchObject({ message: 'easysoft refill refused: ยอดเงินคงเหลือไม่เพียงพอ' });
  });

  it.each([
    ['dropAfterCommit', { kind: 'dropAfterCommit' }, 1],
    ['malformedAfterCommit', { kind: 'malformedAfterCommit' }, 1],
    ['delay past the timeout', { kind: 'delay', ms: 600 }, 1],
    ['dropBeforeCommit (the request was written)', { kind: 'dropBeforeCommit' }, 0],
    ['HTTP 503', { kind: 'error', status: 503, code: 'busy' }, 0],
    ['HTTP 500', { kind: 'error', status: 500, code: 'oops' }, 0],
  ] as const)('%s → AmbiguousOutcomeError, sent once, never a second charge', async (_label, fault, charged) => {
    const quick = adapterFor({ timeouts: { read: 2000, write: 300 } });
    await quick.offers();
    sim.injectFault({ endpoint: 'refill', ...fault } as never);
    const error = await rejection(quick.place(request()));
    expect(error).toBeInstanceOf(AmbiguousOutcomeError);
    expect(error).not.toBeInstanceOf(ProviderFailure);
    expect(sent('refill')).toBe(1);
    expect(charges()).toHaveLength(charged);
    // Let a delayed answer arrive: still one refill, one charge at most.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sent('refill')).toBe(1);
    expect(charges()).toHaveLength(charged);
  });

  it('HTTP 429 → RateLimitedError (not processed), nothing charged', async () => {
    await adapter.offers();
    sim.injectFault({ endpoint: 'refill', kind: 'error', status: 429, code: 'slow down', retryAfterSeconds: 7 });
    const error = await rejection(adapter.place(request()));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ retryAfterSeconds: 7 });
    expect(charges()).toHaveLength(0);
  });

  it('simulator down → ServiceUnavailableError, nothing charged', async () => {
    await adapter.offers();
    await sim.stop();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await rejection(adapter.place(request()))).toBeInstanceOf(ServiceUnavailableError);
    expect(charges()).toHaveLength(0);
  });

  it('an ambiguous order cannot be looked up: unknown, every time, without a call', async () => {
    await adapter.offers();
    sim.injectFault({ endpoint: 'refill', kind: 'dropAfterCommit' });
    const req = request();
    await rejection(adapter.place(req));
    const before = sim.requests.length;
    for (let i = 0; i < 2; i++) {
      const result = await adapter.lookup(handleOf(req, null));
      expect(result.outcome).toBe('unknown');
      if (result.outcome === 'unknown') expect(result.reason).toContain(req.reference);
    }
    expect(sim.requests.length).toBe(before);
    expect(charges()).toHaveLength(1);
  });
});

describe('lookup (mobile=update)', () => {
  it('found: ACTIVE while 0/0, the deduction as price, raw flags kept', async () => {
    const { snapshot, handle } = await placed();
    const now = found(await adapter.lookup(handle));
    expect(now).toMatchObject({ providerRef: snapshot.providerRef, status: 'ACTIVE', providerStatus: 'STATUS_REFILL=0 STATUS_CANCEL=0', refund: null });
    expect(now.price?.toJSON()).toEqual({ amount: '9.65', currency: 'THB' });
    expect(now.details).toEqual({ statusRefill: '0', statusCancel: '0', realAmount: '9.65' });
  });

  it('a delivered refill → COMPLETED', async () => {
    const { snapshot, handle } = await placed();
    await sim.completeRefill(snapshot.providerRef, 'success');
    await sim.advanceClock(REFILL_RESULT_MIN_MS);
    expect(found(await adapter.lookup(handle))).toMatchObject({ status: 'COMPLETED', providerStatus: 'STATUS_REFILL=1 STATUS_CANCEL=0', refund: null });
  });

  it('a failed refill stays ACTIVE until its refund is out, then FAILED with the deduction back', async () => {
    const { snapshot, handle } = await placed();
    await sim.completeRefill(snapshot.providerRef, 'fail');
    await sim.advanceClock(REFILL_RESULT_MIN_MS);
    expect(found(await adapter.lookup(handle)).status).toBe('ACTIVE');
    await sim.advanceClock(FAILED_CANCEL_MIN_MS);
    const failed = found(await adapter.lookup(handle));
    expect(failed).toMatchObject({ status: 'FAILED', providerStatus: 'STATUS_REFILL=0 STATUS_CANCEL=1', failedReason: expect.stringMatching(/\S/) });
    expect(failed.refund?.toJSON()).toEqual({ amount: '9.65', currency: 'THB' });
    expect(refund().map((e) => e.amount)).toEqual(['9.65']);
  });

  it('the status table', () => {
    expect(unifiedStatus('0', '0')).toBe('ACTIVE');
    expect(unifiedStatus('1', '0')).toBe('COMPLETED');
    expect(unifiedStatus('0', '1')).toBe('FAILED');
    expect(unifiedStatus('1', '1')).toBe('REFUNDED');
    for (const [r, c] of [['2', '0'], ['', ''], ['success', '0'], ['1', 'yes']]) expect(unifiedStatus(r!, c!)).toBe('ACTIVE');
  });

  it('an ORDERID easysoft never issued → unknown (the document has no definite "no such order")', async () => {
    const { req } = await placed();
    const result = await adapter.lookup({ ...handleOf(req, null), providerRef: '987654321' });
    expect(result.outcome).toBe('unknown');
    if (result.outcome === 'unknown') expect(result.reason).toMatch(/refused/);
  });

  it.each([
    [429, 'rate limited'],
    [503, 'unavailable'],
    [500, 'internal'],
  ])('HTTP %i → unknown, never thrown', async (status, code) => {
    const { handle } = await placed();
    for (let i = 0; i < 3; i++) sim.injectFault({ endpoint: 'update', kind: 'error', status, code, retryAfterSeconds: 1 });
    expect((await adapter.lookup(handle)).outcome).toBe('unknown');
  });

  it.each(['dropAfterCommit', 'malformedAfterCommit', 'dropBeforeCommit'] as const)('%s on update → unknown', async (kind) => {
    const { handle } = await placed();
    for (let i = 0; i < 3; i++) sim.injectFault({ endpoint: 'update', kind });
    expect((await adapter.lookup(handle)).outcome).toBe('unknown');
  });

  it('health: DEGRADED then DOWN after failed reads, UP after a success', async () => {
    const { handle } = await placed();
    expect(adapter.health().status).toBe('UP');
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) sim.injectFault({ endpoint: 'update', kind: 'error', status: 503, code: 'busy' });
      expect((await adapter.lookup(handle)).outcome).toBe('unknown');
      sim.clearFaults();
    }
    expect(adapter.health().status).toBe('DOWN');
    found(await adapter.lookup(handle));
    expect(adapter.health().status).toBe('UP');
  });
});

describe('cancel (mobile=return)', () => {
  it('a pending refill: the return is taken (ACTIVE, no refund yet); a minute later update says FAILED with the refund', async () => {
    const { snapshot, handle } = await placed();
    expect(await adapter.operations.cancel!(handle)).toEqual({ status: 'ACTIVE', refund: null, providerStatus: 'RETURN_REQUESTED' });
    expect(refund()).toHaveLength(0);
    await sim.advanceClock(FAILED_CANCEL_MIN_MS);
    const settled = found(await adapter.lookup(handle));
    expect(settled).toMatchObject({ status: 'FAILED', providerRef: snapshot.providerRef });
    expect(settled.refund?.toString()).toBe('9.65');
    expect(refund().map((e) => e.amount)).toEqual(['9.65']);
  });

  it('a delivered refill: the reversal comes 6 h later → REFUNDED', async () => {
    const { snapshot, handle } = await placed();
    await sim.completeRefill(snapshot.providerRef, 'success');
    await sim.advanceClock(REFILL_RESULT_MIN_MS);
    expect((await adapter.operations.cancel!(handle)).status).toBe('ACTIVE');
    expect(found(await adapter.lookup(handle)).status).toBe('COMPLETED');
    await sim.advanceClock(REVERSAL_MIN_MS);
    const reversed = found(await adapter.lookup(handle));
    expect(reversed.status).toBe('REFUNDED');
    expect(reversed.refund?.toString()).toBe('9.65');
  });

  it('STATUS 0 (already cancelled) → ProviderRejectedError', async () => {
    const { handle } = await placed();
    await adapter.operations.cancel!(handle);
    await sim.advanceClock(FAILED_CANCEL_MIN_MS);
    expect(await rejection(adapter.operations.cancel!(handle))).toMatchObject({ providerCode: 'STATUS_0' });
  });

  it.each(['dropAfterCommit', 'malformedAfterCommit'] as const)('%s → AmbiguousOutcomeError, sent once', async (kind) => {
    const { handle } = await placed();
    sim.injectFault({ endpoint: 'return', kind });
    expect(await rejection(adapter.operations.cancel!(handle))).toBeInstanceOf(AmbiguousOutcomeError);
    expect(sent('return')).toBe(1);
  });

  it('declares cancel only', () => {
    expect(Object.keys(adapter.operations)).toEqual(['cancel']);
  });

  it('an order without an ORDERID cannot be cancelled', async () => {
    expect(await rejection(adapter.operations.cancel!(handleOf(request(), null)))).toBeInstanceOf(ValidationError);
    expect(sent('return')).toBe(0);
  });
});

describe('balance (amount=1)', () => {
  it('exact THB, less what refills deducted', async () => {
    expect((await adapter.balance()).toJSON()).toEqual({ amount: '5000', currency: 'THB' });
    await placed({ intent: intent({ amount: '300' }) });
    expect((await adapter.balance()).toString()).toBe(Money.of('5000', 'THB').minus(Money.of(charges()[0]!.amount, 'THB')).toString());
    sim.setBalance('1234.57');
    expect((await adapter.balance()).toString()).toBe('1234.57');
  });

  it('STATUS 0 → ProviderRejectedError; 503 → ServiceUnavailableError', async () => {
    const stranger = adapterFor({ password: 'nope-nope' });
    expect(await rejection(stranger.balance())).toMatchObject({ providerCode: 'STATUS_0' });
    for (let i = 0; i < 3; i++) sim.injectFault({ endpoint: 'balance', kind: 'error', status: 503, code: 'busy' });
    expect(await rejection(adapter.balance())).toBeInstanceOf(ServiceUnavailableError);
  });

  it('offers with a STATUS 0 from online=1 → ProviderRejectedError', async () => {
    expect(await rejection(adapterFor({ password: 'nope-nope' }).offers())).toMatchObject({ providerCode: 'STATUS_0' });
  });
});

describe('result callback', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeEach(async () => {
    receiver = await startReceiver();
    sim.setCallbackUrl(receiver.url);
  });

  afterEach(async () => {
    await receiver.close();
  });

  function asReceived(body: string): WebhookRequest {
    return { rawBody: body, headers: new Headers({ 'content-type': 'application/x-www-form-urlencoded' }), url: new URL(`http://gateway.test/webhooks/easysoft/${TOKEN}`) };
  }

  it('a genuine callback → one hint for the ORDERID, confirmed by lookup; replay → same deliveryId; reply 200 OK', async () => {
    const { snapshot } = await placed();
    await sim.completeRefill(snapshot.providerRef, 'success');
    await sim.advanceClock(REFILL_RESULT_MIN_MS);
    await sim.settleDeliveries();
    expect(receiver.bodies).toHaveLength(1);
    const body = receiver.bodies[0]!;
    expect(adapter.webhook).toMatchObject({ authentication: 'path-token', pathToken: TOKEN });
    const result = adapter.webhook!.receive(asReceived(body));
    expect(result.reply).toEqual({ status: 200, body: 'OK', contentType: 'text/plain; charset=utf-8' });
    expect(result.updates).toHaveLength(1);
    const update = result.updates[0]!;
    expect(update).toMatchObject({ providerRef: snapshot.providerRef, confirm: true, deliveryId: createHash('sha256').update(body).digest('hex') });
    expect(update.snapshot).toMatchObject({ status: 'COMPLETED', price: null, refund: null });
    expect(update.snapshot?.details).toMatchObject({ statusRefill: '1', statusCancel: '0', callbackRealamount: '9.65' });
    expect(adapter.webhook!.receive(asReceived(body)).updates[0]!.deliveryId).toBe(update.deliveryId);
  });

  it('a callback carrying our orderid also names our reference', () => {
    const body = 'orderid=sb-abc123&status_refill=0&status_cancel=1&realamount=0.00&detail=x';
    expect(adapter.webhook!.receive(asReceived(body)).updates[0]).toMatchObject({ providerRef: 'sb-abc123', reference: 'sb-abc123', confirm: true });
  });

  it.each([
    ['empty', ''],
    ['no orderid', 'status_refill=1&status_cancel=0'],
    ['no result', 'orderid=100001&detail=hello'],
    ['JSON', '{"orderid":"100001","status_refill":"1"}'],
    ['an oversized orderid', `orderid=${'9'.repeat(65)}&status_refill=1&status_cancel=0`],
  ])('forged or garbled (%s) → WebhookRejectedError', (_label, body) => {
    expect(() => adapter.webhook!.receive(asReceived(body))).toThrow(WebhookRejectedError);
  });
});

describe('credentials never leak', () => {
  it('redacts the password and username from errors and log lines', async () => {
    const lines: string[] = [];
    const logger = createLogger(
      'debug',
      new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    const logged = adapterFor({ logger, timeouts: { read: 300, write: 300 } });
    await logged.offers();
    // An upstream DETAIL that echoes the login is redacted before it reaches a message.
    sim.injectFault({ endpoint: 'refill', kind: 'error', status: 400, code: 'x', message: `bad login ${USERNAME}/${PASSWORD}` });
    const refused = await rejection(logged.place(request()));
    expect(refused).toBeInstanceOf(ProviderRejectedError);
    sim.injectFault({ endpoint: 'refill', kind: 'delay', ms: 500 });
    const lost = await rejection(logged.place(request()));
    for (let i = 0; i < 3; i++) sim.injectFault({ endpoint: 'update', kind: 'dropBeforeCommit' });
    const unknown = await logged.lookup({ ...handleOf(request(), null), providerRef: '100001' });
    const everything = [refused, lost].map((e) => `${String(e)} ${JSON.stringify(e)} ${(e as Error).stack ?? ''}`).join('\n') + JSON.stringify(unknown) + lines.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(encodeURIComponent(PASSWORD));
    expect(everything).not.toContain(USERNAME);
    expect(String(refused)).toContain('[redacted]');
  });
});

describe('descriptor', () => {
  const creds = { EASYSOFT_USERNAME: 'shop', EASYSOFT_PASSWORD: 'secret-password-123' };

  it('no credentials → null; one of the two → an error naming the other, never a value', () => {
    expect(easysoft.settings({})).toBeNull();
    expect(easysoft.settings({ EASYSOFT_URL: 'https://x.test/v2.php' })).toBeNull();
    expect(() => easysoft.settings({ EASYSOFT_USERNAME: 'shop' })).toThrow(/EASYSOFT_PASSWORD/);
    expect(() => easysoft.settings({ EASYSOFT_PASSWORD: 'secret-password-123' })).toThrow(/EASYSOFT_USERNAME/);
    try {
      easysoft.settings({ EASYSOFT_PASSWORD: 'secret-password-123' });
    } catch (error) {
      expect(error).toBeInstanceOf(ProviderSettingsError);
      expect(String(error)).not.toContain('secret-password-123');
    }
  });

  it('full settings: default URL, a stable derived token when EASYSOFT_CALLBACK_TOKEN is unset', () => {
    const settings = easysoft.settings(creds)!;
    expect(settings).toMatchObject({ url: 'https://easysoft.in.th/topup/api/v2.php', username: 'shop', password: 'secret-password-123', callbackTokenDerived: true });
    expect(settings.callbackToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(easysoft.settings(creds)!.callbackToken).toBe(settings.callbackToken);
    expect(settings.callbackToken).toBe(derivedCallbackToken('shop', 'secret-password-123'));
    expect(easysoft.settings({ ...creds, EASYSOFT_PASSWORD: 'another-password' })!.callbackToken).not.toBe(settings.callbackToken);
    expect(settings.callbackToken).not.toContain('secret');
  });

  it('EASYSOFT_CALLBACK_TOKEN and EASYSOFT_URL are used, and checked', () => {
    expect(easysoft.settings({ ...creds, EASYSOFT_CALLBACK_TOKEN: 'tok_0123456789abcdef', EASYSOFT_URL: 'http://127.0.0.1:9/topup/api/v2test.php' })).toMatchObject({
      callbackToken: 'tok_0123456789abcdef',
      callbackTokenDerived: false,
      url: 'http://127.0.0.1:9/topup/api/v2test.php',
    });
    for (const bad of ['short-token', 'has/slash/in/it/0123456789', 'spaces are not url safe']) {
      let error: unknown;
      try {
        easysoft.settings({ ...creds, EASYSOFT_CALLBACK_TOKEN: bad });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ProviderSettingsError);
      expect(String(error)).toContain('EASYSOFT_CALLBACK_TOKEN');
      expect(String(error)).not.toContain(bad);
    }
    expect(() => easysoft.settings({ ...creds, EASYSOFT_URL: 'ftp://x' })).toThrow(/EASYSOFT_URL/);
    expect(easysoft.secretVariables).toEqual(['EASYSOFT_PASSWORD', 'EASYSOFT_CALLBACK_TOKEN']);
    expect(easysoft).toMatchObject({ id: 'EASYSOFT', name: 'easysoft' });
  });

  it('sandbox() starts the simulator; create() talks to it, sets its callback URL, and refills settle on their own', async () => {
    const run = await easysoft.sandbox({ resultDelayMs: { minDelayMs: 50, maxDelayMs: 150 }, runId: 1_773_000_000 });
    const receiver = await startReceiver();
    try {
      let asked: string | undefined;
      const live = easysoft.create(run.settings, {
        logger: createLogger('silent'),
        callbackUrl: (token) => {
          asked = token;
          return receiver.url;
        },
      });
      expect(asked).toBe(run.settings.callbackToken);
      expect(live.webhook?.pathToken).toBe(run.settings.callbackToken);
      expect((await live.balance()).toString()).toBe('5000');
      expect(await live.offers()).toHaveLength(7);
      const req = request();
      const snapshot = await live.place(req);
      expect(snapshot.providerRef).toBe('773000000000001');
      expect(found(await live.lookup(handleOf(req, snapshot))).status).toBe('ACTIVE');
      // The document's earliest result is 10 s: the simulator's clock is moved rather than waited for.
      await run.simulator.advanceClock(REFILL_RESULT_MIN_MS);
      expect(found(await live.lookup(handleOf(req, snapshot))).status).toBe('COMPLETED');
      await run.simulator.settleDeliveries();
      expect(receiver.bodies).toHaveLength(1);
      expect(live.webhook!.receive({ rawBody: receiver.bodies[0]!, headers: new Headers(), url: new URL(receiver.url) }).updates[0]!.providerRef).toBe(snapshot.providerRef);
      expect(run.controls).toEqual({});
    } finally {
      await receiver.close();
      await run.simulator.stop();
    }
  });
});

describe('answers written differently from the simulator (another implementation of the same document)', () => {
  // A stand-in easysoft answering each function with a fixed body.
  async function stub(answers: Partial<Record<'refill' | 'update' | 'balance' | 'online', string>>) {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const form = new URLSearchParams(Buffer.concat(chunks).toString());
        const fn = form.get('mobile') ?? (form.get('amount') === '1' ? 'balance' : 'online');
        res.writeHead(200, { 'content-type': 'text/xml' }).end(answers[fn as keyof typeof answers] ?? '<TOPUP><STATUS>0</STATUS><DETAIL>?</DETAIL></TOPUP>');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/topup/api/v2.php`;
    return { adapter: createEasysoftAdapter({ url, username: 'u', password: 'p', callbackToken: TOKEN }), close: () => new Promise<void>((r) => server.close(() => r())) };
  }
  const ONLINE = '<TOPUP><STATUS>1</STATUS><AIS>1</AIS><DTAC>1</DTAC></TOPUP>';

  it('a refill taken without a readable DISCOUNT is still ACTIVE under its ORDERID (never called unknown)', async () => {
    for (const refill of ['<TOPUP><STATUS>1</STATUS><ORDERID>A-77</ORDERID></TOPUP>', '<?xml version="1.0"?>\n<TOPUP><STATUS>1</STATUS><ORDERID> 77 </ORDERID><DISCOUNT>3%</DISCOUNT></TOPUP>']) {
      const s = await stub({ online: ONLINE, refill });
      try {
        const snapshot = await s.adapter.place(request());
        expect(snapshot).toMatchObject({ status: 'ACTIVE' });
        expect(snapshot.providerRef).toMatch(/^(A-77|77)$/);
      } finally {
        await s.close();
      }
    }
  });

  it('a STATUS 1 refill without an ORDERID → AmbiguousOutcomeError (it may have been taken)', async () => {
    const s = await stub({ online: ONLINE, refill: '<TOPUP><STATUS>1</STATUS></TOPUP>' });
    try {
      expect(await rejection(s.adapter.place(request()))).toBeInstanceOf(AmbiguousOutcomeError);
    } finally {
      await s.close();
    }
  });

  it('networks the online answer leaves out are online: null, and are not refused', async () => {
    const s = await stub({ online: ONLINE, refill: '<TOPUP><STATUS>1</STATUS><ORDERID>9</ORDERID><DISCOUNT>0</DISCOUNT></TOPUP>' });
    try {
      const offers = await s.adapter.offers();
      expect(offers.map((o) => o.details.kind === 'MOBILE_TOPUP' && o.details.online)).toEqual([true, true, null, null, null, null, null]);
      expect((await s.adapter.place(request({ offerRef: 'network:7', intent: intent({ network: 'PENGUIN' }) }))).providerRef).toBe('9');
    } finally {
      await s.close();
    }
  });

  it.each([
    ['1,250.00', '1250', 'REFUNDED'],
    ['9.70', '9.7', 'REFUNDED'],
    ['n/a', null, 'REFUNDED'],
    ['-5', null, 'REFUNDED'],
  ])('update REALAMOUNT %s → refund %s; the flags still decide the status', async (realamount, amount, status) => {
    const s = await stub({ update: `<TOPUP><STATUS>1</STATUS><AMOUNT>1</AMOUNT><REALAMOUNT>${realamount}</REALAMOUNT><STATUS_REFILL>1</STATUS_REFILL><STATUS_CANCEL>1</STATUS_CANCEL></TOPUP>` });
    try {
      const snapshot = found(await s.adapter.lookup({ ...handleOf(request(), null), providerRef: '9' }));
      expect(snapshot.status).toBe(status);
      expect(snapshot.refund?.toString() ?? null).toBe(amount);
      expect(snapshot.price?.toString() ?? null).toBe(amount);
      if (amount === null) expect(snapshot.details).toMatchObject({ realAmount: realamount });
    } finally {
      await s.close();
    }
  });

  it('balance: grouped THB reads exactly; anything else is a malformed answer, not a guess', async () => {
    const ok = await stub({ balance: '<TOPUP><STATUS>1</STATUS><AMOUNT>12,345.67</AMOUNT></TOPUP>' });
    try {
      expect((await ok.adapter.balance()).toString()).toBe('12345.67');
    } finally {
      await ok.close();
    }
    const odd = await stub({ balance: '<TOPUP><STATUS>1</STATUS><AMOUNT>1.2e3</AMOUNT></TOPUP>' });
    try {
      expect(await rejection(odd.adapter.balance())).toMatchObject({ providerCode: 'MALFORMED_RESPONSE' });
    } finally {
      await odd.close();
    }
  });
});

describe('network keys', () => {
  it('are the canonical ones', () => {
    expect(Object.values(NETWORK_KEYS)).toEqual(['AIS', 'DTAC', 'TRUEH', 'TOT3G', 'MY', 'FEELS', 'PENGUIN']);
  });
});
