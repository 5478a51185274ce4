import type { Partner, SimulatorContext, SimOrder } from './context.ts';
import type { ApiResponse } from './envelopes.ts';
import type { JsonValue } from '../../shared/simulator-kit/exact-json.ts';
import { wireStatus } from './order-lifecycle.ts';
import { isoTimestamp } from './envelopes.ts';

/** What an endpoint handler gets: the authenticated partner and the request. */
export interface EndpointRequest {
  readonly ctx: SimulatorContext;
  readonly partner: Partner;
  /** The `:id` segment of `/orders/:id`, URL-decoded. */
  readonly pathId: string | undefined;
  readonly rawBody: string;
}

/** Answers one endpoint (or throws an ApiError). */
export type EndpointHandler = (request: EndpointRequest) => ApiResponse;

/** The order fields of the create answer, in the example's order. */
export function createdOrderData(ctx: SimulatorContext, order: SimOrder): JsonValue {
  return {
    orderID: order.orderID,
    refID: order.refID,
    status: wireStatus(ctx, order.status),
    packageID: order.packageID,
    topupInfo: { ...order.topupInfo },
    createdAt: isoTimestamp(order.createdAt),
  };
}

/** The order fields of the GET answer: the create answer's, with `reason` before `createdAt` as in the example. */
export function orderData(ctx: SimulatorContext, order: SimOrder): JsonValue {
  return {
    orderID: order.orderID,
    refID: order.refID,
    status: wireStatus(ctx, order.status),
    packageID: order.packageID,
    topupInfo: { ...order.topupInfo },
    reason: order.reason,
    createdAt: isoTimestamp(order.createdAt),
  };
}
