import { FxRateUnavailableError, type OfferAttempt } from '../domain/errors.ts';
import { Money } from '../domain/money.ts';
import type { ProviderId, RoutingPolicy } from '../domain/provider.ts';
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
 * Success-rate steps for BEST_SUCCESS: service key → provider → step (0, 10, …, 100). A provider
 * missing for a key ranks as NEUTRAL_SUCCESS_STEP (OtpStats.successRates() builds this map).
 */
export type SuccessRates = ReadonlyMap<string, ReadonlyMap<ProviderId, number>>;

/**
 * Where an unscored provider (under 20 orders, or none) ranks. smscode's document says such providers
 * "视为中性" (are treated as neutral) without giving a number: the middle of the 0–100 % scale, the
 * same middle bucket the smscode simulator uses, so a new offer is neither buried nor favoured.
 */
export const NEUTRAL_SUCCESS_STEP = 50;

export interface RouteOptions {
  /** The client's cap, in any currency (converted exactly into each offer's currency). */
  readonly maxPrice: Money | null;
  /** CHEAPEST (default) or BEST_SUCCESS. */
  readonly routing?: RoutingPolicy;
  /** Only this provider's offers are considered. */
  readonly provider?: ProviderId;
  /** CHEAPEST: wins ties of equal converted price. BEST_SUCCESS: its offers lead (smscode's documented rule). */
  readonly preferProvider?: ProviderId;
  /** BEST_SUCCESS only; absent = every provider neutral (so the order is cheapest first). */
  readonly successRates?: SuccessRates;
}

interface Candidate {
  readonly routed: RoutedOffer;
  readonly usd: Money | null;
  readonly preferred: boolean;
  readonly step: number;
}

/**
 * Chooses which offers to try for a purchase: in stock, within the client's cap (compared in the
 * offer's own currency), then ranked by the routing policy. Pure: success rates come in as a map.
 *
 * - CHEAPEST: by price converted to USD; `preferProvider` breaks ties of equal converted price.
 * - BEST_SUCCESS (smscode's documented rule): `preferProvider` first ("若同时设置了 prefer_provider,
 *   则优先供应商仍排在最前"), then the provider's success step for the offer's service key (higher
 *   first, unscored = neutral), then cheapest.
 *
 * Offers whose price has no USD rate rank after the rated ones of their tier; the sort is stable,
 * so otherwise equal offers keep the input order.
 */
export class OfferRouter {
  private readonly fx: FxService;

  constructor(fx: FxService) {
    this.fx = fx;
  }

  route(offers: readonly CatalogOffer[], options: RouteOptions): Route {
    const routing = options.routing ?? 'CHEAPEST';
    const skipped: OfferAttempt[] = [];
    const candidates: Candidate[] = [];
    for (const offer of offers) {
      if (options.provider && offer.provider !== options.provider) continue;
      if (offer.available !== null && offer.available <= 0) {
        skipped.push({ provider: offer.provider, outcome: 'no_numbers', price: { amount: offer.price.amount.toFixed(), currency: offer.price.currency } });
        continue;
      }
      let cap: Money | null = null;
      if (options.maxPrice) {
        cap = this.capIn(options.maxPrice, offer.price.currency);
        if (!cap) {
          skipped.push({ provider: offer.provider, outcome: 'fx_rate_unavailable', price: { amount: offer.price.amount.toFixed(), currency: offer.price.currency } });
          continue;
        }
        if (offer.price.compare(cap) > 0) {
          skipped.push({ provider: offer.provider, outcome: 'price_above_max', price: { amount: offer.price.amount.toFixed(), currency: offer.price.currency } });
          continue;
        }
      }
      candidates.push({
        routed: { offer, capInProviderCurrency: cap },
        usd: this.inUsd(offer.price),
        preferred: options.preferProvider !== undefined && offer.provider === options.preferProvider,
        step: routing === 'BEST_SUCCESS' ? stepOf(options.successRates, offer) : NEUTRAL_SUCCESS_STEP,
      });
    }
    const byPreference = (a: Candidate, b: Candidate) => Number(b.preferred) - Number(a.preferred);
    const bySuccess = (a: Candidate, b: Candidate) => b.step - a.step;
    const order =
      routing === 'BEST_SUCCESS'
        ? (a: Candidate, b: Candidate) => byPreference(a, b) || bySuccess(a, b) || byPrice(a, b)
        : (a: Candidate, b: Candidate) => byPrice(a, b) || byPreference(a, b);
    candidates.sort(order);
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

// Unratable prices compare equal to each other and after every rated one: a consistent order.
function byPrice(a: { usd: Money | null }, b: { usd: Money | null }): number {
  if (a.usd && b.usd) return a.usd.compare(b.usd);
  return Number(a.usd === null) - Number(b.usd === null);
}

function stepOf(rates: SuccessRates | undefined, offer: CatalogOffer): number {
  return rates?.get(offer.serviceKey)?.get(offer.provider) ?? NEUTRAL_SUCCESS_STEP;
}
