import { jsonText, RawNumber } from '../../shared/simulator-kit/exact-json.ts';
import { signP2wBody } from '../signature.ts';
import { SIGNATURE_HEADER } from '../wire.ts';
import type { SimulatorContext, SimOrder } from './context.ts';
import { thbJsonNumber, thbText } from './money.ts';
import type { P2wAdvanceStatus, P2wOrderStatus } from './public-types.ts';
import { postWebhook } from './webhooks.ts';

/** `reason` of a failed order when nobody names one (the document shows only `""`). */
export const DEFAULT_FAILURE_REASON = 'top-up failed';

const NEXT: Readonly<Record<P2wOrderStatus, readonly P2wOrderStatus[]>> = {
  pending: ['processing', 'succeeded', 'failed'],
  processing: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
};

/** True once an order can no longer change ("เสร็จสิ้น"). */
export function isFinal(status: P2wOrderStatus): boolean {
  return status === 'succeeded' || status === 'failed';
}

/** The status word an order shows on the wire: success is spelled as configured (`successed` by default). */
export function wireStatus(ctx: SimulatorContext, status: P2wOrderStatus): string {
  return status === 'succeeded' ? ctx.successWord : status;
}

/**
 * Moves an order forward. `failed` gives the price back (the document is silent on refunds; the safe reading
 * is that a failed top-up costs nothing). Reaching a final status POSTs the callback to the order's hookURL.
 */
export function advance(ctx: SimulatorContext, order: SimOrder, status: P2wAdvanceStatus, reason?: string): void {
  if (!NEXT[order.status].includes(status)) {
    throw new Error(`P2W order ${order.orderID} cannot go from ${order.status} to ${status}`);
  }
  order.status = status;
  order.auto = status === 'processing' ? order.auto : null;
  if (status === 'failed') {
    order.reason = reason ?? DEFAULT_FAILURE_REASON;
    refund(ctx, order);
  }
  if (isFinal(status)) sendCallback(ctx, order);
}

/**
 * Sandbox mode in real time: wakes the simulator when `order`'s next automatic step is due. A timer may fire
 * before the simulator clock (`Date.now()`-based) reaches the step, since timers and `Date.now()` keep
 * different clocks; one that finds the order not moved on tries again for the rest, or the order would wait
 * in `processing` for good. While the clock does not move at all (a frozen test clock, which advanceClock()
 * drives) it tries less often each time, up to once a second, until the simulator stops.
 */
export function wakeWhenDue(ctx: SimulatorContext, order: SimOrder, backoffMs = 0): void {
  const plan = order.auto;
  const dueAt = plan === null ? null : order.status === 'pending' ? plan.processingAt : order.status === 'processing' ? plan.completeAt : null;
  if (dueAt === null) return;
  const armedAt = ctx.now();
  ctx.timers.after(Math.max(0, dueAt - armedAt, backoffMs), () => {
    processDue(ctx);
    wakeWhenDue(ctx, order, ctx.now() === armedAt ? Math.min(1_000, Math.max(1, backoffMs * 2)) : 0);
  });
}

/** Processes every sandbox auto-completion that is due on the simulator clock. */
export function processDue(ctx: SimulatorContext): void {
  const now = ctx.now();
  for (const order of ctx.orders.values()) {
    const plan = order.auto;
    if (!plan) continue;
    if (order.status === 'pending' && now >= plan.processingAt) advance(ctx, order, 'processing');
    if (order.status === 'processing' && now >= plan.completeAt) advance(ctx, order, plan.outcome, plan.reason);
  }
}

function refund(ctx: SimulatorContext, order: SimOrder): void {
  if (order.refunded) return;
  const partner = ctx.partners.get(order.partnerId);
  if (!partner) throw new Error(`P2W order ${order.orderID} belongs to no partner`);
  partner.balance = partner.balance.plus(order.price);
  order.refunded = true;
  ctx.ledger.push({ kind: 'refund', orderRef: order.orderID, amount: thbText(order.price), at: ctx.now() });
}

/** The document's "Callback Payload": orderID, refID, status, the partner's balance (JSON number) and reason. */
export function callbackBody(ctx: SimulatorContext, order: SimOrder): string {
  const balance = ctx.partners.get(order.partnerId)?.balance;
  if (!balance) throw new Error(`P2W order ${order.orderID} belongs to no partner`);
  return jsonText({
    orderID: order.orderID,
    refID: order.refID,
    status: wireStatus(ctx, order.status),
    balance: new RawNumber(thbJsonNumber(balance)),
    reason: order.reason,
  });
}

function sendCallback(ctx: SimulatorContext, order: SimOrder): void {
  if (order.hookURL === null) return;
  const body = callbackBody(ctx, order);
  const secret = ctx.partners.get(order.partnerId)?.secret ?? '';
  const headers: Record<string, string> = ctx.signWebhooks ? { [SIGNATURE_HEADER]: signP2wBody(body, secret) } : {};
  void postWebhook(ctx.webhooks, order.hookURL, body, headers);
}
