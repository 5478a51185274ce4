import { Money } from '../domain/money.ts';
import type { FxRate } from '../services/fx.ts';
import { builder } from './builder.ts';
import { ConvertedMoneyRef, CurrencyEnum } from './money.ts';
import { PrecisionEnum } from './precision.ts';

export const FxRateRef = builder.objectRef<FxRate>('FxRate').implement({
  description: 'A stored exchange rate, as configured or as a provider published it.',
  fields: (t) => ({
    pair: t.string({ description: 'BASE/QUOTE, e.g. "USD/IDR".', resolve: (r) => `${r.base}/${r.quote}` }),
    base: t.field({ type: CurrencyEnum, description: 'Currency being priced.', resolve: (r) => r.base }),
    quote: t.field({ type: CurrencyEnum, description: 'Currency the price is in.', resolve: (r) => r.quote }),
    rate: t.field({ type: 'Decimal', description: 'Units of QUOTE for one unit of BASE.', resolve: (r) => r.rate }),
    source: t.string({ description: 'CONFIG (operator-set) or PROVIDER:<id> (published by that provider).', resolve: (r) => r.source }),
    asOf: t.field({ type: 'DateTime', description: 'When the rate was set or published.', resolve: (r) => r.asOf }),
    stale: t.boolean({
      description: 'True when the rate is older than FX_MAX_AGE_SECONDS and is therefore not used (configured rates never go stale).',
      resolve: (r, _args, ctx) => ctx.services.fx.isStale(r),
    }),
  }),
});

builder.queryFields((t) => ({
  fxRates: t.field({
    authScopes: { CATALOG_READ: true },
    type: [FxRateRef],
    description: 'Every exchange rate Switchboard holds; cross rates are derived through USD when converting.',
    resolve: (_root, _args, ctx) => ctx.services.fx.list(),
  }),
  convert: t.field({
    authScopes: { CATALOG_READ: true },
    type: ConvertedMoneyRef,
    description: 'Converts an amount between currencies with the current rates; fails with FX_RATE_UNAVAILABLE when no fresh rate exists.',
    args: {
      amount: t.arg({ type: 'Decimal', required: true, description: 'Exact amount to convert, as a string.' }),
      from: t.arg({ type: CurrencyEnum, required: true, description: 'Currency of the amount.' }),
      to: t.arg({ type: CurrencyEnum, required: true, description: 'Currency to convert into.' }),
      precision: t.arg({ type: PrecisionEnum, defaultValue: 'TOTAL', description: 'Rounding: TOTAL (2 decimals) or UNIT price (4 decimals).' }),
    },
    resolve: (_root, args, ctx) => {
      const original = Money.of(args.amount, args.from);
      return { ...ctx.services.fx.convert(original, args.to, args.precision ?? 'TOTAL'), original };
    },
  }),
}));

builder.subscriptionFields((t) => ({
  fxRatesChanged: t.field({
    authScopes: { CATALOG_READ: true },
    type: [FxRateRef],
    description: 'Emits the full list of rates whenever a rate is set or refreshed.',
    subscribe: (_root, _args, ctx) => ctx.services.events.subscribe('fx.ratesChanged'),
    resolve: (_event, _args, ctx) => ctx.services.fx.list(),
  }),
}));
