import { Decimal } from 'decimal.js';
import { readTwoDecimals, twoDecimalText } from '../../shared/simulator-kit/decimal-money.ts';

/** THB on the wire: always two decimals, no grouping (`5000.00`, `9.70`). */
export const thb: (amount: Decimal) => string = twoDecimalText;

/** Reads a THB amount given to a control or an option: decimal text with at most two decimals, not negative. */
export function parseThb(text: string, what: string): Decimal {
  const amount = readTwoDecimals(String(text), { trim: false });
  if (!amount) throw new RangeError(`${what} must be THB as decimal text with at most 2 decimals, got ${JSON.stringify(text)}`);
  return amount;
}

/** The discount on a face value: `percent` of it, rounded DOWN to the satang (the provider never deducts less than exact). */
export function discountOf(cash: Decimal, percent: string): Decimal {
  return cash.times(percent).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_DOWN);
}
