import { Money } from '../../domain/money.ts';
import type { OrderStatus } from '../../domain/order-status.ts';
import type { OrderSnapshot, ProviderData } from '../../domain/provider.ts';
import type { RefillAnswer, UpdateAnswer } from './client.ts';

/**
 * easysoft results → the unified status. The document gives two flags, STATUS_REFILL ("ผลการเติม
 * สำเร็จ", the refill succeeded) and STATUS_CANCEL ("ผลการยกเลิกสำเร็จ", the cancel succeeded), with
 * no values listed; they are read as 1 = yes, 0 = not (yet), like every other flag of the document.
 * It has no "failed" flag: a refill that did not go through is 0/0 until its cancel (refund) is out
 * (at the earliest a minute after, the document says), so 0/0 stays ACTIVE, never FAILED, until the
 * money is known to be back.
 *
 *   STATUS_REFILL  STATUS_CANCEL  status     refund
 *   0              0              ACTIVE     —            sent, no result yet (or failed, refund not out yet)
 *   1              0              COMPLETED  —            airtime delivered (a reversal asked for may still come)
 *   0              1              FAILED     REALAMOUNT   not delivered; cancelled, the deduction returned
 *   1              1              REFUNDED   REALAMOUNT   delivered, then reversed and refunded
 *   anything else                 ACTIVE     —            not understood: nothing is concluded, raw values kept
 */
export function unifiedStatus(statusRefill: string, statusCancel: string): OrderStatus {
  const key = `${statusRefill.trim()}/${statusCancel.trim()}`;
  return STATUS[key] ?? 'ACTIVE';
}

const STATUS: Readonly<Record<string, OrderStatus>> = {
  '0/0': 'ACTIVE',
  '1/0': 'COMPLETED',
  '0/1': 'FAILED',
  '1/1': 'REFUNDED',
};

/** The raw result, kept as the order's provider status: `STATUS_REFILL=1 STATUS_CANCEL=0`. */
export function providerStatusOf(statusRefill: string, statusCancel: string): string {
  return `STATUS_REFILL=${statusRefill} STATUS_CANCEL=${statusCancel}`;
}

/** What the gateway sent with a refill, kept on the order. */
export interface RefillSent {
  readonly network: string;
  readonly networkNumber: number;
  readonly number: string;
  readonly cash: string;
  readonly orderid: string;
}

/**
 * The snapshot of a refill easysoft took (STATUS 1): ACTIVE under its ORDERID. Price: the answer
 * says only DISCOUNT (ส่วนลด, unit not stated), not what was deducted, so the order is priced at the
 * face value bought (`cash`, what the offer price means too) and DISCOUNT is kept raw; what was
 * actually deducted is `update`'s REALAMOUNT, kept in the details when a lookup reads it.
 */
export function snapshotOfRefill(result: RefillAnswer, sent: RefillSent): OrderSnapshot {
  return {
    providerRef: result.ORDERID,
    status: 'ACTIVE',
    providerStatus: 'STATUS=1',
    price: Money.of(sent.cash, 'THB'),
    refund: null,
    failedReason: null,
    details: { network: sent.network, phoneNumber: sent.number, amount: sent.cash, discount: result.DISCOUNT ?? null },
    providerData: { orderid: sent.orderid, network: sent.networkNumber, number: sent.number, cash: sent.cash },
  };
}

/**
 * The snapshot of `mobile=update` (STATUS 1). REALAMOUNT (ยอดหัก) is what the order deducted: its
 * price, and what comes back when the cancel succeeded. AMOUNT is the account's balance, not the order's.
 */
export function snapshotOfUpdate(providerRef: string, result: UpdateAnswer): OrderSnapshot {
  const status = unifiedStatus(result.STATUS_REFILL, result.STATUS_CANCEL);
  // The flags decide the status; an amount that does not read as THB is left unsaid (raw text kept), never guessed.
  const deducted = result.REALAMOUNT === undefined ? null : thbOf(result.REALAMOUNT);
  return {
    providerRef,
    status,
    providerStatus: providerStatusOf(result.STATUS_REFILL, result.STATUS_CANCEL),
    price: deducted,
    refund: deducted && (status === 'FAILED' || status === 'REFUNDED') ? deducted : null,
    failedReason: status === 'FAILED' ? 'easysoft did not refill the number; the order was cancelled and its deduction returned' : null,
    details: resultDetails(result.STATUS_REFILL, result.STATUS_CANCEL, { realAmount: deducted?.toString() ?? result.REALAMOUNT ?? null }),
  };
}

// THB as the answers may write it: `9.70`, `10`, or grouped `1,250.00` (Thai style). Nothing else.
const PLAIN = /^\d+(\.\d+)?$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/** An exact THB amount from answer text, or null when it is not plainly one (no sign, exponent or unit). */
export function thbOf(text: string): Money | null {
  const trimmed = text.trim();
  if (PLAIN.test(trimmed)) return Money.of(trimmed, 'THB');
  if (GROUPED.test(trimmed)) return Money.of(trimmed.replace(/,/g, ''), 'THB');
  return null;
}

/** Raw result values for support, plus any extra facts. */
export function resultDetails(statusRefill: string, statusCancel: string, extra: ProviderData = {}): ProviderData {
  return { statusRefill, statusCancel, ...extra };
}
