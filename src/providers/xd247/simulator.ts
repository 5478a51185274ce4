/**
 * Sandbox 247xd (its API document; docs/providers.md, "247xd"): the REST API v1 under `/api/v1`, `Authorization: Bearer
 * 247xd_` + 40 characters, `{success,data}` / `{success:false,error:{code,message}}`, 60 requests per user per
 * clock minute with X-RateLimit-* on every answer (Reset in Unix seconds), balance in coins with two decimals.
 *
 * Where the document is silent this simulator takes the reading safest for money:
 * - OTP: cancel (only `waiting_sms`) gives nothing back; the coins return only through POST …/refund, once, for
 *   a `cancelled` order or one that `expired` (20 min, the example's expiresAt) without an SMS.
 * - Social: priced per 1000 units, rounded UP to 0.01; a `partial` order refunds the undelivered share rounded
 *   DOWN, a `cancelled` one its full price; refunds again only through the endpoint.
 * - Codes the table lacks map onto it: out of stock, not enough coins and a wrong order state are 400
 *   BAD_REQUEST; malformed/missing JSON is 400 BAD_REQUEST; bad or missing fields are 400 VALIDATION_ERROR;
 *   unknown services, options and orders (also another user's or another kind's) are 404 NOT_FOUND.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LedgerEntry, ProviderSimulator, SimulatorRequest } from '../shared/simulator-contract.ts';
import { SimulatorBase } from '../shared/simulator-kit/simulator-base.ts';
import { assertApiKeyFormat, XD247_SANDBOX_API_KEY } from './simulator/auth.ts';
import { Catalog } from './simulator/catalog.ts';
import { SEED_OTP_SERVICES, SEED_PREMIUM_SERVICES, SEED_SOCIAL_SERVICES } from './simulator/catalog-seed.ts';
import { coinText, parseCoins } from './simulator/coins.ts';
import { openAccount } from './simulator/context.ts';
import type { Account, AutoProgress, SimulatorContext } from './simulator/context.ts';
import { createFaultQueue } from './simulator/faults.ts';
import { BASE_PATH, Dispatcher } from './simulator/http-dispatch.ts';
import { orderUuid } from './simulator/ids.ts';
import { DEFAULT_OTP_LIFETIME_MS, expireDueOtpOrders, receiveOtp } from './simulator/otp-lifecycle.ts';
import { otpText, randomOtp } from './simulator/otp-messages.ts';
import type {
  OtpServiceSeed,
  PremiumServiceSeed,
  SocialOrderStatus,
  SocialServiceSeed,
  Xd247Fault,
  Xd247OrderStatus,
} from './simulator/public-types.ts';
import { advanceSocial } from './simulator/social-lifecycle.ts';

export { XD247_SANDBOX_API_KEY } from './simulator/auth.ts';
export { SEED_OTP_SERVICES, SEED_PREMIUM_SERVICES, SEED_SOCIAL_SERVICES } from './simulator/catalog-seed.ts';
export { ERROR_STATUS } from './simulator/api-errors.ts';
export { seedUuid } from './simulator/ids.ts';
export { DEFAULT_OTP_LIFETIME_MS } from './simulator/otp-lifecycle.ts';
export { RATE_LIMIT_HEADERS } from './simulator/rate-limit.ts';
export { UNMATCHED_ENDPOINT } from './simulator/public-types.ts';
export type {
  OtpOrderStatus,
  OtpPriceOptionSeed,
  OtpServiceSeed,
  PremiumOrderStatus,
  PremiumServiceSeed,
  SocialOptionSeed,
  SocialOrderStatus,
  SocialServiceSeed,
  Xd247Endpoint,
  Xd247Fault,
  Xd247OrderStatus,
} from './simulator/public-types.ts';
export type { AutoProgress } from './simulator/context.ts';

/** How a sandbox 247xd is set up. */
export interface Xd247SimulatorOptions {
  /** Accepted API keys, each `247xd_` + 40 letters/digits and each its own user (default `[XD247_SANDBOX_API_KEY]`). */
  apiKeys?: string[];
  /** Coins every account starts with, decimal string with at most 2 decimals (default "500.00", the document's example). */
  initialCoins?: string;
  /** Requests per user per clock minute before 429 RATE_LIMITED (default 60, section 3). */
  rateLimitPerMinute?: number;
  /** Deliver an SMS to every new OTP order after a random real-time delay (default null: only deliverOtp()). */
  autoOtp?: { minDelayMs: number; maxDelayMs: number } | null;
  /** Social orders go processing, then completed, on real-time timers (default null: only advanceSocialOrder()). */
  autoProgress?: AutoProgress | null;
  /** How long an OTP number waits for its SMS, on the simulator clock (default 20 min, as the document's example). */
  otpLifetimeMs?: number;
  /** OTP catalog (default SEED_OTP_SERVICES). */
  otpServices?: readonly OtpServiceSeed[];
  /** Social booster catalog (default SEED_SOCIAL_SERVICES). */
  socialServices?: readonly SocialServiceSeed[];
  /** Premium app catalog (default SEED_PREMIUM_SERVICES). */
  premiumServices?: readonly PremiumServiceSeed[];
  /** Base clock; the simulator adds its own offset for advanceClock(). */
  now?: () => number;
  /** Counter of the first order id minus one (default 1000); a restarted sandbox passes a fresh range so ids never repeat. */
  firstOrderId?: number;
}

/** A sandbox 247xd speaking the document's REST API over real HTTP, with controls for tests and the sandbox. */
export interface Xd247Simulator extends ProviderSimulator {
  /** Listens on 127.0.0.1 (port 0 by default); resolves `http://127.0.0.1:<port>/api/v1`. */
  start(port?: number): Promise<string>;
  /** Queues a fault for the next request to its endpoint. */
  injectFault(fault: Xd247Fault): void;
  /** The SMS for a `waiting_sms` OTP order arrives (random code of the platform's usual length when omitted). */
  deliverOtp(orderId: string, code?: string): Promise<void>;
  /** An account's coins as a two-decimal string (default: the first key). */
  balanceOf(apiKey?: string): string;
  /** Sets an account's coins, a decimal string with at most 2 decimals (default: the first key). */
  setBalance(coins: string, apiKey?: string): void;
  /** Sets the stock of an OTP price option or of a premium app, by its id. */
  setStock(id: string, stock: number): void;
  /**
   * Moves a social order on as upstream would: `processing` (with `delivered` so far), `completed`, `partial`
   * (`delivered` units, default half) or `cancelled`. Refunds happen only through the refund endpoint.
   */
  advanceSocialOrder(orderId: string, status: Exclude<SocialOrderStatus, 'pending' | 'refunded'>, delivered?: number): void;
  /** Status of any order (OTP, social, premium), if it exists. */
  orderStatus(orderId: string): Xd247OrderStatus | undefined;
  /** Orders that exist upstream: of one key, or of all keys when none is given. */
  orderCount(apiKey?: string): number;
  /** Bans (or unbans) an account: every request then answers 403 ACCOUNT_BANNED (default: the first key). */
  setBanned(banned: boolean, apiKey?: string): void;
  /** Expires (or restores) a key: it is then refused with 401 like an unknown one (default: the first key). */
  setKeyExpired(expired: boolean, apiKey?: string): void;
}

const EXPIRY_SWEEP_MS = 1000;

/** Creates a sandbox 247xd; call start() to serve it. */
export function createXd247Simulator(options: Xd247SimulatorOptions = {}): Xd247Simulator {
  return new Xd247Sandbox(options);
}

class Xd247Sandbox extends SimulatorBase<Xd247Fault, Xd247Fault, SimulatorRequest> implements Xd247Simulator {
  readonly #ctx: SimulatorContext;
  readonly #dispatcher: Dispatcher;
  readonly #defaultKey: string;

  constructor(options: Xd247SimulatorOptions) {
    // Expiry also happens when nobody calls. 247xd documents no push: `deliveries` stays empty.
    super({ name: '247xd', basePath: BASE_PATH, faults: createFaultQueue(), now: options.now, sweepMs: EXPIRY_SWEEP_MS });
    const keys = options.apiKeys ?? [XD247_SANDBOX_API_KEY];
    if (keys.length === 0) throw new Error('apiKeys must hold at least one key');
    for (const key of keys) assertApiKeyFormat(key);
    if (new Set(keys).size !== keys.length) throw new Error('apiKeys must not repeat a key');
    this.#defaultKey = keys[0] ?? XD247_SANDBOX_API_KEY;
    const coins = parseCoins(options.initialCoins ?? '500.00', 'initialCoins');
    const limit = options.rateLimitPerMinute ?? 60;
    const autoOtp = options.autoOtp ?? null;
    if (autoOtp && !(Number.isSafeInteger(autoOtp.minDelayMs) && autoOtp.minDelayMs >= 0 && Number.isSafeInteger(autoOtp.maxDelayMs) && autoOtp.maxDelayMs >= autoOtp.minDelayMs)) {
      throw new RangeError('autoOtp needs integers 0 <= minDelayMs <= maxDelayMs');
    }
    const autoProgress = options.autoProgress ?? null;
    if (autoProgress && !(autoProgress.processingAfterMs >= 0 && autoProgress.completedAfterMs >= autoProgress.processingAfterMs)) {
      throw new RangeError('autoProgress needs 0 <= processingAfterMs <= completedAfterMs');
    }
    const lifetime = options.otpLifetimeMs ?? DEFAULT_OTP_LIFETIME_MS;
    if (!(Number.isSafeInteger(lifetime) && lifetime > 0)) throw new RangeError('otpLifetimeMs must be a positive integer');
    let lastOrder = options.firstOrderId ?? 1000;
    orderUuid(lastOrder);
    this.#ctx = {
      catalog: new Catalog(options.otpServices ?? SEED_OTP_SERVICES, options.socialServices ?? SEED_SOCIAL_SERVICES, options.premiumServices ?? SEED_PREMIUM_SERVICES),
      accounts: new Map(keys.map((k): [string, Account] => [k, openAccount(k, coins, limit)])),
      orders: new Map(),
      ledger: [],
      autoOtp,
      autoProgress,
      otpLifetimeMs: lifetime,
      timers: this.timers,
      now: () => this.now(),
      nextOrderId: () => orderUuid(++lastOrder),
    };
    this.#dispatcher = new Dispatcher(this.#ctx, this.faults, this.log, limit);
  }

  override get ledger(): ReadonlyArray<LedgerEntry> {
    return this.#ctx.ledger;
  }

  protected override handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    return this.#dispatcher.handle(req, res);
  }

  protected override processDue(): void {
    expireDueOtpOrders(this.#ctx);
  }

  async deliverOtp(orderId: string, code?: string): Promise<void> {
    const order = this.#ctx.orders.get(orderId);
    if (!order || order.kind !== 'otp') throw new Error(`unknown 247xd OTP order ${orderId}`);
    const otp = code === undefined ? randomOtp(order.serviceCode) : { code, text: otpText(order.serviceCode, code) };
    receiveOtp(this.#ctx, order, otp.code, otp.text);
  }

  balanceOf(apiKey?: string): string {
    return coinText(this.#account(apiKey).coins);
  }

  setBalance(coins: string, apiKey?: string): void {
    this.#account(apiKey).coins = parseCoins(coins, 'coins');
  }

  setStock(id: string, stock: number): void {
    this.#ctx.catalog.setStock(id, stock);
  }

  advanceSocialOrder(orderId: string, status: Exclude<SocialOrderStatus, 'pending' | 'refunded'>, delivered?: number): void {
    const order = this.#ctx.orders.get(orderId);
    if (!order || order.kind !== 'social') throw new Error(`unknown 247xd social order ${orderId}`);
    advanceSocial(order, status, delivered);
  }

  orderStatus(orderId: string): Xd247OrderStatus | undefined {
    expireDueOtpOrders(this.#ctx);
    return this.#ctx.orders.get(orderId)?.status;
  }

  orderCount(apiKey?: string): number {
    return apiKey === undefined ? this.#ctx.orders.size : this.#account(apiKey).orderIds.size;
  }

  setBanned(banned: boolean, apiKey?: string): void {
    this.#account(apiKey).banned = banned;
  }

  setKeyExpired(expired: boolean, apiKey?: string): void {
    this.#account(apiKey).expired = expired;
  }

  #account(apiKey: string | undefined): Account {
    const account = this.#ctx.accounts.get(apiKey ?? this.#defaultKey);
    if (!account) throw new Error(`unknown 247xd sandbox key ${apiKey}`);
    return account;
  }
}
