import type { Decimal } from 'decimal.js';
import { MoneyDecimal, readTwoDecimals, twoDecimalJson, twoDecimalText } from '../../shared/simulator-kit/decimal-money.ts';
import type { RawNumber } from '../../shared/simulator-kit/exact-json.ts';

/** Coins are kept exactly, to the satang-like 0.01 the document shows (`500.00`, `15.00`). */
export const COIN_DECIMALS = 2;

/** The simulators' own decimal.js constructor (simulator kit), so nobody else's global settings change our arithmetic. */
export const Coins = MoneyDecimal;
export type Coins = Decimal;

/** Parses a non-negative coin amount given as a decimal string with at most two decimals. */
export function parseCoins(text: string, what = 'amount'): Coins {
  const amount = readTwoDecimals(text);
  if (!amount) throw new RangeError(`${what} must be a non-negative decimal string with at most 2 decimals, got ${String(text)}`);
  return amount;
}

/** The amount as the document writes it: always two decimals (`15.00`). */
export const coinText: (amount: Coins) => string = twoDecimalText;

/** The amount as a raw JSON number with two decimals. */
export const coinJson: (amount: Coins) => RawNumber = twoDecimalJson;

/**
 * Price of `quantity` units at `pricePer1000` coins, rounded UP to 0.01: the provider never charges less
 * than the rate (so a gateway quoting with the same rule never under-quotes).
 */
export function socialPrice(pricePer1000: Coins, quantity: number): Coins {
  return pricePer1000.times(quantity).dividedBy(1000).toDecimalPlaces(COIN_DECIMALS, Coins.ROUND_UP);
}

/** Refund of the undelivered part of an order, rounded DOWN to 0.01: never more back than was paid for it. */
export function remainsRefund(price: Coins, quantity: number, remains: number): Coins {
  if (remains >= quantity) return price;
  return price.times(remains).dividedBy(quantity).toDecimalPlaces(COIN_DECIMALS, Coins.ROUND_DOWN);
}
