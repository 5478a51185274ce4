import { randomInt } from 'node:crypto';
import { Decimal } from 'decimal.js';
import type { Account } from './accounts.ts';
import { ApiError } from './api-errors.ts';
import type { SimulatorContext } from './context.ts';
import { thbText } from './money.ts';
import { CANCEL_DENIED_MS, ORDER_LIFETIME_MS } from './orders.ts';
import type { SimOrder } from './orders.ts';
import { mobileNumber, randomOtp } from './phone-numbers.ts';

/** Appends a money movement to the ledger. */
function book(ctx: SimulatorContext, kind: 'charge' | 'refund', order: SimOrder, at = ctx.now()): void {
  ctx.ledger.push({ kind, orderRef: String(order.orderId), amount: thbText(order.price), at });
}

/**
 * buy.php: checks in the order a reseller would (service, balance, then the upstream call), takes a number and
 * charges the wallet at once. No idempotency: every successful call is a new order and a new charge.
 */
export function buyNumber(ctx: SimulatorContext, account: Account, service: string, country: number): SimOrder {
  const offer = ctx.catalog.offer(service, country);
  const countryInfo = ctx.catalog.country(country);
  if (!offer || !countryInfo) throw new ApiError('SERVICE_NOT_FOUND');
  if (account.balance.lessThan(offer.price)) throw new ApiError('INSUFFICIENT_BALANCE');
  if (ctx.upstreamFailures > 0) {
    ctx.upstreamFailures -= 1;
    throw new ApiError('PROVIDER_ERROR');
  }
  // The upstream has no number left (sms-activate NO_NUMBERS): the reseller reports its upstream's problem.
  if (offer.stock <= 0) throw new ApiError('PROVIDER_ERROR', 'provider ปลายทางมีปัญหา: ไม่มีเบอร์ว่าง (NO_NUMBERS)');
  offer.stock -= 1;
  const now = ctx.now();
  const order: SimOrder = {
    orderId: ctx.nextOrderId(),
    activationId: ctx.nextActivationId(),
    apiKey: account.apiKey,
    phone: mobileNumber(countryInfo.iso, countryInfo.dialCode),
    service,
    country,
    price: new Decimal(offer.price),
    status: 'waiting',
    otpCode: '',
    createdAt: now,
    expiresAt: now + ORDER_LIFETIME_MS,
    completed: false,
    endedAt: null,
  };
  account.balance = account.balance.minus(order.price);
  account.orderIds.push(order.orderId);
  ctx.orders.set(order.orderId, order);
  book(ctx, 'charge', order);
  scheduleAutoOtp(ctx, order);
  return order;
}

/** cancel.php: only a waiting order, only once 2 minutes have passed since the purchase; refunds its price. */
export function cancelOrder(ctx: SimulatorContext, order: SimOrder): Decimal {
  if (order.status !== 'waiting') {
    throw new ApiError('INVALID_ORDER_STATUS', `ยกเลิกไม่ได้: ออเดอร์อยู่ในสถานะ ${order.status}`);
  }
  if (ctx.now() - order.createdAt < CANCEL_DENIED_MS) throw new ApiError('EARLY_CANCEL_DENIED');
  order.status = 'cancel';
  order.endedAt = ctx.now();
  refund(ctx, order);
  return order.price;
}

/** complete.php: confirms a received OTP was used; repeating it is harmless, without an OTP it is refused. */
export function completeOrder(order: SimOrder): void {
  if (order.status !== 'success') {
    throw new ApiError('INVALID_ORDER_STATUS', `ยืนยันไม่ได้: ออเดอร์อยู่ในสถานะ ${order.status}`);
  }
  order.completed = true;
}

/** An SMS arrives: a waiting order becomes success; a later SMS on a success order (not completed) replaces the code. */
export function receiveOtp(ctx: SimulatorContext, order: SimOrder, code: string): void {
  if (!(order.status === 'waiting' || (order.status === 'success' && !order.completed))) {
    throw new Error(`order ${order.orderId} is ${order.status}${order.completed ? ' (completed)' : ''}: it can no longer receive an SMS`);
  }
  if (order.status === 'waiting') order.endedAt = ctx.now();
  order.status = 'success';
  order.otpCode = code;
}

/** Waiting orders past their 20-minute lifetime time out and are refunded; success orders keep their charge. */
export function expireDueOrders(ctx: SimulatorContext): void {
  const now = ctx.now();
  const due = [...ctx.orders.values()].filter((o) => o.status === 'waiting' && o.expiresAt <= now);
  due.sort((a, b) => a.expiresAt - b.expiresAt || a.orderId - b.orderId);
  for (const order of due) {
    order.status = 'timeout';
    order.endedAt = order.expiresAt;
    refund(ctx, order, order.expiresAt);
  }
}

function refund(ctx: SimulatorContext, order: SimOrder, at = ctx.now()): void {
  const account = ctx.accounts.get(order.apiKey);
  if (account) account.balance = account.balance.plus(order.price);
  book(ctx, 'refund', order, at);
}

/** Sandbox autoOtp: an SMS arrives after a random real-time delay, if the order is still waiting by then. */
function scheduleAutoOtp(ctx: SimulatorContext, order: SimOrder): void {
  const autoOtp = ctx.autoOtp;
  if (!autoOtp) return;
  const delay = randomInt(autoOtp.minDelayMs, autoOtp.maxDelayMs + 1);
  ctx.timers.after(delay, () => {
    expireDueOrders(ctx);
    if (order.status === 'waiting') receiveOtp(ctx, order, randomOtp(order.service));
  });
}
