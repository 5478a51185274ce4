import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseJsonExact } from '../../../src/providers/shared/json-amounts.ts';
import { createP2wSimulator, P2W_SANDBOX_PACKAGES } from '../../../src/providers/p2w/simulator.ts';
import type { P2wSimulator } from '../../../src/providers/p2w/simulator.ts';
import { signP2wBody } from '../../../src/providers/p2w/signature.ts';
import { CreateOrderResponse, ErrorResponse, GetOrderResponse } from '../../../src/providers/p2w/wire.ts';
import { call, createOrder, orderBody, PARTNER, SECRET } from './sim-client.ts';

const T0 = Date.parse('2026-03-21T21:05:39.790Z');
const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

let sim: P2wSimulator;

beforeEach(async () => {
  sim = createP2wSimulator({ now: () => T0, extraPartners: [{ partnerId: 'other-vendor', secret: 'other-secret' }] });
  await sim.start();
});

afterEach(async () => {
  await sim.stop();
});

describe('the document examples', () => {
  it('serves {API_PREFIX} = /api/v1 on loopback, as the GET example URL shows', () => {
    expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
  });

  it('POST /orders with the example body answers 201 ORDER_CREATED in the documented envelope', async () => {
    const answer = await call(sim, '/orders', {
      body: { refID: 'vendor-ref-1', packageID: 'ROLTH_A01_P001', topupInfo: { gameid: 'user_game_id', server: '1' }, hookURL: 'https://vendor-server.com/callback' },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(answer.json)).toEqual(['success', 'statusCode', 'code', 'data', 'timestamp']);
    expect(answer.json).toEqual({
      success: true,
      statusCode: 201,
      code: 'ORDER_CREATED',
      data: {
        orderID: expect.any(String),
        refID: 'vendor-ref-1',
        status: 'pending',
        packageID: 'ROLTH_A01_P001',
        topupInfo: { gameid: 'user_game_id', server: '1' },
        createdAt: '2026-03-21T21:05:39.790Z',
      },
      timestamp: '2026-03-21T21:05:39.790Z',
    });
    expect(Object.keys(answer.json.data)).toEqual(['orderID', 'refID', 'status', 'packageID', 'topupInfo', 'createdAt']);
    expect(CreateOrderResponse.safeParse(parseJsonExact(answer.raw)).success).toBe(true);
  });

  it('GET /orders/:id of a finished order answers 200 OK with status "successed" and reason "" as in the example', async () => {
    const orderID = await createOrder(sim, 'vendor-ref-1');
    await sim.advanceClock(5 * 60_000);
    await sim.advanceOrder(orderID, 'succeeded');
    const answer = await call(sim, `/orders/${orderID}`);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.json)).toEqual(['success', 'statusCode', 'code', 'data', 'timestamp']);
    expect(answer.json).toEqual({
      success: true,
      statusCode: 200,
      code: 'OK',
      data: {
        orderID,
        refID: 'vendor-ref-1',
        status: 'successed',
        packageID: 'ROLTH_A01_P001',
        topupInfo: { gameid: 'user_game_id', server: '1' },
        reason: '',
        createdAt: '2026-03-21T21:05:39.790Z',
      },
      timestamp: '2026-03-21T21:10:39.790Z',
    });
    expect(Object.keys(answer.json.data)).toEqual(['orderID', 'refID', 'status', 'packageID', 'topupInfo', 'reason', 'createdAt']);
    expect(GetOrderResponse.safeParse(parseJsonExact(answer.raw)).success).toBe(true);
    expect(sim.orderStatus(orderID)).toBe('succeeded');
  });

  it('the REF_ID_EXISTS example: 400 {success:false, statusCode, code, message, timestamp}', async () => {
    await createOrder(sim, 'vendor-ref-1');
    const answer = await call(sim, '/orders', { body: orderBody('vendor-ref-1') });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.json)).toEqual(['success', 'statusCode', 'code', 'message', 'timestamp']);
    expect(answer.json).toEqual({ success: false, statusCode: 400, code: 'REF_ID_EXISTS', message: 'refID already exists', timestamp: expect.stringMatching(ISO_MS) });
    expect(ErrorResponse.safeParse(parseJsonExact(answer.raw)).success).toBe(true);
  });

  it('GET shows every status of the table: pending, processing, successed, failed with its reason', async () => {
    const a = await createOrder(sim, 'a');
    const b = await createOrder(sim, 'b');
    const status = async (id: string) => (await call(sim, `/orders/${id}`)).json.data;
    expect((await status(a)).status).toBe('pending');
    await sim.advanceOrder(a, 'processing');
    expect((await status(a)).status).toBe('processing');
    await sim.advanceOrder(a, 'succeeded');
    expect((await status(a)).status).toBe('successed');
    await sim.advanceOrder(b, 'failed', 'Invalid game ID');
    expect(await status(b)).toMatchObject({ status: 'failed', reason: 'Invalid game ID' });
  });

  it('successStatusSpelling "succeeded" writes the status table spelling instead', async () => {
    const table = createP2wSimulator({ now: () => T0, successStatusSpelling: 'succeeded' });
    await table.start();
    try {
      const id = await createOrder(table, 'r');
      await table.advanceOrder(id, 'succeeded');
      expect((await call(table, `/orders/${id}`)).json.data.status).toBe('succeeded');
    } finally {
      await table.stop();
    }
  });
});

describe('POST /orders refusals (no order, no charge)', () => {
  const expectRefusal = async (body: unknown, code: string, status = 400, rawBody?: string) => {
    const answer = await call(sim, '/orders', rawBody === undefined ? { body } : { rawBody });
    expect(answer.status, JSON.stringify(body ?? rawBody)).toBe(status);
    expect(answer.json, JSON.stringify(body ?? rawBody)).toMatchObject({ success: false, statusCode: status, code, message: expect.any(String) });
    return answer;
  };

  afterEach(() => {
    expect(sim.ledger).toEqual([]);
    expect(sim.orderCount()).toBe(0);
    expect(sim.balanceOf()).toBe('5000.00');
  });

  it('MISSING_FIELD when topupInfo lacks a key the package needs', async () => {
    await expectRefusal(orderBody('r1', { topupInfo: { server: '1' } }), 'MISSING_FIELD');
    await expectRefusal(orderBody('r2', { topupInfo: { gameid: '' } }), 'MISSING_FIELD');
    await expectRefusal(orderBody('r3', { packageID: 'GSHTH_A01_P001', topupInfo: { gameid: '800123456' } }), 'MISSING_FIELD');
    await expectRefusal(orderBody('r4', { packageID: 'MLBBTH_A01_P001', topupInfo: { gameid: '12345678', server: '1234' } }), 'MISSING_FIELD');
    const answer = await expectRefusal(orderBody('r5', { packageID: 'MLBBTH_A01_P001', topupInfo: { gameid: '12345678' } }), 'MISSING_FIELD');
    expect(answer.json.message).toContain('zoneid');
  });

  it('MISSING_FIELD when a documented field is absent or malformed, or the body is not JSON', async () => {
    await expectRefusal({ packageID: 'ROLTH_A01_P001', topupInfo: { gameid: 'x' } }, 'MISSING_FIELD');
    await expectRefusal({ refID: 'r', topupInfo: { gameid: 'x' } }, 'MISSING_FIELD');
    await expectRefusal({ refID: 'r', packageID: 'ROLTH_A01_P001' }, 'MISSING_FIELD');
    await expectRefusal(orderBody('r', { topupInfo: ['x'] }), 'MISSING_FIELD');
    await expectRefusal(orderBody('r', { topupInfo: { gameid: 12345 } }), 'MISSING_FIELD');
    await expectRefusal(orderBody('', {}), 'MISSING_FIELD');
    await expectRefusal(orderBody('r', { hookURL: 'not a url' }), 'MISSING_FIELD');
    await expectRefusal(orderBody('r', { hookURL: 'ftp://vendor-server.com/callback' }), 'MISSING_FIELD');
    await expectRefusal(undefined, 'MISSING_FIELD', 400, '{"refID":');
    await expectRefusal(undefined, 'MISSING_FIELD', 400, '');
  });

  it('an unknown packageID is refused with MISSING_FIELD (the document has no code of its own for it)', async () => {
    const answer = await expectRefusal(orderBody('r', { packageID: 'NOPE_A01_P001' }), 'MISSING_FIELD');
    expect(answer.json.message).toContain('NOPE_A01_P001');
  });

  it('INSUFFICIENT_BALANCE when the price is above the balance', async () => {
    sim.setBalance('99.99');
    await expectRefusal(orderBody('r'), 'INSUFFICIENT_BALANCE');
    expect(sim.balanceOf()).toBe('99.99');
    sim.setBalance('5000.00');
  });
});

describe('refID is unique per partner', () => {
  it('a second create with the same refID is REF_ID_EXISTS and charges nothing, even with another package', async () => {
    const orderID = await createOrder(sim, 'dup');
    for (const body of [orderBody('dup'), orderBody('dup', { packageID: 'FFTH_A01_P001' })]) {
      const answer = await call(sim, '/orders', { body });
      expect(answer.json.code).toBe('REF_ID_EXISTS');
    }
    expect(sim.orderCount()).toBe(1);
    expect(sim.ledger).toEqual([{ kind: 'charge', orderRef: orderID, amount: '100.00', at: T0 }]);
    expect(sim.balanceOf()).toBe('4900.00');
    expect(sim.orderByRefId('dup')).toMatchObject({ orderID, packageID: 'ROLTH_A01_P001', status: 'pending', price: '100.00' });
  });

  it('another partner may use the same refID', async () => {
    const mine = await createOrder(sim, 'shared-ref');
    const theirs = await createOrder(sim, 'shared-ref', {}, { partnerId: 'other-vendor', secret: 'other-secret' });
    expect(theirs).not.toBe(mine);
    expect(sim.orderCount(PARTNER)).toBe(1);
    expect(sim.orderCount('other-vendor')).toBe(1);
    expect(sim.orderByRefId('shared-ref', 'other-vendor')?.orderID).toBe(theirs);
    expect(sim.balanceOf('other-vendor')).toBe('4900.00');
  });

  it('a failed order keeps its refID: reusing it is still REF_ID_EXISTS', async () => {
    const id = await createOrder(sim, 'failed-ref');
    await sim.advanceOrder(id, 'failed');
    expect((await call(sim, '/orders', { body: orderBody('failed-ref') })).json.code).toBe('REF_ID_EXISTS');
    expect(sim.orderCount()).toBe(1);
  });
});

describe('GET /orders/:id errors', () => {
  it('404 ORDER_NOT_FOUND for an orderID that does not exist', async () => {
    const answer = await call(sim, '/orders/P2W999999');
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ success: false, statusCode: 404, code: 'ORDER_NOT_FOUND' });
  });

  it("403 FORBIDDEN for another vendor's order", async () => {
    const theirs = await createOrder(sim, 'r', {}, { partnerId: 'other-vendor', secret: 'other-secret' });
    const answer = await call(sim, `/orders/${theirs}`);
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ success: false, statusCode: 403, code: 'FORBIDDEN' });
    expect((await call(sim, `/orders/${theirs}`, { auth: { partnerId: 'other-vendor', secret: 'other-secret' } })).status).toBe(200);
  });

  it('500 INTERNAL_SERVER_ERROR as an injected fault, in the documented envelope', async () => {
    const id = await createOrder(sim, 'r');
    sim.injectFault({ endpoint: 'getOrder', kind: 'error', status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'boom' });
    const answer = await call(sim, `/orders/${id}`);
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual({ success: false, statusCode: 500, code: 'INTERNAL_SERVER_ERROR', message: 'boom', timestamp: expect.stringMatching(ISO_MS) });
    expect((await call(sim, `/orders/${id}`)).status).toBe(200);
  });

  it('answers 404 NOT_FOUND in the same envelope for paths and methods the document does not name', async () => {
    for (const [path, method] of [['/orders', 'GET'], ['/orders/x/y', 'GET'], ['/orders/P2W100001', 'POST'], ['/packages', 'GET'], ['/orders', 'PUT']] as const) {
      const answer = await call(sim, path, { method, ...(method === 'GET' ? {} : { rawBody: '{}' }) });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.json, `${method} ${path}`).toMatchObject({ success: false, statusCode: 404, code: 'NOT_FOUND' });
    }
    const outside = await fetch(sim.baseUrl.replace('/api/v1', '/orders'));
    expect(outside.status).toBe(404);
  });
});

describe('auth: x-partner-id + x-signature (HMAC-SHA256 of the raw body)', () => {
  it('accepts the signature of the exact raw body, whitespace and key order included', async () => {
    const raw = '{ "refID": "spaced",\n  "packageID": "ROLTH_A01_P001", "topupInfo": {"gameid": "g"} }';
    const answer = await call(sim, '/orders', { rawBody: raw, auth: { signature: signP2wBody(raw, SECRET) } });
    expect(answer.status).toBe(201);
  });

  it('403 FORBIDDEN on create for a missing, wrong, stale or foreign signature, and an unknown or missing partner', async () => {
    const body = JSON.stringify(orderBody('r'));
    const cases = [
      { partnerId: null },
      { signature: null },
      { signature: '' },
      { signature: 'deadbeef' },
      { signature: signP2wBody(body, SECRET).toUpperCase() },
      { signature: signP2wBody(JSON.stringify(orderBody('other')), SECRET) },
      { secret: 'wrong-secret' },
      { secret: 'other-secret' },
      { partnerId: 'nobody' },
    ];
    for (const auth of cases) {
      const answer = await call(sim, '/orders', { rawBody: body, auth });
      expect(answer.status, JSON.stringify(auth)).toBe(403);
      expect(answer.json, JSON.stringify(auth)).toMatchObject({ success: false, statusCode: 403, code: 'FORBIDDEN' });
    }
    expect(sim.orderCount()).toBe(0);
    expect(sim.ledger).toEqual([]);
  });

  it('a GET signs the empty string; anything else is FORBIDDEN', async () => {
    const id = await createOrder(sim, 'r');
    expect((await call(sim, `/orders/${id}`, { auth: { signature: signP2wBody('', SECRET) } })).status).toBe(200);
    for (const auth of [{ signature: null }, { signature: signP2wBody(`/orders/${id}`, SECRET) }, { partnerId: null }, { secret: 'x' }]) {
      const answer = await call(sim, `/orders/${id}`, { auth });
      expect(answer.status, JSON.stringify(auth)).toBe(403);
      expect(answer.json.code).toBe('FORBIDDEN');
    }
  });

  it('partnerId and secret are options', async () => {
    const custom = createP2wSimulator({ now: () => T0, partnerId: 'vendor-42', secret: 's3cret' });
    await custom.start();
    try {
      expect((await call(custom, '/orders', { body: orderBody('r') })).status).toBe(403);
      expect((await call(custom, '/orders', { body: orderBody('r'), auth: { partnerId: 'vendor-42', secret: 's3cret' } })).status).toBe(201);
      expect(custom.balanceOf('vendor-42')).toBe('4900.00');
    } finally {
      await custom.stop();
    }
  });
});

describe('money: THB charged on create, refunded on failure, exact', () => {
  it('charges the package price on create and writes each charge to the ledger', async () => {
    const a = await createOrder(sim, 'a');
    const b = await createOrder(sim, 'b', { packageID: 'FFTH_A01_P001', topupInfo: { gameid: '1234567890' } });
    const c = await createOrder(sim, 'c', { packageID: 'FFTH_A01_P001', topupInfo: { gameid: '1234567890' } });
    expect(sim.ledger).toEqual([
      { kind: 'charge', orderRef: a, amount: '100.00', at: T0 },
      { kind: 'charge', orderRef: b, amount: '9.50', at: T0 },
      { kind: 'charge', orderRef: c, amount: '9.50', at: T0 },
    ]);
    expect(sim.balanceOf()).toBe('4881.00');
  });

  it('a failed order gives its price back once; a succeeded one keeps it', async () => {
    const a = await createOrder(sim, 'a');
    const b = await createOrder(sim, 'b', { packageID: 'GSHTH_A01_P001', topupInfo: { gameid: '800123456', server: 'os_asia' } });
    await sim.advanceClock(60_000);
    await sim.advanceOrder(a, 'succeeded');
    await sim.advanceOrder(b, 'processing');
    await sim.advanceOrder(b, 'failed');
    expect(sim.ledger.map((e) => [e.kind, e.orderRef, e.amount])).toEqual([
      ['charge', a, '100.00'],
      ['charge', b, '35.00'],
      ['refund', b, '35.00'],
    ]);
    expect(sim.ledger[2]?.at).toBe(T0 + 60_000);
    expect(sim.balanceOf()).toBe('4900.00');
    expect(sim.order(b)).toMatchObject({ status: 'failed', refunded: true, reason: 'top-up failed' });
    await expect(sim.advanceOrder(b, 'failed')).rejects.toThrow(/cannot go from failed/);
    expect(sim.ledger).toHaveLength(3);
  });

  it('a balance equal to the price is enough and ends at 0.00', async () => {
    sim.setBalance('100.00');
    await createOrder(sim, 'all-in');
    expect(sim.balanceOf()).toBe('0.00');
    expect((await call(sim, '/orders', { body: orderBody('one-more') })).json.code).toBe('INSUFFICIENT_BALANCE');
  });

  it('controls refuse inexact amounts', () => {
    expect(() => sim.setBalance('1.005')).toThrow(RangeError);
    expect(() => sim.setBalance('-1')).toThrow(RangeError);
    expect(() => createP2wSimulator({ packages: [{ id: 'X', game: 'g', name: 'n', price: '0.1e1', fields: [] }] })).toThrow(RangeError);
    expect(() => createP2wSimulator({ initialBalance: '12.345' })).toThrow(RangeError);
  });
});

describe('packages from configuration', () => {
  it('the default set covers ROV, Free Fire, PUBG Mobile, Genshin and Mobile Legends with their topupInfo keys', () => {
    expect(sim.packages).toEqual(P2W_SANDBOX_PACKAGES);
    expect(P2W_SANDBOX_PACKAGES).toContainEqual({ id: 'ROLTH_A01_P001', game: 'ROV Thailand', name: expect.any(String), price: '100.00', fields: ['gameid'] });
    const byGame = new Map(P2W_SANDBOX_PACKAGES.map((p) => [p.game, p.fields]));
    expect(byGame.get('Free Fire Thailand')).toEqual(['gameid']);
    expect(byGame.get('PUBG Mobile')).toEqual(['gameid']);
    expect(byGame.get('Genshin Impact')).toEqual(['gameid', 'server']);
    expect(byGame.get('Mobile Legends: Bang Bang')).toEqual(['gameid', 'zoneid']);
    for (const p of P2W_SANDBOX_PACKAGES) expect(p.price).toMatch(/^\d+\.\d\d$/);
  });

  it('a configured set replaces the default one', async () => {
    const custom = createP2wSimulator({
      now: () => T0,
      initialBalance: '50.00',
      packages: [{ id: 'TEST_A01_P001', game: 'Test Game', name: 'Test pack', price: '12.34', fields: ['uid'] }],
    });
    await custom.start();
    try {
      expect((await call(custom, '/orders', { body: orderBody('r') })).json.code).toBe('MISSING_FIELD');
      expect((await call(custom, '/orders', { body: { refID: 'r', packageID: 'TEST_A01_P001', topupInfo: { gameid: 'g' } } })).json.code).toBe('MISSING_FIELD');
      const ok = await call(custom, '/orders', { body: { refID: 'r', packageID: 'TEST_A01_P001', topupInfo: { uid: 'u1' } } });
      expect(ok.status).toBe(201);
      expect(custom.balanceOf()).toBe('37.66');
    } finally {
      await custom.stop();
    }
  });
});

describe('controls', () => {
  it('orderIDs start at firstOrderId and are opaque strings', async () => {
    const numbered = createP2wSimulator({ now: () => T0, firstOrderId: 7_000_000 });
    await numbered.start();
    try {
      expect(await createOrder(numbered, 'a')).toBe('P2W7000000');
      expect(await createOrder(numbered, 'b')).toBe('P2W7000001');
      expect(numbered.orderCount()).toBe(2);
    } finally {
      await numbered.stop();
    }
  });

  it('advanceOrder refuses unknown orders and backward moves', async () => {
    const id = await createOrder(sim, 'r');
    await expect(sim.advanceOrder('P2W1', 'succeeded')).rejects.toThrow(/unknown/);
    await sim.advanceOrder(id, 'processing');
    await expect(sim.advanceOrder(id, 'processing')).rejects.toThrow();
    await sim.advanceOrder(id, 'succeeded');
    await expect(sim.advanceOrder(id, 'failed')).rejects.toThrow();
    expect(sim.orderStatus(id)).toBe('succeeded');
    expect(sim.orderStatus('P2W1')).toBeUndefined();
    expect(sim.orderByRefId('nope')).toBeUndefined();
  });

  it('requests are logged with endpoint, method, path, status, simulator time and partner', async () => {
    const id = await createOrder(sim, 'r');
    await sim.advanceClock(1000);
    await call(sim, `/orders/${id}`);
    await call(sim, '/orders', { body: orderBody('r'), auth: { signature: 'bad' } });
    await call(sim, '/nope');
    expect(sim.requests).toEqual([
      { endpoint: 'createOrder', method: 'POST', path: '/api/v1/orders', status: 201, at: T0, partnerId: PARTNER },
      { endpoint: 'getOrder', method: 'GET', path: `/api/v1/orders/${id}`, status: 200, at: T0 + 1000, partnerId: PARTNER },
      { endpoint: 'createOrder', method: 'POST', path: '/api/v1/orders', status: 403, at: T0 + 1000, partnerId: PARTNER },
      { endpoint: 'unknown', method: 'GET', path: '/api/v1/nope', status: 404, at: T0 + 1000, partnerId: PARTNER },
    ]);
  });
});
