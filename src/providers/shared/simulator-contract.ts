/**
 * What every provider simulator offers the sandbox, the tests and the fault suite, whatever wire
 * protocol it speaks (docs/architecture.md, "Simulators").
 */

/** A scripted misbehaviour of the next request to one endpoint; consumed in injection order. */
export type SimulatorFault =
  /** Answer with this HTTP status and the provider's own error shape for `code`, doing no work. */
  | { endpoint: string; kind: 'error'; status: number; code: string; message?: string; retryAfterSeconds?: number }
  /** Destroy the socket before doing any work (nothing happened upstream). */
  | { endpoint: string; kind: 'dropBeforeCommit' }
  /** Do the work (create + charge), then destroy the socket without answering. */
  | { endpoint: string; kind: 'dropAfterCommit' }
  /** Do the work, then answer with a truncated, unparseable body (HTTP 200). */
  | { endpoint: string; kind: 'malformedAfterCommit' }
  /** Do the work, answer after `ms` real milliseconds. */
  | { endpoint: string; kind: 'delay'; ms: number };

/** One request the simulator received (`status` 0 when the socket was dropped without an answer). */
export interface SimulatorRequest {
  readonly endpoint: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Simulator clock, ms since epoch. */
  readonly at: number;
}

/** One money movement on the provider's books, in its own currency, as a decimal string. */
export interface LedgerEntry {
  readonly kind: 'charge' | 'refund';
  /** The provider's own order id. */
  readonly orderRef: string;
  readonly amount: string;
  readonly at: number;
}

/** One push the simulator sent (webhook/callback), with its exact raw body. */
export interface SimulatorDelivery {
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  /** HTTP status of the answer; null until answered or when the POST failed. */
  status: number | null;
}

export interface ProviderSimulator {
  /** Listens on 127.0.0.1 (port 0 by default); resolves the base URL the provider's document names. */
  start(port?: number): Promise<string>;
  /** Closes the server and clears every timer. */
  stop(): Promise<void>;
  readonly baseUrl: string;
  /** Simulator clock, ms since epoch. */
  now(): number;
  /** Moves the clock forward and processes whatever became due (expiries, refunds, results, pushes). */
  advanceClock(ms: number): Promise<void>;
  injectFault(fault: SimulatorFault): void;
  clearFaults(): void;
  /** Every request received, in arrival order. */
  readonly requests: ReadonlyArray<SimulatorRequest>;
  /** Every charge and refund, in order: the fault suite compares it with the gateway's order book. */
  readonly ledger: ReadonlyArray<LedgerEntry>;
  /** Every push sent, for providers that push. */
  readonly deliveries: ReadonlyArray<SimulatorDelivery>;
  /** Resolves once every push sent so far has been answered or has failed. */
  settleDeliveries(): Promise<void>;
}
