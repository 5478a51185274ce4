import type { LedgerEntry } from '../../shared/simulator-contract.ts';
import type { ThbAmount } from './money.ts';
import type { P2wOrderStatus, P2wPackage } from './public-types.ts';
import type { WebhookDispatcher } from './webhooks.ts';

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

/** Real-time timers the simulator owns: all unref()ed, all cleared on stop. */
export class TimerSet {
  readonly #timers = new Set<NodeJS.Timeout>();

  /** Runs `fn` once after `ms` of real time. */
  after(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      fn();
    }, ms);
    timer.unref();
    this.#timers.add(timer);
  }

  /** Cancels every pending timer. */
  clear(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}

/** Everything the endpoints and the order lifecycle share. */
export interface SimulatorContext {
  readonly partners: Map<string, Partner>;
  /** Every order of every partner, by P2W orderID. */
  readonly orders: Map<string, SimOrder>;
  readonly packages: ReadonlyMap<string, P2wPackage & { readonly amount: ThbAmount }>;
  readonly ledger: LedgerEntry[];
  readonly webhooks: WebhookDispatcher;
  readonly autoComplete: { delayMs: number; outcome: 'succeeded' | 'failed'; reason: string } | null;
  /** Add an `x-signature` (HMAC of the body with the partner secret) to webhooks; the document shows none. */
  readonly signWebhooks: boolean;
  /** How a successful order's status is written in GET answers and webhooks. */
  readonly successWord: 'successed' | 'succeeded';
  readonly timers: TimerSet;
  now(): number;
  nextOrderId(): string;
}
