import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LedgerEntry, ProviderSimulator, SimulatorDelivery, SimulatorRequest } from '../shared/simulator-contract.ts';
import type { NetworkId } from './wire.ts';
import { NETWORKS } from './wire.ts';
import { CallbackDispatcher } from './simulator/callbacks.ts';
import type { Behaviour, SimulatorContext } from './simulator/context.ts';
import { FaultQueue } from './simulator/faults.ts';
import { API_PATH, dispatch } from './simulator/http-dispatch.ts';
import { completeCancel, completeRefill, processDue } from './simulator/lifecycle.ts';
import { parseThb, thb } from './simulator/money.ts';
import { buildNetworks } from './simulator/networks.ts';
import type { NetworkOffer } from './simulator/networks.ts';
import { REFILL_RESULT_MIN_MS, REVERSAL_MAX_MS, REVERSAL_MIN_MS, snapshot } from './simulator/orders.ts';
import type { SimOrder } from './simulator/orders.ts';
import type { EasysoftEndpoint, EasysoftFault, EasysoftOrderStatus, RefillOutcome, ReversalOutcome } from './simulator/public-types.ts';
import { TimerSet } from './simulator/timers.ts';

export type {
  EasysoftEndpoint,
  EasysoftFault,
  EasysoftOrderPhase,
  EasysoftOrderStatus,
  RefillOutcome,
  ReversalOutcome,
} from './simulator/public-types.ts';
export type { NetworkOffer } from './simulator/networks.ts';
export { SEED_NETWORKS } from './simulator/networks.ts';
export { DETAIL } from './simulator/details.ts';
export { API_PATH } from './simulator/http-dispatch.ts';
export { FAILED_CANCEL_MIN_MS, REFILL_RESULT_MIN_MS, REVERSAL_MAX_MS, REVERSAL_MIN_MS } from './simulator/orders.ts';

/** How a sandbox easysoft TOPUP API is set up. */
export interface EasysoftSimulatorOptions {
  /** The one account's login (default username `sandbox`, password `sandbox-password`). */
  credentials?: { username: string; password: string };
  /** THB balance the account starts with, decimal text with at most 2 decimals (default `5000.00`). */
  initialBalance?: string;
  /** Per-network overrides of the seed (face values, discount percent, open/closed). */
  networks?: Partial<Record<NetworkId, Partial<NetworkOffer>>>;
  /** "URL ตอบกลับผลการเติมเงิน": where results are POSTed (default none; settable later with setCallbackUrl). */
  callbackUrl?: string | null;
  /**
   * Sandbox mode: every refill gets its result by itself `delayMs` after it was placed (simulator clock, which
   * runs in real time unless `now` is fixed), with `outcome` (default success). `delayMs` must be at least the
   * documented 10 s. Default null: results come only from completeRefill().
   */
  autoResult?: { delayMs: number; outcome?: RefillOutcome } | null;
  /**
   * What happens after a refill fails: `automatic` (default): it is cancelled and refunded one minute later by
   * itself; `onReturn`: only after a `mobile=return`, one minute after that request.
   */
  failedRefillCancel?: 'automatic' | 'onReturn';
  /** The cancel of a SUCCESSFUL refill: settled `delayMs` after the return (6–24 h, default 6 h) with `outcome` (default cancelled). */
  reversal?: { delayMs?: number; outcome?: ReversalOutcome };
  /** Base clock; the simulator adds its own offset for advanceClock(). */
  now?: () => number;
  /** ORDERIDs count up from this one plus one (default 100000); a restarted sandbox passes a fresh range. */
  firstOrderId?: number;
}

/** A running (or startable) sandbox easysoft TOPUP API V2 over real HTTP, plus the controls a test needs. */
export interface EasysoftSimulator extends ProviderSimulator {
  /** Listens on 127.0.0.1 (port 0 by default); resolves the full API URL, `http://127.0.0.1:<port>/topup/api/v2.php`. */
  start(port?: number): Promise<string>;
  /** The full API URL (every function is a form POST to it), once started. */
  readonly baseUrl: string;
  injectFault(fault: EasysoftFault): void;
  /** Settles a pending refill as the provider would (callback included): now, or 10 s after the refill if that is later. */
  completeRefill(orderid: string, outcome: RefillOutcome): Promise<void>;
  /** Settles an outstanding cancel (now, or at its documented earliest time); `refused` only for a successful refill. */
  completeCancel(orderid: string, outcome: ReversalOutcome): Promise<void>;
  /** Opens or closes a network (what `online=1` answers; a closed network refuses refills). */
  setNetworkOnline(network: NetworkId, online: boolean): void;
  /** The account's THB balance, decimal text with 2 decimals (`5000.00`). */
  balanceOf(): string;
  /** Sets the account's THB balance (decimal text, at most 2 decimals). */
  setBalance(thb: string): void;
  /** Sets (or clears, with null) the callback URL, as the dashboard setting does. */
  setCallbackUrl(url: string | null): void;
  /** A snapshot of an order, if it exists. */
  orderStatus(orderid: string): EasysoftOrderStatus | undefined;
  /** Orders placed so far. */
  orderCount(): number;
}

const DEFAULT_CREDENTIALS = { username: 'sandbox', password: 'sandbox-password' };
const SWEEP_MS = 1000;

/** Creates a sandbox easysoft TOPUP API; call start() to serve it. */
export function createEasysoftSimulator(options: EasysoftSimulatorOptions = {}): EasysoftSimulator {
  return new EasysoftSandbox(options);
}

class EasysoftSandbox implements EasysoftSimulator {
  readonly #ctx: SimulatorContext;
  readonly #faults = new FaultQueue();
  readonly #requests: SimulatorRequest[] = [];
  readonly #clock: () => number;
  #offsetMs = 0;
  #server: Server | null = null;
  #baseUrl = '';

  constructor(options: EasysoftSimulatorOptions) {
    const credentials = options.credentials ?? DEFAULT_CREDENTIALS;
    if (!credentials.username || !credentials.password) throw new RangeError('credentials need a username and a password');
    this.#clock = options.now ?? Date.now;
    let lastOrderId = options.firstOrderId ?? 100_000;
    if (!Number.isSafeInteger(lastOrderId) || lastOrderId < 0) throw new RangeError('firstOrderId must be a non-negative integer');
    this.#ctx = {
      credentials: { ...credentials },
      account: { balance: parseThb(options.initialBalance ?? '5000.00', 'initialBalance') },
      networks: buildNetworks(options.networks),
      orders: new Map(),
      byClientRef: new Map(),
      ledger: [],
      callbacks: new CallbackDispatcher(),
      callbackUrl: null,
      behaviour: behaviourOf(options),
      timers: new TimerSet(),
      now: () => this.now(),
      nextOrderId: () => String(++lastOrderId),
    };
    this.setCallbackUrl(options.callbackUrl ?? null);
  }

  get baseUrl(): string {
    return this.#baseUrl;
  }

  get requests(): ReadonlyArray<SimulatorRequest> {
    return this.#requests;
  }

  get ledger(): ReadonlyArray<LedgerEntry> {
    return this.#ctx.ledger;
  }

  get deliveries(): ReadonlyArray<SimulatorDelivery> {
    return this.#ctx.callbacks.deliveries;
  }

  async start(port = 0): Promise<string> {
    if (this.#server) return this.#baseUrl;
    const server = createServer((req, res) => {
      dispatch(this.#ctx, this.#faults, this.#requests, req, res).catch((error: unknown) => {
        console.error('[easysoft simulator] request failed', error);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.#server = server;
    this.#baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${API_PATH}`;
    // Results that became due on a running clock go out even when nobody calls (callbacks, refunds).
    this.#ctx.timers.every(SWEEP_MS, () => void processDue(this.#ctx));
    return this.#baseUrl;
  }

  async stop(): Promise<void> {
    this.#ctx.timers.clear();
    this.#ctx.callbacks.abortAll();
    const server = this.#server;
    this.#server = null;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  now(): number {
    return this.#clock() + this.#offsetMs;
  }

  async advanceClock(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advanceClock needs a non-negative number of ms');
    this.#offsetMs += ms;
    await processDue(this.#ctx);
  }

  injectFault(fault: EasysoftFault): void {
    this.#faults.add(fault);
  }

  clearFaults(): void {
    this.#faults.clear();
  }

  settleDeliveries(): Promise<void> {
    return this.#ctx.callbacks.settled();
  }

  completeRefill(orderid: string, outcome: RefillOutcome): Promise<void> {
    return completeRefill(this.#ctx, this.#order(orderid), outcome);
  }

  completeCancel(orderid: string, outcome: ReversalOutcome): Promise<void> {
    return completeCancel(this.#ctx, this.#order(orderid), outcome);
  }

  setNetworkOnline(network: NetworkId, online: boolean): void {
    const offer = this.#ctx.networks.get(network);
    if (!offer) throw new RangeError(`unknown easysoft network ${String(network)} (1..7: ${Object.values(NETWORKS).join(', ')})`);
    offer.online = online;
  }

  balanceOf(): string {
    return thb(this.#ctx.account.balance);
  }

  setBalance(amount: string): void {
    this.#ctx.account.balance = parseThb(amount, 'balance');
  }

  setCallbackUrl(url: string | null): void {
    if (url !== null) {
      const parsed = URL.canParse(url) ? new URL(url) : null;
      if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) throw new RangeError(`callbackUrl must be an http(s) URL, got ${url}`);
    }
    this.#ctx.callbackUrl = url;
  }

  orderStatus(orderid: string): EasysoftOrderStatus | undefined {
    const order = this.#ctx.orders.get(orderid);
    return order && snapshot(order);
  }

  orderCount(): number {
    return this.#ctx.orders.size;
  }

  #order(orderid: string): SimOrder {
    const order = this.#ctx.orders.get(orderid);
    if (!order) throw new Error(`unknown easysoft order ${orderid}`);
    return order;
  }
}

function behaviourOf(options: EasysoftSimulatorOptions): Behaviour {
  const auto = options.autoResult ?? null;
  if (auto && !(Number.isFinite(auto.delayMs) && auto.delayMs >= REFILL_RESULT_MIN_MS)) {
    throw new RangeError(`autoResult.delayMs must be at least ${REFILL_RESULT_MIN_MS} ms (the document's earliest result)`);
  }
  const failedRefillCancel = options.failedRefillCancel ?? 'automatic';
  if (failedRefillCancel !== 'automatic' && failedRefillCancel !== 'onReturn') throw new RangeError('failedRefillCancel must be automatic or onReturn');
  const reversalDelay = options.reversal?.delayMs ?? REVERSAL_MIN_MS;
  if (!(reversalDelay >= REVERSAL_MIN_MS && reversalDelay <= REVERSAL_MAX_MS)) throw new RangeError('reversal.delayMs must be between 6 h and 24 h');
  return {
    autoResult: auto && { delayMs: auto.delayMs, outcome: auto.outcome ?? 'success' },
    failedRefillCancel,
    reversal: { delayMs: reversalDelay, outcome: options.reversal?.outcome ?? 'cancelled' },
  };
}
