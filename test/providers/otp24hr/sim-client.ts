import { expect } from 'vitest';
import { parseJsonExact } from '../../../src/providers/shared/json-amounts.ts';
import { DEFAULT_OTP24HR_API_KEY } from '../../../src/providers/otp24hr/simulator.ts';
import type { Otp24hrSimulator } from '../../../src/providers/otp24hr/simulator.ts';

/** A parsed answer of the simulator: `json` via parseJsonExact (amounts as exact text), `raw` the body as sent. */
export interface SimAnswer {
  status: number;
  headers: Headers;
  raw: string;
  // Tests poke into answers freely.
  json: any;
}

/** How the API key travels: the document's four ways, or not at all. */
export type KeyVia = 'header' | 'bearer' | 'query' | 'body' | 'none';

/** Calls the simulator over real HTTP (path relative to /api/v1), with the sandbox key in X-API-Key unless told otherwise. */
export async function call(
  sim: Otp24hrSimulator,
  path: string,
  init: { method?: string; body?: Record<string, unknown>; rawBody?: string; key?: string; via?: KeyVia } = {},
): Promise<SimAnswer> {
  const key = init.key ?? DEFAULT_OTP24HR_API_KEY;
  const via = init.via ?? 'header';
  const headers: Record<string, string> = {};
  let url = `${sim.baseUrl}${path}`;
  let body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (via === 'header') headers['X-API-Key'] = key;
  if (via === 'bearer') headers.Authorization = `Bearer ${key}`;
  if (via === 'query') url += `${url.includes('?') ? '&' : '?'}api_key=${encodeURIComponent(key)}`;
  if (via === 'body') body = JSON.stringify({ ...init.body, api_key: key });
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const raw = await res.text();
  return { status: res.status, headers: res.headers, raw, json: raw === '' ? undefined : parseJsonExact(raw) };
}

/** Buys one number (Shopee Thailand unless told otherwise) and returns the order id. */
export async function buy(sim: Otp24hrSimulator, body: Record<string, unknown> = { service: 'ka', country: 52 }, key?: string): Promise<number> {
  const answer = await call(sim, '/buy.php', { body, ...(key === undefined ? {} : { key }) });
  if (answer.json?.ok !== true) throw new Error(`buy failed: ${answer.status} ${answer.raw}`);
  return answer.json.order_id as number;
}

/** `{ok:false, error, message}` with this code and some message (any HTTP status). */
export function expectedError(code: string): { ok: false; error: string; message: unknown } {
  return { ok: false, error: code, message: expect.any(String) };
}
