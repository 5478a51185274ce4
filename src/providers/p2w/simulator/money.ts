import type { Decimal } from 'decimal.js';
import { MoneyDecimal, readTwoDecimals, twoDecimalText } from '../../shared/simulator-kit/decimal-money.ts';

/** An exact THB amount. */
export type ThbAmount = Decimal;

/** Parses a THB decimal string (at most 2 decimals, no sign unless `allowZero` and zero); refuses floats and junk. */
export function parseThb(text: string, what: string, options: { allowZero?: boolean } = {}): ThbAmount {
  const value = readTwoDecimals(text);
  if (!value) throw new RangeError(`${what} must be a THB decimal string with at most 2 decimals, got ${JSON.stringify(text)}`);
  if (value.isZero() && !options.allowZero) throw new RangeError(`${what} must be positive`);
  return value;
}

/** Zero baht. */
export const ZERO_THB: ThbAmount = new MoneyDecimal(0);

/** `"100.00"`: the ledger's and the controls' rendering. */
export const thbText: (amount: ThbAmount) => string = twoDecimalText;

/** The JSON number text of a balance as the callback example shows it: `1000`, `899.5` (no float involved). */
export function thbJsonNumber(amount: ThbAmount): string {
  return amount.toFixed();
}
