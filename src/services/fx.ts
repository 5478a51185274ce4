import { Dec, Money, roundForDisplay, TOTAL_DECIMALS, UNIT_PRICE_DECIMALS, type Currency } from '../domain/money.ts';
import { FxRateUnavailableError } from '../domain/errors.ts';
import type { EventBus } from './event-bus.ts';

/** Where a rate came from: operator configuration or a provider that publishes one. */
export type RateSource = 'CONFIG' | `PROVIDER:${string}`;

export interface FxRate {
  readonly base: Currency;
  readonly quote: Currency;
  /** Units of `quote` for one unit of `base`. */
  readonly rate: Dec;
  readonly source: RateSource;
  readonly asOf: Date;
}

/** The rate actually applied to one conversion, disclosed to the client. */
export interface AppliedRate {
  readonly pair: string;
  readonly rate: Dec;
  readonly source: string;
  readonly asOf: Date;
  /** Applies the rate the way it was published (multiply, or divide for an inverse leg), so an exact half-cent stays exact. */
  readonly apply: (amount: Dec) => Dec;
}

export interface Conversion {
  readonly money: Money;
  readonly applied: AppliedRate;
}

/** Totals to 2 decimals, unit prices to 4 (docs/architecture.md, "Money and FX"). */
export type Precision = 'TOTAL' | 'UNIT';

const PIVOT: Currency = 'USD';

/**
 * Exchange rates and conversions. Stores each pair as published; inverse and cross rates
 * are derived at read time (triangulated through USD), never stored.
 */
export class FxService {
  private readonly rates = new Map<string, FxRate[]>();
  private readonly maxAgeMs: number;
  private readonly now: () => Date;
  private readonly events: EventBus;
  /** Bumped by every rate change: a memoized projection from an older version is computed again. */
  #version = 0;
  // Projections of one Money (e.g. a catalog offer's price) per target currency and precision, so a
  // catalog request reads them instead of running decimal arithmetic per field (docs/performance.md).
  readonly #projections = new WeakMap<Money, Map<string, { version: number; until: number; conversion: Conversion }>>();

  constructor(options: { maxAgeMs: number; events: EventBus; now?: () => Date }) {
    this.maxAgeMs = options.maxAgeMs;
    this.events = options.events;
    this.now = options.now ?? (() => new Date());
  }

  /** Records a rate (replacing the previous one from the same source) and announces it. */
  setRate(rate: FxRate): void {
    if (!rate.rate.greaterThan(0)) throw new RangeError(`Rate ${rate.base}/${rate.quote} must be positive`);
    const key = pairKey(rate.base, rate.quote);
    const others = (this.rates.get(key) ?? []).filter((r) => r.source !== rate.source);
    this.rates.set(key, [...others, rate]);
    this.#version += 1;
    this.events.publish('fx.ratesChanged', this.list().map(toEvent));
  }

  /** Every stored rate, one per pair and source. */
  list(): FxRate[] {
    return [...this.rates.values()].flat().sort((a, b) => pairKey(a.base, a.quote).localeCompare(pairKey(b.base, b.quote)) || a.source.localeCompare(b.source));
  }

  /** A provider-published rate older than the limit is kept for display but never used. */
  isStale(rate: FxRate): boolean {
    return rate.source !== 'CONFIG' && this.now().getTime() - rate.asOf.getTime() > this.maxAgeMs;
  }

  /** The usable rate from `from` to `to`: direct, inverse, or through USD. Throws FxRateUnavailableError. */
  rate(from: Currency, to: Currency): AppliedRate {
    const pair = `${from}/${to}`;
    if (from === to) return { pair, rate: new Dec(1), source: 'IDENTITY', asOf: this.now(), apply: (x) => x };
    const direct = this.leg(from, to);
    if (direct) return { ...direct, pair };
    if (from !== PIVOT && to !== PIVOT) {
      const first = this.leg(from, PIVOT);
      const second = this.leg(PIVOT, to);
      if (first && second) {
        return {
          pair,
          rate: first.rate.times(second.rate),
          source: `${first.source} × ${second.source}`,
          asOf: first.asOf < second.asOf ? first.asOf : second.asOf,
          apply: (x) => second.apply(first.apply(x)),
        };
      }
    }
    throw new FxRateUnavailableError(pair, `no fresh rate (older than ${Math.round(this.maxAgeMs / 1000)} s is not used)`);
  }

  /** Converts exactly, then rounds for display; a positive amount never becomes zero. */
  convert(money: Money, to: Currency, precision: Precision = 'TOTAL'): Conversion {
    const applied = this.rate(money.currency, to);
    const decimals = precision === 'TOTAL' ? TOTAL_DECIMALS : UNIT_PRICE_DECIMALS;
    const amount = money.currency === to ? money.amount : roundForDisplay(applied.apply(money.amount), decimals);
    return { money: new Money(amount, to), applied };
  }

  /**
   * `convert`, memoized per Money instance until a rate changes or a provider rate it used goes
   * stale: for long-lived amounts such as catalog prices, which are shown far more often than they change.
   */
  projection(money: Money, to: Currency, precision: Precision = 'TOTAL'): Conversion {
    const key = `${to}:${precision}`;
    const now = this.now().getTime();
    let byTarget = this.#projections.get(money);
    const memo = byTarget?.get(key);
    if (memo && memo.version === this.#version && now < memo.until) return memo.conversion;
    const conversion = this.convert(money, to, precision);
    if (!byTarget) this.#projections.set(money, (byTarget = new Map()));
    byTarget.set(key, { version: this.#version, until: this.validUntil(), conversion });
    return conversion;
  }

  /** A number that changes whenever any rate changes (for caches of converted figures). */
  get version(): number {
    return this.#version;
  }

  /** Until when (epoch ms) the rates usable now stay usable: the first moment a fresh provider rate turns stale. */
  validUntil(): number {
    let until = Number.POSITIVE_INFINITY;
    const now = this.now().getTime();
    for (const list of this.rates.values()) {
      for (const r of list) {
        if (r.source === 'CONFIG') continue;
        const staleAt = r.asOf.getTime() + this.maxAgeMs;
        if (staleAt > now && staleAt < until) until = staleAt;
      }
    }
    return until;
  }

  /** Converts without rounding, for comparisons such as a price cap. */
  convertExact(money: Money, to: Currency): Money {
    return new Money(this.rate(money.currency, to).apply(money.amount), to);
  }

  private leg(from: Currency, to: Currency): Omit<AppliedRate, 'pair'> | null {
    const direct = this.freshest(from, to);
    if (direct) return { rate: direct.rate, source: direct.source, asOf: direct.asOf, apply: (x) => x.times(direct.rate) };
    const inverse = this.freshest(to, from);
    if (inverse) {
      // Divide rather than multiply by a rounded reciprocal: IDR→USD is canonical_amount / rate, as smscode computes it.
      return { rate: new Dec(1).dividedBy(inverse.rate), source: inverse.source, asOf: inverse.asOf, apply: (x) => x.dividedBy(inverse.rate) };
    }
    return null;
  }

  // A provider-published rate wins while it is fresh; configured rates are the operator's standing choice.
  private freshest(base: Currency, quote: Currency): FxRate | null {
    const usable = (this.rates.get(pairKey(base, quote)) ?? []).filter((r) => !this.isStale(r));
    usable.sort((a, b) => Number(a.source === 'CONFIG') - Number(b.source === 'CONFIG') || b.asOf.getTime() - a.asOf.getTime());
    return usable[0] ?? null;
  }
}

function pairKey(base: Currency, quote: Currency): string {
  return `${base}/${quote}`;
}

function toEvent(rate: FxRate) {
  return { base: rate.base, quote: rate.quote, rate: rate.rate.toFixed(), source: rate.source, asOf: rate.asOf.toISOString() };
}
