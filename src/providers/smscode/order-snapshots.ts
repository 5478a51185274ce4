import { Money } from '../../domain/money.ts';
import type { OrderStatus } from '../../domain/order-status.ts';
import type { OrderSnapshot, ReceivedMessage } from '../../domain/provider.ts';
import type { ActiveOrder, CreatedOrder, Order, OrderEvent, OrderEventPayload } from './wire.ts';

/** smscode status words → the unified status; anything else (e.g. FAILED) is FAILED. */
const STATUS: Readonly<Record<string, OrderStatus>> = {
  ACTIVE: 'ACTIVE',
  OTP_RECEIVED: 'OTP_RECEIVED',
  COMPLETED: 'COMPLETED',
  CANCELED: 'CANCELED',
  EXPIRED: 'EXPIRED',
};

/** Webhook events → the unified status they announce. */
const EVENT_STATUS: Readonly<Record<OrderEvent, OrderStatus>> = {
  'order.otp_received': 'OTP_RECEIVED',
  'order.completed': 'COMPLETED',
  'order.expired': 'EXPIRED',
  'order.canceled': 'CANCELED',
};

/** The unified status of an smscode status word. */
export function unifiedStatus(word: string): OrderStatus {
  return STATUS[word.toUpperCase()] ?? 'FAILED';
}

/** Snapshot of GET /orders/{id}, a GET /orders item, or an order in a POST /orders/create answer (which has no otp_message). */
export function snapshotOfOrder(order: Order | CreatedOrder, now: Date): OrderSnapshot {
  const price = Money.fromProvider(order.amount, 'IDR');
  const status = unifiedStatus(order.status);
  const text = 'otp_message' in order ? (order.otp_message ?? null) : null;
  return {
    providerRef: String(order.id),
    status,
    providerStatus: order.status,
    price,
    refund: refundFor(status, price),
    failedReason: order.failed_reason,
    otp: { phoneNumber: order.phone_number, expiresAt: new Date(order.expires_at), message: messageOf(order.otp_code, text, order.otp_received_at, now) },
  };
}

/** Snapshot of a GET /orders/active item (it carries neither number nor price: the order book keeps those). */
export function snapshotOfActive(order: ActiveOrder, now: Date): OrderSnapshot {
  return {
    providerRef: String(order.id),
    status: unifiedStatus(order.status),
    providerStatus: order.status,
    price: null,
    refund: null,
    failedReason: order.failed_reason,
    otp: { phoneNumber: null, expiresAt: new Date(order.expires_at), message: messageOf(order.otp_code, order.otp_message, order.otp_received_at, now) },
  };
}

/** Snapshot announced by a webhook order event; `providerStatus` keeps the event name. */
export function snapshotOfEvent(payload: OrderEventPayload): OrderSnapshot {
  const status = EVENT_STATUS[payload.event];
  const at = new Date(payload.timestamp);
  // Only otp_received is about the SMS; the other events echo the last code without saying when it came.
  const message = payload.event === 'order.otp_received' ? messageOf(payload.data.otp_code, payload.data.otp_message, null, at) : null;
  return {
    providerRef: String(payload.data.order_id),
    status,
    providerStatus: payload.event,
    price: null,
    refund: null,
    failedReason: null,
    otp: { phoneNumber: payload.data.phone_number, expiresAt: null, message },
  };
}

/**
 * smscode gives an SMS no id of its own, and a webhook's timestamp need not equal the poll's
 * otp_received_at. Nor is the text always there: GET /orders/{id} carries the code without the SMS
 * text that /orders/active and pushes carry. So an SMS is identified by its code, and by its text
 * only when it has no code: the same SMS seen by every route gets one key.
 */
function messageOf(code: string | null, text: string | null, receivedAt: string | null, fallbackAt: Date): ReceivedMessage | null {
  if (code === null && text === null) return null;
  const body = text ?? code ?? '';
  const key = code === null ? `sms\n\n${body}` : `sms\n${code}`;
  return { key, code, text: body, receivedAt: receivedAt === null ? fallbackAt : new Date(receivedAt) };
}

// The document: an expiry refunds the balance, and so does a cancel ("租用费用将退回账户余额").
function refundFor(status: OrderStatus, price: Money | null): Money | null {
  return status === 'EXPIRED' || status === 'CANCELED' ? price : null;
}
