import { Decimal } from 'decimal.js';
import { RawNumber } from './json-text.ts';

/** Coins are kept exactly, to the satang-like 0.01 the document shows (`500.00`, `15.00`). */
export const COIN_DECIMALS = 2;

/** A decimal.js constructor of our own, so nobody else's global settings change our arithmetic. */
export const Coins = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Coins = Decimal;

/** Parses a non-negative coin amount given as a decimal string with at most two decimals. */
export function parseCoins(text: string, what = 'amount'): Coins {
  if (typeof text !== 'string' || !/^\d+(\.\d{1,2})?$/.test(text.trim())) {
    throw new RangeError(`${what} must be a non-negative decimal string with at most 2 decimals, got ${String(text)}`);
  }
  return new Coins(text.trim());
}

/** The amount as the document writes it: always two decimals (`15.00`). */
export function coinText(amount: Coins): string {
  return amount.toFixed(COIN_DECIMALS);
}

/** The amount as a raw JSON number with two decimals. */
export function coinJson(amount: Coins): RawNumber {
  return new RawNumber(coinText(amount));
}

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
