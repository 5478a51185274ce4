import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LedgerEntry, ProviderSimulator, SimulatorDelivery } from '../shared/simulator-contract.ts';
import { SimulatorBase } from '../shared/simulator-kit/simulator-base.ts';
import { API_PREFIX } from './wire.ts';
import type { Partner, SimulatorContext, SimOrder } from './simulator/context.ts';
import { createFaultQueue } from './simulator/faults.ts';
import { dispatch } from './simulator/http-dispatch.ts';
import { parseThb, thbText } from './simulator/money.ts';
import { advance, DEFAULT_FAILURE_REASON, processDue } from './simulator/order-lifecycle.ts';
import { P2W_SANDBOX_PACKAGES } from './simulator/packages-seed.ts';
import type {
  P2wAdvanceStatus,
  P2wFault,
  P2wOrderSnapshot,
  P2wOrderStatus,
  P2wPackage,
  P2wRequestRecord,
} from './simulator/public-types.ts';
import { createWebhookSender } from './simulator/webhooks.ts';

export type {
  P2wAdvanceStatus,
  P2wEndpoint,
  P2wFault,
  P2wOrderSnapshot,
  P2wOrderStatus,
  P2wPackage,
  P2wRequestRecord,
} from './simulator/public-types.ts';
export { P2W_SANDBOX_PACKAGES } from './simulator/packages-seed.ts';
export { DEFAULT_FAILURE_REASON } from './simulator/order-lifecycle.ts';
export { WEBHOOK_TIMEOUT_MS } from './simulator/webhooks.ts';

/** Default `x-partner-id` of the sandbox. */
export const P2W_SANDBOX_PARTNER_ID = 'sandbox-partner';
/** Default partner secret of the sandbox (keys the `x-signature` HMAC). */
export const P2W_SANDBOX_SECRET = 'sandbox-p2w-secret';

/** Another vendor account on the same sandbox (e.g. to see FORBIDDEN for someone else's order). */
export interface P2wPartnerOptions {
  partnerId: string;
  secret: string;
  /** THB decimal string (default: the main partner's `initialBalance`). */
  balance?: string;
}

/** How a sandbox P2W is set up. */
export interface P2wSimulatorOptions {
  /** `x-partner-id` of the main vendor account (default `sandbox-partner`). */
  partnerId?: string;
  /** Secret of the main vendor account, keying `x-signature` (default `sandbox-p2w-secret`). */
  secret?: string;
  /** THB balance the main account starts with, a decimal string (default `"5000.00"`). */
  initialBalance?: string;
  /** More vendor accounts; each has its own balance, refIDs and orders. */
  extraPartners?: P2wPartnerOptions[];
  /** The packages on sale (P2W has no package list endpoint; default {@link P2W_SANDBOX_PACKAGES}). */
  packages?: readonly P2wPackage[];
  /**
   * Sandbox mode: every new order becomes `processing` after half of `delayMs` and ends with `outcome`
   * (default `succeeded`; `failed` carries `reason`) after `delayMs`, on the simulator clock. Real-time timers
   * wake the simulator when a step is due, and advanceClock() drives it in tests. Default null (orders wait
   * for advanceOrder()).
   */
  autoComplete?: { delayMs: number; outcome?: 'succeeded' | 'failed'; reason?: string } | null;
  /**
   * Add an `x-signature` header (lowercase hex HMAC-SHA256 of the raw body with the partner secret) to
   * webhooks. The document shows no signature on them, so the default is false: unsigned, as documented.
   */
  signWebhooks?: boolean;
  /**
   * How success is spelled in GET answers and webhooks. Default `successed`, as the GET example and the
   * callback payload show; `succeeded` (the status table's spelling) lets a test check the other reading.
   */
  successStatusSpelling?: 'successed' | 'succeeded';
  /** Base clock; the simulator adds its own offset for advanceClock(). */
  now?: () => number;
  /**
   * Number of the first order (default 100001); orderIDs are `P2W` + number. A restarted sandbox passes a
   * fresh range so orderIDs never repeat across runs.
   */
  firstOrderId?: number;
}

/** A running (or startable) sandbox P2W speaking the Orders API of the document over real HTTP. */
export interface P2wSimulator extends ProviderSimulator {
  /** Listens on 127.0.0.1 (port 0 by default); resolves `{API_PREFIX}`, `http://127.0.0.1:<port>/api/v1`. */
  start(port?: number): Promise<string>;
  /** `{API_PREFIX}` once started: POST `${baseUrl}/orders`, GET `${baseUrl}/orders/:id`. */
  readonly baseUrl: string;
  /** Every request received, in arrival order. */
  readonly requests: ReadonlyArray<P2wRequestRecord>;
  /** Every charge (create) and refund (failed order), in THB with 2 decimals. */
  readonly ledger: ReadonlyArray<LedgerEntry>;
  /** Every webhook POSTed to a hookURL, with its exact raw body and headers. */
  readonly deliveries: ReadonlyArray<SimulatorDelivery>;
  /** The packages on sale. */
  readonly packages: ReadonlyArray<P2wPackage>;
  /** Queues a fault for the next authenticated request to its endpoint (`createOrder` or `getOrder`). */
  injectFault(fault: P2wFault): void;
  /**
   * Moves an order on: `processing`, or a final `succeeded` / `failed` (refunds the price; `reason` defaults
   * to {@link DEFAULT_FAILURE_REASON}). A final status POSTs the callback to the order's hookURL (recorded in
   * `deliveries` before this resolves; settleDeliveries() waits for the answer). The document pushes only when
   * an order finishes, so `processing` sends nothing. Throws for an unknown order or a backward move.
   */
  advanceOrder(orderId: string, status: P2wAdvanceStatus, reason?: string): Promise<void>;
  /** A partner's THB balance, 2 decimals (default: the main partner). */
  balanceOf(partnerId?: string): string;
  /** Sets a partner's THB balance from a decimal string (default: the main partner). */
  setBalance(thb: string, partnerId?: string): void;
  /** The order's status (`succeeded` in the table's spelling), or undefined when no such order exists. */
  orderStatus(orderId: string): P2wOrderStatus | undefined;
  /** Orders that exist upstream: of one partner, or of all partners when none is given. */
  orderCount(partnerId?: string): number;
  /** The partner's order with this refID (default: the main partner), if any. */
  orderByRefId(refID: string, partnerId?: string): P2wOrderSnapshot | undefined;
  /** The order with this orderID, if any. */
  order(orderId: string): P2wOrderSnapshot | undefined;
}

/** Creates a sandbox P2W; call start() to serve it. */
export function createP2wSimulator(options: P2wSimulatorOptions = {}): P2wSimulator {
  return new P2wSandbox(options);
}

class P2wSandbox extends SimulatorBase<P2wFault, P2wFault, P2wRequestRecord> implements P2wSimulator {
  readonly #ctx: SimulatorContext;
  readonly #mainPartner: string;
  readonly #packages: readonly P2wPackage[];

  constructor(options: P2wSimulatorOptions) {
    const webhooks = createWebhookSender();
    // No sweep: each sandbox order wakes the simulator with its own timers when a step is due.
    super({ name: 'p2w', basePath: API_PREFIX, faults: createFaultQueue(), now: options.now, pushes: webhooks });
    this.#mainPartner = options.partnerId ?? P2W_SANDBOX_PARTNER_ID;
    const initialBalance = options.initialBalance ?? '5000.00';
    const partners = new Map<string, Partner>();
    for (const p of [
      { partnerId: this.#mainPartner, secret: options.secret ?? P2W_SANDBOX_SECRET, balance: initialBalance },
      ...(options.extraPartners ?? []),
    ]) {
      if (!p.partnerId || !p.secret) throw new RangeError('every partner needs a partnerId and a secret');
      if (partners.has(p.partnerId)) throw new RangeError(`duplicate partnerId ${p.partnerId}`);
      const balance = parseThb(p.balance ?? initialBalance, `balance of ${p.partnerId}`, { allowZero: true });
      partners.set(p.partnerId, { partnerId: p.partnerId, secret: p.secret, balance, ordersByRef: new Map() });
    }

    this.#packages = (options.packages ?? P2W_SANDBOX_PACKAGES).map((p) => Object.freeze({ ...p, fields: Object.freeze([...p.fields]) }));
    const packages = new Map<string, P2wPackage & { amount: ReturnType<typeof parseThb> }>();
    for (const p of this.#packages) {
      if (!p.id) throw new RangeError('a package needs an id');
      if (packages.has(p.id)) throw new RangeError(`duplicate package ${p.id}`);
      packages.set(p.id, { ...p, amount: parseThb(p.price, `price of ${p.id}`) });
    }

    const auto = options.autoComplete ?? null;
    if (auto && !(Number.isFinite(auto.delayMs) && auto.delayMs >= 0)) throw new RangeError('autoComplete.delayMs must be >= 0');
    if (auto?.outcome !== undefined && auto.outcome !== 'succeeded' && auto.outcome !== 'failed') {
      throw new RangeError('autoComplete.outcome must be succeeded or failed');
    }
    const firstOrderId = options.firstOrderId ?? 100_001;
    if (!Number.isSafeInteger(firstOrderId) || firstOrderId < 0) throw new RangeError('firstOrderId must be a non-negative integer');
    let nextNumber = firstOrderId;

    this.#ctx = {
      partners,
      orders: new Map(),
      packages,
      ledger: [],
      webhooks,
      autoComplete: auto
        ? { delayMs: auto.delayMs, outcome: auto.outcome ?? 'succeeded', reason: auto.reason ?? DEFAULT_FAILURE_REASON }
        : null,
      signWebhooks: options.signWebhooks ?? false,
      successWord: options.successStatusSpelling ?? 'successed',
      timers: this.timers,
      now: () => this.now(),
      nextOrderId: () => `P2W${nextNumber++}`,
    };
  }

  override get ledger(): ReadonlyArray<LedgerEntry> {
    return this.#ctx.ledger;
  }

  get packages(): ReadonlyArray<P2wPackage> {
    return this.#packages;
  }

  protected override handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    return dispatch(this.#ctx, this.faults, this.log, req, res);
  }

  protected override processDue(): void {
    processDue(this.#ctx);
  }

  async advanceOrder(orderId: string, status: P2wAdvanceStatus, reason?: string): Promise<void> {
    processDue(this.#ctx);
    const order = this.#ctx.orders.get(orderId);
    if (!order) throw new Error(`unknown P2W order ${orderId}`);
    advance(this.#ctx, order, status, reason);
  }

  balanceOf(partnerId?: string): string {
    return thbText(this.#partner(partnerId).balance);
  }

  setBalance(thb: string, partnerId?: string): void {
    this.#partner(partnerId).balance = parseThb(thb, 'balance', { allowZero: true });
  }

  orderStatus(orderId: string): P2wOrderStatus | undefined {
    return this.#ctx.orders.get(orderId)?.status;
  }

  orderCount(partnerId?: string): number {
    return partnerId === undefined ? this.#ctx.orders.size : this.#partner(partnerId).ordersByRef.size;
  }

  orderByRefId(refID: string, partnerId?: string): P2wOrderSnapshot | undefined {
    const order = this.#partner(partnerId).ordersByRef.get(refID);
    return order && snapshot(order);
  }

  order(orderId: string): P2wOrderSnapshot | undefined {
    const order = this.#ctx.orders.get(orderId);
    return order && snapshot(order);
  }

  #partner(partnerId: string | undefined): Partner {
    const partner = this.#ctx.partners.get(partnerId ?? this.#mainPartner);
    if (!partner) throw new Error(`unknown P2W sandbox partner ${partnerId}`);
    return partner;
  }
}

function snapshot(order: SimOrder): P2wOrderSnapshot {
  return {
    orderID: order.orderID,
    partnerId: order.partnerId,
    refID: order.refID,
    packageID: order.packageID,
    topupInfo: { ...order.topupInfo },
    hookURL: order.hookURL,
    status: order.status,
    price: thbText(order.price),
    reason: order.reason,
    createdAt: order.createdAt,
    refunded: order.refunded,
  };
}
