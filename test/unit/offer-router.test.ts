import { describe, expect, it } from 'vitest';
import { Dec, Money, type Currency } from '../../src/domain/money.ts';
import type { ProviderId } from '../../src/domain/provider.ts';
import type { CatalogOffer } from '../../src/services/catalog.ts';
import { createEventBus } from '../../src/services/event-bus.ts';
import { FxService } from '../../src/services/fx.ts';
import { OfferRouter } from '../../src/services/offer-router.ts';

const NOW = new Date('2026-05-27T09:00:00.000Z');

/** A real FxService on a fixed clock, with the given `USD/<quote>` rates. */
function router(rates: Partial<Record<Currency, string>> = { IDR: '16250', THB: '32.50' }) {
  const fx = new FxService({ maxAgeMs: 3_600_000, events: createEventBus(), now: () => NOW });
  for (const [quote, rate] of Object.entries(rates)) {
    fx.setRate({ base: 'USD', quote: quote as Currency, rate: new Dec(rate), source: 'CONFIG', asOf: NOW });
  }
  return new OfferRouter(fx);
}

function offer(provider: ProviderId, price: string, currency: Currency, available: number | null = 10): CatalogOffer {
  return {
    provider,
    serviceKey: 'otp:whatsapp:ID',
    details: { kind: 'OTP_NUMBER', platform: 'whatsapp', country: 'ID' },
    name: 'WhatsApp Indonesia',
    providerRef: `${provider}:${price}`,
    price: Money.of(price, currency),
    available,
  };
}

const usd = (amount: string) => Money.of(amount, 'USD');
const refs = (route: { candidates: readonly { offer: CatalogOffer }[] }) => route.candidates.map((c) => c.offer.providerRef);

describe('OfferRouter.route', () => {
  it('skips out-of-stock offers with outcome no_numbers; unknown stock stays eligible', () => {
    const route = router().route(
      [offer('SMSCODE', '15000', 'IDR', 0), offer('OTP24HR', '30', 'THB', -1), offer('XD247', '31', 'THB', null), offer('P2W', '32', 'THB', 1)],
      { maxPrice: null },
    );
    expect(route.skipped).toEqual([
      { provider: 'SMSCODE', outcome: 'no_numbers' },
      { provider: 'OTP24HR', outcome: 'no_numbers' },
    ]);
    expect(refs(route)).toEqual(['XD247:31', 'P2W:32']);
  });

  it('without a cap, every candidate has capInProviderCurrency null', () => {
    const route = router().route([offer('SMSCODE', '15000', 'IDR')], { maxPrice: null });
    expect(route.candidates).toHaveLength(1);
    expect(route.candidates[0]!.capInProviderCurrency).toBeNull();
    expect(route.skipped).toEqual([]);
  });

  it('converts a USD cap exactly into the offer currency: 1 USD = 16250 IDR lets a 15000 IDR offer through', () => {
    const route = router().route([offer('SMSCODE', '15000', 'IDR')], { maxPrice: usd('1') });
    expect(route.skipped).toEqual([]);
    const cap = route.candidates[0]!.capInProviderCurrency!;
    expect(cap.currency).toBe('IDR');
    expect(cap.toString()).toBe('16250');
  });

  it('0.90 USD = 14625 IDR is below a 15000 IDR offer: skipped with price_above_max', () => {
    const route = router().route([offer('SMSCODE', '15000', 'IDR')], { maxPrice: usd('0.90') });
    expect(route.candidates).toEqual([]);
    expect(route.skipped).toEqual([{ provider: 'SMSCODE', outcome: 'price_above_max' }]);
  });

  it('a price exactly at the cap is within it', () => {
    const route = router().route([offer('SMSCODE', '14625', 'IDR')], { maxPrice: usd('0.90') });
    expect(route.skipped).toEqual([]);
    expect(route.candidates[0]!.capInProviderCurrency!.toString()).toBe('14625');
  });

  it('compares in the offer currency, so a cap a hair below the price (which rounds to the same display) still skips', () => {
    // 15000 IDR displays as 0.9231 USD; a cap of 0.92307 USD is 14999.8875 IDR.
    const route = router().route([offer('SMSCODE', '15000', 'IDR')], { maxPrice: usd('0.92307') });
    expect(route.skipped).toEqual([{ provider: 'SMSCODE', outcome: 'price_above_max' }]);
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
    expect(route.skipped).toEqual([
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
    expect(route.skipped).toEqual([{ provider: 'OTP24HR', outcome: 'fx_rate_unavailable' }]);
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
    expect(route.skipped).toEqual([]);
    expect(route.candidates[0]!.capInProviderCurrency!.toString()).toBe('0.505');
  });
});
