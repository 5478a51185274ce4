import { z } from 'zod';
import { ApiError, ok } from './api-errors.ts';
import { intParam, moneyFor, orderOf, parseBody } from './endpoint-request.ts';
import type { EndpointHandler } from './endpoint-request.ts';
import { cancelOrder, finishOrder, scheduleAutoOtp } from './order-lifecycle.ts';
import { activeOrderView, isLive, orderView } from './orders.ts';

const ORDER_STATUSES = ['ACTIVE', 'OTP_RECEIVED', 'COMPLETED', 'CANCELED', 'EXPIRED'];
const OrderIdBody = z.object({ id: z.int().positive() });

/** GET /balance: `{currency, balance}` on v1, `{balance: money}` + meta.fx on v2. */
export const getBalance: EndpointHandler = (request) => {
  const { money, fx } = moneyFor(request);
  const balance = request.account.balance;
  return fx ? ok({ balance: money(balance, 'total') }, { fx }) : ok({ currency: 'IDR', balance });
};

/** GET /orders?limit&offset&status: newest first; status is case-insensitive. */
export const listOrders: EndpointHandler = (request) => {
  const { query, account } = request;
  const limit = intParam(query, 'limit', { min: 1, max: 100 }) ?? 20;
  const offset = intParam(query, 'offset', { min: 0 }) ?? 0;
  const status = query.get('status')?.trim().toUpperCase() || undefined;
  if (status !== undefined && !ORDER_STATUSES.includes(status)) {
    throw new ApiError('VALIDATION_ERROR', `status must be one of ${ORDER_STATUSES.join(', ')}`);
  }
  const { money, fx } = moneyFor(request);
  const orders = [...account.orders.values()]
    .filter((o) => status === undefined || o.status === status)
    .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
    .slice(offset, offset + limit)
    .map((o) => orderView(o, money));
  return fx ? ok(orders, { fx }) : ok(orders);
};

/** GET /orders/{id}: only the caller's own orders. */
export const getOrder: EndpointHandler = (request) => {
  const id = Number(request.pathId);
  if (!Number.isSafeInteger(id) || id < 1) throw new ApiError('VALIDATION_ERROR', 'id must be a positive integer');
  const order = orderOf(request, id);
  const { money, fx } = moneyFor(request);
  return fx ? ok(orderView(order, money), { fx }) : ok(orderView(order, money));
};

/** GET /orders/active: ACTIVE + OTP_RECEIVED, oldest first as in the document's example, with the SMS text and no money (no meta.fx on v2). */
export const listActiveOrders: EndpointHandler = ({ account }) =>
  ok([...account.orders.values()].filter(isLive).sort((a, b) => a.createdAt - b.createdAt || a.id - b.id).map(activeOrderView));

/** POST /orders/cancel `{id}`: refund_amount and new_balance. */
export const cancel: EndpointHandler = (request) => {
  const { id } = parseBody(OrderIdBody, request.json());
  const order = orderOf(request, id);
  // v2 refuses before touching the ledger when it could not render the answer.
  const { money, fx } = moneyFor(request);
  const { refund } = cancelOrder(request.ctx, request.account, order);
  const data = {
    order_id: order.id,
    status: order.status,
    refund_amount: money(refund, 'unit'),
    new_balance: money(request.account.balance, 'total'),
  };
  return fx ? ok(data, { fx }) : ok(data);
};

/** POST /orders/finish `{id}`: only once an OTP has arrived. */
export const finish: EndpointHandler = (request) => {
  const { id } = parseBody(OrderIdBody, request.json());
  const order = orderOf(request, id);
  finishOrder(request.ctx, order);
  return ok({ order_id: order.id, status: order.status });
};

/** POST /orders/resend `{id}`: `resent` says whether the platform supports it; with autoOtp a new SMS follows. */
export const resend: EndpointHandler = (request) => {
  const { id } = parseBody(OrderIdBody, request.json());
  const order = orderOf(request, id);
  if (!isLive(order)) throw new ApiError('CONFLICT', `Order ${order.id} is ${order.status}: nothing to resend`);
  const resent = request.ctx.catalog.platform(order.platformId)?.supportsResend ?? false;
  if (resent) scheduleAutoOtp(request.ctx, order, true);
  return ok({ order_id: order.id, status: order.status, resent });
};
