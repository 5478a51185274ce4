import { describe, expect, it } from 'vitest';
import { Dec, Money, type Currency } from '../../src/domain/money.ts';
import { FxRateUnavailableError } from '../../src/domain/errors.ts';
import { FxService, type RateSource } from '../../src/services/fx.ts';
import { createEventBus, type EventBus } from '../../src/services/event-bus.ts';

const HOUR = 3_600_000;
const NOW = new Date('2026-05-27T09:00:00.000Z');

/** A service on a clock the test controls; nothing here reads the real time. */
function setup(options: { maxAgeMs?: number } = {}) {
  let now = NOW;
  const events: EventBus = createEventBus();
  const fx = new FxService({ maxAgeMs: options.maxAgeMs ?? HOUR, events, now: () => now });
  return {
    fx,
    events,
    setNow(date: Date) {
      now = date;
    },
    rate(base: Currency, quote: Currency, rate: string, source: RateSource, asOf: Date) {
      fx.setRate({ base, quote, rate: new Dec(rate), source, asOf });
    },
  };
}

const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('FxService.rate', () => {
  it('uses a direct rate and discloses its source and age', () => {
    const { fx, rate } = setup();
    rate('USD', 'IDR', '16250', 'PROVIDER:SMSCODE', ago(HOUR / 2));
    const applied = fx.rate('USD', 'IDR');
    expect(applied.pair).toBe('USD/IDR');
    expect(applied.rate.toFixed()).toBe('16250');
    expect(applied.source).toBe('PROVIDER:SMSCODE');
    expect(applied.asOf).toEqual(ago(HOUR / 2));
  });

  it('derives the inverse of a stored pair, with the same source and age', () => {
    const { fx, rate } = setup();
    rate('USD', 'IDR', '16250', 'PROVIDER:SMSCODE', ago(1000));
    const applied = fx.rate('IDR', 'USD');
    expect(applied.pair).toBe('IDR/USD');
    expect(applied.rate.equals(new Dec(1).dividedBy(16250))).toBe(true);
    expect(applied.rate.times(16250).toDecimalPlaces(30).toFixed()).toBe('1');
    expect(applied.source).toBe('PROVIDER:SMSCODE');
    expect(applied.asOf).toEqual(ago(1000));
  });

  it('triangulates two non-USD currencies through USD, disclosing both sources and the older asOf', () => {
    const { fx, rate } = setup();
    rate('USD', 'THB', '32.50', 'CONFIG', ago(5 * HOUR));
    rate('USD', 'IDR', '16250', 'PROVIDER:SMSCODE', ago(HOUR / 4));

    const thbIdr = fx.rate('THB', 'IDR');
    expect(thbIdr.pair).toBe('THB/IDR');
    expect(thbIdr.rate.toDecimalPlaces(20).toFixed()).toBe('500');
    expect(thbIdr.source).toBe('CONFIG × PROVIDER:SMSCODE');
    expect(thbIdr.asOf).toEqual(ago(5 * HOUR));

    const idrThb = fx.rate('IDR', 'THB');
    expect(idrThb.pair).toBe('IDR/THB');
    expect(idrThb.rate.toDecimalPlaces(20).toFixed()).toBe('0.002');
    expect(idrThb.source).toBe('PROVIDER:SMSCODE × CONFIG');
    expect(idrThb.asOf).toEqual(ago(5 * HOUR));
  });

  it('prefers a stored direct cross rate over triangulation', () => {
    const { fx, rate } = setup();
    rate('USD', 'THB', '32.50', 'CONFIG', NOW);
    rate('USD', 'IDR', '16250', 'CONFIG', NOW);
    rate('THB', 'IDR', '480', 'CONFIG', NOW);
    expect(fx.rate('THB', 'IDR').rate.toFixed()).toBe('480');
    expect(fx.rate('THB', 'IDR').source).toBe('CONFIG');
  });

  it('identity: a currency to itself is exactly 1, with no stored rate needed', () => {
    const { fx } = setup();
    const applied = fx.rate('THB', 'THB');
    expect(applied).toMatchObject({ pair: 'THB/THB', source: 'IDENTITY' });
    expect(applied.rate.toFixed()).toBe('1');
    expect(applied.asOf).toEqual(NOW);
  });

  it('throws FxRateUnavailableError when no rate connects the pair', () => {
    const { fx, rate } = setup();
    expect(() => fx.rate('USD', 'THB')).toThrow(FxRateUnavailableError);
    rate('USD', 'THB', '32.50', 'CONFIG', NOW);
    // THB→IDR needs both legs; the IDR one is missing.
    try {
      fx.rate('THB', 'IDR');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FxRateUnavailableError);
      expect((error as FxRateUnavailableError).pair).toBe('THB/IDR');
      expect((error as FxRateUnavailableError).code).toBe('FX_RATE_UNAVAILABLE');
    }
  });
});

describe('FxService staleness', () => {
  it('never uses a provider rate older than maxAgeMs, but keeps it listed', () => {
    const { fx, rate } = setup();
    rate('USD', 'IDR', '16250', 'PROVIDER:SMSCODE', ago(HOUR + 1));
    expect(() => fx.rate('USD', 'IDR')).toThrow(FxRateUnavailableError);
    expect(() => fx.rate('IDR', 'USD')).toThrow(FxRateUnavailableError);
    expect(() => fx.convert(Money.of('15000', 'IDR'), 'USD')).toThrow(FxRateUnavailableError);
    expect(fx.list()).toHaveLength(1);
    expect(fx.isStale(fx.list()[0]!)).toBe(true);
  });

  it('a provider rate exactly maxAgeMs old is still usable', () => {
    const { fx, rate } = setup();
    rate('USD', 'IDR', '16250', 'PROVIDER:SMSCODE', ago(HOUR));
    expect(fx.rate('USD', 'IDR').rate.toFixed()).toBe('16250');
  });

  it('a provider rate goes stale as the clock moves on', () => {
    const { fx, rate, setNow } = setup();
    rate('USD', 'IDR', '16250', 'PROVIDER:SMSCODE', NOW);
    expect(fx.rate('USD', 'IDR').source).toBe('PROVIDER:SMSCODE');
    setNow(new Date(NOW.getTime() + HOUR + 1));
    expect(() => fx.rate('USD', 'IDR')).toThrow(FxRateUnavailableError);
  });

  it('a CONFIG rate never goes stale', () => {
    const { fx, rate } = setup();
    rate('USD', 'THB', '32.50', 'CONFIG', ago(365 * 24 * HOUR));
    expect(fx.rate('USD', 'THB').rate.toFixed()).toBe('32.5');
    expect(fx.isStale(fx.list()[0]!)).toBe(false);
  });

  it('a stale leg makes a triangulated rate unavailable', () => {
    const { fx, rate } = setup();
    rate('USD', 'THB', '32.50', 'CONFIG', NOW);
    rate('USD', 'IDR', '16250', 'PROVIDER:SMSCODE', ago(2 * HOUR));
    expect(() => fx.rate('THB', 'IDR')).toThrow(FxRateUnavailableError);
  });

  it('a fresh provider rate wins over CONFIG; when it goes stale CONFIG takes over again', () => {
    const { fx, rate, setNow } = setup();
    rate('USD', 'IDR', '16000', 'CONFIG', NOW);
    rate('USD', 'IDR', '16250', 'PROVIDER:SMSCODE', ago(HOUR / 2));
    expect(fx.rate('USD', 'IDR')).toMatchObject({ source: 'PROVIDER:SMSCODE' });
    expect(fx.rate('USD', 'IDR').rate.toFixed()).toBe('16250');
    expect(fx.rate('IDR', 'USD').source).toBe('PROVIDER:SMSCODE');

    setNow(new Date(NOW.getTime() + HOUR));
    expect(fx.rate('USD', 'IDR')).toMatchObject({ source: 'CONFIG' });
    expect(fx.rate('USD', 'IDR').rate.toFixed()).toBe('16000');
  });

  it('setRate replaces the previous rate from the same source only', () => {
    const { fx, rate } = setup();
    rate('USD', 'IDR', '16000', 'CONFIG', NOW);
    rate('USD', 'IDR', '16100', 'PROVIDER:SMSCODE', NOW);
    rate('USD', 'IDR', '16250', 'PROVIDER:SMSCODE', NOW);
    expect(fx.list().map((r) => `${r.source}=${r.rate.toFixed()}`)).toEqual(['CONFIG=16000', 'PROVIDER:SMSCODE=16250']);
    expect(fx.rate('USD', 'IDR').rate.toFixed()).toBe('16250');
  });
});

describe('FxService.convert', () => {
  function smscode() {
    const s = setup();
    s.rate('USD', 'IDR', '16250', 'PROVIDER:SMSCODE', new Date('2026-05-27T08:00:00+00:00'));
    return s.fx;
  }

  it("matches smscode's documented examples at USD/IDR 16250", () => {
    const fx = smscode();
    expect(fx.convert(Money.of('15000', 'IDR'), 'USD', 'UNIT').money.toString()).toBe('0.9231');
    expect(fx.convert(Money.of('500000', 'IDR'), 'USD', 'TOTAL').money.toString()).toBe('30.77');
    expect(fx.convert(Money.of('515000', 'IDR'), 'USD', 'TOTAL').money.toString()).toBe('31.69');
  });

  it('discloses the applied rate with the conversion', () => {
    const fx = smscode();
    const { money, applied } = fx.convert(Money.of('15000', 'IDR'), 'USD', 'UNIT');
    expect(money.currency).toBe('USD');
    expect(applied.pair).toBe('IDR/USD');
    expect(applied.source).toBe('PROVIDER:SMSCODE');
    expect(applied.asOf).toEqual(new Date('2026-05-27T08:00:00Z'));
  });

  it('rounds totals to 2 decimals by default and unit prices to 4, half up', () => {
    const fx = smscode();
    expect(fx.convert(Money.of('15000', 'IDR'), 'USD').money.toString()).toBe('0.92');
    expect(fx.convert(Money.of('15000', 'IDR'), 'USD', 'TOTAL').money.toString()).toBe('0.92');
    // 81.25 IDR is exactly 0.005 USD: half up to 0.01.
    expect(fx.convert(Money.of('81.25', 'IDR'), 'USD', 'TOTAL').money.toString()).toBe('0.01');
    // 8.125 IDR is exactly 0.0005 USD.
    expect(fx.convert(Money.of('8.125', 'IDR'), 'USD', 'UNIT').money.toString()).toBe('0.0005');
    expect(fx.convert(Money.of('0.8125', 'IDR'), 'USD', 'UNIT').money.toString()).toBe('0.0001');
  });

  it('never rounds a positive amount to zero', () => {
    const fx = smscode();
    expect(fx.convert(Money.of('1', 'IDR'), 'USD', 'TOTAL').money.toString()).toBe('0.01');
    expect(fx.convert(Money.of('1', 'IDR'), 'USD', 'UNIT').money.toString()).toBe('0.0001');
    expect(fx.convert(Money.of('-1', 'IDR'), 'USD', 'TOTAL').money.toString()).toBe('-0.01');
    expect(fx.convert(Money.zero('IDR'), 'USD', 'TOTAL').money.toString()).toBe('0');
  });

  it('converts USD into IDR by the direct rate, exactly', () => {
    const fx = smscode();
    expect(fx.convert(Money.of('0.90', 'USD'), 'IDR').money.toString()).toBe('14625');
    expect(fx.convert(Money.of('1', 'USD'), 'IDR').money.toString()).toBe('16250');
  });

  it('convertExact does not round', () => {
    const fx = smscode();
    const exact = fx.convertExact(Money.of('0.123456789', 'USD'), 'IDR');
    expect(exact.toString()).toBe('2006.17282125');
    expect(exact.currency).toBe('IDR');
  });

  // the inverse leg is stored as a 40-digit reciprocal and multiplied, so an
  // amount whose exact value sits on a rounding half lands just below it and rounds DOWN. smscode itself
  // divides (USD = canonical_amount / rate), so the gateway and the provider can disagree by one cent.
  it('inverse conversion rounds half up from the exact quotient (USD/THB 30: 15.15 THB = 0.505 USD → 0.51)', () => {
    const { fx, rate } = setup();
    rate('USD', 'THB', '30', 'CONFIG', NOW);
    rate('USD', 'IDR', '16008', 'CONFIG', NOW);
    expect(fx.convert(Money.of('15.15', 'THB'), 'USD', 'TOTAL').money.toString()).toBe('0.51');
    expect(fx.convert(Money.of('1.65', 'THB'), 'USD', 'TOTAL').money.toString()).toBe('0.06');
    // 14007 / 16008 = 0.875 exactly.
    expect(fx.convert(Money.of('14007', 'IDR'), 'USD', 'TOTAL').money.toString()).toBe('0.88');
  });
});

describe('FxService.setRate', () => {
  it('publishes fx.ratesChanged with every stored rate, JSON-safe', async () => {
    const { fx, events, rate } = setup();
    rate('USD', 'THB', '32.50', 'CONFIG', NOW);

    const subscription = events.subscribe('fx.ratesChanged')[Symbol.asyncIterator]();
    // The subscription starts listening on its first next(); ask for the value before publishing.
    const first = subscription.next();
    rate('USD', 'IDR', '16250', 'PROVIDER:SMSCODE', ago(60_000));
    const { value, done } = await first;
    await subscription.return?.();

    expect(done).toBe(false);
    expect(value).toEqual([
      { base: 'USD', quote: 'IDR', rate: '16250', source: 'PROVIDER:SMSCODE', asOf: '2026-05-27T08:59:00.000Z' },
      { base: 'USD', quote: 'THB', rate: '32.5', source: 'CONFIG', asOf: '2026-05-27T09:00:00.000Z' },
    ]);
  });

  it.each(['0', '-16250'])('rejects a non-positive rate (%s) and stores nothing', (bad) => {
    const { fx } = setup();
    expect(() => fx.setRate({ base: 'USD', quote: 'IDR', rate: new Dec(bad), source: 'CONFIG', asOf: NOW })).toThrow(RangeError);
    expect(fx.list()).toEqual([]);
  });

  it('rejects NaN as a rate', () => {
    const { fx } = setup();
    expect(() => fx.setRate({ base: 'USD', quote: 'IDR', rate: new Dec(Number.NaN), source: 'CONFIG', asOf: NOW })).toThrow(RangeError);
  });
});
