import { parseJsonExact } from '../../../src/providers/shared/json-amounts.ts';
import { XD247_SANDBOX_API_KEY } from '../../../src/providers/xd247/simulator.ts';
import type { Xd247Simulator } from '../../../src/providers/xd247/simulator.ts';

/** A parsed answer of the simulator. */
export interface SimAnswer {
  status: number;
  headers: Headers;
  raw: string;
  /** Parsed with JSON.parse (tests poke into envelopes freely). */
  json: any;
  /** Parsed with parseJsonExact, as the gateway will: amounts keep their source text. */
  exact: any;
}

/** Calls the simulator over real HTTP with the default sandbox key unless told otherwise (`key: null` = no header). */
export async function call(
  sim: Xd247Simulator,
  path: string,
  init: { method?: string; body?: unknown; rawBody?: string; key?: string | null; authorization?: string } = {},
): Promise<SimAnswer> {
  const headers: Record<string, string> = {};
  const key = init.key === undefined ? XD247_SANDBOX_API_KEY : init.key;
  if (init.authorization !== undefined) headers.Authorization = init.authorization;
  else if (key !== null) headers.Authorization = `Bearer ${key}`;
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${sim.baseUrl}${path}`, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const raw = await res.text();
  return { status: res.status, headers: res.headers, raw, json: raw === '' ? undefined : JSON.parse(raw), exact: raw === '' ? undefined : parseJsonExact(raw) };
}

/** POSTs a create and returns the order id (throws unless 201). */
export async function create(sim: Xd247Simulator, path: '/otp/orders' | '/social/orders' | '/premium/orders', body: unknown, key?: string): Promise<string> {
  const answer = await call(sim, path, { body, ...(key === undefined ? {} : { key }) });
  if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${answer.raw}`);
  return answer.json.data.orderId as string;
}

/** A well-formed key (`247xd_` + 40 characters) built from a short tag. */
export function keyFor(tag: string): string {
  return `247xd_${tag.padEnd(40, '0')}`;
}
