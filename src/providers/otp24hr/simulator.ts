import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LedgerEntry, ProviderSimulator, SimulatorFault } from '../shared/simulator-contract.ts';
import { SimulatorBase } from '../shared/simulator-kit/simulator-base.ts';
import { openAccount } from './simulator/accounts.ts';
import type { Account } from './simulator/accounts.ts';
import { Catalog } from './simulator/catalog.ts';
import { SEED_COUNTRIES, SEED_OFFERS, SEED_SERVICES } from './simulator/catalog-seed.ts';
import type { SeedCountry, SeedOffer, SeedService } from './simulator/catalog-seed.ts';
import type { SimulatorContext } from './simulator/context.ts';
import { createFaultQueue } from './simulator/faults.ts';
import { dispatch } from './simulator/http-dispatch.ts';
import { parseThb, thbText } from './simulator/money.ts';
import { expireDueOrders, receiveOtp } from './simulator/order-lifecycle.ts';
import { randomOtp } from './simulator/phone-numbers.ts';
import type { Otp24hrErrorStatusMode, Otp24hrFault, Otp24hrOrderStatus, Otp24hrRequestRecord } from './simulator/public-types.ts';
import { BASE_PATH } from './simulator/routes.ts';

export type { SeedCountry, SeedOffer, SeedService } from './simulator/catalog-seed.ts';
export { SEED_COUNTRIES, SEED_OFFERS, SEED_SERVICES } from './simulator/catalog-seed.ts';
export { DOCUMENTED_ERRORS, SIMULATOR_ERRORS } from './simulator/api-errors.ts';
export type { DocumentedErrorCode, ErrorCode } from './simulator/api-errors.ts';
export { CANCEL_DENIED_MS, ORDER_LIFETIME_MIN, ORDER_LIFETIME_MS } from './simulator/orders.ts';
export { ORDERS_DEFAULT_LIMIT, ORDERS_MAX_LIMIT } from './simulator/endpoints.ts';
export { OTP24HR_ENDPOINTS } from './simulator/public-types.ts';
export type {
  Otp24hrEndpoint,
  Otp24hrErrorStatusMode,
  Otp24hrFault,
  Otp24hrOrderStatus,
  Otp24hrRequestRecord,
} from './simulator/public-types.ts';

/** The sandbox key accepted when `apiKeys` is not given. */
export const DEFAULT_OTP24HR_API_KEY = 'sandbox-otp24hr-key';

/** How a sandbox OTP24HR is set up. */
export interface Otp24hrSimulatorOptions {
  /** Accepted API keys (default `['sandbox-otp24hr-key']`); each key is one account with its own wallet and orders. */
  apiKeys?: string[];
  /** Keys that exist but answer API_KEY_DISABLED (they must also be in apiKeys). */
  disabledApiKeys?: string[];
  /** Per key, the client IPs allowed (IP_NOT_ALLOWED otherwise); a key not listed accepts any IP. */
  ipWhitelist?: Record<string, string[]>;
  /** THB each wallet starts with, as a decimal string with at most 2 decimals (default `'1500.00'`, the document's example). */
  initialBalanceThb?: string;
  /** Requests per key in any 60 s of simulator time before RATE_LIMIT (default 120; null = unlimited). The document gives no number. */
  rateLimitPerMinute?: number | null;
  /** HTTP status of `{ok:false}` answers (default `conventional`; the document names none). */
  errorStatus?: Otp24hrErrorStatusMode;
  /** An SMS arrives for every new order after a random real-time delay (sandbox realism; default off for deterministic tests). */
  autoOtp?: { minDelayMs: number; maxDelayMs: number } | null;
  /** Id of the first order (default 1672, the document's example); a restarted sandbox passes a fresh one so ids never repeat. */
  firstOrderId?: number;
  /** First upstream activation_id (default 290188155, the document's example). */
  firstActivationId?: number;
  /** Catalog overrides (default: the seed in simulator/catalog-seed.ts). */
  countries?: readonly SeedCountry[];
  services?: readonly SeedService[];
  offers?: readonly SeedOffer[];
  /** Base clock; the simulator adds its own offset for advanceClock(). */
  now?: () => number;
}

/** A sandbox OTP24HR Reseller API over real HTTP, plus controls for tests and the sandbox. */
export interface Otp24hrSimulator extends ProviderSimulator {
  /** Resolves `http://127.0.0.1:<port>/api/v1`, the document's base URL on loopback. */
  start(port?: number): Promise<string>;
  /** Queues a fault for the next request to one of the seven endpoints (unknown endpoint names throw). */
  injectFault(fault: Otp24hrFault | SimulatorFault): void;
  readonly requests: ReadonlyArray<Otp24hrRequestRecord>;
  /** An SMS arrives for the order (random code of the service's usual length when omitted); returns the code. */
  deliverOtp(orderId: number, code?: string): string;
  /** A wallet's balance as a 2-decimal THB string (default: the first key). */
  balanceOf(apiKey?: string): string;
  /** Sets a wallet's balance from a THB decimal string (default: the first key). */
  setBalance(thb: string, apiKey?: string): void;
  /** Sets the numbers in stock for a service in a country; 0 makes buy.php answer PROVIDER_ERROR (no numbers upstream). */
  setStock(service: string, country: number, count: number): void;
  /** Sets the price (THB decimal string, markup included) of a service in a country. */
  setPrice(service: string, country: number, priceThb: string): void;
  /** The next `count` buys that reach the upstream fail with PROVIDER_ERROR (no charge). */
  failNextBuys(count?: number): void;
  /** Enables or disables a key (API_KEY_DISABLED). */
  setApiKeyDisabled(apiKey: string, disabled: boolean): void;
  /** Restricts a key to these client IPs (null = any IP). */
  setIpWhitelist(apiKey: string, ips: string[] | null): void;
  /** Status of an order, if it exists (after processing due timeouts). */
  orderStatus(orderId: number): Otp24hrOrderStatus | undefined;
  /** Orders that exist upstream: of one key, or of all keys when none is given. */
  orderCount(apiKey?: string): number;
}

const EXPIRY_SWEEP_MS = 1000;

/** Creates a sandbox OTP24HR; call start() to serve it. */
export function createOtp24hrSimulator(options: Otp24hrSimulatorOptions = {}): Otp24hrSimulator {
  return new Otp24hrSandbox(options);
}

class Otp24hrSandbox extends SimulatorBase<Otp24hrFault | SimulatorFault, Otp24hrFault, Otp24hrRequestRecord> implements Otp24hrSimulator {
  readonly #ctx: SimulatorContext;
  readonly #defaultKey: string;

  constructor(options: Otp24hrSimulatorOptions) {
    super({
      name: 'otp24hr',
      basePath: BASE_PATH,
      faults: createFaultQueue(),
      now: options.now,
      // Timeouts (and their refunds) also happen when nobody calls.
      sweepMs: EXPIRY_SWEEP_MS,
      failureAnswer: {
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: '{"ok":false,"error":"INTERNAL_ERROR","message":"internal error"}',
      },
    });
    const keys = options.apiKeys ?? [DEFAULT_OTP24HR_API_KEY];
    if (keys.length === 0 || keys.some((k) => k.trim() === '' || k !== k.trim())) throw new Error('apiKeys must hold non-empty keys without surrounding spaces');
    this.#defaultKey = keys[0] ?? DEFAULT_OTP24HR_API_KEY;
    const balance = parseThb(options.initialBalanceThb ?? '1500.00', 'initialBalanceThb');
    const rateLimit = options.rateLimitPerMinute === undefined ? 120 : options.rateLimitPerMinute;
    if (rateLimit !== null && (!Number.isSafeInteger(rateLimit) || rateLimit < 1)) throw new RangeError('rateLimitPerMinute must be a positive integer or null');
    const autoOtp = options.autoOtp ?? null;
    if (autoOtp && !(Number.isSafeInteger(autoOtp.minDelayMs) && autoOtp.minDelayMs >= 0 && Number.isSafeInteger(autoOtp.maxDelayMs) && autoOtp.maxDelayMs >= autoOtp.minDelayMs)) {
      throw new RangeError('autoOtp needs integers 0 <= minDelayMs <= maxDelayMs');
    }
    let nextOrderId = positiveInt(options.firstOrderId ?? 1672, 'firstOrderId');
    let nextActivationId = positiveInt(options.firstActivationId ?? 290_188_155, 'firstActivationId');
    this.#ctx = {
      catalog: new Catalog(options.countries ?? SEED_COUNTRIES, options.services ?? SEED_SERVICES, options.offers ?? SEED_OFFERS),
      accounts: new Map(keys.map((k): [string, Account] => [k, openAccount(k, balance, rateLimit)])),
      orders: new Map(),
      ledger: [],
      autoOtp,
      errorStatusMode: options.errorStatus ?? 'conventional',
      upstreamFailures: 0,
      timers: this.timers,
      now: () => this.now(),
      nextOrderId: () => nextOrderId++,
      // Upstream activation ids grow too, but not one by one: other resellers share the upstream.
      nextActivationId: () => (nextActivationId += 1 + Math.floor(Math.random() * 40)),
    };
    for (const key of options.disabledApiKeys ?? []) this.setApiKeyDisabled(key, true);
    for (const [key, ips] of Object.entries(options.ipWhitelist ?? {})) this.setIpWhitelist(key, ips);
  }

  override get ledger(): ReadonlyArray<LedgerEntry> {
    return this.#ctx.ledger;
  }

  protected override handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    return dispatch(this.#ctx, this.faults, this.log, req, res);
  }

  protected override processDue(): void {
    expireDueOrders(this.#ctx);
  }

  deliverOtp(orderId: number, code?: string): string {
    expireDueOrders(this.#ctx);
    const order = this.#ctx.orders.get(orderId);
    if (!order) throw new Error(`unknown OTP24HR order ${orderId}`);
    const otp = code ?? randomOtp(order.service);
    if (otp === '') throw new Error('an OTP code cannot be empty');
    receiveOtp(this.#ctx, order, otp);
    return otp;
  }

  balanceOf(apiKey?: string): string {
    return thbText(this.#account(apiKey).balance);
  }

  setBalance(thb: string, apiKey?: string): void {
    this.#account(apiKey).balance = parseThb(thb, 'balance');
  }

  setStock(service: string, country: number, count: number): void {
    this.#ctx.catalog.setStock(service, country, count);
  }

  setPrice(service: string, country: number, priceThb: string): void {
    this.#ctx.catalog.setPrice(service, country, priceThb);
  }

  failNextBuys(count = 1): void {
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
    this.#ctx.upstreamFailures += count;
  }

  setApiKeyDisabled(apiKey: string, disabled: boolean): void {
    this.#account(apiKey).disabled = disabled;
  }

  setIpWhitelist(apiKey: string, ips: string[] | null): void {
    this.#account(apiKey).ipWhitelist = ips === null ? null : [...ips];
  }

  orderStatus(orderId: number): Otp24hrOrderStatus | undefined {
    expireDueOrders(this.#ctx);
    return this.#ctx.orders.get(orderId)?.status;
  }

  orderCount(apiKey?: string): number {
    return apiKey === undefined ? this.#ctx.orders.size : this.#account(apiKey).orderIds.length;
  }

  #account(apiKey: string | undefined): Account {
    const account = this.#ctx.accounts.get(apiKey ?? this.#defaultKey);
    if (!account) throw new Error(`unknown OTP24HR sandbox key ${apiKey}`);
    return account;
  }
}

function positiveInt(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  return value;
}
