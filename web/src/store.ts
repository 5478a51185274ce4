/** What the buy click learned that the order page shows next (the failover attempts), by order id. */
export interface Attempt {
  readonly provider: string;
  readonly outcome: string;
  readonly price?: { readonly amount: string; readonly currency: string } | null;
}

const attemptsByOrder = new Map<string, readonly Attempt[]>();

export function rememberAttempts(orderId: string, attempts: readonly Attempt[]): void {
  attemptsByOrder.set(orderId, attempts);
}

export function attemptsFor(orderId: string): readonly Attempt[] | undefined {
  return attemptsByOrder.get(orderId);
}

export const OUTCOME_LABELS: Record<string, string> = {
  ok: 'bought',
  ambiguous: 'no clear answer (being checked)',
  no_numbers: 'no numbers left',
  price_above_max: 'above your price limit',
  fx_rate_unavailable: 'no exchange rate',
  insufficient_balance: 'provider balance too low',
  no_offer: 'no offer',
  rate_limited: 'busy (rate limited)',
  provider_error: 'refused',
};
