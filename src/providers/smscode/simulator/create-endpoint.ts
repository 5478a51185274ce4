import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { ApiError, ok } from './api-errors.ts';
import type { ApiResponse } from './api-errors.ts';
import { moneyFor, parseBody } from './endpoint-request.ts';
import type { EndpointHandler, EndpointRequest } from './endpoint-request.ts';
import { IDEMPOTENCY_KEY_PATTERN, requestFingerprint } from './idempotency.ts';
import { usdCapInIdr } from './money-projection.ts';
import { scheduleAutoOtp } from './order-lifecycle.ts';
import { placeOrders } from './order-placement.ts';
import type { PlacementRequest } from './order-placement.ts';
import { createdOrderView } from './orders.ts';

const CreateBody = z.object({
  product_id: z.int().positive().nullish(),
  catalog_product_id: z.int().positive().nullish(),
  max_price: z.union([z.number(), z.string()]).nullish(),
  prefer_provider: z.string().min(1).max(64).nullish(),
  policy: z.enum(['cheapest', 'best_success']).nullish(),
  quantity: z.int().min(1).max(100).nullish(),
});

/**
 * POST /orders/create with the documented Idempotency-Key contract: replay of the recorded status and body,
 * IDEMPOTENCY_KEY_REUSED, REQUEST_IN_PROGRESS; side-effect-free refusals release the key, PROVIDER_ERROR is recorded.
 */
export const createOrders: EndpointHandler = (request) => {
  const key = idempotencyKeyOf(request);
  const body = request.json();
  const { money, fx } = moneyFor(request);
  if (key === undefined) return place(request, body, money, fx);

  const store = request.account.idempotency;
  const found = store.begin(key, requestFingerprint(request.version, body));
  if (found.kind === 'replay') return { status: found.status, body: found.body, headers: { 'idempotent-replayed': 'true' } };
  if (found.kind === 'reused') throw new ApiError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body');
  if (found.kind === 'inProgress') throw new ApiError('REQUEST_IN_PROGRESS', 'A create request with this Idempotency-Key is still in progress');

  const record = (status: number, rawBody: string): void => store.complete(key, status, rawBody);
  try {
    return { ...place(request, body, money, fx), settle: record };
  } catch (error) {
    // Only a failure that reached the upstream provider is remembered; every other refusal frees the key.
    if (error instanceof ApiError && error.code === 'PROVIDER_ERROR') return { ...error.toResponse(), settle: record };
    store.release(key);
    throw error;
  }
};

function place(
  request: EndpointRequest,
  body: unknown,
  money: ReturnType<typeof moneyFor>['money'],
  fx: ReturnType<typeof moneyFor>['fx'],
): ApiResponse {
  const placement = placeOrders(request.ctx, request.account, toPlacementRequest(request, parseBody(CreateBody, body)));
  for (const order of placement.orders) scheduleAutoOtp(request.ctx, order, false);
  const data = { orders: placement.orders.map((o) => createdOrderView(o, money)), failed_count: placement.failedCount };
  return fx ? ok(data, { fx }) : ok(data);
}

function idempotencyKeyOf(request: EndpointRequest): string | undefined {
  const header = request.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new ApiError('VALIDATION_ERROR', 'Idempotency-Key must be 1-128 characters of A-Z a-z 0-9 _ -');
  }
  return key;
}

function toPlacementRequest(request: EndpointRequest, body: z.infer<typeof CreateBody>): PlacementRequest {
  const productId = body.product_id ?? undefined;
  const catalogProductId = body.catalog_product_id ?? undefined;
  if ((productId === undefined) === (catalogProductId === undefined)) {
    throw new ApiError('VALIDATION_ERROR', 'Provide exactly one of product_id or catalog_product_id');
  }
  return {
    productId,
    catalogProductId,
    maxPriceIdr: maxPriceInIdr(request, body.max_price ?? undefined),
    preferProvider: body.prefer_provider ?? undefined,
    policy: body.policy ?? 'cheapest',
    quantity: body.quantity ?? 1,
  };
}

// v1 caps in IDR (integer or integer string); v2 caps in USD as a decimal string, converted exactly at the current rate.
function maxPriceInIdr(request: EndpointRequest, maxPrice: number | string | undefined): Decimal | null {
  if (maxPrice === undefined) return null;
  if (request.version === 'v1') {
    const value = typeof maxPrice === 'string' ? (/^\d{1,15}$/.test(maxPrice.trim()) ? Number(maxPrice.trim()) : Number.NaN) : maxPrice;
    if (!Number.isSafeInteger(value) || value < 0) throw new ApiError('VALIDATION_ERROR', 'max_price must be a non-negative IDR integer');
    return new Decimal(value);
  }
  if (typeof maxPrice !== 'string' || !/^\d{1,12}(\.\d{1,8})?$/.test(maxPrice.trim())) {
    throw new ApiError('VALIDATION_ERROR', 'max_price must be a USD decimal string such as "0.50"');
  }
  const rate = request.ctx.fx?.rate;
  if (rate === undefined) throw new ApiError('FX_RATE_UNAVAILABLE', 'USD/IDR exchange rate is unavailable');
  return usdCapInIdr(maxPrice.trim(), rate);
}
