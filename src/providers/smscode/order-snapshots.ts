import { Money } from '../../domain/money.ts';
import type { OrderStatus } from '../../domain/order-status.ts';
import type { ProviderOrderSnapshot, ReceivedMessage } from '../../domain/provider.ts';
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

/** What the adapter already knows about an order from earlier answers (the /orders/active shape lacks it). */
export interface KnownOrderFacts {
  phoneNumber: string | null;
  price: Money | null;
}

/** Snapshot of GET /orders/{id}, a GET /orders item, or an order in a POST /orders/create answer (which has no otp_message). */
export function snapshotOfOrder(order: Order | CreatedOrder, now: Date): ProviderOrderSnapshot {
  const price = Money.fromProvider(order.amount, 'IDR');
  const status = unifiedStatus(order.status);
  const text = 'otp_message' in order ? (order.otp_message ?? null) : null;
  return {
    providerRef: String(order.id),
    status,
    providerStatus: order.status,
    phoneNumber: order.phone_number,
    price,
    expiresAt: new Date(order.expires_at),
    message: messageOf(order.otp_code, text, order.otp_received_at, now),
    refund: refundFor(status, price),
    failedReason: order.failed_reason,
  };
}

/** Snapshot of a GET /orders/active item, completed with what earlier answers told about the order. */
export function snapshotOfActive(order: ActiveOrder, known: KnownOrderFacts | undefined, now: Date): ProviderOrderSnapshot {
  const status = unifiedStatus(order.status);
  const price = known?.price ?? null;
  return {
    providerRef: String(order.id),
    status,
    providerStatus: order.status,
    phoneNumber: known?.phoneNumber ?? null,
    price,
    expiresAt: new Date(order.expires_at),
    message: messageOf(order.otp_code, order.otp_message, order.otp_received_at, now),
    refund: refundFor(status, price),
    failedReason: order.failed_reason,
  };
}

/** Snapshot announced by a webhook order event; `providerStatus` keeps the event name. */
export function snapshotOfEvent(payload: OrderEventPayload): ProviderOrderSnapshot {
  const status = EVENT_STATUS[payload.event];
  const at = new Date(payload.timestamp);
  // Only otp_received is about the SMS; the other events echo the last code without saying when it came.
  const message = payload.event === 'order.otp_received' ? messageOf(payload.data.otp_code, payload.data.otp_message, null, at) : null;
  return {
    providerRef: String(payload.data.order_id),
    status,
    providerStatus: payload.event,
    phoneNumber: payload.data.phone_number,
    price: null,
    expiresAt: null,
    message,
    refund: null,
    failedReason: null,
  };
}

function messageOf(code: string | null, text: string | null, receivedAt: string | null, fallbackAt: Date): ReceivedMessage | null {
  if (code === null && text === null) return null;
  return { code, text: text ?? code ?? '', receivedAt: receivedAt === null ? fallbackAt : new Date(receivedAt) };
}

// The document: an expiry refunds the balance, and so does a cancel ("租用费用将退回账户余额").
function refundFor(status: OrderStatus, price: Money | null): Money | null {
  return status === 'EXPIRED' || status === 'CANCELED' ? price : null;
}
