import type { LedgerEntry } from '../../shared/simulator-contract.ts';
import type { Catalog } from './catalog.ts';
import { coinText } from './coins.ts';
import type { Coins } from './coins.ts';
import { ApiError } from './api-errors.ts';
import type { Order } from './orders.ts';
import { RateWindow } from './rate-limit.ts';
import type { TimerSet } from '../../shared/simulator-kit/timers.ts';

/** One API key's user: coins, standing, orders and rate window. */
export interface Account {
  readonly apiKey: string;
  coins: Coins;
  /** ACCOUNT_BANNED (403) on every request while true. */
  banned: boolean;
  /** An expired key is refused with 401 like an unknown one. */
  expired: boolean;
  readonly orderIds: Set<string>;
  readonly rate: RateWindow;
}

/** Opens an account with its own rate window. */
export function openAccount(apiKey: string, coins: Coins, rateLimitPerMinute: number): Account {
  return { apiKey, coins, banned: false, expired: false, orderIds: new Set(), rate: new RateWindow(rateLimitPerMinute) };
}

/** Social orders finishing on their own (real time, sandbox only). */
export interface AutoProgress {
  /** pending → processing after this many ms. */
  processingAfterMs: number;
  /** → completed this many ms after creation. */
  completedAfterMs: number;
}

/** Everything the endpoints and lifecycles share. */
export interface SimulatorContext {
  readonly catalog: Catalog;
  readonly accounts: Map<string, Account>;
  /** Every order of every kind and account, by id. */
  readonly orders: Map<string, Order>;
  readonly ledger: LedgerEntry[];
  readonly autoOtp: { minDelayMs: number; maxDelayMs: number } | null;
  readonly autoProgress: AutoProgress | null;
  readonly otpLifetimeMs: number;
  readonly timers: TimerSet;
  now(): number;
  nextOrderId(): string;
}

/** Takes `price` from the account (BAD_REQUEST when the coins do not cover it) and books the charge. */
export function charge(ctx: SimulatorContext, account: Account, orderId: string, price: Coins): void {
  if (account.coins.lessThan(price)) {
    throw new ApiError('BAD_REQUEST', `เหรียญไม่เพียงพอ (ต้องการ ${coinText(price)} คงเหลือ ${coinText(account.coins)})`);
  }
  account.coins = account.coins.minus(price);
  ctx.ledger.push({ kind: 'charge', orderRef: orderId, amount: coinText(price), at: ctx.now() });
}

/** Gives `amount` back to the order's owner and books the refund (nothing is booked for 0.00). */
export function refund(ctx: SimulatorContext, order: Order, amount: Coins): void {
  order.refundAmount = amount;
  if (amount.isZero()) return;
  const account = ctx.accounts.get(order.apiKey);
  if (account) account.coins = account.coins.plus(amount);
  ctx.ledger.push({ kind: 'refund', orderRef: order.id, amount: coinText(amount), at: ctx.now() });
}

/** Registers a new order under its account. */
export function addOrder(ctx: SimulatorContext, account: Account, order: Order): void {
  ctx.orders.set(order.id, order);
  account.orderIds.add(order.id);
}
