import type { Decimal } from 'decimal.js';
import type { LedgerEntry } from '../../shared/simulator-contract.ts';
import type { PushSender } from '../../shared/simulator-kit/push-sender.ts';
import type { TimerSet } from '../../shared/simulator-kit/timers.ts';
import type { NetworkId } from '../wire.ts';
import type { NetworkOffer } from './networks.ts';
import type { SimOrder } from './orders.ts';
import type { RefillOutcome, ReversalOutcome } from './public-types.ts';

/** Sandbox behaviour a test or the sandbox app chooses. */
export interface Behaviour {
  /** Results arrive by themselves `delayMs` after the refill (simulator clock), or only through completeRefill. */
  autoResult: { delayMs: number; outcome: RefillOutcome } | null;
  /** A failed refill is cancelled (refunded) by itself one minute after the failure, or only after a `mobile=return`. */
  failedRefillCancel: 'automatic' | 'onReturn';
  /** The cancel of a successful refill: settled `delayMs` after the return (6–24 h), with this outcome. */
  reversal: { delayMs: number; outcome: ReversalOutcome };
}

/** Everything the functions and the order lifecycle share. */
export interface SimulatorContext {
  readonly credentials: { readonly username: string; readonly password: string };
  account: { balance: Decimal };
  readonly networks: Map<NetworkId, NetworkOffer>;
  /** Every order by ORDERID. */
  readonly orders: Map<string, SimOrder>;
  /** Orders placed with a caller `orderid`, by that reference. */
  readonly byClientRef: Map<string, SimOrder>;
  readonly ledger: LedgerEntry[];
  /** Sends (and records) the result callbacks. */
  readonly callbacks: PushSender;
  /** "URL ตอบกลับผลการเติมเงิน"; null = not set (no callbacks). */
  callbackUrl: string | null;
  readonly behaviour: Behaviour;
  readonly timers: TimerSet;
  now(): number;
  nextOrderId(): string;
}
