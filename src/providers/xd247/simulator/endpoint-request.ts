import type { z } from 'zod';
import { ApiError } from './api-errors.ts';
import type { ApiResponse } from './api-errors.ts';
import type { Account, SimulatorContext } from './context.ts';
import type { Order } from './orders.ts';

/** What an endpoint handler gets: the authenticated account and the request. */
export interface EndpointRequest {
  readonly ctx: SimulatorContext;
  readonly account: Account;
  /** The `:orderId` path segment, when the route has one. */
  readonly orderId: string | undefined;
  /** The JSON body; BAD_REQUEST when it is missing or not JSON. */
  json(): unknown;
}

/** Answers one endpoint. */
export type EndpointHandler = (request: EndpointRequest) => ApiResponse;

/** Parses a body with a zod schema; issues become one VALIDATION_ERROR naming the fields. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
  throw new ApiError('VALIDATION_ERROR', `ข้อมูลที่ส่งมาไม่ถูกต้อง: ${issues.join('; ')}`);
}

/** The account's order of this kind; anything else (unknown, another user's, another kind) is NOT_FOUND. */
export function orderOf<K extends Order['kind']>(request: EndpointRequest, kind: K): Extract<Order, { kind: K }> {
  const id = request.orderId ?? '';
  const order = request.account.orderIds.has(id) ? request.ctx.orders.get(id) : undefined;
  if (!order || order.kind !== kind) throw new ApiError('NOT_FOUND', 'ไม่พบรายการ');
  return order as Extract<Order, { kind: K }>;
}

/** ISO 8601 with milliseconds and Z, as the document's `expiresAt`. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
