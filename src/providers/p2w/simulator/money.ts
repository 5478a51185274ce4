import { Decimal } from 'decimal.js';

// A private Decimal constructor so the simulator never touches the global decimal.js configuration.
const Thb = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** An exact THB amount. */
export type ThbAmount = Decimal;

/** Parses a THB decimal string (at most 2 decimals, no sign unless `allowZero` and zero); refuses floats and junk. */
export function parseThb(text: string, what: string, options: { allowZero?: boolean } = {}): ThbAmount {
  if (typeof text !== 'string' || !/^\d+(\.\d{1,2})?$/.test(text.trim())) {
    throw new RangeError(`${what} must be a THB decimal string with at most 2 decimals, got ${JSON.stringify(text)}`);
  }
  const value = new Thb(text.trim());
  if (value.isZero() && !options.allowZero) throw new RangeError(`${what} must be positive`);
  return value;
}

/** Zero baht. */
export const ZERO_THB: ThbAmount = new Thb(0);

/** `"100.00"`: the ledger's and the controls' rendering. */
export function thbText(amount: ThbAmount): string {
  return amount.toFixed(2);
}

/** The JSON number text of a balance as the callback example shows it: `1000`, `899.5` (no float involved). */
export function thbJsonNumber(amount: ThbAmount): string {
  return amount.toFixed();
}
