import type { SmscodeSimulator } from '../../../src/providers/smscode/simulator.ts';

/** A parsed answer of the simulator. */
export interface SimAnswer {
  status: number;
  headers: Headers;
  raw: string;
  // Tests poke into envelopes freely.
  json: any;
}

/** Calls the simulator over real HTTP (v1 unless `version: 'v2'`), with the default sandbox token unless told otherwise. */
export async function call(
  sim: SmscodeSimulator,
  path: string,
  init: { method?: string; body?: unknown; rawBody?: string; token?: string | null; headers?: Record<string, string>; version?: 'v1' | 'v2' } = {},
): Promise<SimAnswer> {
  const base = init.version === 'v2' ? sim.baseUrl.replace(/\/v1$/, '/v2') : sim.baseUrl;
  const headers: Record<string, string> = { ...init.headers };
  const token = init.token === undefined ? 'sandbox-token' : init.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const raw = await res.text();
  return { status: res.status, headers: res.headers, raw, json: raw === '' ? undefined : JSON.parse(raw) };
}

/** Creates one order and returns its id. */
export async function createOrder(sim: SmscodeSimulator, body: unknown = { product_id: 142 }, token?: string): Promise<number> {
  const answer = await call(sim, '/orders/create', { body, ...(token === undefined ? {} : { token }) });
  if (answer.status !== 200) throw new Error(`create failed: ${answer.status} ${answer.raw}`);
  return answer.json.data.orders[0].id as number;
}
