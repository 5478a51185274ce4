import { Decimal } from 'decimal.js';

/** Currencies Switchboard settles or displays in. */
export const CURRENCIES = ['THB', 'IDR', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** ISO 4217 minor units (IDR officially has 2, even though prices are quoted in whole rupiah). */
export const MINOR_UNITS: Readonly<Record<Currency, number>> = { THB: 2, IDR: 2, USD: 2 };

/** Decimal places for totals and for unit prices (docs/architecture.md, "Money and FX"). */
export const TOTAL_DECIMALS = 2;
export const UNIT_PRICE_DECIMALS = 4;

// One isolated Decimal constructor so nobody else's global configuration changes our arithmetic.
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
// Past 15 significant digits a JSON number may already have lost digits in JSON.parse.
const MAX_EXACT_JSON_DIGITS = 15;

/** An exact amount in one currency. Immutable. */
export class Money {
  readonly amount: Dec;
  readonly currency: Currency;

  constructor(amount: Dec, currency: Currency) {
    this.amount = amount;
    this.currency = currency;
  }

  /** Parses a decimal string such as "15", "15.00" or "0.9231"; rejects anything else (exponents, spaces, NaN). */
  static of(text: string, currency: Currency): Money {
    const trimmed = text.trim();
    if (!DECIMAL_TEXT.test(trimmed)) throw new InvalidAmountError(text);
    return new Money(new Dec(trimmed), currency);
  }

  /**
   * Parses an amount as a provider sent it: a JSON number (already parsed by JSON.parse),
   * a decimal string, or XML text. JSON numbers are read back through their shortest
   * round-trip form, which is the literal the provider wrote for any amount of up to 15 digits.
   */
  static fromProvider(raw: number | string, currency: Currency): Money {
    if (typeof raw === 'number') {
      if (!Number.isFinite(raw)) throw new InvalidAmountError(String(raw));
      const text = numberToPlainString(raw);
      if (text.replace(/[-.]/g, '').replace(/^0+/, '').length > MAX_EXACT_JSON_DIGITS) throw new InvalidAmountError(text);
      return Money.of(text, currency);
    }
    return Money.of(raw, currency);
  }

  static zero(currency: Currency): Money {
    return new Money(new Dec(0), currency);
  }

  plus(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.amount.plus(other.amount), this.currency);
  }

  minus(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.amount.minus(other.amount), this.currency);
  }

  times(factor: number | string | Dec): Money {
    return new Money(this.amount.times(factor), this.currency);
  }

  compare(other: Money): number {
    this.assertSameCurrency(other);
    return this.amount.comparedTo(other.amount);
  }

  isPositive(): boolean {
    return this.amount.greaterThan(0);
  }

  /** Canonical decimal text, without exponent and without trailing zeros beyond what the value needs. */
  toString(): string {
    return this.amount.toFixed();
  }

  toJSON(): { amount: string; currency: Currency } {
    return { amount: this.toString(), currency: this.currency };
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) throw new CurrencyMismatchError(this.currency, other.currency);
  }
}

/** Rounds for display: half-up to `decimals`, but a strictly positive amount never becomes zero. */
export function roundForDisplay(amount: Dec, decimals: number): Dec {
  const rounded = amount.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
  if (amount.greaterThan(0) && rounded.isZero()) return new Dec(1).dividedBy(new Dec(10).pow(decimals));
  if (amount.lessThan(0) && rounded.isZero()) return new Dec(-1).dividedBy(new Dec(10).pow(decimals));
  return rounded;
}

function numberToPlainString(value: number): string {
  const text = String(value);
  // Small or huge numbers print with an exponent; Decimal expands them exactly from that same shortest form.
  return text.includes('e') ? new Dec(text).toFixed() : text;
}

export class InvalidAmountError extends Error {
  constructor(received: string) {
    super(`Not a decimal amount: ${JSON.stringify(received)}`);
    this.name = 'InvalidAmountError';
  }
}

export class CurrencyMismatchError extends Error {
  constructor(a: Currency, b: Currency) {
    super(`Cannot combine ${a} with ${b} without a conversion`);
    this.name = 'CurrencyMismatchError';
  }
}

export function isCurrency(value: string): value is Currency {
  return (CURRENCIES as readonly string[]).includes(value);
}
