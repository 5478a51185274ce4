import { randomInt } from 'node:crypto';
import { ApiError } from './api-errors.ts';
import { book } from './context.ts';
import type { Account, SimulatorContext } from './context.ts';
import { CANCEL_LOCK_MS, EXPIRED_WITHOUT_OTP, isLive } from './orders.ts';
import type { SimOrder } from './orders.ts';
import { randomOtp } from './otp-messages.ts';
import type { SmscodeWebhookEvent } from './public-types.ts';
import { rfc3339 } from './timestamps.ts';

/** The document's webhook Payload for an order event. */
export function orderEventPayload(ctx: SimulatorContext, order: SimOrder, event: SmscodeWebhookEvent): unknown {
  return {
    event,
    timestamp: rfc3339(ctx.now()),
    data: {
      order_id: order.id,
      phone_number: order.phoneNumber,
      otp_code: order.otpCode,
      otp_message: order.otpMessage,
      product_id: order.productId,
      catalog_product_id: order.catalogProductId,
      country: ctx.catalog.country(order.countryId)?.name ?? null,
      platform: ctx.catalog.platform(order.platformId)?.name ?? null,
    },
  };
}

/** Pushes an order event to the owner's webhook URL, if one is configured; resolves when the POST has settled. */
export async function emitOrderEvent(ctx: SimulatorContext, order: SimOrder, event: SmscodeWebhookEvent): Promise<void> {
  const account = ctx.accounts.get(order.accountToken);
  const { url, secret } = account?.webhook ?? { url: null, secret: null };
  if (url === null || secret === null) return;
  await ctx.webhooks.post(url, secret, event, orderEventPayload(ctx, order, event));
}

/** An SMS reaches a live order: the latest code replaces any earlier one and order.otp_received fires. */
export function receiveOtp(ctx: SimulatorContext, order: SimOrder, code: string, message: string): Promise<void> {
  if (!isLive(order)) throw new Error(`order ${order.id} is ${order.status}: it can no longer receive an SMS`);
  order.status = 'OTP_RECEIVED';
  order.otpCode = code;
  order.otpMessage = message;
  order.otpReceivedAt = ctx.now();
  order.history.otpReceived = true;
  return emitOrderEvent(ctx, order, 'order.otp_received');
}

/** Cancels an ACTIVE order after the 2-minute lock and refunds its amount. */
export function cancelOrder(ctx: SimulatorContext, account: Account, order: SimOrder): { refund: number } {
  if (order.status !== 'ACTIVE') {
    const why = order.status === 'OTP_RECEIVED' ? 'an OTP was already received' : `it is ${order.status}`;
    throw new ApiError('CONFLICT', `Order ${order.id} cannot be canceled: ${why}`);
  }
  const lockedForMs = order.createdAt + CANCEL_LOCK_MS - ctx.now();
  if (lockedForMs > 0) {
    throw new ApiError('CANCEL_TOO_EARLY', `Order can be canceled in ${Math.ceil(lockedForMs / 1000)} seconds`);
  }
  order.status = 'CANCELED';
  order.canceledAt = ctx.now();
  account.balance += order.amount;
  book(ctx, 'refund', order);
  void emitOrderEvent(ctx, order, 'order.canceled');
  return { refund: order.amount };
}

/** Marks an order whose OTP arrived as COMPLETED, releasing the number. */
export function finishOrder(ctx: SimulatorContext, order: SimOrder): void {
  if (order.status !== 'OTP_RECEIVED') {
    const why = order.status === 'ACTIVE' ? 'no OTP has been received yet' : `it is ${order.status}`;
    throw new ApiError('CONFLICT', `Order ${order.id} cannot be finished: ${why}`);
  }
  order.status = 'COMPLETED';
  void emitOrderEvent(ctx, order, 'order.completed');
}

/** Ends every live order past expires_at: without an OTP → EXPIRED and refunded, with one → COMPLETED. */
export function expireDueOrders(ctx: SimulatorContext): Promise<void> {
  const now = ctx.now();
  const due = [...ctx.orders.values()].filter((o) => isLive(o) && o.expiresAt <= now).sort((a, b) => a.expiresAt - b.expiresAt || a.id - b.id);
  const events: Promise<void>[] = [];
  for (const order of due) {
    if (order.status === 'ACTIVE') {
      order.status = 'EXPIRED';
      order.failedReason = EXPIRED_WITHOUT_OTP;
      const account = ctx.accounts.get(order.accountToken);
      if (account) account.balance += order.amount;
      book(ctx, 'refund', order);
      events.push(emitOrderEvent(ctx, order, 'order.expired'));
    } else {
      order.status = 'COMPLETED';
      events.push(emitOrderEvent(ctx, order, 'order.completed'));
    }
  }
  return Promise.all(events).then(() => undefined);
}

/** Sandbox autoOtp: an SMS arrives after a random real-time delay, if the order is still in an accepted state. */
export function scheduleAutoOtp(ctx: SimulatorContext, order: SimOrder, acceptOtpReceived: boolean): void {
  const autoOtp = ctx.autoOtp;
  if (!autoOtp) return;
  const delay = randomInt(autoOtp.minDelayMs, Math.max(autoOtp.minDelayMs, autoOtp.maxDelayMs) + 1);
  ctx.timers.after(delay, () => {
    void expireDueOrders(ctx);
    if (order.status !== 'ACTIVE' && !(acceptOtpReceived && order.status === 'OTP_RECEIVED')) return;
    const platform = ctx.catalog.platform(order.platformId);
    const otp = randomOtp(platform?.code ?? '');
    void receiveOtp(ctx, order, otp.code, otp.message);
  });
}
