import { describe, expect, it } from 'vitest';
import {
  CURRENCIES,
  CurrencyMismatchError,
  Dec,
  InvalidAmountError,
  MINOR_UNITS,
  Money,
  TOTAL_DECIMALS,
  UNIT_PRICE_DECIMALS,
  isCurrency,
  roundForDisplay,
} from '../../src/domain/money.ts';

describe('Money.of', () => {
  it.each([
    ['15', '15'],
    ['15.00', '15'],
    ['0.9231', '0.9231'],
    ['-3.5', '-3.5'],
    ['0', '0'],
    ['123456789012345678901234567890.123456789', '123456789012345678901234567890.123456789'],
  ])('accepts %j as exactly %s', (text, canonical) => {
    const money = Money.of(text, 'USD');
    expect(money.toString()).toBe(canonical);
    expect(money.currency).toBe('USD');
  });

  it.each(['1e3', ' ', '', 'NaN', 'Infinity', '15,00', '0x10', '1.', '.5', '+5', '1 000', '--1', '1.2.3', '١٢'])(
    'rejects %j with InvalidAmountError',
    (text) => {
      expect(() => Money.of(text, 'USD')).toThrow(InvalidAmountError);
    },
  );

  it('keeps every digit of a long fraction (no float on the way)', () => {
    expect(Money.of('0.1234567890123456789', 'USD').toString()).toBe('0.1234567890123456789');
  });

  it('quotes what it received in the error message', () => {
    expect(() => Money.of('15,00', 'THB')).toThrow('Not a decimal amount: "15,00"');
  });
});

describe('Money.fromProvider', () => {
  it('reads JSON numbers back as the literal the provider wrote', () => {
    expect(Money.fromProvider(JSON.parse('{"p":15.00}').p, 'IDR').toString()).toBe('15');
    expect(Money.fromProvider(JSON.parse('{"p":0.9231}').p, 'USD').toString()).toBe('0.9231');
    expect(Money.fromProvider(JSON.parse('{"p":15000}').p, 'IDR').toString()).toBe('15000');
    expect(Money.fromProvider(JSON.parse('{"p":-2.5}').p, 'THB').toString()).toBe('-2.5');
  });

  it('accepts 15 significant digits, the most a double always round-trips', () => {
    expect(Money.fromProvider(123456789012345, 'IDR').toString()).toBe('123456789012345');
    expect(Money.fromProvider(1234567890.12345, 'USD').toString()).toBe('1234567890.12345');
  });

  it('refuses float noise instead of silently treating it as exact', () => {
    const noisy = 0.1 + 0.2;
    expect(String(noisy)).toBe('0.30000000000000004');
    expect(() => Money.fromProvider(noisy, 'USD')).toThrow(InvalidAmountError);
    expect(() => Money.fromProvider(JSON.parse('{"p":0.30000000000000004}').p, 'USD')).toThrow(InvalidAmountError);
    expect(() => Money.fromProvider(-noisy, 'USD')).toThrow(InvalidAmountError);
  });

  it('expands small numbers printed with an exponent exactly', () => {
    expect(Money.fromProvider(1e-7, 'USD').toString()).toBe('0.0000001');
    expect(Money.fromProvider(JSON.parse('{"p":1e-7}').p, 'USD').toString()).toBe('0.0000001');
    expect(Money.fromProvider(-2.5e-8, 'USD').toString()).toBe('-0.000000025');
  });

  it('refuses non-finite numbers', () => {
    expect(() => Money.fromProvider(Number.NaN, 'USD')).toThrow(InvalidAmountError);
    expect(() => Money.fromProvider(Number.POSITIVE_INFINITY, 'USD')).toThrow(InvalidAmountError);
    expect(() => Money.fromProvider(Number.NEGATIVE_INFINITY, 'USD')).toThrow(InvalidAmountError);
  });

  it('trims XML text and keeps its exact value', () => {
    expect(Money.fromProvider(' 15.50 ', 'THB').toString()).toBe('15.5');
    expect(Money.fromProvider('\n\t100\n', 'THB').toString()).toBe('100');
  });

  it('applies the same strict grammar to strings', () => {
    expect(() => Money.fromProvider('1e3', 'THB')).toThrow(InvalidAmountError);
    expect(() => Money.fromProvider('15,50', 'THB')).toThrow(InvalidAmountError);
    expect(() => Money.fromProvider('', 'THB')).toThrow(InvalidAmountError);
  });
});

describe('Money arithmetic', () => {
  it('is exact where floats are not: 0.1 + 0.2 is 0.3', () => {
    const sum = Money.of('0.1', 'USD').plus(Money.of('0.2', 'USD'));
    expect(sum.toString()).toBe('0.3');
    expect(sum.compare(Money.of('0.3', 'USD'))).toBe(0);
    expect(sum.compare(Money.of('0.30', 'USD'))).toBe(0);
  });

  it('multiplies exactly: IDR 15000 × 3', () => {
    const price = Money.fromProvider(15000, 'IDR');
    expect(price.times(3).toString()).toBe('45000');
    expect(price.times('3').currency).toBe('IDR');
    expect(Money.of('0.9231', 'USD').times(new Dec(3)).toString()).toBe('2.7693');
  });

  it('subtracts exactly and can go negative', () => {
    expect(Money.of('1.00', 'THB').minus(Money.of('0.99', 'THB')).toString()).toBe('0.01');
    expect(Money.of('1', 'THB').minus(Money.of('1.5', 'THB')).toString()).toBe('-0.5');
  });

  it('adds many small amounts without drift', () => {
    let total = Money.zero('USD');
    for (let i = 0; i < 1000; i++) total = total.plus(Money.of('0.0001', 'USD'));
    expect(total.toString()).toBe('0.1');
  });

  it('compares by value', () => {
    expect(Money.of('2', 'IDR').compare(Money.of('10', 'IDR'))).toBe(-1);
    expect(Money.of('10', 'IDR').compare(Money.of('2', 'IDR'))).toBe(1);
    expect(Money.of('10.0', 'IDR').compare(Money.of('10', 'IDR'))).toBe(0);
  });

  it('never combines two currencies', () => {
    const usd = Money.of('1', 'USD');
    const thb = Money.of('1', 'THB');
    expect(() => usd.plus(thb)).toThrow(CurrencyMismatchError);
    expect(() => usd.minus(thb)).toThrow(CurrencyMismatchError);
    expect(() => usd.compare(thb)).toThrow(CurrencyMismatchError);
    expect(() => usd.plus(thb)).toThrow('Cannot combine USD with THB');
  });

  it('is immutable: operations return new values', () => {
    const a = Money.of('1', 'USD');
    a.plus(Money.of('2', 'USD'));
    a.times(10);
    expect(a.toString()).toBe('1');
  });

  it('isPositive is strict', () => {
    expect(Money.of('0.0001', 'USD').isPositive()).toBe(true);
    expect(Money.zero('USD').isPositive()).toBe(false);
    expect(Money.of('-0.0001', 'USD').isPositive()).toBe(false);
  });

  it('serialises as a string amount, never a float or exponent', () => {
    expect(JSON.stringify(Money.of('0.0000001', 'USD'))).toBe('{"amount":"0.0000001","currency":"USD"}');
    expect(Money.of('100000000000000000000000000000000000000', 'IDR').toString()).toBe('100000000000000000000000000000000000000');
  });
});

describe('roundForDisplay', () => {
  const round = (text: string, decimals: number) => roundForDisplay(new Dec(text), decimals).toFixed();

  it('rounds half up to totals (2) and unit prices (4)', () => {
    expect(TOTAL_DECIMALS).toBe(2);
    expect(UNIT_PRICE_DECIMALS).toBe(4);
    expect(round('0.125', 2)).toBe('0.13');
    expect(round('0.124999', 2)).toBe('0.12');
    expect(round('30.769230769', 2)).toBe('30.77');
    expect(round('0.92305', 4)).toBe('0.9231');
    expect(round('0.923049999', 4)).toBe('0.923');
    expect(round('1.00005', 4)).toBe('1.0001');
  });

  it('rounds a negative half away from zero, symmetric with positives', () => {
    expect(round('-0.125', 2)).toBe('-0.13');
    expect(round('-0.124', 2)).toBe('-0.12');
  });

  it('never rounds a strictly positive amount to zero', () => {
    expect(round('0.00001', 2)).toBe('0.01');
    expect(round('0.00001', 4)).toBe('0.0001');
    expect(round('0.0049', 2)).toBe('0.01');
    expect(round('0.000000000000000000000000001', 4)).toBe('0.0001');
  });

  it('never rounds a strictly negative amount to zero either', () => {
    expect(round('-0.00001', 2)).toBe('-0.01');
    expect(round('-0.00001', 4)).toBe('-0.0001');
  });

  it('leaves zero at zero and does not touch amounts already short enough', () => {
    expect(round('0', 2)).toBe('0');
    expect(round('15', 2)).toBe('15');
    expect(round('0.5', 4)).toBe('0.5');
  });
});

describe('currencies', () => {
  it('MINOR_UNITS are the ISO 4217 values (IDR officially has 2)', () => {
    expect(MINOR_UNITS).toEqual({ THB: 2, IDR: 2, USD: 2 });
    expect(Object.keys(MINOR_UNITS).sort()).toEqual([...CURRENCIES].sort());
  });

  it('isCurrency recognises exactly the supported codes', () => {
    for (const c of CURRENCIES) expect(isCurrency(c)).toBe(true);
    expect(isCurrency('usd')).toBe(false);
    expect(isCurrency('EUR')).toBe(false);
    expect(isCurrency('')).toBe(false);
  });
});
