import { ApiError } from './api-errors.ts';
import { countryParam, intValue, orderOf } from './endpoint-request.ts';
import type { EndpointHandler } from './endpoint-request.ts';
import { thbJson } from './money.ts';
import { buyNumber, cancelOrder, completeOrder } from './order-lifecycle.ts';
import { buyView, historyView, statusView } from './orders.ts';

/** GET services.php?country: every service of the country with its price (markup included) and availability. */
export const services: EndpointHandler = ({ ctx, query }) => {
  const country = countryParam(query.get('country') ?? undefined);
  const list = ctx.catalog.offersIn(country).map((offer) => ({
    code: offer.service,
    name: ctx.catalog.service(offer.service)?.name ?? offer.service.toUpperCase(),
    price_thb: thbJson(offer.price),
    available: offer.stock > 0,
  }));
  return { ok: true, country, count: list.length, services: list };
};

/** GET balance.php: the wallet in THB. */
export const balance: EndpointHandler = ({ account }) => ({ ok: true, balance_thb: thbJson(account.balance), currency: 'THB' });

/** POST buy.php {service, country?}: charges the wallet at once; no idempotency key exists, each call buys again. */
export const buy: EndpointHandler = ({ ctx, account, body }) => {
  const service = body.service;
  if (service === undefined || service === null || service === '') throw new ApiError('SERVICE_REQUIRED');
  if (typeof service !== 'string' || ctx.catalog.service(service) === undefined) throw new ApiError('SERVICE_NOT_FOUND');
  const country = countryParam(body.country);
  return buyView(buyNumber(ctx, account, service, country));
};

/** GET status.php?order_id: status and otp_code ('' until an SMS arrives). */
export const status: EndpointHandler = (request) => statusView(orderOf(request, request.query.get('order_id') ?? undefined));

/** POST cancel.php {order_id}: refunds a waiting order once 2 minutes have passed since the purchase. */
export const cancel: EndpointHandler = (request) => {
  const order = orderOf(request, request.body.order_id);
  const refunded = cancelOrder(request.ctx, order);
  return { ok: true, order_id: order.orderId, refunded_thb: thbJson(refunded), message: 'ยกเลิก & คืนเงินเรียบร้อย' };
};

/** POST complete.php {order_id}: `{ok:true}` as the document's flow shows. */
export const complete: EndpointHandler = (request) => {
  completeOrder(orderOf(request, request.body.order_id));
  return { ok: true };
};

/** Default and maximum `limit` of orders.php. */
export const ORDERS_DEFAULT_LIMIT = 50;
export const ORDERS_MAX_LIMIT = 200;

/**
 * GET orders.php?limit&offset: this key's orders, newest first. limit defaults to 50 and is capped at 200
 * (a larger one is served as 200, a zero/invalid one as the default); offset defaults to 0.
 */
export const orders: EndpointHandler = ({ ctx, account, query }) => {
  const requested = intValue(query.get('limit') ?? undefined);
  const limit = requested === undefined || requested < 1 ? ORDERS_DEFAULT_LIMIT : Math.min(requested, ORDERS_MAX_LIMIT);
  const offset = intValue(query.get('offset') ?? undefined) ?? 0;
  const mine = account.orderIds.map((id) => ctx.orders.get(id)).filter((o) => o !== undefined);
  mine.sort((a, b) => b.createdAt - a.createdAt || b.orderId - a.orderId);
  const page = mine.slice(offset, offset + limit).map(historyView);
  return { ok: true, total: mine.length, limit, offset, count: page.length, orders: page };
};
