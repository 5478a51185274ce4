import { randomInt } from 'node:crypto';
import { ApiError, ok } from './api-errors.ts';
import type { ApiResponse } from './api-errors.ts';
import { coinJson, socialPrice } from './coins.ts';
import { addOrder, charge } from './context.ts';
import { isoTime, orderOf, parseBody } from './endpoint-request.ts';
import type { EndpointRequest } from './endpoint-request.ts';
import type { JsonValue } from '../../shared/simulator-kit/exact-json.ts';
import type { SocialOrder } from './orders.ts';
import { refundSocialOrder, scheduleAutoProgress } from './social-lifecycle.ts';
import { CreateSocialOrderRequest } from '../wire.ts';

/** GET /social/services: every service with its options (price per 1000, quantity bounds). */
export function listSocialServices({ ctx }: EndpointRequest): ApiResponse {
  return ok(
    ctx.catalog.socialServices.map((s) => ({
      id: s.id,
      name: s.name,
      platform: s.platform,
      options: s.options.map((o) => ({
        id: o.id,
        name: o.name,
        pricePer1000: coinJson(o.pricePer1000),
        minQuantity: o.minQuantity,
        maxQuantity: o.maxQuantity,
      })),
    })),
  );
}

function isWebLink(link: string): boolean {
  try {
    const url = new URL(link);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** POST /social/orders: orders `quantity` units for `link`, charging quantity × pricePer1000 / 1000 (201). */
export function createSocialOrder(request: EndpointRequest): ApiResponse {
  const { ctx, account } = request;
  const body = parseBody(CreateSocialOrderRequest, request.json());
  const option = ctx.catalog.socialOption(body.optionId);
  if (!option) throw new ApiError('NOT_FOUND', 'ไม่พบตัวเลือกบริการที่ระบุ');
  if (!isWebLink(body.link)) throw new ApiError('VALIDATION_ERROR', 'ข้อมูลที่ส่งมาไม่ถูกต้อง: link ต้องเป็น URL (http/https)');
  if (body.quantity < option.minQuantity || body.quantity > option.maxQuantity) {
    throw new ApiError('VALIDATION_ERROR', `ข้อมูลที่ส่งมาไม่ถูกต้อง: quantity ต้องอยู่ระหว่าง ${option.minQuantity} ถึง ${option.maxQuantity}`);
  }
  const price = socialPrice(option.pricePer1000, body.quantity);
  const id = ctx.nextOrderId();
  charge(ctx, account, id, price);
  const order: SocialOrder = {
    kind: 'social',
    id,
    apiKey: account.apiKey,
    createdAt: ctx.now(),
    price,
    refundAmount: null,
    serviceId: option.serviceId,
    optionId: option.id,
    link: body.link,
    quantity: body.quantity,
    startCount: randomInt(0, 5000),
    status: 'pending',
    delivered: 0,
    refundedAt: null,
  };
  addOrder(ctx, account, order);
  scheduleAutoProgress(ctx, order);
  return ok({ orderId: order.id, status: order.status, price: coinJson(order.price) }, 201);
}

/** GET /social/orders/:orderId: status and progress. */
export function getSocialOrder(request: EndpointRequest): ApiResponse {
  return ok(socialOrderView(orderOf(request, 'social')));
}

/** POST /social/orders/:orderId/refund. */
export function refundSocial(request: EndpointRequest): ApiResponse {
  const order = orderOf(request, 'social');
  refundSocialOrder(request.ctx, order);
  return ok({ orderId: order.id, status: order.status, refundAmount: coinJson(order.refundAmount ?? order.price) });
}

/** A social order as GET shows it. */
export function socialOrderView(order: SocialOrder): JsonValue {
  return {
    orderId: order.id,
    serviceId: order.serviceId,
    optionId: order.optionId,
    link: order.link,
    quantity: order.quantity,
    status: order.status,
    price: coinJson(order.price),
    startCount: order.startCount,
    delivered: order.delivered,
    remains: order.quantity - order.delivered,
    progress: Math.floor((order.delivered * 100) / order.quantity),
    refundAmount: order.refundAmount === null ? null : coinJson(order.refundAmount),
    createdAt: isoTime(order.createdAt),
  };
}
