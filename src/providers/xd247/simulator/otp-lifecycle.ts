import { randomInt } from 'node:crypto';
import { ApiError } from './api-errors.ts';
import { refund } from './context.ts';
import type { SimulatorContext } from './context.ts';
import type { OtpOrder } from './orders.ts';
import { randomOtp } from './otp-messages.ts';

/** How long a number waits for its SMS: the document's example expires 20 minutes after 00:00. */
export const DEFAULT_OTP_LIFETIME_MS = 20 * 60_000;

/** Every `waiting_sms` order past expiresAt becomes `expired`; its coins stay charged until a refund. */
export function expireDueOtpOrders(ctx: SimulatorContext): void {
  const now = ctx.now();
  for (const order of ctx.orders.values()) {
    if (order.kind === 'otp' && order.status === 'waiting_sms' && order.expiresAt <= now) order.status = 'expired';
  }
}

/** The SMS reaches a waiting order: it becomes `completed` with the code. */
export function receiveOtp(ctx: SimulatorContext, order: OtpOrder, code: string, text: string): void {
  expireDueOtpOrders(ctx);
  if (order.status !== 'waiting_sms') throw new Error(`OTP order ${order.id} is ${order.status}: it can no longer receive an SMS`);
  order.status = 'completed';
  order.otpCode = code;
  order.smsText = text;
  order.receivedAt = ctx.now();
}

/** POST …/cancel: only while `waiting_sms` (section 6); the coins come back only through …/refund. */
export function cancelOtpOrder(ctx: SimulatorContext, order: OtpOrder): void {
  expireDueOtpOrders(ctx);
  if (order.status !== 'waiting_sms') {
    throw new ApiError('BAD_REQUEST', `ยกเลิกได้เฉพาะคำสั่งซื้อที่มีสถานะ waiting_sms (สถานะปัจจุบัน: ${order.status})`);
  }
  order.status = 'cancelled';
  order.cancelledAt = ctx.now();
}

/** POST …/refund: a cancelled order (or one that expired without an SMS) gets its full price back, once. */
export function refundOtpOrder(ctx: SimulatorContext, order: OtpOrder): void {
  expireDueOtpOrders(ctx);
  if (order.status !== 'cancelled' && order.status !== 'expired') {
    const why = order.status === 'refunded' ? 'คืนเงินไปแล้ว' : `สถานะปัจจุบัน: ${order.status}`;
    throw new ApiError('BAD_REQUEST', `ขอคืนเงินได้เฉพาะคำสั่งซื้อที่ยกเลิกแล้ว (${why})`);
  }
  order.status = 'refunded';
  order.refundedAt = ctx.now();
  refund(ctx, order, order.price);
}

/** Sandbox autoOtp: an SMS arrives after a random real-time delay if the order is still waiting. */
export function scheduleAutoOtp(ctx: SimulatorContext, order: OtpOrder): void {
  const autoOtp = ctx.autoOtp;
  if (!autoOtp) return;
  const delay = randomInt(autoOtp.minDelayMs, autoOtp.maxDelayMs + 1);
  ctx.timers.after(delay, () => {
    expireDueOtpOrders(ctx);
    if (order.status !== 'waiting_sms') return;
    const otp = randomOtp(order.serviceCode);
    receiveOtp(ctx, order, otp.code, otp.text);
  });
}
