import { ApiError } from './api-errors.ts';
import { refund } from './context.ts';
import type { SimulatorContext } from './context.ts';
import { remainsRefund } from './coins.ts';
import type { SocialOrder } from './orders.ts';
import type { SocialOrderStatus } from './public-types.ts';

/** Where a social order may go next (refunded only through POST …/refund). */
const NEXT: Readonly<Record<SocialOrderStatus, readonly SocialOrderStatus[]>> = {
  pending: ['processing', 'completed', 'partial', 'cancelled'],
  processing: ['processing', 'completed', 'partial', 'cancelled'],
  completed: [],
  partial: [],
  cancelled: [],
  refunded: [],
};

/**
 * Moves a social order on: `processing` (optionally with `delivered` so far), `completed` (everything
 * delivered), `partial` (`delivered` units, default half, strictly between 0 and quantity) or `cancelled`
 * (nothing delivered).
 */
export function advanceSocial(order: SocialOrder, status: SocialOrderStatus, delivered?: number): void {
  if (!NEXT[order.status].includes(status)) throw new Error(`social order ${order.id}: ${order.status} → ${status} is not a move upstream makes`);
  if (delivered !== undefined && !(Number.isSafeInteger(delivered) && delivered >= 0 && delivered <= order.quantity)) {
    throw new RangeError(`delivered must be an integer between 0 and ${order.quantity}`);
  }
  switch (status) {
    case 'processing':
      if (delivered !== undefined && delivered >= order.quantity) throw new RangeError('a processing order has not delivered everything yet');
      order.delivered = delivered ?? order.delivered;
      break;
    case 'completed':
      order.delivered = order.quantity;
      break;
    case 'partial': {
      const units = delivered ?? Math.floor(order.quantity / 2);
      if (units <= 0 || units >= order.quantity) throw new RangeError('a partial order delivered some but not all of its quantity');
      order.delivered = units;
      break;
    }
    case 'cancelled':
      if (delivered !== undefined && delivered !== 0) throw new RangeError('a cancelled order delivered nothing (use partial)');
      order.delivered = 0;
      break;
    default:
      throw new Error(`cannot advance to ${status}`);
  }
  order.status = status;
}

/** POST …/refund: a cancelled order gets its price back, a partial one the undelivered share (rounded down), once. */
export function refundSocialOrder(ctx: SimulatorContext, order: SocialOrder): void {
  if (order.status !== 'cancelled' && order.status !== 'partial') {
    const why = order.status === 'refunded' ? 'คืนเงินไปแล้ว' : `สถานะปัจจุบัน: ${order.status}`;
    throw new ApiError('BAD_REQUEST', `ขอคืนเงินได้เฉพาะคำสั่งซื้อที่ถูกยกเลิกหรือไม่สมบูรณ์ (${why})`);
  }
  const amount = order.status === 'cancelled' ? order.price : remainsRefund(order.price, order.quantity, order.quantity - order.delivered);
  order.status = 'refunded';
  order.refundedAt = ctx.now();
  refund(ctx, order, amount);
}

/** Sandbox autoProgress: pending → processing → completed on real-time timers, unless moved on meanwhile. */
export function scheduleAutoProgress(ctx: SimulatorContext, order: SocialOrder): void {
  const auto = ctx.autoProgress;
  if (!auto) return;
  ctx.timers.after(auto.processingAfterMs, () => {
    if (order.status === 'pending') advanceSocial(order, 'processing', Math.floor(order.quantity / 3));
  });
  ctx.timers.after(auto.completedAfterMs, () => {
    if (order.status === 'pending' || order.status === 'processing') advanceSocial(order, 'completed');
  });
}
