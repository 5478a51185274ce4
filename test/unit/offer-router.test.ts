import { describe, expect, it } from 'vitest';
import { Dec, Money, type Currency } from '../../src/domain/money.ts';
import type { ProviderId } from '../../src/domain/provider.ts';
import type { CatalogOffer } from '../../src/services/catalog.ts';
import { createEventBus } from '../../src/services/event-bus.ts';
import { FxService } from '../../src/services/fx.ts';
import { NEUTRAL_SUCCESS_STEP, OfferRouter, type SuccessRates } from '../../src/services/offer-router.ts';

const NOW = new Date('2026-05-27T09:00:00.000Z');

/** A real FxService on a fixed clock, with the given `USD/<quote>` rates. */
function router(rates: Partial<Record<Currency, string>> = { IDR: '16250', THB: '32.50' }) {
  const fx = new FxService({ maxAgeMs: 3_600_000, events: createEventBus(), now: () => NOW });
  for (const [quote, rate] of Object.entries(rates)) {
    fx.setRate({ base: 'USD', quote: quote as Currency, rate: new Dec(rate), source: 'CONFIG', asOf: NOW });
  }
  return new OfferRouter(fx);
}

function offer(provider: ProviderId, price: string, currency: Currency, available: number | null = 10, serviceKey = 'otp:whatsapp:ID'): CatalogOffer {
  return {
    provider,
    serviceKey,
    details: { kind: 'OTP_NUMBER', platform: 'whatsapp', country: 'ID' },
    name: 'WhatsApp Indonesia',
    providerRef: `${provider}:${price}`,
    price: Money.of(price, currency),
    available,
  };
}

const usd = (amount: string) => Money.of(amount, 'USD');
// What each skip says (its price is checked where it matters).
const outcomes = (skipped: readonly { provider: string; outcome: string }[]) => skipped.map(({ provider, outcome }) => ({ provider, outcome }));
const refs = (route: { candidates: readonly { offer: CatalogOffer }[] }) => route.candidates.map((c) => c.offer.providerRef);

describe('OfferRouter.route', () => {
  it('skips out-of-stock offers with outcome no_numbers; unknown stock stays eligible', () => {
    const route = router().route(
      [offer('SMSCODE', '15000', 'IDR', 0), offer('OTP24HR', '30', 'THB', -1), offer('XD247', '31', 'THB', null), offer('P2W', '32', 'THB', 1)],
      { maxPrice: null },
    );
    expect(outcomes(route.skipped)).toEqual([
      { provider: 'SMSCODE', outcome: 'no_numbers' },
      { provider: 'OTP24HR', outcome: 'no_numbers' },
    ]);
    expect(refs(route)).toEqual(['XD247:31', 'P2W:32']);
  });

  it('without a cap, every candidate has capInProviderCurrency null', () => {
    const route = router().route([offer('SMSCODE', '15000', 'IDR')], { maxPrice: null });
    expect(route.candidates).toHaveLength(1);
    expect(route.candidates[0]!.capInProviderCurrency).toBeNull();
    expect(outcomes(route.skipped)).toEqual([]);
  });

  it('converts a USD cap exactly into the offer currency: 1 USD = 16250 IDR lets a 15000 IDR offer through', () => {
    const route = router().route([offer('SMSCODE', '15000', 'IDR')], { maxPrice: usd('1') });
    expect(outcomes(route.skipped)).toEqual([]);
    const cap = route.candidates[0]!.capInProviderCurrency!;
    expect(cap.currency).toBe('IDR');
    expect(cap.toString()).toBe('16250');
  });

  it('reports the price of every skipped offer', () => {
    const route = router().route([offer('SMSCODE', '15000', 'IDR', 0)], { maxPrice: null });
    expect(route.skipped).toEqual([{ provider: 'SMSCODE', outcome: 'no_numbers', price: { amount: '15000', currency: 'IDR' } }]);
  });

  it('0.90 USD = 14625 IDR is below a 15000 IDR offer: skipped with price_above_max', () => {
    const route = router().route([offer('SMSCODE', '15000', 'IDR')], { maxPrice: usd('0.90') });
    expect(route.candidates).toEqual([]);
    expect(outcomes(route.skipped)).toEqual([{ provider: 'SMSCODE', outcome: 'price_above_max' }]);
  });

  it('a price exactly at the cap is within it', () => {
    const route = router().route([offer('SMSCODE', '14625', 'IDR')], { maxPrice: usd('0.90') });
    expect(outcomes(route.skipped)).toEqual([]);
    expect(route.candidates[0]!.capInProviderCurrency!.toString()).toBe('14625');
  });

  it('compares in the offer currency, so a cap a hair below the price (which rounds to the same display) still skips', () => {
    // 15000 IDR displays as 0.9231 USD; a cap of 0.92307 USD is 14999.8875 IDR.
    const route = router().route([offer('SMSCODE', '15000', 'IDR')], { maxPrice: usd('0.92307') });
    expect(outcomes(route.skipped)).toEqual([{ provider: 'SMSCODE', outcome: 'price_above_max' }]);
  });

  it('capInProviderCurrency is exact, not rounded to any display precision', () => {
    const route = router().route([offer('SMSCODE', '1', 'IDR'), offer('OTP24HR', '0.01', 'THB'), offer('XD247', '0.0001', 'USD')], {
      maxPrice: usd('0.123456789'),
    });
    const caps = Object.fromEntries(route.candidates.map((c) => [c.offer.provider, c.capInProviderCurrency!.toString()]));
    expect(caps).toEqual({ SMSCODE: '2006.17282125', OTP24HR: '4.0123456425', XD247: '0.123456789' });
  });

  it('sorts candidates cheapest first across currencies (compared in USD)', () => {
    // 16250 IDR = 1.00 USD; 30 THB ≈ 0.923 USD; 0.95 USD.
    const route = router().route([offer('SMSCODE', '16250', 'IDR'), offer('XD247', '0.95', 'USD'), offer('OTP24HR', '30', 'THB')], {
      maxPrice: null,
    });
    expect(refs(route)).toEqual(['OTP24HR:30', 'XD247:0.95', 'SMSCODE:16250']);
  });

  it('sorting is by value, not by the number in the price (an IDR offer can be the cheapest)', () => {
    const route = router().route([offer('OTP24HR', '30', 'THB'), offer('SMSCODE', '14000', 'IDR')], { maxPrice: null });
    expect(refs(route)).toEqual(['SMSCODE:14000', 'OTP24HR:30']);
  });

  it('keeps the input order for equal prices (stable)', () => {
    const route = router().route([offer('SMSCODE', '16250', 'IDR'), offer('XD247', '1', 'USD'), offer('OTP24HR', '32.5', 'THB')], {
      maxPrice: null,
    });
    expect(refs(route)).toEqual(['SMSCODE:16250', 'XD247:1', 'OTP24HR:32.5']);
  });

  it('filters, caps and sorts in one pass', () => {
    const route = router().route(
      [offer('SMSCODE', '16250', 'IDR'), offer('OTP24HR', '40', 'THB'), offer('XD247', '0.80', 'USD', 0), offer('P2W', '29', 'THB')],
      { maxPrice: usd('1.10') },
    );
    expect(refs(route)).toEqual(['P2W:29', 'SMSCODE:16250']);
    expect(outcomes(route.skipped)).toEqual([
      { provider: 'OTP24HR', outcome: 'price_above_max' },
      { provider: 'XD247', outcome: 'no_numbers' },
    ]);
  });

  it('an offer in a currency without a rate stays eligible when there is no cap', () => {
    const route = router({ IDR: '16250' }).route([offer('OTP24HR', '30', 'THB'), offer('SMSCODE', '15000', 'IDR')], {
      maxPrice: null,
    });
    expect(refs(route).sort()).toEqual(['OTP24HR:30', 'SMSCODE:15000']);
  });

  it('skips (and reports) an offer whose currency the cap cannot be converted into, keeping the others', () => {
    const route = router({ IDR: '16250' }).route([offer('OTP24HR', '30', 'THB'), offer('SMSCODE', '15000', 'IDR')], { maxPrice: usd('1') });
    expect(refs(route)).toEqual(['SMSCODE:15000']);
    expect(outcomes(route.skipped)).toEqual([{ provider: 'OTP24HR', outcome: 'fx_rate_unavailable' }]);
  });

  // With an unratable offer in the middle, the rated offers must still come cheapest first.
  it('an unratable offer does not break cheapest-first among the rated ones', () => {
    const route = router({ IDR: '16250' }).route([offer('XD247', '2', 'USD'), offer('OTP24HR', '30', 'THB'), offer('P2W', '1', 'USD')], {
      maxPrice: null,
    });
    const rated = refs(route).filter((r) => !r.startsWith('OTP24HR'));
    expect(rated).toEqual(['P2W:1', 'XD247:2']);
  });

  // A cap in THB converted to USD by dividing exactly (not through a rounded reciprocal) keeps an offer priced exactly at it.
  it('a THB cap equal to a USD offer price lets the offer through (15.15 THB at USD/THB 30 = 0.505 USD)', () => {
    const route = router({ THB: '30' }).route([offer('XD247', '0.505', 'USD')], { maxPrice: Money.of('15.15', 'THB') });
    expect(outcomes(route.skipped)).toEqual([]);
    expect(route.candidates[0]!.capInProviderCurrency!.toString()).toBe('0.505');
  });
});


/** Steps for otp:whatsapp:ID (and optionally other keys). */
const rates = (steps: Partial<Record<ProviderId, number>>, others: Record<string, Partial<Record<ProviderId, number>>> = {}): SuccessRates =>
  new Map(
    Object.entries({ 'otp:whatsapp:ID': steps, ...others }).map(([key, byProvider]) => [key, new Map(Object.entries(byProvider) as [ProviderId, number][])]),
  );

describe('OfferRouter.route: CHEAPEST', () => {
  // 16250 IDR = 1 USD = 32.50 THB exactly.
  const tied = () => [offer('SMSCODE', '16250', 'IDR'), offer('XD247', '1', 'USD'), offer('OTP24HR', '32.5', 'THB')];

  it('is the default routing', () => {
    const offers = [offer('SMSCODE', '16250', 'IDR'), offer('XD247', '0.95', 'USD'), offer('OTP24HR', '30', 'THB')];
    expect(refs(router().route(offers, { maxPrice: null }))).toEqual(refs(router().route(offers, { maxPrice: null, routing: 'CHEAPEST' })));
    expect(refs(router().route(offers, { maxPrice: null }))).toEqual(['OTP24HR:30', 'XD247:0.95', 'SMSCODE:16250']);
  });

  it('orders THB, IDR and USD offers by their USD value: 14000 IDR (0.8615) < 0.88 USD < 29 THB (0.8923)', () => {
    const route = router().route([offer('OTP24HR', '29', 'THB'), offer('XD247', '0.88', 'USD'), offer('SMSCODE', '14000', 'IDR')], {
      maxPrice: null,
      routing: 'CHEAPEST',
    });
    expect(refs(route)).toEqual(['SMSCODE:14000', 'XD247:0.88', 'OTP24HR:29']);
  });

  it('preferProvider wins a tie of equal converted price (16250 IDR = 1 USD = 32.50 THB), the rest keep input order', () => {
    expect(refs(router().route(tied(), { maxPrice: null, preferProvider: 'OTP24HR' }))).toEqual(['OTP24HR:32.5', 'SMSCODE:16250', 'XD247:1']);
    expect(refs(router().route(tied(), { maxPrice: null, preferProvider: 'XD247' }))).toEqual(['XD247:1', 'SMSCODE:16250', 'OTP24HR:32.5']);
  });

  it('a tie through two different FX rates: 30 THB and 15000 IDR are both 12/13 USD', () => {
    const route = router().route([offer('SMSCODE', '15000', 'IDR'), offer('OTP24HR', '30', 'THB'), offer('XD247', '0.93', 'USD')], {
      maxPrice: null,
      preferProvider: 'OTP24HR',
    });
    expect(refs(route)).toEqual(['OTP24HR:30', 'SMSCODE:15000', 'XD247:0.93']);
  });

  it('preferProvider never beats a cheaper offer, even by the smallest amount', () => {
    const route = router().route([offer('SMSCODE', '16249', 'IDR'), offer('OTP24HR', '32.5', 'THB')], { maxPrice: null, preferProvider: 'OTP24HR' });
    expect(refs(route)).toEqual(['SMSCODE:16249', 'OTP24HR:32.5']);
  });

  it('ignores success rates', () => {
    const route = router().route(tied(), { maxPrice: null, routing: 'CHEAPEST', successRates: rates({ OTP24HR: 100, SMSCODE: 0, XD247: 0 }) });
    expect(refs(route)).toEqual(['SMSCODE:16250', 'XD247:1', 'OTP24HR:32.5']);
  });

  it('a preferred offer without a USD rate still goes after every rated one', () => {
    const route = router({ IDR: '16250' }).route([offer('OTP24HR', '1', 'THB'), offer('SMSCODE', '20000', 'IDR')], {
      maxPrice: null,
      preferProvider: 'OTP24HR',
    });
    expect(refs(route)).toEqual(['SMSCODE:20000', 'OTP24HR:1']);
  });
});

describe('OfferRouter.route: BEST_SUCCESS', () => {
  it('ranks by the success step for the service key, higher first, before price', () => {
    const route = router().route([offer('SMSCODE', '10000', 'IDR'), offer('OTP24HR', '40', 'THB'), offer('XD247', '0.80', 'USD')], {
      maxPrice: null,
      routing: 'BEST_SUCCESS',
      successRates: rates({ SMSCODE: 60, OTP24HR: 90, XD247: 70 }),
    });
    expect(refs(route)).toEqual(['OTP24HR:40', 'XD247:0.80', 'SMSCODE:10000']);
  });

  it('equal steps: cheapest after FX first (THB vs IDR vs USD)', () => {
    const route = router().route(
      [offer('OTP24HR', '29', 'THB'), offer('XD247', '0.88', 'USD'), offer('SMSCODE', '14000', 'IDR'), offer('P2W', '0.50', 'USD')],
      { maxPrice: null, routing: 'BEST_SUCCESS', successRates: rates({ OTP24HR: 80, XD247: 80, SMSCODE: 80, P2W: 70 }) },
    );
    expect(refs(route)).toEqual(['SMSCODE:14000', 'XD247:0.88', 'OTP24HR:29', 'P2W:0.50']);
  });

  it('a provider without a step (under 20 orders, or no history) ranks as neutral, 50: between 60 and 40', () => {
    expect(NEUTRAL_SUCCESS_STEP).toBe(50);
    const route = router().route([offer('SMSCODE', '1', 'USD'), offer('OTP24HR', '2', 'USD'), offer('XD247', '3', 'USD'), offer('P2W', '4', 'USD')], {
      maxPrice: null,
      routing: 'BEST_SUCCESS',
      successRates: rates({ SMSCODE: 40, XD247: 60, P2W: 50 }),
    });
    // OTP24HR (neutral) ties P2W at 50 and is cheaper.
    expect(refs(route)).toEqual(['XD247:3', 'OTP24HR:2', 'P2W:4', 'SMSCODE:1']);
  });

  it("uses each offer's own service key: another key's step does not apply", () => {
    const route = router().route([offer('SMSCODE', '1', 'USD'), offer('OTP24HR', '2', 'USD')], {
      maxPrice: null,
      routing: 'BEST_SUCCESS',
      successRates: rates({ SMSCODE: 50 }, { 'otp:telegram:ID': { OTP24HR: 100 } }),
    });
    expect(refs(route)).toEqual(['SMSCODE:1', 'OTP24HR:2']);
    const telegram = router().route([offer('SMSCODE', '1', 'USD', 10, 'otp:telegram:ID'), offer('OTP24HR', '2', 'USD', 10, 'otp:telegram:ID')], {
      maxPrice: null,
      routing: 'BEST_SUCCESS',
      successRates: rates({ SMSCODE: 50 }, { 'otp:telegram:ID': { OTP24HR: 100 } }),
    });
    expect(refs(telegram)).toEqual(['OTP24HR:2', 'SMSCODE:1']);
  });

  it('without success rates every provider is neutral, so the order is cheapest first', () => {
    const route = router().route([offer('SMSCODE', '16250', 'IDR'), offer('XD247', '0.95', 'USD'), offer('OTP24HR', '30', 'THB')], {
      maxPrice: null,
      routing: 'BEST_SUCCESS',
    });
    expect(refs(route)).toEqual(['OTP24HR:30', 'XD247:0.95', 'SMSCODE:16250']);
  });

  it('preferProvider leads, as smscode documents ("优先供应商仍排在最前"), even over a better step and a lower price', () => {
    const route = router().route([offer('SMSCODE', '1', 'USD'), offer('OTP24HR', '5', 'USD'), offer('XD247', '2', 'USD')], {
      maxPrice: null,
      routing: 'BEST_SUCCESS',
      preferProvider: 'OTP24HR',
      successRates: rates({ SMSCODE: 100, OTP24HR: 10, XD247: 100 }),
    });
    expect(refs(route)).toEqual(['OTP24HR:5', 'SMSCODE:1', 'XD247:2']);
  });

  it("the preferred provider's own offers are ranked among themselves by price, and equal offers keep input order", () => {
    const route = router().route([offer('XD247', '3', 'USD'), offer('SMSCODE', '2', 'USD'), offer('SMSCODE', '1', 'USD'), offer('OTP24HR', '3', 'USD')], {
      maxPrice: null,
      routing: 'BEST_SUCCESS',
      preferProvider: 'SMSCODE',
      successRates: rates({ SMSCODE: 80, XD247: 80, OTP24HR: 80 }),
    });
    expect(refs(route)).toEqual(['SMSCODE:1', 'SMSCODE:2', 'XD247:3', 'OTP24HR:3']);
  });

  it('an unratable price goes last within its step, not below a lower step', () => {
    const route = router({ IDR: '16250' }).route([offer('OTP24HR', '1', 'THB'), offer('SMSCODE', '20000', 'IDR'), offer('XD247', '0.01', 'USD')], {
      maxPrice: null,
      routing: 'BEST_SUCCESS',
      successRates: rates({ OTP24HR: 90, SMSCODE: 90, XD247: 10 }),
    });
    expect(refs(route)).toEqual(['SMSCODE:20000', 'OTP24HR:1', 'XD247:0.01']);
  });

  it('keeps every skip (no_numbers, price_above_max, fx_rate_unavailable), with a THB cap over THB and USD offers', () => {
    // Only USD/THB is known: the 32.50 THB cap is 1 USD; an IDR offer cannot be checked against it.
    const route = router({ THB: '32.50' }).route(
      [offer('OTP24HR', '32.51', 'THB'), offer('P2W', '30', 'THB', 0), offer('SMSCODE', '15000', 'IDR'), offer('XD247', '1', 'USD'), offer('EASYSOFT', '32.5', 'THB')],
      { maxPrice: Money.of('32.50', 'THB'), routing: 'BEST_SUCCESS', successRates: rates({ XD247: 20, EASYSOFT: 30, SMSCODE: 100 }) },
    );
    expect(outcomes(route.skipped)).toEqual([
      { provider: 'OTP24HR', outcome: 'price_above_max' },
      { provider: 'P2W', outcome: 'no_numbers' },
      { provider: 'SMSCODE', outcome: 'fx_rate_unavailable' },
    ]);
    expect(refs(route)).toEqual(['EASYSOFT:32.5', 'XD247:1']);
    expect(route.candidates.map((c) => c.capInProviderCurrency!.toString())).toEqual(['32.5', '1']);
  });
});

describe('OfferRouter.route: explicit provider', () => {
  const offers = () => [offer('SMSCODE', '15000', 'IDR'), offer('OTP24HR', '30', 'THB'), offer('SMSCODE', '14000', 'IDR', 0), offer('SMSCODE', '12000', 'IDR')];

  it("keeps only that provider's offers, and reports skips only for them", () => {
    for (const routing of ['CHEAPEST', 'BEST_SUCCESS'] as const) {
      const route = router().route(offers(), { maxPrice: null, routing, provider: 'SMSCODE', preferProvider: 'OTP24HR', successRates: rates({ OTP24HR: 100 }) });
      expect(refs(route)).toEqual(['SMSCODE:12000', 'SMSCODE:15000']);
      expect(outcomes(route.skipped)).toEqual([{ provider: 'SMSCODE', outcome: 'no_numbers' }]);
    }
  });

  it('a provider with no offers gives an empty route', () => {
    expect(router().route(offers(), { maxPrice: null, provider: 'XD247' })).toEqual({ candidates: [], skipped: [] });
  });
});
