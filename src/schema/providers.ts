import type { ProviderHealth } from '../domain/provider.ts';
import type { ProviderView } from '../services/provider-directory.ts';
import type { BalanceSheet, ProviderBalance } from '../services/balances.ts';
import { builder } from './builder.ts';
import { AppliedRateRef, ConvertedMoneyRef, CurrencyEnum, MoneyRef } from './money.ts';
import { CapabilityEnum, ProviderIdEnum } from './provider-enums.ts';

const HealthStatusEnum = builder.enumType('HealthStatus', {
  description: 'How a provider has been answering.',
  values: {
    UP: { value: 'UP', description: 'Answering normally.' },
    DEGRADED: { value: 'DEGRADED', description: 'Answering, but slowly, rate-limited or with errors.' },
    DOWN: { value: 'DOWN', description: 'Not answering.' },
  } as const,
});

const HealthRef = builder.objectRef<ProviderHealth>('ProviderHealth').implement({
  description: "A provider's health, judged from recent calls (no extra upstream traffic).",
  fields: (t) => ({
    status: t.field({ type: HealthStatusEnum, description: 'Overall state.', resolve: (h) => h.status }),
    checkedAt: t.field({ type: 'DateTime', nullable: true, description: 'When the last call finished.', resolve: (h) => h.checkedAt }),
    detail: t.string({ nullable: true, authScopes: { ADMIN: true }, unauthorizedResolver: () => null, description: 'What the last problem was, if any (ADMIN; null for other clients).', resolve: (h) => h.detail }),
  }),
});

const ProviderRef = builder.objectRef<ProviderView>('Provider').implement({
  description: 'An upstream provider configured in this gateway.',
  fields: (t) => ({
    id: t.field({ type: ProviderIdEnum, description: 'Provider id.', resolve: (p) => p.id }),
    name: t.string({ description: 'Display name.', resolve: (p) => p.name }),
    capabilities: t.field({ type: [CapabilityEnum], description: 'What it can do.', resolve: (p) => [...p.capabilities] }),
    currency: t.field({ type: CurrencyEnum, description: 'Currency its account is kept in.', resolve: (p) => p.currency }),
    health: t.field({ type: HealthRef, description: 'How it has been answering.', resolve: (p) => p.health() }),
    otpSuccessRate: t.int({
      nullable: true,
      description: "Share of this provider's OTP orders through this gateway that received a code, last 30 complete days, in 10% steps (0–100); null below 20 orders.",
      resolve: async (p, _args, ctx) => {
        const figure = (await ctx.services.otpStats.snapshot()).byProvider.find((f) => f.provider === p.id);
        return figure?.scored ? figure.step : null;
      },
    }),
    medianSecondsToOtp: t.float({
      nullable: true,
      description: 'Median time from order to first code for this provider through this gateway, last 30 complete days (seconds); null without a sample.',
      resolve: async (p, _args, ctx) => {
        const ms = (await ctx.services.otpStats.snapshot()).medianTimeToOtpMs.get(p.id);
        return ms === undefined || ms === null ? null : Math.round(ms) / 1000;
      },
    }),
    balance: t.field({
      authScopes: { ADMIN: true },
      type: MoneyRef,
      nullable: true,
      description: "Account balance in the provider's currency (read at most every 15 s, shared by every query); null when it cannot be read.",
      resolve: (p) => p.balance(),
    }),
  }),
});

const ProviderBalanceRef = builder.objectRef<ProviderBalance>('ProviderBalance').implement({
  description: "One provider account's balance.",
  fields: (t) => ({
    provider: t.field({ type: ProviderIdEnum, description: 'The provider.', resolve: (b) => b.provider }),
    balance: t.field({ type: MoneyRef, nullable: true, description: 'Balance in the provider’s currency (the ledger value).', resolve: (b) => b.native }),
    converted: t.field({
      type: ConvertedMoneyRef,
      nullable: true,
      description: 'Balance in the requested currency, with the rate.',
      resolve: (b) => (b.converted && b.native ? { ...b.converted, original: b.native } : null),
    }),
    error: t.string({ nullable: true, description: 'Why the balance could not be read or converted.', resolve: (b) => b.error }),
  }),
});

const BalanceSheetRef = builder.objectRef<BalanceSheet>('Balances').implement({
  description: 'Every provider balance and their total in one currency.',
  fields: (t) => ({
    currency: t.field({ type: CurrencyEnum, description: 'Currency of the total.', resolve: (s) => s.currency }),
    providers: t.field({ type: [ProviderBalanceRef], description: 'Per provider.', resolve: (s) => [...s.providers] }),
    total: t.field({ type: MoneyRef, description: 'Sum of the converted balances (exact sum, rounded once to 2 decimals).', resolve: (s) => s.total }),
    rates: t.field({ type: [AppliedRateRef], description: 'The rates the total rests on.', resolve: (s) => [...s.rates] }),
    complete: t.boolean({ description: 'False when some balance could not be read or converted and is missing from the total.', resolve: (s) => s.complete }),
  }),
});

builder.queryFields((t) => ({
  providers: t.field({
    authScopes: { CATALOG_READ: true },
    type: [ProviderRef],
    description: 'Configured providers with capabilities, health, OTP success figures and (cached) balance.',
    resolve: (_root, _args, ctx) => ctx.services.directory.all(),
  }),
  balances: t.field({
    authScopes: { ADMIN: true },
    type: BalanceSheetRef,
    description: 'Balances of every provider account (cached for 15 s) and their total in `currency`.',
    args: { currency: t.arg({ type: CurrencyEnum, required: true, description: 'Currency of the converted figures and the total.' }) },
    resolve: (_root, args, ctx) => ctx.services.balances.sheet(args.currency),
  }),
}));
