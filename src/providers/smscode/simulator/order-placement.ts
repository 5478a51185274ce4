import type { Decimal } from 'decimal.js';
import { ApiError } from './api-errors.ts';
import type { Offer } from './catalog.ts';
import { book } from './context.ts';
import type { Account, SimulatorContext } from './context.ts';
import { rankOffers } from './offer-routing.ts';
import type { RoutingPolicy } from './offer-routing.ts';
import { ORDER_LIFETIME_MS } from './orders.ts';
import type { SimOrder } from './orders.ts';
import { mobileNumber } from './phone-numbers.ts';
import type { SmscodeAttemptResult } from './public-types.ts';

/** A validated create request, version-neutral (the price cap already in IDR). */
export interface PlacementRequest {
  productId: number | undefined;
  catalogProductId: number | undefined;
  /** Exact IDR cap (fractional when converted from a v2 USD cap), or null for none. */
  maxPriceIdr: Decimal | null;
  preferProvider: string | undefined;
  policy: RoutingPolicy;
  quantity: number;
}

/** What a create produced: the orders it opened and how many units failed upstream. */
export interface Placement {
  orders: SimOrder[];
  failedCount: number;
}

/**
 * Opens `quantity` orders, charging each one. Side-effect-free refusals (NOT_FOUND, NO_OFFER_AVAILABLE,
 * INSUFFICIENT_BALANCE) are decided before any upstream attempt; PROVIDER_ERROR means every unit failed upstream.
 */
export function placeOrders(ctx: SimulatorContext, account: Account, request: PlacementRequest): Placement {
  const byCatalog = request.catalogProductId !== undefined;
  const candidates = candidateOffers(ctx, request);
  const withinCap = candidates.filter((o) => request.maxPriceIdr === null || request.maxPriceIdr.gte(o.price));
  const live = withinCap.filter((o) => o.active && o.available > 0);
  if (live.length === 0) {
    const why = withinCap.length === 0 ? 'within max_price' : 'with numbers in stock';
    throw new ApiError('NO_OFFER_AVAILABLE', `No offer available ${why} for this product`);
  }
  const ranked = byCatalog
    ? rankOffers(live, { policy: request.policy, preferProvider: request.preferProvider, history: ctx.history, now: ctx.now() })
    : live;
  const cheapest = Math.min(...ranked.map((o) => o.price));
  if (cheapest * request.quantity > account.balance) {
    throw new ApiError('INSUFFICIENT_BALANCE', `Insufficient balance: ${cheapest * request.quantity} IDR required, ${account.balance} IDR available`);
  }

  const orders: SimOrder[] = [];
  const attempts: SmscodeAttemptResult[] = [];
  let failedCount = 0;
  for (let unit = 0; unit < request.quantity; unit++) {
    const order = buyOne(ctx, account, ranked, attempts);
    if (order) orders.push(order);
    else failedCount++;
  }
  if (orders.length === 0) {
    const details = byCatalog ? { attempts } : { cause_counts: countCauses(attempts) };
    throw new ApiError('PROVIDER_ERROR', 'The upstream SMS provider rejected the request', { details });
  }
  return { orders, failedCount };
}

function candidateOffers(ctx: SimulatorContext, request: PlacementRequest): Offer[] {
  if (request.catalogProductId !== undefined) {
    const offers = ctx.catalog.offersOf(request.catalogProductId);
    if (offers.length === 0) throw new ApiError('NOT_FOUND', `Catalog product ${request.catalogProductId} not found`);
    return offers;
  }
  const offer = ctx.catalog.offer(request.productId ?? 0);
  if (!offer) throw new ApiError('NOT_FOUND', `Product ${request.productId} not found`);
  return [offer];
}

// Tries offers best-first for one unit, logging each attempt's result; the first success is charged.
function buyOne(ctx: SimulatorContext, account: Account, ranked: readonly Offer[], attempts: SmscodeAttemptResult[]): SimOrder | null {
  for (const offer of ranked) {
    const result = attemptUpstream(ctx, account, offer);
    attempts.push(result);
    if (result === 'ok') return openOrder(ctx, account, offer);
  }
  return null;
}

function attemptUpstream(ctx: SimulatorContext, account: Account, offer: Offer): SmscodeAttemptResult {
  const scripted = ctx.upstreamFailures.get(offer.id)?.shift();
  if (scripted !== undefined) return scripted;
  if (offer.available <= 0) return 'no_numbers';
  if (account.balance < offer.price) return 'insufficient_balance';
  return 'ok';
}

function openOrder(ctx: SimulatorContext, account: Account, offer: Offer): SimOrder {
  const country = ctx.catalog.country(offer.countryId);
  const now = ctx.now();
  offer.available -= 1;
  account.balance -= offer.price;
  const order: SimOrder = {
    id: ctx.nextOrderId(),
    accountToken: account.token,
    status: 'ACTIVE',
    createdAt: now,
    expiresAt: now + ORDER_LIFETIME_MS,
    productId: offer.id,
    catalogProductId: offer.catalogProductId,
    provider: offer.provider,
    countryId: offer.countryId,
    platformId: offer.platformId,
    phoneNumber: mobileNumber(country?.code ?? '', country?.dial_code ?? '+'),
    amount: offer.price,
    otpCode: null,
    otpMessage: null,
    otpReceivedAt: null,
    canceledAt: null,
    failedReason: null,
    history: ctx.history.record(offer.provider, now),
  };
  account.orders.set(order.id, order);
  ctx.orders.set(order.id, order);
  book(ctx, 'charge', order);
  return order;
}

function countCauses(attempts: readonly SmscodeAttemptResult[]): Partial<Record<SmscodeAttemptResult, number>> {
  const counts: Partial<Record<SmscodeAttemptResult, number>> = {};
  for (const result of attempts) counts[result] = (counts[result] ?? 0) + 1;
  return counts;
}
