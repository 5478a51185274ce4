import type { SimulatorContext } from './context.ts';
import { DETAIL } from './details.ts';
import { postCallback } from './callbacks.ts';
import { thb } from './money.ts';
import { FAILED_CANCEL_MIN_MS, REFILL_RESULT_MIN_MS, REVERSAL_MIN_MS, statusCancel, statusRefill } from './orders.ts';
import type { SimOrder } from './orders.ts';
import type { RefillOutcome, ReversalOutcome } from './public-types.ts';
import { TopupRefusal } from './xml-answers.ts';

type DueEvent = { at: number; order: SimOrder; kind: 'refill' | 'cancel' };

/**
 * Applies every result that is due on the simulator clock, oldest first (a failure's own cancel result, one
 * minute later, is applied in the same pass when that is due too); resolves once the callbacks they sent settled.
 */
export async function processDue(ctx: SimulatorContext): Promise<void> {
  const sent: Promise<unknown>[] = [];
  for (;;) {
    const event = nextDue(ctx);
    if (!event) break;
    const push = event.kind === 'refill' ? applyRefillResult(ctx, event.order, event.at) : applyCancelResult(ctx, event.order, event.at);
    if (push) sent.push(push);
  }
  await Promise.allSettled(sent);
}

function nextDue(ctx: SimulatorContext): DueEvent | undefined {
  const now = ctx.now();
  let best: DueEvent | undefined;
  for (const order of ctx.orders.values()) {
    const candidates: DueEvent[] = [];
    if (order.phase === 'pending' && order.refillResult && order.refillResult.at <= now) candidates.push({ at: order.refillResult.at, order, kind: 'refill' });
    if (order.phase !== 'cancelled' && order.cancelResult && order.cancelResult.at <= now) candidates.push({ at: order.cancelResult.at, order, kind: 'cancel' });
    for (const c of candidates) if (!best || c.at < best.at || (c.at === best.at && Number(c.order.id) < Number(best.order.id))) best = c;
  }
  return best;
}

function applyRefillResult(ctx: SimulatorContext, order: SimOrder, at: number): Promise<unknown> | null {
  const outcome = order.refillResult?.outcome;
  order.refillResult = null;
  if (outcome === 'success') {
    order.phase = 'success';
    order.refilled = true;
    return sendCallback(ctx, order, DETAIL.refillSuccess);
  }
  order.phase = 'failed';
  if (ctx.behaviour.failedRefillCancel === 'automatic' && !order.cancelResult) {
    const earliest = at + FAILED_CANCEL_MIN_MS;
    order.cancelResult = { at: earliest, earliest, outcome: 'cancelled' };
  }
  return sendCallback(ctx, order, DETAIL.refillFailed);
}

function applyCancelResult(ctx: SimulatorContext, order: SimOrder, at: number): Promise<unknown> | null {
  const outcome = order.cancelResult?.outcome;
  order.cancelResult = null;
  order.cancelRequestedAt = null;
  if (outcome === 'refused') {
    order.reversalRefused = true;
    return sendCallback(ctx, order, DETAIL.cancelRefused);
  }
  order.phase = 'cancelled';
  ctx.account.balance = ctx.account.balance.plus(order.charge);
  ctx.ledger.push({ kind: 'refund', orderRef: order.id, amount: thb(order.charge), at });
  return sendCallback(ctx, order, DETAIL.cancelled);
}

/** POSTs the order's result to the configured callback URL, if any. */
function sendCallback(ctx: SimulatorContext, order: SimOrder, detail: string): Promise<unknown> | null {
  if (ctx.callbackUrl === null) return null;
  return postCallback(ctx.callbacks, ctx.callbackUrl, {
    orderid: order.id,
    status_refill: statusRefill(order),
    status_cancel: statusCancel(order),
    realamount: thb(order.charge),
    detail,
  });
}

/**
 * `mobile=return`: takes a cancel request. A refill still pending is stopped and its cancel result (refund) comes
 * one minute later; a failed one is refunded one minute after the request (or as already scheduled); a
 * successful one is reversed (or refused) after the configured 6–24 h. A repeated request is taken again
 * without a second effect.
 */
export function requestReturn(ctx: SimulatorContext, order: SimOrder): void {
  if (order.phase === 'cancelled') throw new TopupRefusal(DETAIL.alreadyCancelled);
  const now = ctx.now();
  if (order.cancelResult) {
    order.cancelRequestedAt ??= now;
    return;
  }
  if (order.phase === 'success') {
    if (order.reversalRefused) throw new TopupRefusal(DETAIL.cannotCancel);
    const { delayMs, outcome } = ctx.behaviour.reversal;
    order.cancelRequestedAt = now;
    order.cancelResult = { at: now + delayMs, earliest: now + REVERSAL_MIN_MS, outcome };
    return;
  }
  // pending (the refill is stopped before it reaches the operator) or failed: refunded after one minute.
  order.refillResult = null;
  order.cancelRequestedAt = now;
  order.cancelResult = { at: now + FAILED_CANCEL_MIN_MS, earliest: now + FAILED_CANCEL_MIN_MS, outcome: 'cancelled' };
}

/** Control: the refill's result, applied now, or at 10 s after the refill when that is later. */
export async function completeRefill(ctx: SimulatorContext, order: SimOrder, outcome: RefillOutcome): Promise<void> {
  if (outcome !== 'success' && outcome !== 'fail') throw new RangeError(`outcome must be 'success' or 'fail', got ${String(outcome)}`);
  if (order.phase !== 'pending') throw new Error(`easysoft order ${order.id} is ${order.phase}: its refill result is already out`);
  if (order.cancelResult) throw new Error(`easysoft order ${order.id} was returned before its result: it will be cancelled`);
  const earliest = order.createdAt + REFILL_RESULT_MIN_MS;
  order.refillResult = { at: Math.max(ctx.now(), earliest), earliest, outcome };
  await processDue(ctx);
}

/** Control: the result of an outstanding cancel, applied now or at its documented earliest time. */
export async function completeCancel(ctx: SimulatorContext, order: SimOrder, outcome: ReversalOutcome): Promise<void> {
  if (outcome !== 'cancelled' && outcome !== 'refused') throw new RangeError(`outcome must be 'cancelled' or 'refused', got ${String(outcome)}`);
  const scheduled = order.cancelResult;
  if (!scheduled) throw new Error(`easysoft order ${order.id} has no cancel outstanding`);
  if (outcome === 'refused' && order.phase !== 'success') throw new Error(`only the cancel of a successful refill can be refused (order ${order.id} is ${order.phase})`);
  order.cancelResult = { at: Math.max(ctx.now(), scheduled.earliest), earliest: scheduled.earliest, outcome };
  await processDue(ctx);
}
