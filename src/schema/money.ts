import { Money, MINOR_UNITS, type Currency, type Dec } from '../domain/money.ts';
import type { AppliedRate, Conversion } from '../services/fx.ts';
import { builder } from './builder.ts';

export const CurrencyEnum = builder.enumType('Currency', {
  description: 'ISO 4217 currency code of an amount.',
  values: {
    THB: { value: 'THB', description: 'Thai baht.' },
    IDR: { value: 'IDR', description: 'Indonesian rupiah.' },
    USD: { value: 'USD', description: 'US dollar.' },
  } as const satisfies Record<Currency, { value: Currency; description: string }>,
});

export const MoneyRef = builder.objectRef<Money>('Money').implement({
  description: 'An exact amount of money in one currency.',
  fields: (t) => ({
    amount: t.field({ type: 'Decimal', description: 'Exact decimal amount, as a string.', resolve: (m) => m.amount }),
    currency: t.field({ type: CurrencyEnum, description: 'Currency of the amount.', resolve: (m) => m.currency }),
    minorUnits: t.int({ description: 'Decimal places of the currency\'s minor unit (ISO 4217).', resolve: (m) => MINOR_UNITS[m.currency] }),
  }),
});

// The disclosed rate, rounded once per applied rate (a catalog shows the same one on every offer).
const shownRates = new WeakMap<AppliedRate, Dec>();
function shownRate(rate: AppliedRate): Dec {
  let shown = shownRates.get(rate);
  if (!shown) shownRates.set(rate, (shown = rate.rate.toSignificantDigits(12)));
  return shown;
}

export const AppliedRateRef = builder.objectRef<AppliedRate>('AppliedFxRate').implement({
  description: 'The exchange rate used for one conversion, disclosed so the client knows what the figure rests on.',
  fields: (t) => ({
    pair: t.string({ description: 'FROM/TO, e.g. "IDR/THB".', resolve: (r) => r.pair }),
    rate: t.field({ type: 'Decimal', description: 'Units of TO for one unit of FROM.', resolve: (r) => shownRate(r) }),
    source: t.string({ description: 'Where the rate came from: CONFIG, PROVIDER:<id>, IDENTITY, or two sources joined by × when triangulated through USD.', resolve: (r) => r.source }),
    asOf: t.field({ type: 'DateTime', description: 'When the rate (the older leg, if triangulated) was published.', resolve: (r) => r.asOf }),
  }),
});

export const ConvertedMoneyRef = builder.objectRef<Conversion & { original: Money }>('ConvertedMoney').implement({
  description: 'An amount converted into another currency for display: a projection, never a ledger value.',
  fields: (t) => ({
    amount: t.field({ type: 'Decimal', description: 'Converted amount, rounded (totals to 2 decimals, unit prices to 4; never rounded to zero).', resolve: (c) => c.money.amount }),
    currency: t.field({ type: CurrencyEnum, description: 'Currency converted into.', resolve: (c) => c.money.currency }),
    minorUnits: t.int({ description: 'Decimal places of the target currency\'s minor unit.', resolve: (c) => MINOR_UNITS[c.money.currency] }),
    original: t.field({ type: MoneyRef, description: 'The exact amount that was converted.', resolve: (c) => c.original }),
    fx: t.field({ type: AppliedRateRef, description: 'The rate applied.', resolve: (c) => c.applied }),
  }),
});

export const MoneyInput = builder.inputType('MoneyInput', {
  description: 'An amount in a currency, e.g. { amount: "0.50", currency: USD }.',
  fields: (t) => ({
    amount: t.field({ type: 'Decimal', required: true, description: 'Exact decimal amount as a string.' }),
    currency: t.field({ type: CurrencyEnum, required: true, description: 'Currency of the amount.' }),
  }),
});
