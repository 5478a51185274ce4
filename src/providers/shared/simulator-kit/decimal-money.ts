import { Decimal } from 'decimal.js';
import { RawNumber } from './exact-json.ts';

/** A decimal.js constructor of the simulators' own (precision 40, half-up), so nobody's global settings change their sums. */
export const MoneyDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

const TWO_DECIMALS = /^\d+(\.\d{1,2})?$/;
const TWO_DECIMALS_NO_LEADING_ZERO = /^(0|[1-9]\d*)(\.\d{1,2})?$/;

/** How {@link readTwoDecimals} reads text: trimmed first (default yes), leading zeros such as `01` allowed (default yes). */
export interface TwoDecimalsRule {
  trim?: boolean;
  leadingZeros?: boolean;
}

/** The amount in `text` when it is a non-negative decimal string with at most two decimals (`15`, `15.5`, `15.00`), else null (floats, signs, junk). */
export function readTwoDecimals(text: unknown, rule: TwoDecimalsRule = {}): Decimal | null {
  if (typeof text !== 'string') return null;
  const candidate = rule.trim === false ? text : text.trim();
  const pattern = rule.leadingZeros === false ? TWO_DECIMALS_NO_LEADING_ZERO : TWO_DECIMALS;
  return pattern.test(candidate) ? new MoneyDecimal(candidate) : null;
}

/** The amount with exactly two decimals, rounding half up (`5000.00`, `9.70`). */
export function twoDecimalText(amount: Decimal): string {
  return amount.toFixed(2, Decimal.ROUND_HALF_UP);
}

/** The amount as a raw JSON number with two decimals (`"price": 15.00`). */
export function twoDecimalJson(amount: Decimal): RawNumber {
  return new RawNumber(twoDecimalText(amount));
}
