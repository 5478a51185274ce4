import { Money } from '../../domain/money.ts';
import type { Otp24hrClient } from './client.ts';
import { ORDER_LIFETIME_MIN, ORDERS_LIMIT_MAX } from './wire.ts';
import type { OrderHistoryItem } from './wire.ts';

/** Clocks differ: ours (the handle's createdAt) and OTP24HR's (`created_at`) may be this far apart. */
export const CLOCK_SKEW_MARGIN_MS = 60_000;
/**
 * How long after the order was recorded its buy can have been created upstream: routing may try other
 * providers first (each up to its timeout), then the request itself may be processed slowly. Generous,
 * so a slow buy is never missed; short enough that the next customers' orders of the same offer fall outside.
 */
export const BUY_HORIZON_MS = 3 * 60_000;
/** Pages of orders.php (200 each) read to settle one ambiguous buy: a runaway guard inside the budget. */
export const MAX_SETTLE_PAGES = 5;
/** Pages read for the watcher's batch (the rest is looked up one by one). */
export const MAX_ACTIVE_PAGES = 3;
const PAGE = ORDERS_LIMIT_MAX;
const LIFETIME_MS = ORDER_LIFETIME_MIN * 60_000;

/**
 * `created_at` of an orders.php item (the document shows no example): ISO 8601 with an offset, a
 * date-time without one (read as Bangkok time, UTC+7, no DST: a Thai shop's server clock), or a Unix
 * time in seconds or milliseconds. null when absent or unreadable.
 */
export function parseProviderTime(value: string | number | undefined): Date | null {
  if (value === undefined) return null;
  if (typeof value === 'number' || /^\d{9,13}$/.test(value.trim())) {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n <= 0) return null;
    return new Date(n < 1e11 ? n * 1000 : n);
  }
  const text = value.trim();
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (!match) return null;
  const zone = match[3] ?? '+07:00';
  const ms = Date.parse(`${match[1]}T${match[2]}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** The expiry an item implies: its creation plus the 20-minute rental. */
export function expiryOf(item: OrderHistoryItem): Date | null {
  const at = parseProviderTime(item.created_at);
  return at ? new Date(at.getTime() + LIFETIME_MS) : null;
}

/** What an ambiguous buy was: the order, a definite "none", or "cannot tell". */
export type Settlement =
  | { readonly outcome: 'found'; readonly item: OrderHistoryItem }
  | { readonly outcome: 'absent'; readonly reason: string }
  | { readonly outcome: 'unknown'; readonly reason: string };

export interface AmbiguousBuy {
  readonly service: string;
  readonly country: number;
  /** The price the order was recorded at (the offer's), when known. */
  readonly expectedPrice: Money | null;
  /** When the order was recorded locally, at or before the buy was sent. */
  readonly createdAt: Date;
}

/**
 * Settles a buy whose answer was lost, from orders.php — the only trace OTP24HR keeps, since buy.php
 * takes no idempotency key and no reference of ours. THIS IS WHERE THE API CANNOT MAKE AMBIGUITY FULLY
 * SAFE: an order in the history does not say which request opened it, so a match is an inference.
 *
 * The rule:
 *  - window: created_at in [createdAt − 60 s skew, createdAt + 3 min horizon + 60 s skew];
 *  - candidates: items in the window for the same service and country (an item missing either is a
 *    candidate too: it cannot be ruled out), and any same-offer item whose time cannot be read makes
 *    the answer "unknown";
 *  - the history must be complete for the window: read newest first, 200 a page, until a page ends
 *    with an item older than the window (the order checked: times never increase, ids never repeat)
 *    or an empty page; otherwise "unknown";
 *  - exactly one candidate, with service, country and (when known) the recorded price all equal →
 *    found. The adapter cannot see the gateway's other orders: it reports the match as the snapshot's
 *    providerRef and the core refuses it if another local order already holds that ref;
 *  - several candidates, or one that differs in price → unknown (never guess which is ours);
 *  - no candidate → absent, but only once the whole window lies in the past (before that, a slow buy
 *    may still appear).
 * Another client of the same key (a second gateway instance, the web panel) buying the same offer in
 * the same window is indistinguishable from us: it makes the answer "unknown", or — if our buy never
 * happened — could be taken for ours; the core's duplicate check catches it only if that order is
 * also in our book.
 */
export async function settleFromHistory(client: Otp24hrClient, buy: AmbiguousBuy, now: Date): Promise<Settlement> {
  const windowStart = buy.createdAt.getTime() - CLOCK_SKEW_MARGIN_MS;
  const windowEnd = buy.createdAt.getTime() + BUY_HORIZON_MS + CLOCK_SKEW_MARGIN_MS;
  const candidates: OrderHistoryItem[] = [];
  const seen = new Set<number>();
  let previousAt = Number.POSITIVE_INFINITY;
  let complete = false;

  for (let page = 0, offset = 0; page < MAX_SETTLE_PAGES && !complete; page++) {
    const { orders } = await client.orders({ limit: PAGE, offset });
    if (orders.length === 0) {
      complete = true;
      break;
    }
    let lastAt: number | null = null;
    for (const item of orders) {
      if (seen.has(item.order_id)) return unknown(`orders.php repeated order ${item.order_id}: its paging cannot be trusted`);
      seen.add(item.order_id);
      const sameOffer = (item.service === undefined || sameCode(item.service, buy.service)) && (item.country === undefined || item.country === buy.country);
      const at = parseProviderTime(item.created_at)?.getTime() ?? null;
      if (at === null) {
        if (sameOffer) return unknown(`order ${item.order_id} of the same offer has no readable created_at`);
        continue;
      }
      if (at > previousAt) return unknown('orders.php is not newest first: the history cannot show what is missing');
      previousAt = at;
      lastAt = at;
      if (sameOffer && at >= windowStart && at <= windowEnd) candidates.push(item);
    }
    if (lastAt !== null && lastAt < windowStart) complete = true;
    offset += orders.length;
  }

  if (!complete) return unknown(`the order history was not read back to ${new Date(windowStart).toISOString()} within ${MAX_SETTLE_PAGES} pages`);
  if (candidates.length > 1) return unknown(`${candidates.length} orders of ${buy.service}/${buy.country} in the window: cannot tell which one is ours (${candidates.map((c) => c.order_id).join(', ')})`);
  const [only] = candidates;
  if (only) {
    if (only.service === undefined || only.country === undefined) return unknown(`order ${only.order_id} does not say its service and country`);
    if (buy.expectedPrice && !samePrice(only, buy.expectedPrice)) {
      return unknown(`order ${only.order_id} of ${buy.service}/${buy.country} costs ${only.price_thb ?? '?'} THB, not the recorded ${buy.expectedPrice.toString()}`);
    }
    return { outcome: 'found', item: only };
  }
  if (now.getTime() <= windowEnd) return unknown(`no matching order yet, but the buy may still appear until ${new Date(windowEnd).toISOString()}`);
  return { outcome: 'absent', reason: `orders.php has no order of ${buy.service}/${buy.country} between ${new Date(windowStart).toISOString()} and ${new Date(windowEnd).toISOString()}` };
}

/**
 * The watcher's batch: every order of the key still in its 20-minute rental (plus skew) that can still
 * change — waiting, or success not yet completed — newest first, at most MAX_ACTIVE_PAGES pages. An order
 * missing from the list is looked up on its own by the watcher, so a short list is never wrong, only slower.
 */
export async function liveOrders(client: Otp24hrClient, now: Date): Promise<OrderHistoryItem[]> {
  const oldest = now.getTime() - LIFETIME_MS - CLOCK_SKEW_MARGIN_MS;
  const live: OrderHistoryItem[] = [];
  for (let page = 0, offset = 0; page < MAX_ACTIVE_PAGES; page++) {
    const { orders } = await client.orders({ limit: PAGE, offset }, { background: true });
    let reachedOld = false;
    for (const item of orders) {
      const at = parseProviderTime(item.created_at)?.getTime() ?? null;
      if (at !== null && at < oldest) {
        reachedOld = true;
        continue;
      }
      if (item.status === 'waiting' || (item.status === 'success' && item.completed !== true)) live.push(item);
    }
    if (reachedOld || orders.length < PAGE) break;
    offset += orders.length;
  }
  return live;
}

function unknown(reason: string): Settlement {
  return { outcome: 'unknown', reason };
}

function sameCode(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function samePrice(item: OrderHistoryItem, expected: Money): boolean {
  if (item.price_thb === undefined) return false;
  try {
    return Money.fromProvider(item.price_thb, 'THB').compare(expected) === 0;
  } catch {
    return false;
  }
}
