import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signP2wBody } from '../../../src/providers/p2w/signature.ts';
import type { P2wSimulator } from '../../../src/providers/p2w/simulator.ts';

export const PARTNER = 'sandbox-partner';
export const SECRET = 'sandbox-p2w-secret';

/** A parsed answer of the simulator. */
export interface SimAnswer {
  status: number;
  headers: Headers;
  raw: string;
  // Tests poke into envelopes freely.
  json: any;
}

/** Credentials to send: a partner and its secret, or raw header values (null = header left out). */
export interface Auth {
  partnerId?: string | null;
  secret?: string;
  /** Sent instead of the computed signature. */
  signature?: string | null;
}

/** Calls the simulator over real HTTP with x-partner-id and the x-signature of the exact raw body. */
export async function call(
  sim: P2wSimulator,
  path: string,
  init: { method?: string; body?: unknown; rawBody?: string; auth?: Auth } = {},
): Promise<SimAnswer> {
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const method = init.method ?? (body === undefined ? 'GET' : 'POST');
  const auth = init.auth ?? {};
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const partnerId = auth.partnerId === undefined ? PARTNER : auth.partnerId;
  if (partnerId !== null) headers['x-partner-id'] = partnerId;
  const signature = auth.signature === undefined ? signP2wBody(method === 'GET' ? '' : (body ?? ''), auth.secret ?? SECRET) : auth.signature;
  if (signature !== null) headers['x-signature'] = signature;
  const res = await fetch(`${sim.baseUrl}${path}`, { method, headers, body });
  const raw = await res.text();
  let json: unknown;
  try {
    json = raw === '' ? undefined : JSON.parse(raw);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, raw, json };
}

/** The document's POST /orders body, with a refID of the caller's choosing. */
export function orderBody(refID: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    refID,
    packageID: 'ROLTH_A01_P001',
    topupInfo: { gameid: 'user_game_id', server: '1' },
    ...overrides,
  };
}

/** Creates one order and returns its orderID. */
export async function createOrder(sim: P2wSimulator, refID: string, overrides: Record<string, unknown> = {}, auth?: Auth): Promise<string> {
  const answer = await call(sim, '/orders', { body: orderBody(refID, overrides), ...(auth ? { auth } : {}) });
  if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${answer.raw}`);
  return answer.json.data.orderID as string;
}

/** A loopback HTTP server that records every webhook it receives and answers `status`. */
export interface HookReceiver {
  url: string;
  received: { headers: IncomingHttpHeaders; body: string; path: string }[];
  status: number;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<HookReceiver> {
  const receiver: HookReceiver = { url: '', received: [], status: 200, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      receiver.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), path: req.url ?? '' });
      res.writeHead(receiver.status).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
  receiver.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return receiver;
}
