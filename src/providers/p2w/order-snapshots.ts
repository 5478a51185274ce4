import type { Money } from '../../domain/money.ts';
import type { OrderStatus as UnifiedStatus } from '../../domain/order-status.ts';
import type { JsonValue, OrderSnapshot } from '../../domain/provider.ts';
import type { CallbackPayload, CreatedOrder, Order, OrderStatus } from './wire.ts';

/**
 * P2W status words → the unified status. Success has two spellings (README.md, "P2W status
 * spelling": the table says `succeeded`, the GET example and the webhook `successed`).
 */
export const STATUS: Readonly<Record<OrderStatus, UnifiedStatus>> = {
  pending: 'ACTIVE',
  processing: 'ACTIVE',
  succeeded: 'COMPLETED',
  successed: 'COMPLETED',
  failed: 'FAILED',
};

/**
 * What a failed top-up gives back. The document says nothing about refunds; the simulator (and the
 * reading Switchboard takes) is that a failed top-up costs nothing, so the whole price comes back.
 */
function refundFor(status: UnifiedStatus, price: Money | null): Money | null {
  return status === 'FAILED' ? price : null;
}

/**
 * Snapshot of a create (201) or GET /orders/:id answer. `price` is the configured package price: no
 * P2W answer carries an amount, and that is what it charges for the package.
 */
export function snapshotOfOrder(order: CreatedOrder | Order, price: Money | null): OrderSnapshot {
  const status = STATUS[order.status];
  const reason = 'reason' in order && order.reason ? order.reason : null;
  return {
    providerRef: order.orderID,
    status,
    providerStatus: order.status,
    price,
    refund: refundFor(status, price),
    failedReason: status === 'FAILED' ? (reason ?? 'top-up failed') : null,
    details: { packageID: order.packageID, topupInfo: echoedTopupInfo(order.topupInfo) },
    providerData: { createdAt: order.createdAt },
  };
}

/** What a webhook claims (only a hint: P2W signs nothing, so the core confirms it with GET /orders/:id). */
export function snapshotOfCallback(payload: CallbackPayload): OrderSnapshot {
  const status = STATUS[payload.status];
  return {
    providerRef: payload.orderID,
    status,
    providerStatus: payload.status,
    price: null,
    refund: null,
    failedReason: status === 'FAILED' ? (payload.reason || 'top-up failed') : null,
  };
}

// The echo is read loosely (an implementation may echo numbers); keep it as JSON text values.
function echoedTopupInfo(topupInfo: Readonly<Record<string, unknown>>): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(topupInfo).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? null]));
}
