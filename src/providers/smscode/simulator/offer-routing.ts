import type { Offer } from './catalog.ts';
import { startOfUtcDay } from './timestamps.ts';

/** The documented routing policies of a catalog_product_id order. */
export type RoutingPolicy = 'cheapest' | 'best_success';

/** One order in a provider's track record. */
export interface ProviderHistoryEntry {
  provider: string;
  at: number;
  otpReceived: boolean;
}

const SCORING_DAYS = 30;
const MIN_SCORED_ORDERS = 20;
// The document says under-threshold providers are "neutral" without a number: the middle bucket.
const NEUTRAL_BUCKET = 5;
const DAY_MS = 86_400_000;

/** Every provider's orders, for best_success scoring (global: it is the provider's record, not an account's). */
export class ProviderHistory {
  readonly #entries: ProviderHistoryEntry[] = [];

  /** Adds an order; the returned entry is flipped to `otpReceived` when its OTP arrives. */
  record(provider: string, at: number, otpReceived = false): ProviderHistoryEntry {
    const entry = { provider, at, otpReceived };
    this.#entries.push(entry);
    return entry;
  }

  /** Success bucket 0–10 (10% steps) over the last 30 complete UTC days; neutral under 20 orders. */
  successBucket(provider: string, now: number): number {
    const end = startOfUtcDay(now);
    const start = end - SCORING_DAYS * DAY_MS;
    const scored = this.#entries.filter((e) => e.provider === provider && e.at >= start && e.at < end);
    if (scored.length < MIN_SCORED_ORDERS) return NEUTRAL_BUCKET;
    const received = scored.filter((e) => e.otpReceived).length;
    return Math.floor((received * 10) / scored.length);
  }
}

/** Orders candidate offers best-first for a policy; `prefer_provider` breaks price ties (cheapest) or leads (best_success). */
export function rankOffers(
  offers: readonly Offer[],
  options: { policy: RoutingPolicy; preferProvider: string | undefined; history: ProviderHistory; now: number },
): Offer[] {
  const preferred = (o: Offer): number => (options.preferProvider !== undefined && o.provider === options.preferProvider ? 0 : 1);
  const rest = (a: Offer, b: Offer): number => b.available - a.available || a.id - b.id;
  if (options.policy === 'cheapest') {
    return [...offers].sort((a, b) => a.price - b.price || preferred(a) - preferred(b) || rest(a, b));
  }
  const bucket = new Map(offers.map((o) => [o.provider, options.history.successBucket(o.provider, options.now)]));
  const score = (o: Offer): number => bucket.get(o.provider) ?? NEUTRAL_BUCKET;
  return [...offers].sort(
    (a, b) => preferred(a) - preferred(b) || score(b) - score(a) || a.price - b.price || rest(a, b),
  );
}
