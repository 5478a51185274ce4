import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LedgerEntry, ProviderSimulator, SimulatorRequest } from '../shared/simulator-contract.ts';
import { SimulatorBase } from '../shared/simulator-kit/simulator-base.ts';
import type { NetworkId } from './wire.ts';
import { NETWORKS } from './wire.ts';
import { createCallbackSender } from './simulator/callbacks.ts';
import type { Behaviour, SimulatorContext } from './simulator/context.ts';
import { createFaultQueue } from './simulator/faults.ts';
import { API_PATH, dispatch } from './simulator/http-dispatch.ts';
import { completeCancel, completeRefill, processDue } from './simulator/lifecycle.ts';
import { parseThb, thb } from './simulator/money.ts';
import { buildNetworks } from './simulator/networks.ts';
import type { NetworkOffer } from './simulator/networks.ts';
import { REFILL_RESULT_MIN_MS, REVERSAL_MAX_MS, REVERSAL_MIN_MS, snapshot } from './simulator/orders.ts';
import type { SimOrder } from './simulator/orders.ts';
import type { EasysoftEndpoint, EasysoftFault, EasysoftOrderStatus, RefillOutcome, ReversalOutcome } from './simulator/public-types.ts';

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

class EasysoftSandbox extends SimulatorBase<EasysoftFault, EasysoftFault, SimulatorRequest> implements EasysoftSimulator {
  readonly #ctx: SimulatorContext;

  constructor(options: EasysoftSimulatorOptions) {
    const callbacks = createCallbackSender();
    // Results that became due on a running clock go out even when nobody calls (callbacks, refunds).
    super({ name: 'easysoft', basePath: API_PATH, faults: createFaultQueue(), now: options.now, pushes: callbacks, sweepMs: SWEEP_MS });
    const credentials = options.credentials ?? DEFAULT_CREDENTIALS;
    if (!credentials.username || !credentials.password) throw new RangeError('credentials need a username and a password');
    let lastOrderId = options.firstOrderId ?? 100_000;
    if (!Number.isSafeInteger(lastOrderId) || lastOrderId < 0) throw new RangeError('firstOrderId must be a non-negative integer');
    this.#ctx = {
      credentials: { ...credentials },
      account: { balance: parseThb(options.initialBalance ?? '5000.00', 'initialBalance') },
      networks: buildNetworks(options.networks),
      orders: new Map(),
      byClientRef: new Map(),
      ledger: [],
      callbacks,
      callbackUrl: null,
      behaviour: behaviourOf(options),
      timers: this.timers,
      now: () => this.now(),
      nextOrderId: () => String(++lastOrderId),
    };
    this.setCallbackUrl(options.callbackUrl ?? null);
  }

  override get ledger(): ReadonlyArray<LedgerEntry> {
    return this.#ctx.ledger;
  }

  protected override handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    return dispatch(this.#ctx, this.faults, this.log, req, res);
  }

  protected override processDue(): Promise<void> {
    return processDue(this.#ctx);
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
