import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EasysoftSimulator } from '../../../src/providers/easysoft/simulator.ts';
import { encodeForm, parseTopupXml } from '../../../src/providers/easysoft/wire.ts';

export const LOGIN = { username: 'sandbox', password: 'sandbox-password' } as const;

/** An answer of the simulator: raw XML and its `<TOPUP>` children (undefined when the body is not well-formed). */
export interface SimAnswer {
  status: number;
  headers: Headers;
  raw: string;
  topup: Record<string, unknown> | undefined;
}

/** POSTs form fields (the sandbox login unless given) to the simulator's one URL. */
export async function post(
  sim: EasysoftSimulator,
  fields: Record<string, string | undefined>,
  init: { login?: boolean; rawBody?: string; contentType?: string; method?: string; url?: string } = {},
): Promise<SimAnswer> {
  const body = init.rawBody ?? encodeForm(init.login === false ? fields : { ...fields, ...LOGIN, ...pick(fields) });
  const method = init.method ?? 'POST';
  const res = await fetch(init.url ?? sim.baseUrl, {
    method,
    headers: { 'Content-Type': init.contentType ?? 'application/x-www-form-urlencoded' },
    ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
  });
  const raw = await res.text();
  let topup: Record<string, unknown> | undefined;
  try {
    topup = parseTopupXml(raw);
  } catch {
    topup = undefined;
  }
  return { status: res.status, headers: res.headers, raw, topup };
}

// Explicit username/password in `fields` win over the sandbox login.
function pick(fields: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if ('username' in fields) out.username = fields.username;
  if ('password' in fields) out.password = fields.password;
  return out;
}

/** Places a refill (DTAC 10 THB to the document's number unless told otherwise) and returns its ORDERID. */
export async function refill(sim: EasysoftSimulator, fields: Record<string, string> = {}): Promise<string> {
  const answer = await post(sim, { mobile: 'refill', network: '2', number: '0824491794', cash: '10', ...fields });
  if (answer.topup?.STATUS !== '1') throw new Error(`refill failed: ${answer.raw}`);
  return String(answer.topup.ORDERID);
}

/** The `<TOPUP>` children of mobile=update for an order. */
export async function update(sim: EasysoftSimulator, orderid: string): Promise<Record<string, unknown>> {
  const answer = await post(sim, { mobile: 'update', orderid });
  if (!answer.topup) throw new Error(`update unreadable: ${answer.raw}`);
  return answer.topup;
}

/** A local receiver for result callbacks: records every form it gets and answers 200 (or `status`). */
export async function startReceiver(status = 200): Promise<{ url: string; bodies: string[]; contentTypes: string[]; close(): Promise<void> }> {
  const bodies: string[] = [];
  const contentTypes: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      contentTypes.push(req.headers['content-type'] ?? '');
      res.writeHead(status).end('OK');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/easysoft/callback`;
  return {
    url,
    bodies,
    contentTypes,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
