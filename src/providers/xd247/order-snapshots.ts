import type { Money } from '../../domain/money.ts';
import type { OrderStatus } from '../../domain/order-status.ts';
import type { JsonValue, OrderSnapshot, ProviderData, ReceivedMessage } from '../../domain/provider.ts';
import type { CoinRate } from './coin-rate.ts';
import { asObject, pick, readAmount, readCount, readId, readList, readStatusWord, readText, readTime, toJsonValue } from './readings.ts';
import type { Obj } from './readings.ts';

/**
 * 247xd answers → snapshots in the unified status machine.
 *
 * Documented words: `waiting_sms` (OTP) and `pending` (social). The rest is not in the document; the
 * tables below take the words our simulator uses and the usual synonyms. A word in none of them is never
 * guessed at: the read says "cannot tell now" (lookup → unknown) and the raw word is kept in the reason.
 */

/**
 * SENSITIVE. The key of a premium order's `details` that carries the app account's credentials as 247xd
 * handed them over. The core encrypts this field at rest; nothing here logs it or puts it in a message.
 */
export const CREDENTIALS_DETAIL_KEY = 'credentials';

/** What a 247xd status word means, before the order's facts (an SMS, the expiry) are looked at. */
type OtpMeaning = 'waiting' | 'received' | 'expired' | 'cancelled' | 'refunded' | 'failed';
type SocialMeaning = 'active' | 'completed' | 'partial' | 'cancelled' | 'refunded' | 'failed';
type PremiumMeaning = 'delivered' | 'waiting' | 'cancelled' | 'refunded' | 'failed';

/** OTP status words (waiting_sms documented; the others our reading and their synonyms). */
export const OTP_STATUS_WORDS: Readonly<Record<string, OtpMeaning>> = {
  waiting_sms: 'waiting',
  waiting: 'waiting',
  pending: 'waiting',
  active: 'waiting',
  processing: 'waiting',
  completed: 'received',
  complete: 'received',
  success: 'received',
  received: 'received',
  sms_received: 'received',
  otp_received: 'received',
  done: 'received',
  finished: 'received',
  expired: 'expired',
  timeout: 'expired',
  timed_out: 'expired',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  refunded: 'refunded',
  failed: 'failed',
  error: 'failed',
};

/** Social status words (pending documented). */
export const SOCIAL_STATUS_WORDS: Readonly<Record<string, SocialMeaning>> = {
  pending: 'active',
  processing: 'active',
  in_progress: 'active',
  inprogress: 'active',
  queued: 'active',
  active: 'active',
  started: 'active',
  completed: 'completed',
  complete: 'completed',
  success: 'completed',
  done: 'completed',
  partial: 'partial',
  partially_completed: 'partial',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  refunded: 'refunded',
  failed: 'failed',
  error: 'failed',
};

/** Premium status words (the document shows none: a create answers the credentials at once). */
export const PREMIUM_STATUS_WORDS: Readonly<Record<string, PremiumMeaning>> = {
  completed: 'delivered',
  complete: 'delivered',
  delivered: 'delivered',
  success: 'delivered',
  active: 'delivered',
  paid: 'delivered',
  pending: 'waiting',
  processing: 'waiting',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  refunded: 'refunded',
  failed: 'failed',
  error: 'failed',
};

/** An answer the adapter could not read as an order (no id, an unknown status word…). */
export class UnreadableOrderError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnreadableOrderError';
  }
}

// ── phone numbers ──

/**
 * A Thai number in E.164. 247xd writes the local form (`0812345678` → `+66812345678`); `66…` and `+66…`
 * are taken as they are, and 9 national digits without the 0 get +66. Anything else keeps its digits
 * behind a `+` (deterministic, so the same number always compares equal).
 */
export function e164(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.startsWith('0') && (digits.length === 10 || digits.length === 9)) return `+66${digits.slice(1)}`;
  if (digits.startsWith('66') && (digits.length === 11 || digits.length === 10)) return `+${digits}`;
  if (digits.length === 9 || digits.length === 8) return `+66${digits}`;
  return `+${digits}`;
}

// ── shared readers ──

const ORDER_ID_NAMES = ['orderId', 'order_id', 'id', 'uuid'];
const PRICE_NAMES = ['price', 'coins', 'cost', 'amount', 'charged'];
const REFUND_NAMES = ['refundAmount', 'refund_amount', 'refundedAmount', 'refunded_amount', 'refundCoins', 'refund', 'refunded'];

/** The order object of an answer: `data` itself, or `data.order`. */
export function orderObject(data: unknown): Obj | null {
  const o = asObject(data);
  return asObject(pick(o, ['order'])) ?? o;
}

/** The order id of an answer (orderId, order_id, id…), or null. */
export function readOrderId(data: unknown): string | null {
  return readId(pick(orderObject(data), ORDER_ID_NAMES));
}

/** The refund an answer states, in coins (a boolean `refunded` is no amount). */
export function readRefundCoins(data: unknown): string | null {
  const o = orderObject(data);
  for (const name of REFUND_NAMES) {
    const amount = readAmount(o?.[name]);
    if (amount !== null) return amount;
  }
  return null;
}

interface MoneyFacts {
  readonly priceCoins: string | null;
  readonly refundCoins: string | null;
}

function moneyOf(o: Obj | null): MoneyFacts {
  return { priceCoins: readAmount(pick(o, PRICE_NAMES)), refundCoins: readRefundCoins(o) };
}

/** providerData every snapshot carries: the kind, the raw coins, and the rate they were converted at. */
function coinData(kind: 'otp' | 'social' | 'premium', money: MoneyFacts, rate: CoinRate, extra: Record<string, JsonValue | undefined> = {}): ProviderData {
  const data: Record<string, JsonValue> = { kind, coinThb: rate.thbPerCoin };
  if (money.priceCoins !== null) data.priceCoins = money.priceCoins;
  if (money.refundCoins !== null) data.refundCoins = money.refundCoins;
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) data[key] = value;
  return data;
}

const thb = (coins: string | null, rate: CoinRate): Money | null => (coins === null ? null : rate.toThb(coins));

// ── OTP ──

/** Facts of an OTP order the adapter stored earlier (its number and expiry), for answers that omit them. */
export interface OtpFacts {
  readonly phoneNumber: string | null;
  readonly expiresAt: Date | null;
}

/** Reads back what an OTP snapshot persisted in providerData. */
export function storedOtpFacts(providerData: ProviderData): OtpFacts {
  const phone = typeof providerData.phoneNumber === 'string' ? providerData.phoneNumber : null;
  const expires = typeof providerData.expiresAt === 'string' ? new Date(providerData.expiresAt) : null;
  return { phoneNumber: phone, expiresAt: expires && !Number.isNaN(expires.getTime()) ? expires : null };
}

const CODE_NAMES = ['otpCode', 'otp_code', 'otp', 'code', 'smsCode', 'sms_code', 'verificationCode'];
// At the top of an order only names that can mean nothing but the SMS (an order's `message` may be a remark).
const TEXT_NAMES = ['smsText', 'sms_text', 'smsMessage', 'sms_message', 'fullSms', 'full_sms', 'sms'];
// Inside an SMS object or a message list item.
const NESTED_TEXT_NAMES = [...TEXT_NAMES, 'text', 'message', 'content', 'body'];
const RECEIVED_AT_NAMES = ['receivedAt', 'received_at', 'smsReceivedAt', 'sms_received_at', 'otpReceivedAt', 'otp_received_at'];

/**
 * The SMS of an OTP order: `otpCode` (or otp/code/…) and its text (smsText/…), an `sms`/`otp` object, or
 * the newest of a `messages` list. 247xd gives an SMS no id, so it is identified by its code (by its text
 * when it has none): every poll of the same SMS is one message.
 */
export function readOtpMessage(o: Obj | null, seenAt: Date): ReceivedMessage | null {
  let source = o;
  let textNames = TEXT_NAMES;
  const list = readList(pick(o, ['messages', 'smsList', 'sms_list', 'sms']), []);
  const nested = list && list.length > 0 ? asObject(list[list.length - 1]) : (asObject(pick(o, ['sms'])) ?? asObject(pick(o, ['otp'])));
  if (nested) {
    source = nested;
    textNames = NESTED_TEXT_NAMES;
  }
  const code = readText(pick(source, CODE_NAMES)) ?? (nested ? readText(pick(o, CODE_NAMES.filter((n) => n !== 'otp'))) : null);
  const text = readText(pick(source, textNames));
  if (code === null && text === null) return null;
  const receivedAt = readTime(pick(source, RECEIVED_AT_NAMES)) ?? readTime(pick(o, RECEIVED_AT_NAMES)) ?? seenAt;
  return { key: code === null ? `sms\n\n${text}` : `sms\n${code}`, code, text: text ?? code ?? '', receivedAt };
}

/**
 * The unified status of an OTP order:
 *  waiting_sms        → ACTIVE (OTP_RECEIVED when the answer already carries an SMS)
 *  completed (an SMS) → OTP_RECEIVED while the number's rental lasts, COMPLETED once it has ended (247xd
 *                       has no "finish" call, so this is when nothing more can happen and polling stops);
 *                       COMPLETED at once when no SMS can be read from it
 *  expired            → EXPIRED (the coins are still at 247xd until POST …/refund)
 *  cancelled          → CANCELED (the same: cancel gives no coins back by itself)
 *  refunded           → REFUNDED
 */
export function otpStatus(meaning: OtpMeaning, hasMessage: boolean, expiresAt: Date | null, now: Date): OrderStatus {
  switch (meaning) {
    case 'waiting':
      return hasMessage ? 'OTP_RECEIVED' : 'ACTIVE';
    case 'received':
      if (!hasMessage) return 'COMPLETED';
      return expiresAt !== null && expiresAt.getTime() <= now.getTime() ? 'COMPLETED' : 'OTP_RECEIVED';
    case 'expired':
      return 'EXPIRED';
    case 'cancelled':
      return 'CANCELED';
    case 'refunded':
      return 'REFUNDED';
    case 'failed':
      return 'FAILED';
  }
}

/** Refund known from an answer: the stated amount; for a `refunded` OTP order without one, its whole price. */
function otpRefund(status: OrderStatus, money: MoneyFacts): string | null {
  if (money.refundCoins !== null) return money.refundCoins;
  return status === 'REFUNDED' ? money.priceCoins : null;
}

/**
 * An OTP order from POST /otp/orders (documented: orderId, phoneNumber, status, price, expiresAt) or GET
 * /otp/orders/:orderId (not in the document). Throws UnreadableOrderError without an order id or with a
 * status word we do not know; `created` answers have a known order behind them, so there an unknown or
 * missing word reads as ACTIVE (the watcher looks again).
 */
export function snapshotOfOtp(data: unknown, rate: CoinRate, facts: OtpFacts, now: Date, created = false): OrderSnapshot {
  const o = orderObject(data);
  const orderId = readId(pick(o, ORDER_ID_NAMES));
  if (!orderId) throw new UnreadableOrderError('247xd OTP order answer without an orderId');
  const word = readStatusWord(pick(o, ['status', 'state']));
  const meaning = word === null ? undefined : OTP_STATUS_WORDS[word];
  if (!meaning && !created) throw new UnreadableOrderError(`247xd OTP order ${orderId} has a status we do not know (${word ?? 'none'})`);
  const localPhone = readText(pick(o, ['phoneNumber', 'phone_number', 'phone', 'number', 'msisdn']));
  const phoneNumber = localPhone === null ? facts.phoneNumber : e164(localPhone);
  const expiresAt = readTime(pick(o, ['expiresAt', 'expires_at', 'expireAt', 'expiredAt'])) ?? facts.expiresAt;
  const message = readOtpMessage(o, now);
  const status = otpStatus(meaning ?? 'waiting', message !== null, expiresAt, now);
  const money = moneyOf(o);
  const refundCoins = otpRefund(status, money);
  return {
    providerRef: orderId,
    status,
    providerStatus: word ?? 'unknown',
    price: thb(money.priceCoins, rate),
    refund: thb(refundCoins, rate),
    failedReason: status === 'FAILED' ? readText(pick(o, ['reason', 'failReason', 'error', 'message'])) ?? word : null,
    otp: { phoneNumber, expiresAt, message },
    ...(localPhone === null ? {} : { details: { localNumber: localPhone } }),
    providerData: coinData('otp', { ...money, refundCoins }, rate, {
      phoneNumber: phoneNumber ?? undefined,
      expiresAt: expiresAt?.toISOString(),
    }),
  };
}

// ── social ──

/**
 * The unified status of a social order: pending/processing → ACTIVE, completed → COMPLETED, partial →
 * COMPLETED (with what was delivered in details), cancelled → CANCELED, refunded → REFUNDED.
 */
export function socialStatus(meaning: SocialMeaning): OrderStatus {
  switch (meaning) {
    case 'active':
      return 'ACTIVE';
    case 'completed':
    case 'partial':
      return 'COMPLETED';
    case 'cancelled':
      return 'CANCELED';
    case 'refunded':
      return 'REFUNDED';
    case 'failed':
      return 'FAILED';
  }
}

/**
 * A social order from POST /social/orders (documented: orderId, status, price) or GET
 * /social/orders/:orderId (not in the document: quantity, delivered/remains, startCount, progress…).
 * A `refunded` order's refund is only what the answer states: a partial one gets part of its price back.
 */
export function snapshotOfSocial(data: unknown, rate: CoinRate, created = false): OrderSnapshot {
  const o = orderObject(data);
  const orderId = readId(pick(o, ORDER_ID_NAMES));
  if (!orderId) throw new UnreadableOrderError('247xd social order answer without an orderId');
  const word = readStatusWord(pick(o, ['status', 'state']));
  const meaning = word === null ? undefined : SOCIAL_STATUS_WORDS[word];
  if (!meaning && !created) throw new UnreadableOrderError(`247xd social order ${orderId} has a status we do not know (${word ?? 'none'})`);
  const status = socialStatus(meaning ?? 'active');
  const money = moneyOf(o);
  const quantity = readCount(pick(o, ['quantity', 'qty', 'ordered']));
  const delivered = readCount(pick(o, ['delivered', 'deliveredQuantity', 'delivered_quantity', 'done', 'completedQuantity']));
  const remains = readCount(pick(o, ['remains', 'remaining', 'left']));
  const details: Record<string, JsonValue> = {};
  if (quantity !== null) details.quantity = quantity;
  const deliveredUnits = delivered ?? (quantity !== null && remains !== null ? Math.max(0, quantity - remains) : null);
  if (deliveredUnits !== null) details.delivered = deliveredUnits;
  const remainsUnits = remains ?? (quantity !== null && delivered !== null ? Math.max(0, quantity - delivered) : null);
  if (remainsUnits !== null) details.remains = remainsUnits;
  const startCount = readCount(pick(o, ['startCount', 'start_count']));
  if (startCount !== null) details.startCount = startCount;
  const progress = readCount(pick(o, ['progress', 'percent']));
  if (progress !== null) details.progress = progress;
  const link = readText(pick(o, ['link', 'url', 'target']));
  if (link !== null) details.link = link;
  if (meaning === 'partial') details.partial = true;
  return {
    providerRef: orderId,
    status,
    providerStatus: word ?? 'unknown',
    price: thb(money.priceCoins, rate),
    refund: thb(money.refundCoins, rate),
    failedReason: status === 'FAILED' ? readText(pick(o, ['reason', 'failReason', 'error', 'message'])) ?? word : null,
    details,
    providerData: coinData('social', money, rate),
  };
}

// ── premium ──

/**
 * The credentials of a premium order, as a JSON object (`credentials: { ... }` in the document; a bare
 * string is kept under `value`); null when the answer has none.
 */
export function readCredentials(o: Obj | null): Record<string, JsonValue> | null {
  const raw = pick(o, ['credentials', 'credential', 'account', 'accountInfo']);
  if (typeof raw === 'string' && raw.trim() !== '') return { value: raw };
  const json = asObject(raw) ? toJsonValue(raw) : undefined;
  if (json && typeof json === 'object' && !Array.isArray(json) && Object.keys(json).length > 0) return json;
  return null;
}

/**
 * A premium order from POST /premium/orders (documented: orderId, credentials, price) or GET
 * /premium/orders/:orderId (not in the document). Delivered with its credentials at once → COMPLETED,
 * the credentials under `details.credentials` (CREDENTIALS_DETAIL_KEY). An answer with an order id but no
 * readable credentials is ACTIVE: the order exists and was paid for, and a lookup fetches them.
 */
export function snapshotOfPremium(data: unknown, rate: CoinRate, app: string | null, created = false): OrderSnapshot {
  const o = orderObject(data);
  const orderId = readId(pick(o, ORDER_ID_NAMES));
  if (!orderId) throw new UnreadableOrderError('247xd premium order answer without an orderId');
  const word = readStatusWord(pick(o, ['status', 'state']));
  const meaning = word === null ? undefined : PREMIUM_STATUS_WORDS[word];
  if (word !== null && !meaning && !created) throw new UnreadableOrderError(`247xd premium order ${orderId} has a status we do not know (${word})`);
  const credentials = readCredentials(o);
  const status: OrderStatus =
    meaning === 'cancelled' ? 'CANCELED' : meaning === 'refunded' ? 'REFUNDED' : meaning === 'failed' ? 'FAILED' : meaning === 'waiting' || !credentials ? 'ACTIVE' : 'COMPLETED';
  const money = moneyOf(o);
  const details: Record<string, JsonValue> = {};
  if (app) details.app = app;
  if (credentials) details[CREDENTIALS_DETAIL_KEY] = credentials;
  return {
    providerRef: orderId,
    status,
    providerStatus: word ?? (credentials ? 'delivered' : 'unknown'),
    price: thb(money.priceCoins, rate),
    refund: thb(money.refundCoins ?? (status === 'REFUNDED' ? money.priceCoins : null), rate),
    failedReason: status === 'FAILED' ? word : null,
    details,
    providerData: coinData('premium', money, rate),
  };
}
