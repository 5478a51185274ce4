import { Decimal } from 'decimal.js';

/** THB on the wire: always two decimals, no grouping (`5000.00`, `9.70`). */
export function thb(amount: Decimal): string {
  return amount.toFixed(2, Decimal.ROUND_HALF_UP);
}

/** Reads a THB amount given to a control or an option: decimal text with at most two decimals, not negative. */
export function parseThb(text: string, what: string): Decimal {
  if (!/^\d+(\.\d{1,2})?$/.test(text)) throw new RangeError(`${what} must be THB as decimal text with at most 2 decimals, got ${JSON.stringify(text)}`);
  return new Decimal(text);
}

/** The discount on a face value: `percent` of it, rounded DOWN to the satang (the provider never deducts less than exact). */
export function discountOf(cash: Decimal, percent: string): Decimal {
  return cash.times(percent).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_DOWN);
}
