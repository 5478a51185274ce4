import { Decimal } from 'decimal.js';
import { rfc3339OrNull } from './timestamps.ts';

// A private Decimal constructor so the simulator never touches the global decimal.js configuration.
const Usd = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** The v2 money object: a USD projection of an exact IDR ledger value. */
export interface UsdMoney {
  amount: string;
  currency: 'USD';
  canonical_amount: number;
  canonical_currency: 'IDR';
}

/** `total` (balance, new_balance) renders with 2 decimals, `unit` (prices, amounts, refunds) with 4. */
export type MoneyPrecision = 'total' | 'unit';

/** The USD/IDR rate in force: integer IDR per 1 USD, and when it was recorded (null = unrecorded). */
export interface FxQuote {
  rate: number;
  asOf: number | null;
}

/** The `meta.fx` object of v2 money responses and the data of v2 `/catalog/exchange-rate`. */
export interface FxDisclosure {
  pair: 'USD/IDR';
  rate: number;
  rate_as_of: string | null;
}

/** Projects an IDR integer to USD: canonical / rate, ROUND_HALF_UP, a strictly positive amount never shows as zero. */
export function projectUsd(idr: number, rate: number, precision: MoneyPrecision): UsdMoney {
  assertIdr(idr);
  const places = precision === 'total' ? 2 : 4;
  let usd = new Usd(idr).dividedBy(rate).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  if (idr > 0 && usd.isZero()) usd = new Usd(1).dividedBy(new Usd(10).pow(places));
  return { amount: usd.toFixed(places), currency: 'USD', canonical_amount: idr, canonical_currency: 'IDR' };
}

/** Converts a v2 USD cap (decimal string) into the exact IDR cap it stands for (may be fractional). */
export function usdCapInIdr(usd: string, rate: number): Decimal {
  return new Usd(usd).times(rate);
}

/** The disclosure object for a quote. */
export function fxDisclosure(quote: FxQuote): FxDisclosure {
  return { pair: 'USD/IDR', rate: quote.rate, rate_as_of: rfc3339OrNull(quote.asOf) };
}

/** Throws unless `idr` is a non-negative safe integer: the ledger never holds fractions of a rupiah. */
export function assertIdr(idr: number): void {
  if (!Number.isSafeInteger(idr) || idr < 0) throw new RangeError(`IDR amount must be a non-negative safe integer, got ${idr}`);
}
