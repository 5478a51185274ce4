import { Dec, Money } from '../../domain/money.ts';

/** Default value of one 247xd coin in THB (docs/providers.md: "treat 1 coin = 1 THB unless configured"). */
export const DEFAULT_COIN_THB = '1';

const POSITIVE_DECIMAL = /^\d+(\.\d+)?$/;

/**
 * 247xd keeps its books in "coins". The domain has no COIN currency, so every coin amount becomes THB at
 * the configured rate, multiplied exactly (decimal.js, no rounding): at the default 1:1 the THB amount is
 * the coin amount as sent. The raw coin text is kept next to it (providerData/details) for support.
 */
export class CoinRate {
  /** THB per coin, canonical decimal text ("1", "0.35"). */
  readonly thbPerCoin: string;
  readonly #rate: Dec;

  constructor(thbPerCoin: string = DEFAULT_COIN_THB) {
    const text = thbPerCoin.trim();
    if (!POSITIVE_DECIMAL.test(text) || new Dec(text).isZero()) throw new RangeError(`a coin rate is a positive decimal number of THB, got ${JSON.stringify(thbPerCoin)}`);
    this.#rate = new Dec(text);
    this.thbPerCoin = this.#rate.toFixed();
  }

  /** Whether 1 coin = 1 THB (amounts are passed on as they are). */
  get isParity(): boolean {
    return this.#rate.equals(1);
  }

  /** An exact coin amount (decimal text as read from the wire) in THB. */
  toThb(coins: string): Money {
    const amount = Money.of(coins, 'THB');
    return this.isParity ? amount : amount.times(this.#rate);
  }
}
