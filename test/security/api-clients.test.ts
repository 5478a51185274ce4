import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { TEST_ADMIN_TOKEN, TEST_CLIENT_TOKEN } from '../support/clients.ts';
import { freshDatabase } from '../support/database.ts';
import { SMSCODE_TOKEN, startGateway, type TestGateway } from '../support/gateway.ts';
import { openInitialisedSocket, openRawSocket, query, sleep } from './support.ts';

const ADMIN = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const DEFAULT = { authorization: `Bearer ${TEST_CLIENT_TOKEN}` };
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const BUY = (key: string) => `mutation { buyNumber(input: { service: "whatsapp", country: "ID", idempotencyKey: "${key}" }) { __typename ... on BuyNumberPayload { order { id phoneNumber } } ... on Error { code } } }`;
const CREATE = `mutation ($name: String!, $scopes: [ClientScope!]!) { createApiClient(name: $name, scopes: $scopes) { __typename ... on CreateApiClientPayload { issued { key client { name keyPrefix scopes } } } ... on Error { code message } } }`;

interface Issued {
  key: string;
  client: { name: string; keyPrefix: string; scopes: string[] };
}

async function createClient(gw: TestGateway, name: string, scopes: string[]): Promise<Issued> {
  const answer = (await query(gw.graphqlUrl, CREATE, { name, scopes }, ADMIN)).json<{ data: { createApiClient: { __typename: string; issued?: Issued } } }>();
  if (!answer.data.createApiClient.issued) throw new Error(`createApiClient failed: ${JSON.stringify(answer)}`);
  return answer.data.createApiClient.issued;
}

const creates = (gw: TestGateway) => gw.sim.requests.filter((r) => r.endpoint === 'create').length;

/** API clients and scopes through a real gateway: hashed keys, scopes on fields, rotation and revocation on HTTP and WebSocket. */
describe('API clients (security review probes)', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => {
    await gw?.stop();
  });

  it('generates sbk_ keys and stores only their SHA-256 (the row does not contain the key)', async () => {
    const issued = await createClient(gw, 'hash-probe', ['CATALOG_READ']);
    expect(issued.key).toMatch(/^sbk_[A-Za-z0-9_-]{43}$/);
    expect(issued.key.startsWith(issued.client.keyPrefix)).toBe(true);
    const rows = (await gw.app.services.db.em().getConnection().execute(`select * from "api_clients" where "name" = 'hash-probe'`)) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain(issued.key);
    expect(stored).not.toContain(issued.key.slice(12));
    expect(rows[0]!.key_hash).toBe(createHash('sha256').update(issued.key).digest('hex'));
    // And the admin list never returns it.
    const list = await query(gw.graphqlUrl, '{ apiClients { name keyPrefix scopes revokedAt } }', undefined, ADMIN);
    expect(list.text).not.toContain(issued.key);
    expect(list.json<{ data: { apiClients: { name: string }[] } }>().data.apiClients.map((c) => c.name)).toContain('hash-probe');
  });

  it('a CATALOG_READ-only client reads the catalog but cannot buy or read orders (GraphQL errors, no data, no provider call)', async () => {
    const { key } = await createClient(gw, 'catalog-only', ['CATALOG_READ']);
    const rates = await query(gw.graphqlUrl, '{ fxRates { pair } }', undefined, bearer(key));
    expect(rates.json().errors).toBeUndefined();

    // An order of another client exists: nothing of it may show.
    const bought = (await query(gw.graphqlUrl, BUY(`scope-probe-${Date.now()}`), undefined, DEFAULT)).json<{ data: { buyNumber: { order: { id: string; phoneNumber: string } } } }>();
    const { id, phoneNumber } = bought.data.buyNumber.order;

    const before = creates(gw);
    const buy = await query(gw.graphqlUrl, BUY(`scope-probe-2-${Date.now()}`), undefined, bearer(key));
    expect(buy.json().data).toBeNull();
    expect(buy.json().errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(creates(gw)).toBe(before);

    for (const document of ['{ orders { edges { node { id } } } }', '{ activeOrders { id } }', `{ order(id: "${id}") { id } }`, `{ node(id: "${id}") { id } }`, '{ balances(currency: USD) { complete } }', '{ apiClients { name } }']) {
      const answer = await query(gw.graphqlUrl, document, undefined, bearer(key));
      expect(answer.json().errors?.[0]?.extensions?.code, document).toBe('FORBIDDEN');
      expect(answer.text).not.toContain(phoneNumber);
      expect(answer.text).not.toContain(id);
    }
    const created = await query(gw.graphqlUrl, CREATE, { name: 'escalation', scopes: ['ADMIN'] }, bearer(key));
    expect(created.json().errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(created.text).not.toContain('sbk_');
  });

  it('balances needs ADMIN: refused for a client without it, served to admin', async () => {
    const plain = await query(gw.graphqlUrl, '{ balances(currency: USD) { complete } }', undefined, DEFAULT);
    expect(plain.json().data).toBeNull();
    expect(plain.json().errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const providerBalance = await query(gw.graphqlUrl, '{ providers { id balance { amount } } }', undefined, DEFAULT);
    expect(providerBalance.json().errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await query(gw.graphqlUrl, '{ balances(currency: USD) { complete } }', undefined, ADMIN);
    expect(admin.json().errors).toBeUndefined();
  });

  it('refuses 600 aliases of balances, even for admin, before any resolver runs (no provider call)', async () => {
    const before = gw.sim.requests.length;
    const aliases = `{ ${Array.from({ length: 600 }, (_, i) => `b${i}: balances(currency: USD) { complete }`).join(' ')} }`;
    const answer = await query(gw.graphqlUrl, aliases, undefined, ADMIN);
    expect(answer.json().data ?? null).toBeNull();
    expect(answer.json().errors?.[0]?.extensions?.code).toMatch(/TOO_MANY_ALIASES|OPERATION_TOO_COSTLY|TOO_MANY_TOKENS|GRAPHQL_PARSE_FAILED/);
    // No balance was asked for; the watcher's and the FX refresher's own background calls may still come and go.
    expect(gw.sim.requests.slice(before).filter((r) => r.path.endsWith('/balance'))).toEqual([]);
  });

  it('a rotated key is refused on HTTP and WebSocket at once; the new one works', async () => {
    const { key: old } = await createClient(gw, 'rotating', ['CATALOG_READ', 'ORDERS_READ']);
    const socket = await openInitialisedSocket(gw.graphqlUrl, `Bearer ${old}`);
    const rotated = (await query(gw.graphqlUrl, 'mutation { rotateApiClientKey(name: "rotating") { ... on RotateApiClientKeyPayload { issued { key } } } }', undefined, ADMIN)).json<{ data: { rotateApiClientKey: { issued: { key: string } } } }>();
    const fresh = rotated.data.rotateApiClientKey.issued.key;
    expect(fresh).not.toBe(old);

    expect((await query(gw.graphqlUrl, '{ fxRates { pair } }', undefined, bearer(old))).status).toBe(401);
    expect((await query(gw.graphqlUrl, '{ fxRates { pair } }', undefined, bearer(fresh))).status).toBe(200);
    // A socket opened with the old key is closed at its next operation; a new one with it never opens.
    socket.send({ id: 'after-rotation', type: 'subscribe', payload: { query: 'subscription { fxRatesChanged { pair } }' } });
    expect((await socket.closed).code).toBe(4403);
    const refused = await openRawSocket(gw.graphqlUrl);
    refused.send({ type: 'connection_init', payload: { authorization: `Bearer ${old}` } });
    expect((await refused.closed).code).toBe(4403);
    const accepted = await openInitialisedSocket(gw.graphqlUrl, `Bearer ${fresh}`);
    accepted.ws.close();
  });

  it('a revoked key is refused on HTTP and WebSocket, and its name is never given to another client', async () => {
    const { key } = await createClient(gw, 'revoked-probe', ['CATALOG_READ']);
    expect((await query(gw.graphqlUrl, '{ fxRates { pair } }', undefined, bearer(key))).status).toBe(200);
    const socket = await openInitialisedSocket(gw.graphqlUrl, `Bearer ${key}`);
    const revoked = await query(gw.graphqlUrl, 'mutation { revokeApiClient(name: "revoked-probe") { ... on RevokeApiClientPayload { client { revokedAt } } } }', undefined, ADMIN);
    expect(revoked.json().errors).toBeUndefined();

    const http = await query(gw.graphqlUrl, '{ fxRates { pair } }', undefined, bearer(key));
    expect(http.status).toBe(401);
    expect(http.json().errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    socket.send({ id: 'after-revoke', type: 'subscribe', payload: { query: 'subscription { fxRatesChanged { pair } }' } });
    expect((await socket.closed).code).toBe(4403);
    const ws = await openRawSocket(gw.graphqlUrl);
    ws.send({ type: 'connection_init', payload: { authorization: `Bearer ${key}` } });
    expect((await ws.closed).code).toBe(4403);

    const again = (await query(gw.graphqlUrl, CREATE, { name: 'revoked-probe', scopes: ['BUY'] }, ADMIN)).json<{ data: { createApiClient: { __typename: string; code?: string } } }>();
    expect(again.data.createApiClient).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
  });

  it('a stored client sees only its own orders', async () => {
    const { key } = await createClient(gw, 'tenant-b', ['ORDERS_READ', 'BUY']);
    const mine = (await query(gw.graphqlUrl, BUY(`tenant-b-${Date.now()}`), undefined, bearer(key))).json<{ data: { buyNumber: { order: { id: string } } } }>();
    const theirs = (await query(gw.graphqlUrl, BUY(`tenant-default-${Date.now()}`), undefined, DEFAULT)).json<{ data: { buyNumber: { order: { id: string } } } }>();
    const listed = (await query(gw.graphqlUrl, '{ orders(first: 100) { edges { node { id } } } }', undefined, bearer(key))).json<{ data: { orders: { edges: { node: { id: string } }[] } } }>();
    const ids = listed.data.orders.edges.map((e) => e.node.id);
    expect(ids).toContain(mine.data.buyNumber.order.id);
    expect(ids).not.toContain(theirs.data.buyNumber.order.id);
    const other = await query(gw.graphqlUrl, `{ order(id: "${theirs.data.buyNumber.order.id}") { id } }`, undefined, bearer(key));
    expect(other.json().data).toEqual({ order: null });
  });
});

describe('start-up without API clients', () => {
  it('refuses to start outside sandbox, saying in one line how to create a client', async () => {
    const db = await freshDatabase();
    try {
      const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SMSCODE_API_TOKEN: SMSCODE_TOKEN, SMSCODE_BASE_URL: 'http://127.0.0.1:9' });
      const error = await startApp(config, { database: db.target, logger: createLogger('silent') }).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(/^No API client is configured: create one with `npm run clients -- create <name> --scopes [A-Z_,]+`.*CLIENT_TOKENS/);
      expect(error?.message).not.toContain('\n');
    } finally {
      await db.drop();
    }
  });

  it('in sandbox without clients listens on loopback only (unless HOST is set) and says so', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sb-open-sandbox-'));
    const lines: string[] = [];
    const sink = { write: (chunk: string) => (lines.push(chunk), true) } as unknown as NodeJS.WritableStream;
    const db = await freshDatabase();
    const app = await startApp(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', SANDBOX_OTP_DELAY_MS: '86400000-86400000' }), { database: db.target, logger: createLogger('info', sink) });
    try {
      expect(new URL(app.url).hostname).toBe('127.0.0.1');
      expect(lines.join('')).toMatch(/sandbox without API clients.*127\.0\.0\.1 only/);
      // Every request acts as the default client, no key needed.
      expect((await query(`${app.url}/graphql`, '{ activeOrders { id } }', undefined, { authorization: '' })).status).toBe(200);
      // Not reachable on another interface of this machine, when it has one.
      const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
      if (external) {
        const reached = await new Promise<boolean>((resolve) => {
          const socket = connect(app.port, external.address);
          socket.once('connect', () => (socket.destroy(), resolve(true)));
          socket.once('error', () => resolve(false));
        });
        expect(reached).toBe(false);
      }
    } finally {
      await app.stop();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
    await sleep(10);
  });
});
