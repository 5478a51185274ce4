import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import { ApiError, FX_RETRY_AFTER_SECONDS } from './api-errors.ts';
import type { ApiResponse } from './api-errors.ts';
import type { Account, SimulatorContext } from './context.ts';
import { fxDisclosure, projectUsd } from './money-projection.ts';
import type { FxDisclosure, FxQuote } from './money-projection.ts';
import type { MoneyRenderer, SimOrder } from './orders.ts';

/** The API version of the base path. */
export type ApiVersion = 'v1' | 'v2';

/** What an endpoint handler gets: the authenticated account and the parsed request. */
export interface EndpointRequest {
  ctx: SimulatorContext;
  account: Account;
  version: ApiVersion;
  query: URLSearchParams;
  /** The `{id}` segment of `/orders/{id}`. */
  pathId: string | undefined;
  headers: IncomingHttpHeaders;
  /** The JSON body; throws VALIDATION_ERROR when it is not valid JSON. */
  json(): unknown;
}

/** Answers one endpoint. */
export type EndpointHandler = (request: EndpointRequest) => ApiResponse | Promise<ApiResponse>;

/** How money is rendered for this request, and the `meta.fx` to disclose (v2 only; throws FX_RATE_UNAVAILABLE without a rate). */
export function moneyFor(request: EndpointRequest): { money: MoneyRenderer; fx: FxDisclosure | undefined } {
  if (request.version === 'v1') return { money: (idr) => idr, fx: undefined };
  const quote = requireFx(request.ctx);
  return { money: (idr, precision) => projectUsd(idr, quote.rate, precision), fx: fxDisclosure(quote) };
}

/** The rate in force, or the v2 503 FX_RATE_UNAVAILABLE with Retry-After. */
export function requireFx(ctx: SimulatorContext): FxQuote {
  if (ctx.fx) return ctx.fx;
  throw new ApiError('FX_RATE_UNAVAILABLE', 'USD/IDR exchange rate is unavailable', {
    headers: { 'retry-after': String(FX_RETRY_AFTER_SECONDS) },
  });
}

/** An optional integer query parameter within bounds; anything else is a VALIDATION_ERROR. */
export function intParam(query: URLSearchParams, name: string, bounds: { min: number; max?: number }): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const value = /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < bounds.min || (bounds.max !== undefined && value > bounds.max)) {
    const range = bounds.max === undefined ? `>= ${bounds.min}` : `between ${bounds.min} and ${bounds.max}`;
    throw new ApiError('VALIDATION_ERROR', `${name} must be an integer ${range}`);
  }
  return value;
}

/** Parses a body with a zod schema, turning issues into a VALIDATION_ERROR. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
  throw new ApiError('VALIDATION_ERROR', issues.join('; '));
}

/** The account's order with this id; another account's order is NOT_FOUND too. */
export function orderOf(request: EndpointRequest, id: number): SimOrder {
  const order = request.account.orders.get(id);
  if (!order) throw new ApiError('NOT_FOUND', `Order ${id} not found`);
  return order;
}
