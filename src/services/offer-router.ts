import { FxRateUnavailableError, type OfferAttempt } from '../domain/errors.ts';
import { Money } from '../domain/money.ts';
import type { CatalogOffer } from './catalog.ts';
import type { FxService } from './fx.ts';

export interface RoutedOffer {
  readonly offer: CatalogOffer;
  /** The client's cap in this offer's currency, exact (null when the client set none). */
  readonly capInProviderCurrency: Money | null;
}

export interface Route {
  /** Candidates in the order they should be tried. */
  readonly candidates: readonly RoutedOffer[];
  /** Offers left out before any call, with why. */
  readonly skipped: readonly OfferAttempt[];
}

/**
 * Chooses which offers to try for a purchase: in stock, within the client's cap (compared in the
 * offer's own currency), cheapest first after converting every price to USD for comparison.
 */
export class OfferRouter {
  private readonly fx: FxService;

  constructor(fx: FxService) {
    this.fx = fx;
  }

  route(offers: readonly CatalogOffer[], options: { maxPrice: Money | null }): Route {
    const skipped: OfferAttempt[] = [];
    const candidates: { routed: RoutedOffer; usd: Money | null }[] = [];
    for (const offer of offers) {
      if (offer.available !== null && offer.available <= 0) {
        skipped.push({ provider: offer.provider, outcome: 'no_numbers' });
        continue;
      }
      let cap: Money | null = null;
      if (options.maxPrice) {
        cap = this.capIn(options.maxPrice, offer.price.currency);
        if (!cap) {
          skipped.push({ provider: offer.provider, outcome: 'fx_rate_unavailable' });
          continue;
        }
        if (offer.price.compare(cap) > 0) {
          skipped.push({ provider: offer.provider, outcome: 'price_above_max' });
          continue;
        }
      }
      candidates.push({ routed: { offer, capInProviderCurrency: cap }, usd: this.inUsd(offer.price) });
    }
    // Offers without a comparable price go last, so the order stays consistent and cheapest-first.
    candidates.sort((a, b) => Number(a.usd === null) - Number(b.usd === null) || (a.usd && b.usd ? a.usd.compare(b.usd) : 0));
    return { candidates: candidates.map((c) => c.routed), skipped };
  }

  // Without a rate the cap cannot be checked, so that offer is skipped (and reported) rather than risked.
  private capIn(maxPrice: Money, currency: Money['currency']): Money | null {
    try {
      return this.fx.convertExact(maxPrice, currency);
    } catch (error) {
      if (error instanceof FxRateUnavailableError) return null;
      throw error;
    }
  }

  // Ranking needs comparable prices; an offer whose currency has no rate still stays eligible.
  private inUsd(price: Money): Money | null {
    try {
      return this.fx.convertExact(price, 'USD');
    } catch (error) {
      if (error instanceof FxRateUnavailableError) return null;
      throw error;
    }
  }
}
