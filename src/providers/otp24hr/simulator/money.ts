import type { Decimal } from 'decimal.js';
import { readTwoDecimals, twoDecimalJson, twoDecimalText } from '../../shared/simulator-kit/decimal-money.ts';
import type { RawNumber } from '../../shared/simulator-kit/exact-json.ts';

/** Parses a THB amount given as a non-negative decimal string with at most 2 decimals (`15`, `15.5`, `15.00`); anything else (floats included) is refused. */
export function parseThb(text: string, what: string): Decimal {
  const amount = readTwoDecimals(text, { leadingZeros: false });
  if (!amount) throw new RangeError(`${what} must be a non-negative THB decimal string with at most 2 decimals, got ${String(text)}`);
  return amount;
}

/** The amount as the document writes it: two decimals (`15.00`). */
export const thbText: (amount: Decimal) => string = twoDecimalText;

/** The amount as a raw JSON number with two decimals (`"price_thb": 15.00`). */
export const thbJson: (amount: Decimal) => RawNumber = twoDecimalJson;
