import type { Decimal } from 'decimal.js';
import type { NetworkId } from '../wire.ts';
import { thb } from './money.ts';
import type { EasysoftOrderPhase, EasysoftOrderStatus, RefillOutcome, ReversalOutcome } from './public-types.ts';

/** Document: "ผล…อัพเดตเร็วที่สุดคือ 10 วินาที": no refill result before 10 s after the refill. */
export const REFILL_RESULT_MIN_MS = 10_000;
/** Document: after a cancel request, a refill that did not go through has its cancel result after 1 minute at the earliest. */
export const FAILED_CANCEL_MIN_MS = 60_000;
/** Document: the cancel of a successful refill takes 6 to 24 hours. */
export const REVERSAL_MIN_MS = 6 * 3_600_000;
export const REVERSAL_MAX_MS = 24 * 3_600_000;

/** A result due at `at` on the simulator clock, never before `earliest`. */
export interface Scheduled<Outcome> {
  at: number;
  earliest: number;
  outcome: Outcome;
}

/** One refill on the provider's books. */
export interface SimOrder {
  readonly id: string;
  readonly network: NetworkId;
  readonly number: string;
  readonly cash: Decimal;
  readonly discount: Decimal;
  /** cash − discount: what was deducted from the balance (REALAMOUNT). */
  readonly charge: Decimal;
  readonly users: string;
  readonly clientRef: string | null;
  readonly createdAt: number;
  phase: EasysoftOrderPhase;
  /** The refill result to apply, while pending. */
  refillResult: Scheduled<RefillOutcome> | null;
  /** When a `mobile=return` was taken (null when none is outstanding). */
  cancelRequestedAt: number | null;
  /** The cancel result to apply. */
  cancelResult: Scheduled<ReversalOutcome> | null;
  reversalRefused: boolean;
  /** The airtime was delivered (stays true after a reversal). */
  refilled: boolean;
}

/** STATUS_REFILL: 1 once the airtime was delivered. */
export function statusRefill(order: SimOrder): '0' | '1' {
  return order.refilled ? '1' : '0';
}

/** STATUS_CANCEL: 1 once cancelled and refunded. */
export function statusCancel(order: SimOrder): '0' | '1' {
  return order.phase === 'cancelled' ? '1' : '0';
}

/** The public snapshot of an order. */
export function snapshot(order: SimOrder): EasysoftOrderStatus {
  return {
    orderid: order.id,
    phase: order.phase,
    statusRefill: statusRefill(order),
    statusCancel: statusCancel(order),
    cancelRequested: order.cancelRequestedAt !== null && order.cancelResult !== null,
    reversalRefused: order.reversalRefused,
    network: order.network,
    number: order.number,
    cash: order.cash.toFixed(0),
    charged: thb(order.charge),
    discount: thb(order.discount),
    users: order.users,
    clientRef: order.clientRef,
  };
}
