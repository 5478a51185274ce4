import { ApiError, ok } from './api-errors.ts';
import type { ApiResponse } from './api-errors.ts';
import { coinJson } from './coins.ts';
import { addOrder, charge } from './context.ts';
import { issueCredentials } from './credentials.ts';
import { isoTime, orderOf, parseBody } from './endpoint-request.ts';
import type { EndpointRequest } from './endpoint-request.ts';
import type { PremiumOrder } from './orders.ts';
import { CreatePremiumOrderRequest } from '../wire.ts';

/** GET /premium/services: every premium app with its price and stock. */
export function listPremiumServices({ ctx }: EndpointRequest): ApiResponse {
  return ok(
    ctx.catalog.premiumServices.map((s) => ({ id: s.id, name: s.name, price: coinJson(s.price), stock: s.stock, durationDays: s.durationDays })),
  );
}

/** POST /premium/orders: sells one account from stock and hands over its credentials (201). */
export function createPremiumOrder(request: EndpointRequest): ApiResponse {
  const { ctx, account } = request;
  const body = parseBody(CreatePremiumOrderRequest, request.json());
  const service = ctx.catalog.premiumService(body.serviceId);
  if (!service) throw new ApiError('NOT_FOUND', 'ไม่พบแอปพรีเมียมที่ระบุ');
  if (service.stock < 1) throw new ApiError('BAD_REQUEST', 'สินค้าหมดชั่วคราว กรุณาลองใหม่ภายหลัง');
  const id = ctx.nextOrderId();
  charge(ctx, account, id, service.price);
  service.stock -= 1;
  const now = ctx.now();
  const order: PremiumOrder = {
    kind: 'premium',
    id,
    apiKey: account.apiKey,
    createdAt: now,
    price: service.price,
    refundAmount: null,
    serviceId: service.id,
    serviceName: service.name,
    credentials: issueCredentials(service, now),
    status: 'completed',
  };
  addOrder(ctx, account, order);
  return ok({ orderId: order.id, credentials: { ...order.credentials }, price: coinJson(order.price) }, 201);
}

/** GET /premium/orders/:orderId: the order and its credentials. */
export function getPremiumOrder(request: EndpointRequest): ApiResponse {
  const order = orderOf(request, 'premium');
  return ok({
    orderId: order.id,
    serviceId: order.serviceId,
    serviceName: order.serviceName,
    status: order.status,
    credentials: { ...order.credentials },
    price: coinJson(order.price),
    createdAt: isoTime(order.createdAt),
  });
}
