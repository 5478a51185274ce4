import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { openInitialisedSocket, openRawSocket, sleep } from './support.ts';

const TOKEN = 'shop-a-token-0123456789abcdef';
const BEARER = `Bearer ${TOKEN}`;
const FX_SUB = 'subscription { fxRatesChanged { pair } }';

/** graphql-ws bounds, through a real gateway and raw protocol frames (so each close code is visible). */
describe('WebSocket edge (security review probes)', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startGateway({
      env: {
        CLIENT_TOKENS: `shop-a:${TOKEN}`,
        WS_INIT_TIMEOUT_MS: '300',
        WS_KEEPALIVE_MS: '1000',
        WS_MAX_SOCKETS_PER_CLIENT: '4',
        WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '3',
        WS_MAX_SUBSCRIPTIONS_PER_CLIENT: '5',
      },
    });
  });
  afterAll(async () => {
    await gw?.stop();
  });

  it('closes a socket whose connection_init has no valid token with 4403, and one that never sends it with 4408', async () => {
    const anonymous = await openRawSocket(gw.graphqlUrl);
    anonymous.send({ type: 'connection_init', payload: {} });
    expect((await anonymous.closed).code).toBe(4403);
    expect(anonymous.messages.some((m) => m.type === 'connection_ack')).toBe(false);
    const wrong = await openRawSocket(gw.graphqlUrl);
    wrong.send({ type: 'connection_init', payload: { authorization: 'Bearer not-a-client-0123456789' } });
    expect((await wrong.closed).code).toBe(4403);
    const silent = await openRawSocket(gw.graphqlUrl);
    expect((await silent.closed).code).toBe(4408);
  });

  it('pings every socket at WS_KEEPALIVE_MS and closes one that never answers', async () => {
    const live = await openInitialisedSocket(gw.graphqlUrl, BEARER);
    await new Promise<void>((resolve) => live.ws.once('ping', () => resolve()));
    // A client that does not answer pings (ws answers them itself unless told not to) is terminated.
    const deaf = new WebSocket(gw.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', { autoPong: false });
    const closed = new Promise<number>((resolve) => deaf.once('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => deaf.once('open', () => resolve()));
    deaf.send(JSON.stringify({ type: 'connection_init', payload: { authorization: BEARER } }));
    expect(await closed).toBe(1006);
    expect(live.ws.readyState).toBe(WebSocket.OPEN);
    // Sockets count against this client's bound in the tests below.
    live.ws.close(1000);
    await live.closed;
  });

  it('refuses a frame over WS_MAX_PAYLOAD_BYTES (20 MB here) by closing with 1009', async () => {
    const socket = await openInitialisedSocket(gw.graphqlUrl, BEARER);
    socket.ws.send(JSON.stringify({ id: 'big', type: 'subscribe', payload: { query: `{ ${'fxRates { pair } '.repeat(1_200_000)} }` } }));
    expect((await socket.closed).code).toBe(1009);
  });

  it('answers a subscribe with a syntax error with an error for that id only: the socket and its other subscription live on', async () => {
    const socket = await openInitialisedSocket(gw.graphqlUrl, BEARER);
    socket.send({ id: 'good', type: 'subscribe', payload: { query: FX_SUB } });
    socket.send({ id: 'bad', type: 'subscribe', payload: { query: 'subscription { fxRatesChanged { pair ' } });
    const error = await socket.waitFor((m) => m.id === 'bad' && m.type === 'error');
    expect(JSON.stringify(error.payload)).toMatch(/Syntax Error/);
    socket.send({ id: 'deep', type: 'subscribe', payload: { query: `{ ${'providers { '.repeat(20)}id${' }'.repeat(20)} }` } });
    expect(JSON.stringify((await socket.waitFor((m) => m.id === 'deep' && m.type === 'error')).payload)).toMatch(/depth limit/i);
    await sleep(50);
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);
    // The good subscription still receives: a rate change reaches it.
    gw.app.services.events.publish('fx.ratesChanged', [{ base: 'USD', quote: 'THB', rate: '33', source: 'test', asOf: new Date().toISOString() }]);
    const next = await socket.waitFor((m) => m.id === 'good' && m.type === 'next');
    expect(next.payload).toBeTruthy();
    socket.ws.close();
  });

  it('runs queries and mutations over graphql-ws', async () => {
    const socket = await openInitialisedSocket(gw.graphqlUrl, BEARER);
    socket.send({ id: 'q', type: 'subscribe', payload: { query: '{ fxRates { pair } }' } });
    const q = await socket.waitFor((m) => m.id === 'q' && m.type === 'next');
    expect((q.payload as { data: { fxRates: unknown[] } }).data.fxRates.length).toBeGreaterThan(0);
    socket.send({ id: 'm', type: 'subscribe', payload: { query: 'mutation { buyNumber(input: { service: "whatsapp", country: "ID", idempotencyKey: "ws-mutation-1" }) { __typename ... on BuyNumberPayload { order { id status } } } }' } });
    const m = await socket.waitFor((msg) => msg.id === 'm' && (msg.type === 'next' || msg.type === 'error'));
    expect(m.type).toBe('next');
    expect((m.payload as { data: { buyNumber: { __typename: string } } }).data.buyNumber.__typename).toBe('BuyNumberPayload');
    socket.ws.close();
  });

  it('bounds subscriptions per socket and per client with an error per refused operation, and sockets per client with 4429', async () => {
    const first = await openInitialisedSocket(gw.graphqlUrl, BEARER);
    for (const id of ['a', 'b', 'c', 'd']) first.send({ id, type: 'subscribe', payload: { query: FX_SUB } });
    const refused = await first.waitFor((m) => m.id === 'd' && m.type === 'error');
    expect(JSON.stringify(refused.payload)).toMatch(/WS_MAX_SUBSCRIPTIONS_PER_SOCKET=3/);
    const second = await openInitialisedSocket(gw.graphqlUrl, BEARER);
    for (const id of ['e', 'f', 'g']) second.send({ id, type: 'subscribe', payload: { query: FX_SUB } });
    const perClient = await second.waitFor((m) => m.id === 'g' && m.type === 'error');
    expect(JSON.stringify(perClient.payload)).toMatch(/WS_MAX_SUBSCRIPTIONS_PER_CLIENT=5/);
    expect(first.ws.readyState).toBe(WebSocket.OPEN);
    expect(second.ws.readyState).toBe(WebSocket.OPEN);
    // Completing one frees a slot for the client.
    first.send({ id: 'a', type: 'complete' });
    await sleep(50);
    second.send({ id: 'h', type: 'subscribe', payload: { query: FX_SUB } });
    await sleep(100);
    expect(second.messages.some((m) => m.id === 'h' && m.type === 'error')).toBe(false);

    const more = [await openInitialisedSocket(gw.graphqlUrl, BEARER), await openInitialisedSocket(gw.graphqlUrl, BEARER)];
    const fifth = await openRawSocket(gw.graphqlUrl);
    fifth.send({ type: 'connection_init', payload: { authorization: BEARER } });
    expect((await fifth.closed).code).toBe(4429);
    for (const s of [first, second, ...more]) s.ws.close();
  });
});
