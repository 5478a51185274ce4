import type { LedgerEntry } from '../../shared/simulator-contract.ts';
import type { TimerSet } from '../../shared/simulator-kit/timers.ts';
import type { Catalog } from './catalog.ts';
import { IdempotencyStore } from './idempotency.ts';
import type { FxQuote } from './money-projection.ts';
import type { ProviderHistory } from './offer-routing.ts';
import type { SimOrder } from './orders.ts';
import type { RateLimitGroup, SmscodeAttemptResult } from './public-types.ts';
import { RateLimiter } from './rate-limits.ts';
import type { WebhookDispatcher } from './webhooks.ts';

/** One API token's account: its own balance, orders, webhook config, idempotency keys and rate-limit counters. */
export interface Account {
  token: string;
  balance: number;
  orders: Map<number, SimOrder>;
  webhook: { url: string | null; secret: string | null };
  idempotency: IdempotencyStore;
  rateLimiter: RateLimiter;
}

/** Creates an empty account. */
export function openAccount(token: string, balance: number, limits: Readonly<Record<RateLimitGroup, number>>): Account {
  return {
    token,
    balance,
    orders: new Map(),
    webhook: { url: null, secret: null },
    idempotency: new IdempotencyStore(),
    rateLimiter: new RateLimiter(limits),
  };
}

/** Books one money movement of an order (its IDR amount) on the simulator clock. */
export function book(ctx: SimulatorContext, kind: LedgerEntry['kind'], order: { id: number; amount: number }): void {
  ctx.ledger.push({ kind, orderRef: String(order.id), amount: String(order.amount), at: ctx.now() });
}

/** Everything the endpoints and the order lifecycle share. */
export interface SimulatorContext {
  catalog: Catalog;
  history: ProviderHistory;
  accounts: Map<string, Account>;
  /** Every order of every account, by id (ids are global, as upstream). */
  orders: Map<number, SimOrder>;
  webhooks: WebhookDispatcher;
  fx: FxQuote | null;
  autoOtp: { minDelayMs: number; maxDelayMs: number } | null;
  allowInsecureWebhookUrls: boolean;
  /** Scripted upstream outcomes per product id, consumed one per purchase attempt. */
  upstreamFailures: Map<number, SmscodeAttemptResult[]>;
  timers: TimerSet;
  /** Every charge and refund, in order, IDR integers as decimal strings. */
  ledger: LedgerEntry[];
  now(): number;
  nextOrderId(): number;
}
