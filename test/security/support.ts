import { createServer, connect, type Server, type Socket } from 'node:net';
import WebSocket from 'ws';
import { TEST_CLIENT_TOKEN } from '../support/clients.ts';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  json<T = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }>(): T;
}

/**
 * fetch with a plain-string body; never throws on a status. Without an authorization header it
 * sends the test gateway's default client key (test/support/clients.ts); `authorization: ''` sends none.
 */
export async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const auth: Record<string, string> = 'authorization' in headers ? (headers.authorization ? { authorization: headers.authorization } : {}) : { authorization: `Bearer ${TEST_CLIENT_TOKEN}` };
  const { authorization: _ignored, ...rest } = headers;
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...rest, ...auth }, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

export function query(url: string, document: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return post(url, JSON.stringify({ query: document, variables }), headers);
}

/** Milliseconds `work` took. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: Math.round((performance.now() - start) * 10) / 10, value };
}

/** Latencies of `simple` queries run one after another while `attack` runs. */
export async function latencyDuring(simple: () => Promise<unknown>, attack: Promise<unknown>): Promise<{ count: number; maxMs: number; medianMs: number }> {
  let done = false;
  void attack.finally(() => (done = true));
  const samples: number[] = [];
  while (!done || samples.length === 0) {
    const { ms } = await timed(simple);
    samples.push(ms);
  }
  await attack;
  samples.sort((a, b) => a - b);
  return { count: samples.length, maxMs: samples[samples.length - 1]!, medianMs: samples[Math.floor(samples.length / 2)]! };
}

/** A raw graphql-transport-ws socket: every message it receives is kept, in order. */
export interface RawSocket {
  readonly ws: WebSocket;
  readonly messages: Array<{ type: string; id?: string; payload?: unknown }>;
  send(message: unknown): void;
  /** Resolves with the first received message matching `predicate` (already received ones count). */
  waitFor(predicate: (m: { type: string; id?: string; payload?: unknown }) => boolean, timeoutMs?: number): Promise<{ type: string; id?: string; payload?: unknown }>;
  readonly closed: Promise<{ code: number; reason: string }>;
}

export async function openRawSocket(httpUrl: string, options: { origin?: string } = {}): Promise<RawSocket> {
  const ws = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', options.origin ? { origin: options.origin } : {});
  const messages: RawSocket['messages'] = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  return {
    ws,
    messages,
    closed,
    send: (message) => ws.send(JSON.stringify(message)),
    waitFor: (predicate, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(messages)}`)), timeoutMs);
        const check = () => {
          const found = messages.find(predicate);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else waiters.push(check);
        };
        check();
      }),
  };
}

/** Opens a socket and completes connection_init (with `authorization` when given). */
export async function openInitialisedSocket(httpUrl: string, authorization: string | null = `Bearer ${TEST_CLIENT_TOKEN}`): Promise<RawSocket> {
  const socket = await openRawSocket(httpUrl);
  // Test gateways always have API clients (test/support/gateway.ts): the default client's key unless told otherwise.
  socket.send({ type: 'connection_init', payload: authorization ? { authorization } : {} });
  await socket.waitFor((m) => m.type === 'connection_ack');
  return socket;
}

/**
 * A TCP proxy on an ephemeral port in front of `target` (host:port) that the test can cut (every
 * connection destroyed, the port closed, so reconnects are refused) and restore (same port).
 */
export interface CuttableProxy {
  readonly port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startProxy(targetHost: string, targetPort: number): Promise<CuttableProxy> {
  const sockets = new Set<Socket>();
  const makeServer = (): Server =>
    createServer((client) => {
      const upstream = connect(targetPort, targetHost);
      sockets.add(client).add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream).pipe(client);
    });
  let server: Server | null = makeServer();
  const listen = (s: Server, port: number) => new Promise<number>((resolve, reject) => {
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => resolve((s.address() as { port: number }).port));
  });
  const port = await listen(server, 0);
  const shut = async () => {
    const s = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  return {
    port,
    cut: shut,
    restore: async () => {
      if (server) return;
      server = makeServer();
      await listen(server, port);
    },
    close: shut,
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
