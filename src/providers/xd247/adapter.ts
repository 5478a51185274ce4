import { AmbiguousOutcomeError, NoOfferAvailableError, NotFoundError, UnsupportedError, ValidationError } from '../../domain/errors.ts';
import { Dec, Money } from '../../domain/money.ts';
import type { ActionOutcome, LookupResult, OrderHandle, OrderSnapshot, PlaceOrderRequest, ProviderAdapter, ProviderOffer } from '../../domain/provider.ts';
import type { Logger } from '../../logging/logger.ts';
import type { BudgetSleep } from '../shared/request-budget.ts';
import {
  formatOfferRef,
  otpOffer,
  premiumOffer,
  readOtpServices,
  readPremiumServices,
  readSocialServices,
  reportSkipped,
  requireOfferRef,
  socialOffer,
  XD247_COUNTRY,
} from './catalog.ts';
import type { OfferRef, Skipped } from './catalog.ts';
import { CoinRate } from './coin-rate.ts';
import { Xd247Client } from './client.ts';
import type { Data } from './client.ts';
import {
  orderObject,
  readRefundCoins,
  snapshotOfOtp,
  snapshotOfPremium,
  snapshotOfSocial,
  storedOtpFacts,
  UnreadableOrderError,
} from './order-snapshots.ts';
import { asObject, pick, readAmount, readStatusWord } from './readings.ts';

export { CREDENTIALS_DETAIL_KEY } from './order-snapshots.ts';
export { platformKey } from './catalog.ts';

export interface Xd247AdapterOptions {
  /** e.g. https://247xd.com/api/v1. */
  baseUrl: string;
  /** `247xd_` + 40 characters. */
  apiKey: string;
  /** THB per coin, decimal text (default "1"). */
  coinThb?: string;
  /** Per-request timeout, ms (default 10 s). */
  timeoutMs?: number;
  /** Longest wait for a budget slot a foreground call accepts (default 3 s). */
  maxBudgetWaitMs?: number;
  /** Overrides section 3's 60 requests/minute (tests only). */
  rateLimit?: { limit: number; windowMs: number };
  now?: () => Date;
  /** How the request budget waits on `now` (a test clock; default real time). */
  sleep?: BudgetSleep;
  logger?: Logger;
  fetch?: typeof fetch;
}

/** The 247xd adapter, with its request counter and coin rate. */
export interface Xd247Adapter extends ProviderAdapter {
  /** Upstream HTTP requests sent so far (all share one 60/minute budget). */
  requestsSent(): number;
  /** The coin → THB rate every amount was converted at. */
  readonly coinRate: CoinRate;
}

type Section = 'otp' | 'social' | 'premium';

const SECTION: Readonly<Record<OfferRef['kind'], Section>> = { OTP_NUMBER: 'otp', SOCIAL_BOOST: 'social', PREMIUM_APP: 'premium' };

/**
 * 247xd (OTP numbers, social boosts, premium app accounts), coins shown as THB at XD247_COIN_THB.
 * `place` is one create per kind, sent once (247xd has no idempotency key); `lookup` is the order
 * endpoint of the order's kind. `cancel` (OTP only) is cancel then refund; `refund` is the refund
 * endpoint (OTP, social). 247xd pushes nothing and lists no orders: the watcher polls one by one.
 */
export function createXd247Adapter(options: Xd247AdapterOptions): Xd247Adapter {
  const now = options.now ?? (() => new Date());
  const logger = options.logger?.child({ provider: 'XD247' });
  const rate = new CoinRate(options.coinThb);
  const client = new Xd247Client({
    apiKey: options.apiKey,
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    maxBudgetWaitMs: options.maxBudgetWaitMs,
    rateLimit: options.rateLimit,
    now: () => now().getTime(),
    sleep: options.sleep,
    logger: options.logger,
    fetch: options.fetch,
  });

  async function offersOf(section: Section): Promise<ProviderOffer[]> {
    const skipped: Skipped = { count: 0 };
    const offers = await client.services(section, (data) => {
      if (section === 'otp') return readOtpServices(data, skipped).map((o) => otpOffer(o, rate));
      if (section === 'social') return readSocialServices(data, skipped).map((o) => socialOffer(o, rate));
      return readPremiumServices(data, skipped).map((o) => premiumOffer(o, rate));
    });
    reportSkipped(logger, `${section} services`, skipped);
    return offers;
  }

  /**
   * The create takes no price cap: with one, the current price is read first (a read, nothing spent)
   * and the create is not sent when it is above. For a boost the price is the per-unit price times the
   * quantity, rounded UP to 0.01 coin (247xd's rounding is not documented; up never under-estimates).
   */
  async function checkCap(ref: OfferRef, intent: PlaceOrderRequest['intent'], cap: Money): Promise<void> {
    if (cap.currency !== 'THB') throw new ValidationError(`247xd price caps are in THB, got ${cap.currency}`, 'maxPrice');
    const offer = (await offersOf(SECTION[ref.kind])).find((o) => sameOffer(o, ref));
    const init = { provider: 'XD247' as const, httpStatus: null };
    if (!offer) throw new NoOfferAvailableError({ ...init, providerCode: 'OFFER_GONE', message: `247xd no longer lists the offer ${formatOfferRef(ref)}` });
    let price = offer.price;
    if (offer.details.kind === 'SOCIAL_BOOST' && intent.kind === 'SOCIAL_BOOST') {
      // Back to coins (exact: the offer price is coins × rate), times the quantity, rounded up to 0.01 coin.
      const perUnitCoins = new Dec(offer.price.amount).dividedBy(rate.toThb('1').amount);
      const coins = perUnitCoins.times(intent.quantity).dividedBy(offer.details.unitQuantity).toDecimalPlaces(2, Dec.ROUND_UP);
      price = rate.toThb(coins.toFixed());
    }
    if (price.compare(cap) > 0) {
      throw new NoOfferAvailableError({ ...init, providerCode: 'PRICE_ABOVE_CAP', message: `247xd ${offer.name} costs ${price.toString()} THB, above the cap of ${cap.toString()} THB` });
    }
  }

  /** Reads a create's answer; an answer without an order id is unreadable (→ ambiguous: coins may be gone). */
  function created(read: () => OrderSnapshot): OrderSnapshot | null {
    try {
      return read();
    } catch (error) {
      if (error instanceof UnreadableOrderError) return null;
      throw error;
    }
  }

  async function place(request: PlaceOrderRequest): Promise<OrderSnapshot> {
    const ref = requireOfferRef(request.offerRef);
    const intent = request.intent;
    if (intent.kind !== ref.kind) throw new ValidationError(`The offer ${request.offerRef} sells ${ref.kind}, not ${intent.kind}`, 'kind');
    // Everything that can be checked here is checked before anything is sent.
    if (ref.kind === 'SOCIAL_BOOST' && intent.kind === 'SOCIAL_BOOST') checkBoost(intent, ref);
    if (request.maxPrice) await checkCap(ref, intent, request.maxPrice);

    // Sent once, never again: an answer lost after sending is ambiguous (the transport says so), and
    // 247xd offers no way to find the order afterwards (no idempotency key, no order list).
    let snapshot: OrderSnapshot;
    if (ref.kind === 'OTP_NUMBER') {
      const body = { serviceId: ref.serviceId, priceOptionId: ref.priceOptionId };
      snapshot = await client.createOtpOrder(body, (data) => created(() => snapshotOfOtp(data, rate, { phoneNumber: null, expiresAt: null }, now(), true)));
      snapshot = withProviderData(snapshot, { serviceId: ref.serviceId, priceOptionId: ref.priceOptionId });
    } else if (ref.kind === 'SOCIAL_BOOST' && intent.kind === 'SOCIAL_BOOST') {
      const body = { optionId: ref.optionId, link: intent.link, quantity: intent.quantity };
      snapshot = await client.createSocialOrder(body, (data) => created(() => snapshotOfSocial(data, rate, true)));
      snapshot = { ...withProviderData(snapshot, { optionId: ref.optionId }), details: { link: intent.link, quantity: intent.quantity, ...snapshot.details } };
    } else {
      const serviceId = (ref as Extract<OfferRef, { kind: 'PREMIUM_APP' }>).serviceId;
      // The answer carries the account's credentials: it is read into details.credentials and never logged.
      snapshot = await client.createPremiumOrder({ serviceId }, (data) => created(() => snapshotOfPremium(data, rate, null, true)));
      snapshot = withProviderData(snapshot, { serviceId });
    }
    if (request.maxPrice && snapshot.price && snapshot.price.compare(request.maxPrice) > 0) {
      logger?.warn({ orderId: snapshot.providerRef, price: snapshot.price.toString(), cap: request.maxPrice.toString() }, '247xd charged above the cap: the price changed between the check and the create');
    }
    return snapshot;
  }

  /** The order's current state from the order endpoint of its kind (a read, never a second create). */
  async function readOrder(order: OrderHandle, providerRef: string, background: boolean): Promise<OrderSnapshot> {
    const section = sectionOf(order);
    const data = await client.order(section, providerRef, (d: Data) => (d === undefined || d === null ? null : d), { background });
    if (section === 'otp') return snapshotOfOtp(data, rate, storedOtpFacts(order.providerData), now());
    if (section === 'social') return snapshotOfSocial(data, rate);
    const app = typeof order.providerData.app === 'string' ? order.providerData.app : null;
    return snapshotOfPremium(data, rate, app);
  }

  async function lookup(order: OrderHandle): Promise<LookupResult> {
    if (!order.providerRef) {
      // 247xd has no idempotency key, no client reference and no order list: nothing can say whether a
      // create whose answer was lost took effect. Only 247xd's support can; the order stays UNKNOWN.
      return { outcome: 'unknown', reason: '247xd cannot tell whether this create took effect (no idempotency key, no order list); ask 247xd support' };
    }
    try {
      return { outcome: 'found', snapshot: await readOrder(order, order.providerRef, true) };
    } catch (error) {
      // Only NOT_FOUND is definite; 429, 5xx, a refused connection, an auth refusal or an answer we cannot
      // read (an unknown status word) tell nothing.
      if (error instanceof NotFoundError) return { outcome: 'absent', reason: error.message };
      return { outcome: 'unknown', reason: messageOf(error) };
    }
  }

  /** The refund's amount: what the answer states, else a read of the order, else (OTP: a whole refund) the price. */
  async function refundAmount(order: OrderHandle, section: 'otp' | 'social', answer: Data): Promise<Money | null> {
    const stated = readRefundCoins(answer);
    if (stated !== null) return rate.toThb(stated);
    try {
      const read = await readOrder(order, requireRef(order), false);
      if (read.refund) return read.refund;
    } catch (error) {
      logger?.warn({ orderId: order.providerRef, error: messageOf(error) }, '247xd refund: the order could not be read back for its refund amount');
    }
    // An OTP refund gives back the whole price (a cancelled or expired number). A social one may be partial:
    // unknown stays unknown rather than claiming the whole price.
    return section === 'otp' ? order.price : null;
  }

  async function refund(order: OrderHandle, section: 'otp' | 'social'): Promise<ActionOutcome> {
    const answer = await client.refund(section, requireRef(order), (d: Data) => d ?? {});
    const word = readStatusWord(pick(orderObject(answer), ['status', 'state']));
    return { status: 'REFUNDED', refund: await refundAmount(order, section, answer), providerStatus: word ?? 'refunded' };
  }

  /**
   * Cancel THEN refund: 247xd's cancel (only while waiting_sms) gives no coins back, its refund does.
   * - both accepted → CANCELED with the refund;
   * - cancel lost/refused → thrown as it is (an ambiguous cancel is read back by the core);
   * - refund refused or its answer lost → CANCELED with refund null: the coins are not known to be back.
   *   It settles from 247xd's own word: one read right away, and any later lookup, says `refunded` (with
   *   refundAmount → REFUNDED) or still `cancelled` (not refunded: `operations.refund` may be sent for it
   *   again, and 247xd refunds an order only once, so a second refund can never pay twice).
   */
  async function cancel(order: OrderHandle): Promise<ActionOutcome> {
    const section = sectionOf(order);
    if (section !== 'otp') throw new UnsupportedError('XD247', `cancel for ${section === 'social' ? 'social boost' : 'premium app'} orders`, '247xd');
    const orderId = requireRef(order);
    await client.cancelOtp(orderId, (d: Data) => d ?? {});
    try {
      const outcome = await refund(order, 'otp');
      return { status: 'CANCELED', refund: outcome.refund, providerStatus: outcome.providerStatus ?? 'refunded' };
    } catch (error) {
      logger?.warn({ orderId, error: messageOf(error), ambiguous: error instanceof AmbiguousOutcomeError }, '247xd: cancelled, but the refund was not confirmed; the order settles from its status');
      try {
        const read = await readOrder(order, orderId, false);
        if (read.status === 'REFUNDED' && read.refund) return { status: 'CANCELED', refund: read.refund, providerStatus: read.providerStatus };
      } catch {
        // Nothing more to learn now: a later lookup settles it.
      }
      return { status: 'CANCELED', refund: null, providerStatus: 'cancelled' };
    }
  }

  return {
    id: 'XD247',
    name: '247xd',
    currency: 'THB',
    kinds: ['OTP_NUMBER', 'SOCIAL_BOOST', 'PREMIUM_APP'],
    coinRate: rate,
    async balance() {
      return client.balance((data) => {
        const coins = readAmount(pick(asObject(data), ['coins', 'balance', 'coin']));
        return coins === null ? null : rate.toThb(coins);
      });
    },
    health: () => client.health(),
    async offers() {
      const [otp, social, premium] = await Promise.all([offersOf('otp'), offersOf('social'), offersOf('premium')]);
      return [...otp, ...social, ...premium];
    },
    place,
    lookup,
    operations: {
      cancel,
      async refund(order) {
        const section = sectionOf(order);
        if (section === 'premium') throw new UnsupportedError('XD247', 'refund for premium app orders', '247xd');
        return refund(order, section);
      },
      // 247xd's numbers are Thai: one country.
      countries: async () => [{ code: XD247_COUNTRY, name: 'Thailand', dialCode: '+66' }],
    },
    requestsSent: () => client.requestsSent(),
  };
}

/** A SOCIAL_BOOST intent checked before anything is sent: an http(s) link, a whole quantity within the option's bounds. */
function checkBoost(intent: { link: string; quantity: number }, ref: Extract<OfferRef, { kind: 'SOCIAL_BOOST' }>): void {
  let url: URL | null = null;
  try {
    url = new URL(intent.link);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new ValidationError('The link must be an http(s) URL, e.g. https://instagram.com/example', 'link');
  }
  const q = intent.quantity;
  if (!Number.isSafeInteger(q) || q < ref.minQuantity || q > ref.maxQuantity) {
    throw new ValidationError(`The quantity must be a whole number from ${ref.minQuantity} to ${ref.maxQuantity}, got ${q}`, 'quantity');
  }
}

function sameOffer(offer: ProviderOffer, ref: OfferRef): boolean {
  const other = requireOfferRefOrNull(offer.providerRef);
  if (!other || other.kind !== ref.kind) return false;
  if (other.kind === 'OTP_NUMBER' && ref.kind === 'OTP_NUMBER') return other.serviceId === ref.serviceId && other.priceOptionId === ref.priceOptionId;
  if (other.kind === 'SOCIAL_BOOST' && ref.kind === 'SOCIAL_BOOST') return other.optionId === ref.optionId;
  return other.kind === 'PREMIUM_APP' && ref.kind === 'PREMIUM_APP' && other.serviceId === ref.serviceId;
}

function requireOfferRefOrNull(text: string): OfferRef | null {
  try {
    return requireOfferRef(text);
  } catch {
    return null;
  }
}

function withProviderData(snapshot: OrderSnapshot, extra: Record<string, string>): OrderSnapshot {
  return { ...snapshot, providerData: { ...snapshot.providerData, ...extra } };
}

/** Which of 247xd's three order endpoints an order lives under (by its kind). */
function sectionOf(order: OrderHandle): Section {
  if (order.kind === 'OTP_NUMBER') return 'otp';
  if (order.kind === 'SOCIAL_BOOST') return 'social';
  if (order.kind === 'PREMIUM_APP') return 'premium';
  throw new ValidationError(`247xd sells no ${order.kind} orders`, 'kind');
}

function requireRef(order: OrderHandle): string {
  if (!order.providerRef) throw new ValidationError('This order has no 247xd order id yet', 'orderId');
  return order.providerRef;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
