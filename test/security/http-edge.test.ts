import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { TEST_CLIENT_TOKEN } from '../support/clients.ts';
import { latencyDuring, openRawSocket, post, query, timed } from './support.ts';

const TOKEN = 'shop-a-token-0123456789abcdef';
const OTHER_TOKEN = 'admin-token-0123456789abcdef';
const APP_ORIGIN = 'https://app.example.com';
const SIMPLE = '{ fxRates { pair rate } }';
const auth = { authorization: `Bearer ${TOKEN}` };
// `open` has only the test bootstrap clients: its probes act as a caller holding a valid key.
const openAuth = { authorization: `Bearer ${TEST_CLIENT_TOKEN}` };

/** Browser-safety, authentication-before-parse and operation limits, through a real gateway on a real port. */
describe('HTTP edge (security review probes)', () => {
  let gw: TestGateway;
  let open: TestGateway;

  beforeAll(async () => {
    gw = await startGateway({ env: { CLIENT_TOKENS: `shop-a:${TOKEN},admin:${OTHER_TOKEN}`, CORS_ORIGINS: APP_ORIGIN } });
    open = await startGateway({ env: { INTROSPECTION: 'false' } }); // the test bootstrap clients only
  });
  afterAll(async () => {
    await gw?.stop();
    await open?.stop();
  });

  describe('browsers (CSRF, CORS, forms)', () => {
    it('refuses form-encoded and multipart POSTs with 415 before parsing: a cross-site <form> cannot buy a number', async () => {
      const before = open.sim.requests.length;
      const buy = 'mutation { buyNumber(input: { service: "whatsapp", country: "ID", idempotencyKey: "csrf-1" }) { __typename } }';
      const form = await fetch(open.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ query: buy }) });
      expect(form.status).toBe(415);
      const fd = new FormData();
      fd.set('operations', JSON.stringify({ query: buy }));
      const multipart = await fetch(open.graphqlUrl, { method: 'POST', body: fd });
      expect(multipart.status).toBe(415);
      // text/plain is the third "simple" type: Yoga's CSRF prevention refuses it without the header.
      const plain = await fetch(open.graphqlUrl, { method: 'POST', headers: { 'content-type': 'text/plain', ...openAuth }, body: JSON.stringify({ query: buy }) });
      expect(plain.status).toBe(403);
      expect(open.sim.requests.length).toBe(before);
    });

    it('requires the CSRF header on a GET, and reflects no foreign Origin (so a cross-origin page cannot read activeOrders)', async () => {
      const url = `${open.graphqlUrl}?query=${encodeURIComponent('{ activeOrders { id } }')}`;
      const bare = await fetch(url, { headers: { origin: 'https://evil.example', ...openAuth } });
      expect(bare.status).toBe(403);
      expect(bare.headers.get('access-control-allow-origin')).toBeNull();
      expect(bare.headers.get('access-control-allow-credentials')).toBeNull();
      const withHeader = await fetch(url, { headers: { 'x-graphql-yoga-csrf': '1', accept: 'application/json', ...openAuth } });
      expect(withHeader.status).toBe(200);
      expect(((await withHeader.json()) as { data: unknown }).data).toEqual({ activeOrders: [] });
    });

    it('answers CORS only for CORS_ORIGINS, without credentials; none by default', async () => {
      const preflight = (url: string, origin: string) =>
        fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
      const allowed = await preflight(gw.graphqlUrl, APP_ORIGIN);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
      const foreign = await preflight(gw.graphqlUrl, 'https://evil.example');
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
      const byDefault = await preflight(open.graphqlUrl, APP_ORIGIN);
      expect(byDefault.headers.get('access-control-allow-origin')).toBeNull();
      const read = await query(gw.graphqlUrl, SIMPLE, undefined, { ...auth, origin: APP_ORIGIN });
      expect(read.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    });

    it('refuses a WebSocket upgrade from a foreign Origin, accepts same-origin and allow-listed ones', async () => {
      await expect(openRawSocket(open.graphqlUrl, { origin: 'https://evil.example' })).rejects.toThrow(/403/);
      const same = await openRawSocket(open.graphqlUrl, { origin: open.url });
      same.ws.close();
      const listed = await openRawSocket(gw.graphqlUrl, { origin: APP_ORIGIN });
      listed.ws.close();
    });

    it('still serves GraphiQL at /graphql (same origin, no token needed for the page)', async () => {
      const page = await fetch(gw.graphqlUrl, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Switchboard');
    });
  });

  describe('authentication before parsing', () => {
    it('refuses a bad token with 401 before reading the body (the rest of a 10 MB upload is never sent)', async () => {
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(gw.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024), authorization: 'Bearer wrong-token-0123456789' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.write('{"query":"'); // the head and a few bytes; the body never completes
      });
      expect(status).toBe(401);
      const none = await query(gw.graphqlUrl, SIMPLE);
      expect(none.status).toBe(401);
      expect(none.json().errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const good = await query(gw.graphqlUrl, SIMPLE, undefined, auth);
      expect(good.status).toBe(200);
    });

    it('gives no field suggestions to an unauthenticated caller, and keeps them for a client with a token', async () => {
      const stranger = await query(gw.graphqlUrl, '{ balance }', undefined, { authorization: 'Bearer nope' });
      expect(stranger.status).toBe(401);
      expect(stranger.text).not.toMatch(/Did you mean/);
      const client = await query(gw.graphqlUrl, '{ balance }', undefined, auth);
      expect(client.text).toMatch(/Did you mean/);
    });
  });

  describe('bounded operations', () => {
    it('refuses a 10 MB query with 413 (declared and chunked) before any resolver runs, and says how long that took', async () => {
      const before = gw.sim.requests.length;
      const big = JSON.stringify({ query: `{ ${'balances(currency: USD) { complete } '.repeat(280_000)} }` });
      expect(big.length).toBeGreaterThan(10_000_000);
      const attack = Promise.all([0, 1, 2].map(() => timed(() => post(gw.graphqlUrl, big, auth))));
      const during = await latencyDuring(() => query(gw.graphqlUrl, SIMPLE, undefined, auth), attack);
      const refusals = await attack;
      for (const r of refusals) expect(r.value.status).toBe(413);
      // Chunked: no Content-Length, so the counting stream stops it.
      const chunked = await timed(
        () =>
          new Promise<number>((resolve, reject) => {
            const req = httpRequest(gw.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...auth } }, (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            });
            req.on('error', () => {}); // the server may close before all chunks are written
            void (async () => {
              for (let i = 0; i < 160 && !req.destroyed; i++) {
                if (!req.write(big.slice(i * 65536, (i + 1) * 65536))) await new Promise((r) => req.once('drain', r));
              }
              req.end();
            })().catch(reject);
          }),
      );
      expect(chunked.value).toBe(413);
      expect(gw.sim.requests.length).toBe(before);
      console.log(`[probe] 3 concurrent 10 MB queries refused in ${refusals.map((r) => `${r.ms} ms`).join(', ')}; chunked 10 MB refused in ${chunked.ms} ms; simple query meanwhile: ${during.count} runs, median ${during.medianMs} ms, max ${during.maxMs} ms`);
    });

    it('refuses a 5,000-deep query at parse (token limit) without overflowing the stack or calling a provider', async () => {
      const before = gw.sim.requests.length;
      const deep = `{${'providers{'.repeat(5000)}id${'}'.repeat(5000)}}`; // 55 KB: under MAX_BODY_BYTES
      const attack = timed(() => query(gw.graphqlUrl, deep, undefined, auth));
      const during = await latencyDuring(() => query(gw.graphqlUrl, SIMPLE, undefined, auth), attack);
      const refused = await attack;
      expect(refused.value.status).toBe(400);
      expect(refused.value.json().errors?.[0]?.message).toMatch(/Token limit of 1000 exceeded/);
      // Under the token limit but over the depth limit: refused at validation.
      const twenty = await query(gw.graphqlUrl, `{ ${'providers { '.repeat(20)}id${' }'.repeat(20)} }`, undefined, auth);
      expect(twenty.json().errors?.[0]?.message).toMatch(/depth limit/i);
      expect(gw.sim.requests.length).toBe(before);
      console.log(`[probe] 5,000-deep query refused in ${refused.ms} ms; simple query meanwhile: ${during.count} runs, median ${during.medianMs} ms, max ${during.maxMs} ms`);
    });

    it('refuses 1,000 aliases of balances before any resolver runs (no provider call)', async () => {
      const before = gw.sim.requests.length;
      const aliases = `{ ${Array.from({ length: 1000 }, (_, i) => `b${i}: balances(currency: USD) { complete }`).join(' ')} }`;
      // 1,000 aliases is ~9,000 tokens: the token limit stops it at parse. With a lifted token limit the alias limit would.
      const attack = timed(() => query(gw.graphqlUrl, aliases, undefined, auth));
      const during = await latencyDuring(() => query(gw.graphqlUrl, SIMPLE, undefined, auth), attack);
      const refused = await attack;
      expect(refused.value.status).toBe(400);
      expect(refused.value.json().errors?.[0]?.message).toMatch(/Token limit|aliases/);
      const sixteen = await query(gw.graphqlUrl, `{ ${Array.from({ length: 16 }, (_, i) => `b${i}: fxRates { pair }`).join(' ')} }`, undefined, auth);
      expect(sixteen.json().errors?.[0]?.message).toMatch(/Aliases limit of 15 exceeded/);
      expect(gw.sim.requests.length).toBe(before);
      console.log(`[probe] 1,000 aliases of balances refused in ${refused.ms} ms; simple query meanwhile: ${during.count} runs, median ${during.medianMs} ms, max ${during.maxMs} ms`);
    });

    it('charges provider-backed fields more: 11 catalogs exceed the cost limit, 11 local fields do not', async () => {
      const before = gw.sim.requests.length;
      const catalogs = await query(gw.graphqlUrl, `{ ${Array.from({ length: 11 }, (_, i) => `c${i}: catalog(first: 1) { pageInfo { hasNextPage } }`).join(' ')} }`, undefined, auth);
      expect(catalogs.json().errors?.[0]).toMatchObject({ extensions: { code: 'OPERATION_TOO_COSTLY' } });
      expect(gw.sim.requests.length).toBe(before);
      const local = await query(gw.graphqlUrl, `{ ${Array.from({ length: 11 }, (_, i) => `f${i}: fxRates { pair }`).join(' ')} }`, undefined, auth);
      expect(local.json().errors).toBeUndefined();
    });

    it('refuses too many directives', async () => {
      const many = await query(gw.graphqlUrl, `{ fxRates ${'@include(if: true) '.repeat(11)} { pair } }`, undefined, auth);
      expect(many.json().errors?.[0]?.message).toMatch(/Directives limit of 10 exceeded/);
    });

    it('bounds Decimal inputs (≤ 30 digits) with a clear error that does not echo the value', async () => {
      const long = '9'.repeat(5000);
      const literal = await query(gw.graphqlUrl, `{ convert(amount: "${long}", from: THB, to: USD) { amount } }`, undefined, auth);
      expect(literal.json().errors?.[0]?.message).toMatch(/at most 30 digits/);
      expect(literal.text).not.toContain(long.slice(0, 100));
      const variable = await query(gw.graphqlUrl, 'query ($a: Decimal!) { convert(amount: $a, from: THB, to: USD) { amount } }', { a: `1.${'0'.repeat(40)}` }, auth);
      expect(variable.json().errors?.[0]?.message).toMatch(/at most 30 digits/);
      const fine = await query(gw.graphqlUrl, 'query ($a: Decimal!) { convert(amount: $a, from: THB, to: USD) { amount } }', { a: '15.25' }, auth);
      expect(fine.json().errors).toBeUndefined();
    });

    it('turns introspection off with INTROSPECTION=false, on by default', async () => {
      const off = await query(open.graphqlUrl, '{ __schema { queryType { name } } }', undefined, openAuth);
      expect(off.json().errors?.[0]?.message).toMatch(/introspection/i);
      const on = await query(gw.graphqlUrl, '{ __schema { queryType { name } } }', undefined, auth);
      expect(on.json().data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });
  });
});
