import { Money } from '../../domain/money.ts';
import type { OrderStatus } from '../../domain/order-status.ts';
import type { OrderSnapshot, ProviderData, ReceivedMessage } from '../../domain/provider.ts';
import { countryOf } from './catalog.ts';
import type { BuyResponse, OrderHistoryItem, OrderStatus as Otp24hrStatus, StatusResponse } from './wire.ts';

/**
 * OTP24HR status words → the unified status.
 *  waiting → ACTIVE (OTP_RECEIVED once an otp_code is there);
 *  success → OTP_RECEIVED: the document's flow reads it as "the OTP has come" (มาแล้ว!); complete.php
 *            is a separate, optional confirmation, so COMPLETED only follows our own complete call (or a
 *            history item that says `completed: true`);
 *  cancel  → CANCELED, refunded (cancel.php: "ยกเลิก & คืนเงิน");
 *  timeout → EXPIRED, refunded (the price comes back when a number times out).
 */
export function unifiedStatus(status: Otp24hrStatus, otpCode: string, completed = false): OrderStatus {
  switch (status) {
    case 'waiting':
      return otpCode ? 'OTP_RECEIVED' : 'ACTIVE';
    case 'success':
      return completed ? 'COMPLETED' : 'OTP_RECEIVED';
    case 'cancel':
      return 'CANCELED';
    case 'timeout':
      return 'EXPIRED';
  }
}

/**
 * The number in E.164. OTP24HR writes it as digits with the country's dial code and no `+`
 * (`66611529033`); a national form (leading 0) gets the country's dial code instead of the 0.
 */
export function e164(phone: string, country: number | null): string {
  const trimmed = phone.trim();
  if (trimmed.startsWith('+')) return `+${trimmed.slice(1).replace(/\D/g, '')}`;
  const digits = trimmed.replace(/\D/g, '');
  const dial = country === null ? undefined : countryOf(country)?.dialCode;
  if (dial && digits.startsWith('0') && !digits.startsWith('00')) return `${dial}${digits.slice(1)}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  return `+${digits}`;
}

/**
 * OTP24HR gives an SMS no id, no text and no time: only `otp_code`. The SMS is identified by its code
 * (and its text, which is the code), so every poll of the same code is one message; a new code is a new one.
 */
export function messageOf(otpCode: string, seenAt: Date): ReceivedMessage | null {
  if (!otpCode) return null;
  return { key: `sms\n${otpCode}\n${otpCode}`, code: otpCode, text: otpCode, receivedAt: seenAt };
}

function refundFor(status: OrderStatus, price: Money | null): Money | null {
  return status === 'CANCELED' || status === 'EXPIRED' ? price : null;
}

/** What later lookups need and status.php does not repeat. */
export interface StoredFacts {
  readonly country: number | null;
  readonly expiresAt: Date | null;
}

/** Reads back what `snapshotOfBuy` persisted in providerData. */
export function storedFacts(providerData: ProviderData, fallbackCountry: number | null): StoredFacts {
  const country = typeof providerData.country === 'number' ? providerData.country : fallbackCountry;
  const expires = typeof providerData.expiresAt === 'string' ? new Date(providerData.expiresAt) : null;
  return { country, expiresAt: expires && !Number.isNaN(expires.getTime()) ? expires : null };
}

/** The order buy.php opened (charged at once). */
export function snapshotOfBuy(answer: BuyResponse, now: Date): OrderSnapshot {
  const price = Money.fromProvider(answer.price_thb, 'THB');
  const status = unifiedStatus(answer.status, '');
  const expiresAt = new Date(now.getTime() + answer.expires_in_min * 60_000);
  return {
    providerRef: String(answer.order_id),
    status,
    providerStatus: answer.status,
    price,
    refund: refundFor(status, price),
    failedReason: null,
    otp: { phoneNumber: e164(answer.phone, answer.country), expiresAt, message: null },
    details: { activationId: answer.activation_id },
    providerData: { service: answer.service, country: answer.country, expiresAt: expiresAt.toISOString(), activationId: answer.activation_id },
  };
}

/** GET status.php. */
export function snapshotOfStatus(answer: StatusResponse, facts: StoredFacts, now: Date): OrderSnapshot {
  const price = Money.fromProvider(answer.price_thb, 'THB');
  const status = unifiedStatus(answer.status, answer.otp_code);
  return {
    providerRef: String(answer.order_id),
    status,
    providerStatus: answer.status,
    price,
    refund: refundFor(status, price),
    failedReason: null,
    otp: { phoneNumber: answer.phone ? e164(answer.phone, facts.country) : null, expiresAt: facts.expiresAt, message: messageOf(answer.otp_code, now) },
  };
}

/** One orders.php item (the order history), e.g. the order an ambiguous buy turned out to have opened. */
export function snapshotOfHistoryItem(item: OrderHistoryItem, facts: StoredFacts, now: Date): OrderSnapshot {
  const price = item.price_thb === undefined ? null : Money.fromProvider(item.price_thb, 'THB');
  const status = unifiedStatus(item.status, item.otp_code, item.completed === true);
  const country = item.country ?? facts.country;
  const snapshot: OrderSnapshot = {
    providerRef: String(item.order_id),
    status,
    providerStatus: item.status,
    price,
    refund: refundFor(status, price),
    failedReason: null,
    otp: { phoneNumber: item.phone ? e164(item.phone, country) : null, expiresAt: facts.expiresAt, message: messageOf(item.otp_code, now) },
  };
  const providerData: Record<string, string | number> = {};
  if (item.service !== undefined) providerData.service = item.service;
  if (country !== null) providerData.country = country;
  if (item.activation_id !== undefined) providerData.activationId = item.activation_id;
  return Object.keys(providerData).length > 0 ? { ...snapshot, providerData } : snapshot;
}
