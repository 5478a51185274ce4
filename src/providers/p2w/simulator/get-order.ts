import { ApiError, success } from './envelopes.ts';
import { orderData } from './endpoint-request.ts';
import type { EndpointHandler } from './endpoint-request.ts';

/** GET /orders/:id: ORDER_NOT_FOUND when no order has this id, FORBIDDEN when it is another vendor's. */
export const getOrder: EndpointHandler = ({ ctx, partner, pathId }) => {
  const order = pathId === undefined ? undefined : ctx.orders.get(pathId);
  if (!order) throw new ApiError('ORDER_NOT_FOUND', `Order ${pathId ?? ''} not found`);
  if (order.partnerId !== partner.partnerId) throw new ApiError('FORBIDDEN', 'This order does not belong to your account');
  return success(200, 'OK', orderData(ctx, order), ctx.now());
};
