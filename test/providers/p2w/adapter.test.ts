import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AmbiguousOutcomeError,
  InsufficientBalanceError,
  NoOfferAvailableError,
  NotFoundError,
  ProviderRejectedError,
  RateLimitedError,
  ServiceUnavailableError,
  ValidationError,
} from '../../../src/domain/errors.ts';
import { Money } from '../../../src/domain/money.ts';
import { WebhookRejectedError } from '../../../src/domain/provider.ts';
import type { OrderHandle, OrderSnapshot, PlaceOrderRequest, WebhookRequest } from '../../../src/domain/provider.ts';
import { ProviderSettingsError } from '../../../src/providers/descriptor.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { createP2wAdapter } from '../../../src/providers/p2w/adapter.ts';
import type { P2wAdapter, P2wAdapterOptions } from '../../../src/providers/p2w/adapter.ts';
import { P2wClient, RefIdExistsError } from '../../../src/providers/p2w/client.ts';
import { p2w } from '../../../src/providers/p2w/index.ts';
import { signP2wBody } from '../../../src/providers/p2w/signature.ts';
import { createP2wSimulator, P2W_SANDBOX_PACKAGES } from '../../../src/providers/p2w/simulator.ts';
import type { P2wSimulator, P2wSimulatorOptions } from '../../../src/providers/p2w/simulator.ts';
import { PARTNER, SECRET, startReceiver } from './sim-client.ts';
import type { HookReceiver } from './sim-client.ts';

const T0 = Date.parse('2026-03-21T21:05:39.790Z');
const PACKAGES = P2W_SANDBOX_PACKAGES.map((p) => ({ ...p, fields: [...p.fields] }));

let sim: P2wSimulator;
let adapter: P2wAdapter;
let hook: HookReceiver;

async function startSim(options: P2wSimulatorOptions = {}): Promise<void> {
  await sim?.stop();
  sim = createP2wSimulator({ now: () => T0, ...options });
  await sim.start();
  adapter = makeAdapter();
}

function makeAdapter(options: Partial<P2wAdapterOptions> = {}): P2wAdapter {
  return createP2wAdapter({ baseUrl: sim.baseUrl, partnerId: PARTNER, secret: SECRET, packages: PACKAGES, callbackUrl: () => hook?.url ?? null, ...options });
}

function request(reference: string, overrides: Partial<PlaceOrderRequest> = {}): PlaceOrderRequest {
  return {
    offerRef: 'ROLTH_A01_P001',
    intent: { kind: 'GAME_TOPUP', topupInfo: { gameid: 'user_game_id', server: '1' } },
    maxPrice: null,
    reference,
    callbackUrl: hook?.url ?? null,
    ...overrides,
  };
}

/** The order as the core would hold it after `place` (providerRef null when its answer was lost). */
function handle(req: PlaceOrderRequest, providerRef: string | null = null): OrderHandle {
  return {
    kind: 'GAME_TOPUP',
    reference: req.reference,
    providerRef,
    offerRef: req.offerRef,
    intent: req.intent,
    maxPrice: req.maxPrice,
    price: Money.of('100', 'THB'),
    providerData: {},
    createdAt: new Date(T0),
  };
}

function webhookRequest(rawBody: string, headers: Record<string, string> = {}): WebhookRequest {
  return { rawBody, headers: new Headers({ 'content-type': 'application/json', ...headers }), url: new URL('http://gateway.test/webhooks/p2w') };
}

function creates(): number {
  return sim.requests.filter((r) => r.endpoint === 'createOrder').length;
}

function found(result: Awaited<ReturnType<P2wAdapter['lookup']>>): OrderSnapshot {
  if (result.outcome !== 'found') throw new Error(`expected found, got ${result.outcome}: ${result.reason}`);
  return result.snapshot;
}

beforeEach(async () => {
  hook = await startReceiver();
  await startSim();
});

afterEach(async () => {
  await sim.stop();
  await hook.close();
});

describe('identity', () => {
  it('sells game top-ups in THB, supports no cancel/refund/complete/resend, takes signed (or hint) callbacks', () => {
    expect(adapter).toMatchObject({ id: 'P2W', name: 'P2W', currency: 'THB', kinds: ['GAME_TOPUP'] });
    expect(adapter.operations).toEqual({});
    expect(adapter.webhook?.authentication).toBe('signature');
  });

  it('health follows the calls made', async () => {
    expect(adapter.health().status).toBe('UP');
    await adapter.place(request('h-1'));
    expect(adapter.health().status).toBe('UP');
    for (let i = 0; i < 3; i++) sim.injectFault({ endpoint: 'getOrder', kind: 'error', status: 500, code: 'INTERNAL_SERVER_ERROR' });
    for (let i = 0; i < 3; i++) expect((await adapter.lookup(handle(request('h-1'), 'P2W100001'))).outcome).toBe('unknown');
    expect(adapter.health().status).toBe('DOWN');
  });
});

describe('catalog', () => {
  it('offers the configured packages under game:<packageID lower-case>, exact THB prices, no stock figure', async () => {
    const offers = await adapter.offers();
    expect(offers).toHaveLength(PACKAGES.length);
    const rov = offers.find((o) => o.providerRef === 'ROLTH_A01_P001');
    expect(rov).toMatchObject({ serviceKey: 'game:rolth_a01_p001', name: 'ROV 115 Coupons', available: null, details: { kind: 'GAME_TOPUP', game: 'ROV Thailand', fields: ['gameid'] } });
    expect(rov?.price.toJSON()).toEqual({ amount: '100', currency: 'THB' });
    const ff = offers.find((o) => o.providerRef === 'FFTH_A01_P001');
    expect(ff?.price.toJSON()).toEqual({ amount: '9.5', currency: 'THB' });
    const genshin = offers.find((o) => o.providerRef === 'GSHTH_A01_P001');
    expect(genshin?.details).toEqual({ kind: 'GAME_TOPUP', game: 'Genshin Impact', fields: ['gameid', 'server'] });
    expect(new Set(offers.map((o) => o.serviceKey)).size).toBe(offers.length);
    // No upstream call: P2W has no package list.
    expect(sim.requests).toEqual([]);
  });
});

describe('place', () => {
  it('POSTs /orders with refID = our reference, the package, the topupInfo and hookURL, signed; answers an ACTIVE snapshot', async () => {
    const snapshot = await adapter.place(request('ref-1'));
    const upstream = sim.orderByRefId('ref-1');
    expect(upstream).toMatchObject({ packageID: 'ROLTH_A01_P001', topupInfo: { gameid: 'user_game_id', server: '1' }, hookURL: hook.url, status: 'pending', price: '100.00' });
    expect(snapshot).toMatchObject({ providerRef: upstream?.orderID, status: 'ACTIVE', providerStatus: 'pending', refund: null, failedReason: null });
    expect(snapshot.price?.toJSON()).toEqual({ amount: '100', currency: 'THB' });
    expect(snapshot.details).toEqual({ packageID: 'ROLTH_A01_P001', topupInfo: { gameid: 'user_game_id', server: '1' } });
    expect(snapshot.providerData).toEqual({ createdAt: '2026-03-21T21:05:39.790Z' });
    expect(sim.ledger).toEqual([{ kind: 'charge', orderRef: upstream?.orderID, amount: '100.00', at: T0 }]);
  });

  it('leaves hookURL out without a callback URL', async () => {
    await adapter.place(request('ref-2', { callbackUrl: null }));
    expect(sim.orderByRefId('ref-2')?.hookURL).toBeNull();
  });

  it.each([
    ['a missing required field', request('v-1', { offerRef: 'GSHTH_A01_P001', intent: { kind: 'GAME_TOPUP', topupInfo: { gameid: '1' } } }), 'topupInfo.server'],
    ['a blank required field', request('v-2', { intent: { kind: 'GAME_TOPUP', topupInfo: { gameid: '  ' } } }), 'topupInfo.gameid'],
    ['an unconfigured package', request('v-3', { offerRef: 'NOPE_P001' }), 'offerRef'],
    ['another kind of intent', request('v-4', { intent: { kind: 'PREMIUM_APP' } }), 'kind'],
  ])('refuses %s with a ValidationError naming it, sending nothing', async (_what, req, field) => {
    const error = await adapter.place(req).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect(sim.requests).toEqual([]);
  });

  it('checks a price cap locally (P2W takes none): above it nothing is sent; at it the order is placed', async () => {
    await expect(adapter.place(request('cap-1', { maxPrice: Money.of('99.99', 'THB') }))).rejects.toBeInstanceOf(NoOfferAvailableError);
    await expect(adapter.place(request('cap-2', { maxPrice: Money.of('100', 'USD') }))).rejects.toBeInstanceOf(NoOfferAvailableError);
    expect(sim.requests).toEqual([]);
    expect((await adapter.place(request('cap-3', { maxPrice: Money.of('100.00', 'THB') }))).status).toBe('ACTIVE');
  });

  it('a refID already used is an ambiguous outcome, never a failure, and charges nothing again', async () => {
    await adapter.place(request('dup'));
    const error = await adapter.place(request('dup')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousOutcomeError);
    expect(error).toBeInstanceOf(RefIdExistsError);
    expect(sim.ledger).toHaveLength(1);
  });

  it('a real shortfall is InsufficientBalanceError, nothing charged', async () => {
    sim.setBalance('99.99');
    await expect(adapter.place(request('poor'))).rejects.toBeInstanceOf(InsufficientBalanceError);
    expect(sim.ledger).toEqual([]);
  });
});

describe('error table', () => {
  const createCases: [string, number, string, new (...args: never[]) => Error][] = [
    ['REF_ID_EXISTS', 400, 'REF_ID_EXISTS', AmbiguousOutcomeError],
    ['MISSING_FIELD', 400, 'MISSING_FIELD', ValidationError],
    ['INSUFFICIENT_BALANCE', 400, 'INSUFFICIENT_BALANCE', InsufficientBalanceError],
    ['INTERNAL_SERVER_ERROR', 500, 'INTERNAL_SERVER_ERROR', AmbiguousOutcomeError],
    ['FORBIDDEN', 403, 'FORBIDDEN', ProviderRejectedError],
    ['a 429', 429, 'TOO_MANY_REQUESTS', RateLimitedError],
    ['an unknown 4xx code', 400, 'SOMETHING_NEW', ProviderRejectedError],
    ['an unknown 5xx code', 502, 'BAD_GATEWAY', AmbiguousOutcomeError],
  ];
  it.each(createCases)('POST /orders: %s → %s', async (_what, status, code, type) => {
    sim.injectFault({ endpoint: 'createOrder', kind: 'error', status, code, retryAfterSeconds: status === 429 ? 1 : undefined });
    const error = await adapter.place(request(`e-${code}`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(creates()).toBe(1);
  });

  const client = () => new P2wClient({ partnerId: PARTNER, secret: SECRET, baseUrl: sim.baseUrl });
  const getCases: [string, number, string, new (...args: never[]) => Error, 'absent' | 'unknown'][] = [
    ['ORDER_NOT_FOUND', 404, 'ORDER_NOT_FOUND', NotFoundError, 'absent'],
    ['FORBIDDEN', 403, 'FORBIDDEN', ProviderRejectedError, 'unknown'],
    ['INTERNAL_SERVER_ERROR', 500, 'INTERNAL_SERVER_ERROR', ServiceUnavailableError, 'unknown'],
    ['a 429', 429, 'TOO_MANY_REQUESTS', RateLimitedError, 'unknown'],
  ];
  it.each(getCases)('GET /orders/:id: %s → %s, and lookup says %s', async (_what, status, code, type, outcome) => {
    const { providerRef } = await adapter.place(request('g-1'));
    sim.injectFault({ endpoint: 'getOrder', kind: 'error', status, code, retryAfterSeconds: status === 429 ? 1 : undefined });
    await expect(client().order(providerRef)).rejects.toBeInstanceOf(type);
    sim.injectFault({ endpoint: 'getOrder', kind: 'error', status, code, retryAfterSeconds: status === 429 ? 1 : undefined });
    // A fresh adapter: the first one's budget group is paused by the 429 above.
    expect((await makeAdapter().lookup(handle(request('g-1'), providerRef))).outcome).toBe(outcome);
  });
});

describe('lookup with a providerRef', () => {
  it('maps pending/processing → ACTIVE, successed → COMPLETED, exact prices', async () => {
    const req = request('l-1');
    const { providerRef } = await adapter.place(req);
    expect(found(await adapter.lookup(handle(req, providerRef)))).toMatchObject({ status: 'ACTIVE', providerStatus: 'pending' });
    await sim.advanceOrder(providerRef, 'processing');
    expect(found(await adapter.lookup(handle(req, providerRef)))).toMatchObject({ status: 'ACTIVE', providerStatus: 'processing' });
    await sim.advanceOrder(providerRef, 'succeeded');
    const done = found(await adapter.lookup(handle(req, providerRef)));
    expect(done).toMatchObject({ providerRef, status: 'COMPLETED', providerStatus: 'successed', refund: null, failedReason: null });
    expect(done.price?.toString()).toBe('100');
  });

  it('accepts the status table spelling succeeded too', async () => {
    await startSim({ successStatusSpelling: 'succeeded' });
    const req = request('l-2');
    const { providerRef } = await adapter.place(req);
    await sim.advanceOrder(providerRef, 'succeeded');
    expect(found(await adapter.lookup(handle(req, providerRef)))).toMatchObject({ status: 'COMPLETED', providerStatus: 'succeeded' });
  });

  it('failed → FAILED with the reason, and the price back as the refund', async () => {
    const req = request('l-3', { offerRef: 'FFTH_A01_P001', intent: { kind: 'GAME_TOPUP', topupInfo: { gameid: '42' } } });
    const { providerRef } = await adapter.place(req);
    await sim.advanceOrder(providerRef, 'failed', 'Invalid game ID');
    const failed = found(await adapter.lookup(handle(req, providerRef)));
    expect(failed).toMatchObject({ status: 'FAILED', providerStatus: 'failed', failedReason: 'Invalid game ID' });
    expect(failed.refund?.toJSON()).toEqual({ amount: '9.5', currency: 'THB' });
    expect(sim.ledger.map((e) => e.kind)).toEqual(['charge', 'refund']);
  });

  it('ORDER_NOT_FOUND is absent; an order carrying another refID is unknown', async () => {
    expect(await adapter.lookup(handle(request('l-4'), 'P2W999'))).toMatchObject({ outcome: 'absent' });
    const { providerRef } = await adapter.place(request('l-5'));
    expect(await adapter.lookup(handle(request('not-l-5'), providerRef))).toMatchObject({ outcome: 'unknown' });
  });

  it('P2W unreachable is unknown', async () => {
    const { providerRef } = await adapter.place(request('l-6'));
    await sim.stop();
    expect(await adapter.lookup(handle(request('l-6'), providerRef))).toMatchObject({ outcome: 'unknown' });
  });
});

describe('ambiguous outcomes and reconciliation (never a second charge)', () => {
  it.each(['dropAfterCommit', 'malformedAfterCommit'] as const)('%s → AmbiguousOutcomeError; lookup re-sends the same create: REF_ID_EXISTS → unknown', async (kind) => {
    const req = request(`amb-${kind}`);
    sim.injectFault({ endpoint: 'createOrder', kind });
    await expect(adapter.place(req)).rejects.toBeInstanceOf(AmbiguousOutcomeError);
    expect(sim.ledger).toHaveLength(1);
    const result = await adapter.lookup(handle(req));
    expect(result).toMatchObject({ outcome: 'unknown', reason: expect.stringContaining('refID') });
    expect(creates()).toBe(2);
    expect(sim.ledger).toHaveLength(1);
    expect(sim.orderCount()).toBe(1);
  });

  it('an answer later than the timeout → AmbiguousOutcomeError, one charge', async () => {
    adapter = makeAdapter({ timeoutMs: 150 });
    sim.injectFault({ endpoint: 'createOrder', kind: 'delay', ms: 600 });
    await expect(adapter.place(request('slow'))).rejects.toBeInstanceOf(AmbiguousOutcomeError);
    expect(await adapter.lookup(handle(request('slow')))).toMatchObject({ outcome: 'unknown' });
    expect(sim.ledger).toHaveLength(1);
  });

  it('dropBeforeCommit → AmbiguousOutcomeError; lookup creates it now, once, and finds it', async () => {
    const req = request('never-arrived');
    sim.injectFault({ endpoint: 'createOrder', kind: 'dropBeforeCommit' });
    await expect(adapter.place(req)).rejects.toBeInstanceOf(AmbiguousOutcomeError);
    expect(sim.ledger).toEqual([]);
    const snapshot = found(await adapter.lookup(handle(req)));
    expect(snapshot).toMatchObject({ providerRef: sim.orderByRefId('never-arrived')?.orderID, status: 'ACTIVE' });
    // The re-sent create is the same one, hookURL included.
    expect(sim.orderByRefId('never-arrived')).toMatchObject({ packageID: 'ROLTH_A01_P001', hookURL: hook.url, topupInfo: { gameid: 'user_game_id', server: '1' } });
    expect(await adapter.lookup(handle(req))).toMatchObject({ outcome: 'unknown' });
    expect(sim.ledger).toHaveLength(1);
  });

  it('a re-sent create refused as incomplete is absent; refused for balance is unknown (its own first charge may be why)', async () => {
    const incomplete = request('inc', { intent: { kind: 'GAME_TOPUP', topupInfo: {} } });
    expect(await adapter.lookup(handle(incomplete))).toMatchObject({ outcome: 'absent' });
    sim.setBalance('1.00');
    expect(await adapter.lookup(handle(request('poor')))).toMatchObject({ outcome: 'unknown' });
    sim.injectFault({ endpoint: 'createOrder', kind: 'error', status: 500, code: 'INTERNAL_SERVER_ERROR' });
    expect(await adapter.lookup(handle(request('x')))).toMatchObject({ outcome: 'unknown' });
    expect(sim.ledger).toEqual([]);
  });

  it('after a lost create, the callback (orderID + refID) lets lookup find the order through a signed GET', async () => {
    const req = request('lost-then-pushed');
    sim.injectFault({ endpoint: 'createOrder', kind: 'dropAfterCommit' });
    await expect(adapter.place(req)).rejects.toBeInstanceOf(AmbiguousOutcomeError);
    const orderID = sim.orderByRefId('lost-then-pushed')?.orderID ?? '';
    await sim.advanceOrder(orderID, 'succeeded');
    await sim.settleDeliveries();
    const body = sim.deliveries[0]?.body ?? '';
    const { updates } = adapter.webhook!.receive(webhookRequest(body));
    expect(updates[0]).toMatchObject({ providerRef: orderID, reference: 'lost-then-pushed', confirm: true });
    const snapshot = found(await adapter.lookup(handle(req)));
    expect(snapshot).toMatchObject({ providerRef: orderID, status: 'COMPLETED' });
    expect(creates()).toBe(1);
    expect(sim.ledger).toHaveLength(1);
  });

  it('a forged callback naming someone else\'s orderID for our refID is not believed', async () => {
    const victim = await adapter.place(request('victim'));
    const req = request('mine');
    sim.injectFault({ endpoint: 'createOrder', kind: 'dropAfterCommit' });
    await expect(adapter.place(req)).rejects.toBeInstanceOf(AmbiguousOutcomeError);
    adapter.webhook!.receive(webhookRequest(JSON.stringify({ orderID: victim.providerRef, refID: 'mine', status: 'successed', balance: 1, reason: '' })));
    expect(await adapter.lookup(handle(req))).toMatchObject({ outcome: 'unknown' });
    expect(sim.ledger).toHaveLength(2);
  });
});

describe('webhook', () => {
  async function pushedBody(ref: string, status: 'succeeded' | 'failed' = 'succeeded'): Promise<{ body: string; orderID: string }> {
    const { providerRef } = await adapter.place(request(ref));
    await sim.advanceOrder(providerRef, status, status === 'failed' ? 'Invalid game ID' : undefined);
    await sim.settleDeliveries();
    const delivery = sim.deliveries.find((d) => d.body.includes(`"refID":"${ref}"`));
    return { body: delivery?.body ?? '', orderID: providerRef };
  }

  it('reads the documented payload as one update to confirm by lookup, keyed on the body hash; replies 200 JSON', async () => {
    const { body, orderID } = await pushedBody('w-1');
    const result = adapter.webhook!.receive(webhookRequest(body));
    expect(result.reply).toEqual({ status: 200, body: '{"received":true}', contentType: 'application/json' });
    expect(result.updates).toHaveLength(1);
    expect(result.updates[0]).toMatchObject({
      deliveryId: createHash('sha256').update(body).digest('hex'),
      event: 'order.successed',
      providerRef: orderID,
      reference: 'w-1',
      confirm: true,
      snapshot: { providerRef: orderID, status: 'COMPLETED', providerStatus: 'successed' },
    });
    // A replay is the same delivery.
    expect(adapter.webhook!.receive(webhookRequest(body)).updates[0]?.deliveryId).toBe(result.updates[0]?.deliveryId);
  });

  it('a failed push claims FAILED with its reason', async () => {
    const { body } = await pushedBody('w-2', 'failed');
    expect(adapter.webhook!.receive(webhookRequest(body)).updates[0]?.snapshot).toMatchObject({ status: 'FAILED', failedReason: 'Invalid game ID' });
  });

  it('refuses a wrong x-signature, and a body that is not the payload', async () => {
    const { body } = await pushedBody('w-3');
    expect(() => adapter.webhook!.receive(webhookRequest(body, { 'x-signature': signP2wBody(body, 'not-the-secret') }))).toThrow(WebhookRejectedError);
    expect(() => adapter.webhook!.receive(webhookRequest(`${body} `, { 'x-signature': signP2wBody(body, SECRET) }))).toThrow(WebhookRejectedError);
    expect(() => adapter.webhook!.receive(webhookRequest('not json'))).toThrow(WebhookRejectedError);
    expect(() => adapter.webhook!.receive(webhookRequest('{"orderID":"x"}'))).toThrow(WebhookRejectedError);
  });

  it('accepts a correctly signed push', async () => {
    await startSim({ signWebhooks: true });
    const { body } = await pushedBody('w-4');
    const signature = sim.deliveries[0]?.headers['x-signature'] ?? '';
    expect(adapter.webhook!.receive(webhookRequest(body, { 'x-signature': signature })).updates).toHaveLength(1);
    // Signed and verified: its balance counts at once.
    expect((await adapter.balance()).toString()).toBe('4900');
  });
});

describe('balance (known only from callbacks)', () => {
  it('before any callback: a typed unavailability that says so', async () => {
    const error = await adapter.balance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect((error as ServiceUnavailableError).providerCode).toBe('BALANCE_NOT_REPORTED');
    expect((error as Error).message).toMatch(/no callback has reported the balance since this gateway started \(\d{4}-/);
  });

  it('an unsigned callback counts once a signed GET confirms its order and status; exact THB, with its time', async () => {
    await startSim({ initialBalance: '1000.55' });
    const { providerRef } = await adapter.place(request('b-1', { offerRef: 'FFTH_A01_P001', intent: { kind: 'GAME_TOPUP', topupInfo: { gameid: '1' } } }));
    await sim.advanceOrder(providerRef, 'succeeded');
    await sim.settleDeliveries();
    adapter.webhook!.receive(webhookRequest(sim.deliveries[0]?.body ?? ''));
    await expect(adapter.balance()).rejects.toBeInstanceOf(ServiceUnavailableError);
    found(await adapter.lookup(handle(request('b-1', { offerRef: 'FFTH_A01_P001' }), providerRef)));
    expect((await adapter.balance()).toJSON()).toEqual({ amount: '991.05', currency: 'THB' });
    expect(adapter.reportedBalance()?.at).toBeInstanceOf(Date);
  });

  it('a forged callback (status the GET does not confirm) never sets it', async () => {
    const req = request('b-2');
    const { providerRef } = await adapter.place(req);
    adapter.webhook!.receive(webhookRequest(JSON.stringify({ orderID: providerRef, refID: 'b-2', status: 'successed', balance: 999999, reason: '' })));
    found(await adapter.lookup(handle(req, providerRef)));
    await expect(adapter.balance()).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});

describe('descriptor', () => {
  const FILE = JSON.stringify([{ id: 'ROLTH_A01_P001', game: 'ROV Thailand', name: 'ROV 115', price: '100.00', fields: ['gameid'] }]);

  it('no credentials → null; one of the two → an error naming the other; the secret never in a message', () => {
    expect(p2w.settings({})).toBeNull();
    expect(p2w.settings({ P2W_PACKAGES: FILE, P2W_BASE_URL: 'https://x.test' })).toBeNull();
    expect(() => p2w.settings({ P2W_PARTNER_ID: 'x' })).toThrow(ProviderSettingsError);
    expect(() => p2w.settings({ P2W_PARTNER_ID: 'x' })).toThrow(/P2W_SECRET/);
    const onlySecret = (() => {
      try {
        p2w.settings({ P2W_SECRET: 'super-secret-value' });
      } catch (error) {
        return error as Error;
      }
      return null;
    })();
    expect(onlySecret?.message).toMatch(/P2W_PARTNER_ID/);
    expect(onlySecret?.message).not.toContain('super-secret-value');
    expect(p2w.secretVariables).toEqual(['P2W_SECRET']);
    expect(p2w.variables).toEqual(['P2W_PARTNER_ID', 'P2W_SECRET', 'P2W_BASE_URL', 'P2W_PACKAGES']);
  });

  it('P2W_PACKAGES is required, read as JSON or from a file, with the default base URL', () => {
    const creds = { P2W_PARTNER_ID: 'p', P2W_SECRET: 'super-secret-value' };
    expect(() => p2w.settings(creds)).toThrow(/P2W_PACKAGES/);
    const inline = p2w.settings({ ...creds, P2W_PACKAGES: FILE });
    expect(inline).toMatchObject({ partnerId: 'p', secret: 'super-secret-value', baseUrl: 'https://vendor.p2wtopup.com/api/v1', packages: [{ id: 'ROLTH_A01_P001', price: '100.00', fields: ['gameid'] }] });
    const dir = mkdtempSync(join(tmpdir(), 'p2w-packages-'));
    const path = join(dir, 'packages.json');
    writeFileSync(path, FILE);
    expect(p2w.settings({ ...creds, P2W_PACKAGES: path, P2W_BASE_URL: 'http://127.0.0.1:9/api/v1/' })).toMatchObject({ baseUrl: 'http://127.0.0.1:9/api/v1', packages: [{ id: 'ROLTH_A01_P001' }] });
  });

  it.each([
    ['a JSON number price', JSON.stringify([{ id: 'A', game: 'g', name: 'n', price: 100, fields: [] }]), /P2W_PACKAGES: \[0\]\.price/],
    ['a price with 3 decimals', JSON.stringify([{ id: 'A', game: 'g', name: 'n', price: '1.005', fields: [] }]), /\[0\]\.price/],
    ['a zero price', JSON.stringify([{ id: 'A', game: 'g', name: 'n', price: '0', fields: [] }]), /\[0\]\.price/],
    ['no fields list', JSON.stringify([{ id: 'A', game: 'g', name: 'n', price: '1' }]), /\[0\]\.fields/],
    ['duplicate ids', JSON.stringify([{ id: 'A', game: 'g', name: 'n', price: '1', fields: [] }, { id: 'a', game: 'g', name: 'n', price: '1', fields: [] }]), /duplicate package id a/],
    ['an empty list', '[]', /at least one package/],
    ['broken JSON', '[{', /not valid JSON/],
    ['a missing file', '/nonexistent/p2w-packages.json', /cannot read the file/],
  ])('refuses %s with one error naming P2W_PACKAGES', (_what, value, message) => {
    const error = (() => {
      try {
        p2w.settings({ P2W_PARTNER_ID: 'p', P2W_SECRET: 'super-secret-value', P2W_PACKAGES: value });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ProviderSettingsError);
    expect(error?.message).toMatch(/P2W_PACKAGES/);
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('super-secret-value');
  });

  it('a malformed P2W_BASE_URL names the variable', () => {
    expect(() => p2w.settings({ P2W_PARTNER_ID: 'p', P2W_SECRET: 's', P2W_PACKAGES: FILE, P2W_BASE_URL: 'ftp://x' })).toThrow(/P2W_BASE_URL/);
  });

  it('sandbox() starts the simulator; create() talks to it and orders complete on their own', async () => {
    const run = await p2w.sandbox({ resultDelayMs: { minDelayMs: 50, maxDelayMs: 150 }, runId: 1_773_000_000 });
    try {
      const live = p2w.create(run.settings, { logger: createLogger('silent'), callbackUrl: () => null });
      // The sandbox knows what its simulator starts with; callbacks report it from then on.
      expect((await live.balance()).toJSON()).toEqual({ amount: '5000', currency: 'THB' });
      const offers = await live.offers();
      expect(offers.map((o) => o.providerRef)).toEqual(P2W_SANDBOX_PACKAGES.map((p) => p.id));
      const req = { ...request('sandbox-1'), callbackUrl: null };
      const placed = await live.place(req);
      expect(placed.providerRef).toBe('P2W773000000000000');
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(found(await live.lookup({ ...handle(req), providerRef: placed.providerRef }))).toMatchObject({ status: 'COMPLETED' });
      expect(run.controls).toEqual({});
    } finally {
      await run.simulator.stop();
    }
  });

  it('never puts the secret in an error', async () => {
    const stranger = makeAdapter({ secret: 'wrong-secret-do-not-leak' });
    const error = await stranger.place(request('leak')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderRejectedError);
    const everything = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ''}`;
    expect(everything).not.toContain('wrong-secret-do-not-leak');
    expect(everything).not.toContain(SECRET);
  });
});
