import type { LedgerEntry } from '../../shared/simulator-contract.ts';
import type { Account } from './accounts.ts';
import type { Catalog } from './catalog.ts';
import type { SimOrder } from './orders.ts';
import type { Otp24hrErrorStatusMode } from './public-types.ts';
import type { TimerSet } from '../../shared/simulator-kit/timers.ts';

/** Everything the endpoints and the order lifecycle share. */
export interface SimulatorContext {
  catalog: Catalog;
  /** Accounts by API key. */
  accounts: Map<string, Account>;
  /** Every order of every key, by order id (ids are global, as upstream). */
  orders: Map<number, SimOrder>;
  ledger: LedgerEntry[];
  autoOtp: { minDelayMs: number; maxDelayMs: number } | null;
  errorStatusMode: Otp24hrErrorStatusMode;
  /** Scripted upstream failures: each buy that reaches the upstream consumes one and answers PROVIDER_ERROR. */
  upstreamFailures: number;
  timers: TimerSet;
  now(): number;
  nextOrderId(): number;
  nextActivationId(): number;
}
