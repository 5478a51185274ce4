import { Decimal } from 'decimal.js';
import { RawNumber } from './json-text.ts';

/** THB with at most 2 decimals (satang), non-negative, as a decimal string: `15`, `15.5`, `15.00`. */
const THB_TEXT = /^(0|[1-9]\d*)(\.\d{1,2})?$/;

/** Parses a THB amount given as a decimal string; anything else (floats included) is refused. */
export function parseThb(text: string, what: string): Decimal {
  if (typeof text !== 'string' || !THB_TEXT.test(text.trim())) {
    throw new RangeError(`${what} must be a non-negative THB decimal string with at most 2 decimals, got ${String(text)}`);
  }
  return new Decimal(text.trim());
}

/** The amount as the document writes it: two decimals (`15.00`). */
export function thbText(amount: Decimal): string {
  return amount.toFixed(2);
}

/** The amount as a raw JSON number with two decimals (`"price_thb": 15.00`). */
export function thbJson(amount: Decimal): RawNumber {
  return new RawNumber(thbText(amount));
}
