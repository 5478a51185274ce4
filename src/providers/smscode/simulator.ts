import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LedgerEntry, ProviderSimulator, SimulatorDelivery, SimulatorFault } from '../shared/simulator-contract.ts';
import { SimulatorBase } from '../shared/simulator-kit/simulator-base.ts';
import { Catalog } from './simulator/catalog.ts';
import { SEED_CATALOG, SEED_COUNTRIES, SEED_PLATFORMS } from './simulator/catalog-seed.ts';
import { openAccount } from './simulator/context.ts';
import type { Account, SimulatorContext } from './simulator/context.ts';
import { createFaultQueue } from './simulator/faults.ts';
import type { QueuedFault } from './simulator/faults.ts';
import { dispatch } from './simulator/http-dispatch.ts';
import { assertIdr } from './simulator/money-projection.ts';
import { ProviderHistory } from './simulator/offer-routing.ts';
import { expireDueOrders, receiveOtp } from './simulator/order-lifecycle.ts';
import { otpMessage, randomOtp } from './simulator/otp-messages.ts';
import type {
  RateLimitGroup,
  SmscodeAttemptResult,
  SmscodeFault,
  SmscodeOrderStatus,
  SmscodeRequestRecord,
  SmscodeWebhookDelivery,
} from './simulator/public-types.ts';
import { DEFAULT_RATE_LIMITS } from './simulator/rate-limits.ts';
import { WebhookDispatcher } from './simulator/webhooks.ts';

export type {
  RateLimitGroup,
  SmscodeAttemptResult,
  SmscodeEndpoint,
  SmscodeFault,
  SmscodeOrderStatus,
  SmscodeRequestRecord,
  SmscodeWebhookDelivery,
  SmscodeWebhookEvent,
} from './simulator/public-types.ts';
export { DEFAULT_RATE_LIMITS } from './simulator/rate-limits.ts';
export { signWebhookBody } from './simulator/webhooks.ts';

/** How a sandbox smscode.gg is set up. */
export interface SmscodeSimulatorOptions {
  /** Accepted Bearer tokens (default `['sandbox-token']`); each token is one account. */
  apiTokens?: string[];
  /** IDR integer balance each account starts with (default 500000). */
  initialBalance?: number;
  /** Integer IDR per 1 USD (default 16250); null = no rate (v2 money endpoints 503, v1 exchange-rate 404). */
  usdIdrRate?: number | null;
  /** Deliver an OTP to every new ACTIVE order after a random real-time delay (default off). */
  autoOtp?: { minDelayMs: number; maxDelayMs: number } | null;
  /** Per-60s limits overriding the document's table. */
  rateLimits?: Partial<Record<RateLimitGroup, number>>;
  /** Let http:// loopback webhook URLs through (the document demands HTTPS). */
  allowInsecureWebhookUrls?: boolean;
  /** Base clock; the simulator adds its own offset for advanceClock(). */
  now?: () => number;
  /** First order id minus one (default 1000); a restarted sandbox passes a fresh range so ids never repeat across runs. */
  firstOrderId?: number;
}

/**
 * A running (or startable) sandbox smscode.gg speaking the document's v1 and v2 wire protocol over real HTTP,
 * usable as any provider simulator (shared contract) plus smscode's own controls.
 */
export interface SmscodeSimulator extends ProviderSimulator {
  /** Listens on 127.0.0.1 (port 0 by default); resolves the v1 base URL (v2 is served at …/v2). */
  start(port?: number): Promise<string>;
  /** Closes the server and clears every timer. */
  stop(): Promise<void>;
  /** The v1 base URL, once started. */
  readonly baseUrl: string;
  /** Simulator clock, ms since epoch. */
  now(): number;
  /** Moves the clock forward and processes expiries (refunds, webhooks) before resolving. */
  advanceClock(ms: number): Promise<void>;
  /** An SMS arrives for the order (random code and realistic text when omitted); resolves once order.otp_received was sent. */
  deliverOtp(orderId: number, code?: string, message?: string): Promise<void>;
  /** An account's IDR balance (default: the first token). */
  balanceOf(token?: string): number;
  /** Sets an account's IDR balance (default: the first token). */
  setBalance(amount: number, token?: string): void;
  /** Sets (or removes, with null) the USD/IDR rate; `asOf` defaults to the simulator clock, null = unrecorded. */
  setExchangeRate(rate: number | null, asOf?: Date | null): void;
  /** Queues a fault for the next request to its endpoint (a SmscodeEndpoint name); `status` is the older spelling of `error`. */
  injectFault(fault: SmscodeFault | SimulatorFault): void;
  /** Drops every queued fault. */
  clearFaults(): void;
  /** Every request received, in arrival order. */
  readonly requests: ReadonlyArray<SmscodeRequestRecord>;
  /** Every charge (order opened) and refund (cancel, expiry), IDR integers as decimal strings, orderRef = order id. */
  readonly ledger: ReadonlyArray<LedgerEntry>;
  /** Every webhook POST sent, with its raw body and the headers sent (X-Webhook-Signature among them). */
  readonly deliveries: ReadonlyArray<SimulatorDelivery>;
  /** The same webhook POSTs in smscode's own shape: event and signature as fields. */
  readonly webhookDeliveries: ReadonlyArray<SmscodeWebhookDelivery>;
  /** Orders that exist upstream: of one account, or of all accounts when no token is given. */
  orderCount(token?: string): number;
  /** Status of an order, if it exists. */
  orderStatus(orderId: number): SmscodeOrderStatus | undefined;
  /** Resolves once every webhook POST sent so far has been answered or has failed. */
  settleDeliveries(): Promise<void>;
  /** Same as settleDeliveries(). */
  settleWebhooks(): Promise<void>;
  /** Sets an offer's stock (`available`). */
  setStock(productId: number, available: number): void;
  /** The provider changes price tier: the offer gets a new product id (returned); its catalog_product_id stays. */
  repriceOffer(productId: number, price: number): number;
  /** The next `count` purchase attempts on this offer fail upstream with `result` (PROVIDER_ERROR or fallback). */
  injectUpstreamFailure(productId: number, result: Exclude<SmscodeAttemptResult, 'ok'>, count?: number): void;
  /** Adds past orders to a provider's record for best_success scoring (`at` defaults to 24 h ago). */
  recordProviderHistory(provider: string, orders: number, otpReceived: number, at?: Date): void;
}

const DEFAULT_TOKEN = 'sandbox-token';
const EXPIRY_SWEEP_MS = 1000;

/** Creates a sandbox smscode.gg; call start() to serve it. */
export function createSmscodeSimulator(options: SmscodeSimulatorOptions = {}): SmscodeSimulator {
  return new SmscodeSandbox(options);
}

class SmscodeSandbox extends SimulatorBase<SmscodeFault | SimulatorFault, QueuedFault, SmscodeRequestRecord> implements SmscodeSimulator {
  readonly #ctx: SimulatorContext;
  readonly #defaultToken: string;

  constructor(options: SmscodeSimulatorOptions) {
    const webhooks = new WebhookDispatcher();
    // Expiries also happen when nobody calls: refunds and order.expired webhooks must not wait for the next request.
    super({ name: 'smscode', basePath: '/v1', faults: createFaultQueue(), now: options.now, pushes: webhooks.sender, sweepMs: EXPIRY_SWEEP_MS });
    const tokens = options.apiTokens ?? [DEFAULT_TOKEN];
    if (tokens.length === 0) throw new Error('apiTokens must hold at least one token');
    this.#defaultToken = tokens[0] ?? DEFAULT_TOKEN;
    const balance = options.initialBalance ?? 500_000;
    assertIdr(balance);
    const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
    for (const [group, limit] of Object.entries(limits)) {
      if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`rate limit for ${group} must be a positive integer`);
    }
    const autoOtp = options.autoOtp ?? null;
    if (autoOtp && !(autoOtp.minDelayMs >= 0 && autoOtp.maxDelayMs >= autoOtp.minDelayMs)) {
      throw new RangeError('autoOtp needs 0 <= minDelayMs <= maxDelayMs');
    }
    let lastOrderId = options.firstOrderId ?? 1000;
    this.#ctx = {
      catalog: new Catalog(SEED_COUNTRIES, SEED_PLATFORMS, SEED_CATALOG),
      history: new ProviderHistory(),
      accounts: new Map(tokens.map((t): [string, Account] => [t, openAccount(t, balance, limits)])),
      orders: new Map(),
      webhooks,
      fx: null,
      autoOtp,
      allowInsecureWebhookUrls: options.allowInsecureWebhookUrls ?? false,
      upstreamFailures: new Map(),
      timers: this.timers,
      ledger: [],
      now: () => this.now(),
      nextOrderId: () => ++lastOrderId,
    };
    const rate = options.usdIdrRate === undefined ? 16_250 : options.usdIdrRate;
    this.setExchangeRate(rate);
  }

  override get ledger(): ReadonlyArray<LedgerEntry> {
    return this.#ctx.ledger;
  }

  get webhookDeliveries(): ReadonlyArray<SmscodeWebhookDelivery> {
    return this.#ctx.webhooks.deliveries;
  }

  protected override handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    return dispatch(this.#ctx, this.faults, this.log, req, res);
  }

  protected override processDue(): Promise<void> {
    return expireDueOrders(this.#ctx);
  }

  async deliverOtp(orderId: number, code?: string, message?: string): Promise<void> {
    await expireDueOrders(this.#ctx);
    const order = this.#ctx.orders.get(orderId);
    if (!order) throw new Error(`unknown smscode order ${orderId}`);
    const platformCode = this.#ctx.catalog.platform(order.platformId)?.code ?? '';
    const otp = code === undefined ? randomOtp(platformCode) : { code, message: otpMessage(platformCode, code) };
    await receiveOtp(this.#ctx, order, otp.code, message ?? otp.message);
  }

  balanceOf(token?: string): number {
    return this.#account(token).balance;
  }

  setBalance(amount: number, token?: string): void {
    assertIdr(amount);
    this.#account(token).balance = amount;
  }

  setExchangeRate(rate: number | null, asOf?: Date | null): void {
    if (rate === null) {
      this.#ctx.fx = null;
      return;
    }
    if (!Number.isSafeInteger(rate) || rate <= 0) throw new RangeError('usdIdrRate must be a positive integer (IDR per 1 USD)');
    this.#ctx.fx = { rate, asOf: asOf === undefined ? this.now() : asOf === null ? null : asOf.getTime() };
  }

  orderCount(token?: string): number {
    return token === undefined ? this.#ctx.orders.size : this.#account(token).orders.size;
  }

  orderStatus(orderId: number): SmscodeOrderStatus | undefined {
    return this.#ctx.orders.get(orderId)?.status;
  }

  settleWebhooks(): Promise<void> {
    return this.settleDeliveries();
  }

  setStock(productId: number, available: number): void {
    this.#ctx.catalog.setStock(productId, available);
  }

  repriceOffer(productId: number, price: number): number {
    return this.#ctx.catalog.reprice(productId, price);
  }

  injectUpstreamFailure(productId: number, result: Exclude<SmscodeAttemptResult, 'ok'>, count = 1): void {
    const queue = this.#ctx.upstreamFailures.get(productId) ?? [];
    for (let i = 0; i < count; i++) queue.push(result);
    this.#ctx.upstreamFailures.set(productId, queue);
  }

  recordProviderHistory(provider: string, orders: number, otpReceived: number, at?: Date): void {
    if (!(Number.isSafeInteger(orders) && Number.isSafeInteger(otpReceived) && otpReceived >= 0 && otpReceived <= orders)) {
      throw new RangeError('need 0 <= otpReceived <= orders');
    }
    const when = at?.getTime() ?? this.now() - 86_400_000;
    for (let i = 0; i < orders; i++) this.#ctx.history.record(provider, when, i < otpReceived);
  }

  #account(token: string | undefined): Account {
    const account = this.#ctx.accounts.get(token ?? this.#defaultToken);
    if (!account) throw new Error(`unknown smscode sandbox token ${token}`);
    return account;
  }
}
