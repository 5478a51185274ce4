import type { LedgerEntry } from '../../shared/simulator-contract.ts';
import type { PushSender } from '../../shared/simulator-kit/push-sender.ts';
import type { TimerSet } from '../../shared/simulator-kit/timers.ts';
import type { ThbAmount } from './money.ts';
import type { P2wOrderStatus, P2wPackage } from './public-types.ts';

/** One vendor account at P2W: its credentials, THB balance and orders by refID (refID is unique per partner). */
export interface Partner {
  readonly partnerId: string;
  readonly secret: string;
  balance: ThbAmount;
  readonly ordersByRef: Map<string, SimOrder>;
}

/** When a sandbox order moves on by itself (simulator clock), and how it ends. */
export interface AutoPlan {
  processingAt: number;
  completeAt: number;
  outcome: 'succeeded' | 'failed';
  reason: string;
}

/** One top-up order as the simulator keeps it. */
export interface SimOrder {
  readonly orderID: string;
  readonly partnerId: string;
  readonly refID: string;
  readonly packageID: string;
  /** Echoed exactly as sent, extra keys included. */
  readonly topupInfo: Readonly<Record<string, string>>;
  readonly hookURL: string | null;
  readonly price: ThbAmount;
  readonly createdAt: number;
  status: P2wOrderStatus;
  /** "" unless the order failed. */
  reason: string;
  refunded: boolean;
  auto: AutoPlan | null;
}

/** Everything the endpoints and the order lifecycle share. */
export interface SimulatorContext {
  readonly partners: Map<string, Partner>;
  /** Every order of every partner, by P2W orderID. */
  readonly orders: Map<string, SimOrder>;
  readonly packages: ReadonlyMap<string, P2wPackage & { readonly amount: ThbAmount }>;
  readonly ledger: LedgerEntry[];
  /** Sends (and records) the order callbacks. */
  readonly webhooks: PushSender;
  readonly autoComplete: { delayMs: number; outcome: 'succeeded' | 'failed'; reason: string } | null;
  /** Add an `x-signature` (HMAC of the body with the partner secret) to webhooks; the document shows none. */
  readonly signWebhooks: boolean;
  /** How a successful order's status is written in GET answers and webhooks. */
  readonly successWord: 'successed' | 'succeeded';
  readonly timers: TimerSet;
  now(): number;
  nextOrderId(): string;
}
