import type { Account } from './accounts.ts';
import { ApiError } from './api-errors.ts';
import type { SimulatorContext } from './context.ts';
import type { JsonValue } from '../../shared/simulator-kit/exact-json.ts';
import type { SimOrder } from './orders.ts';

/** What an endpoint handler gets: the authenticated account, the query string and the JSON body (POST). */
export interface EndpointRequest {
  ctx: SimulatorContext;
  account: Account;
  query: URLSearchParams;
  /** The JSON body as an object; `{}` when absent, malformed or not an object (PHP's json_decode would give null). */
  body: Record<string, unknown>;
}

/** Answers one endpoint with a JSON value (HTTP 200); errors are thrown as ApiError. */
export type EndpointHandler = (request: EndpointRequest) => JsonValue;

/** The document's "int" parameter: a JSON integer, or a string of decimal digits (a query string has only strings). */
export function intValue(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) ? raw : undefined;
  if (typeof raw === 'string' && /^\d{1,15}$/.test(raw.trim())) return Number(raw.trim());
  return undefined;
}

/** `country` (int, optional, default 52 = Thailand); a value that is not an integer finds no service. */
export function countryParam(raw: unknown): number {
  if (raw === undefined || raw === null || raw === '') return DEFAULT_COUNTRY;
  const country = intValue(raw);
  if (country === undefined) throw new ApiError('SERVICE_NOT_FOUND', 'ไม่พบ service code: รหัสประเทศไม่ถูกต้อง');
  return country;
}

/** The documented default country: 52 (ไทย). */
export const DEFAULT_COUNTRY = 52;

/**
 * The caller's order by `order_id`: a missing/invalid/unknown id is ORDER_NOT_FOUND, an order bought with
 * another key is FORBIDDEN.
 */
export function orderOf(request: EndpointRequest, raw: unknown): SimOrder {
  const id = intValue(raw);
  const order = id === undefined ? undefined : request.ctx.orders.get(id);
  if (!order) throw new ApiError('ORDER_NOT_FOUND');
  if (order.apiKey !== request.account.apiKey) throw new ApiError('FORBIDDEN');
  return order;
}
