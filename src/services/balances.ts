import type { Currency, Money } from '../domain/money.ts';
import { Dec, Money as MoneyValue, roundForDisplay, TOTAL_DECIMALS } from '../domain/money.ts';
import type { ProviderId } from '../domain/provider.ts';
import { errorSummary } from './errors.ts';
import type { AppliedRate, FxService } from './fx.ts';
import type { ProviderDirectory } from './provider-directory.ts';

export interface ProviderBalance {
  readonly provider: ProviderId;
  /** The provider account's balance in its own currency: the ledger value. */
  readonly native: Money | null;
  /** Converted for display, with the rate used; null when the balance or a rate is unavailable. */
  readonly converted: { money: Money; applied: AppliedRate } | null;
  readonly error: string | null;
}

export interface BalanceSheet {
  readonly currency: Currency;
  readonly providers: readonly ProviderBalance[];
  /** Sum of the exact converted balances, rounded once at the end. */
  readonly total: Money;
  /** Every rate the total rests on. */
  readonly rates: readonly AppliedRate[];
  /** False when some provider's balance could not be read or converted, so the total leaves it out. */
  readonly complete: boolean;
}

/** Balances of every provider account (cached briefly), and their total in one currency. */
export class Balances {
  private readonly providers: ProviderDirectory;
  private readonly fx: FxService;

  constructor(providers: ProviderDirectory, fx: FxService) {
    this.providers = providers;
    this.fx = fx;
  }

  async sheet(currency: Currency): Promise<BalanceSheet> {
    const rows = await Promise.all(this.providers.all().map((adapter) => this.one(adapter.id, currency)));
    let exactTotal = new Dec(0);
    const rates = new Map<string, AppliedRate>();
    for (const row of rows) {
      if (!row.balance || !row.converted) continue;
      exactTotal = exactTotal.plus(row.exact!);
      rates.set(row.converted.applied.pair, row.converted.applied);
    }
    return {
      currency,
      providers: rows.map(({ provider, balance, converted, error }) => ({ provider, native: balance, converted, error })),
      total: new MoneyValue(roundForDisplay(exactTotal, TOTAL_DECIMALS), currency),
      rates: [...rates.values()],
      complete: rows.every((r) => r.converted !== null),
    };
  }

  private async one(provider: ProviderId, currency: Currency) {
    let balance: Money | null = null;
    try {
      balance = await this.providers.balance(provider);
      const converted = this.fx.convert(balance, currency, 'TOTAL');
      const exact = this.fx.convertExact(balance, currency).amount;
      return { provider, balance, converted, exact, error: null };
    } catch (error) {
      return { provider, balance, converted: null, exact: null, error: errorSummary(error) };
    }
  }
}
