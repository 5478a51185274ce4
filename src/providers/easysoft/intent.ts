import { ValidationError } from '../../domain/errors.ts';
import { Money } from '../../domain/money.ts';

/**
 * What a top-up intent must be before a refill is sent: checked here, so a malformed order never
 * reaches (or is charged by) easysoft.
 */

// Thai mobile numbers: 10 digits in national format, 06/08/09 then 8 digits (the document's example
// `0824491794`; it states no format, so this is the Thai numbering plan, as wire.ts ThaiMobileNumber).
const THAI_MOBILE = /^(?:\+66|66|0)([689]\d{8})$/;
// Separators people type inside a number; anything else (letters, a second +) is refused.
const SEPARATORS = /[\s\-.()]/g;

/**
 * The `number` to send for a phone number given as 08x…, 66 8x… or +66 8x… (spaces, dashes, dots
 * and brackets aside): the national 10-digit form of the document's example. Anything else →
 * ValidationError on `phoneNumber`.
 */
export function thaiMobileNumber(phoneNumber: string): string {
  const compact = phoneNumber.replace(SEPARATORS, '');
  const match = THAI_MOBILE.exec(compact);
  if (!match) throw new ValidationError(`Not a Thai mobile number: ${JSON.stringify(phoneNumber)} (expected e.g. 0812345678 or +66812345678)`, 'phoneNumber');
  return `0${match[1]}`;
}

/**
 * The `cash` to send for an intent amount: one of the network's allowed face values, whole baht
 * (`10`, also given as `10.00`). Anything else → ValidationError on `amount`.
 */
export function cashOf(amount: string, allowed: readonly string[], networkName: string): string {
  let value: Money;
  try {
    value = Money.of(amount, 'THB');
  } catch {
    throw new ValidationError(`Not an amount: ${JSON.stringify(amount)}`, 'amount');
  }
  const match = allowed.find((a) => Money.of(a, 'THB').compare(value) === 0);
  if (match === undefined) throw new ValidationError(`${networkName} top-ups come in ${allowed.join(', ')} THB, not ${amount}`, 'amount');
  return match;
}

// The contract's reference alphabet and length; the document gives `orderid` no format of its own.
const REFERENCE = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The `orderid` sent with a refill: the gateway's reference itself. The document lists `orderid`
 * among the POST fields without a format (its one example, `1234`, is an id easysoft issued); the
 * reference is already URL- and form-safe and at most 64 characters, and sending it unchanged lets a
 * callback that echoes it be matched to the order. A provider that refuses it answers STATUS 0:
 * refused, nothing charged.
 */
export function orderIdOf(reference: string): string {
  if (!REFERENCE.test(reference)) throw new ValidationError(`Not a gateway reference: ${JSON.stringify(reference)}`, 'reference');
  return reference;
}

/** Whether a callback's orderid could be one of ours (the form orderIdOf sends). */
export function couldBeOurOrderId(orderid: string): boolean {
  return REFERENCE.test(orderid);
}
