import {
  AmbiguousOutcomeError,
  InsufficientBalanceError,
  NoOfferAvailableError,
  NotFoundError,
  ServiceUnavailableError,
  ValidationError,
} from '../../domain/errors.ts';
import type { Money } from '../../domain/money.ts';
import type { LookupResult, OrderHandle, OrderSnapshot, PlaceOrderRequest, ProviderAdapter } from '../../domain/provider.ts';
import type { Logger } from '../../logging/logger.ts';
import type { BudgetLimit } from '../shared/request-budget.ts';
import { P2wCatalog } from './catalog.ts';
import type { PackageConfig } from './catalog.ts';
import { P2wClient, RefIdExistsError } from './client.ts';
import type { P2wRateGroup } from './client.ts';
import { snapshotOfOrder, STATUS } from './order-snapshots.ts';
import { CallbackReports, parseP2wCallback } from './webhook.ts';
import type { ReportedBalance } from './webhook.ts';
import type { CreateOrderBody, Order } from './wire.ts';

export interface P2wAdapterOptions {
  /** `{API_PREFIX}`, e.g. https://vendor.p2wtopup.com/api/v1. */
  readonly baseUrl: string;
  readonly partnerId: string;
  readonly secret: string;
  /** The packages on sale (P2W has no package list endpoint). */
  readonly packages: readonly PackageConfig[];
  /**
   * Our callback URL for P2W, when the gateway has one: a create re-sent by `lookup` carries it as
   * `hookURL`, as the first one did (the core passes the same URL as `callbackUrl` to `place`).
   */
  readonly callbackUrl?: () => string | null;
  /** Per-request timeout, ms (default 10 s). */
  readonly timeoutMs?: number;
  readonly rateLimits?: Partial<Record<P2wRateGroup, BudgetLimit>>;
  readonly now?: () => Date;
  readonly logger?: Logger;
  /** A balance already known when the adapter starts (the sandbox knows what its simulator holds). */
  readonly initialBalance?: ReportedBalance;
}

/** The P2W adapter, with its request counters and the balance its callbacks reported. */
export interface P2wAdapter extends ProviderAdapter {
  stats(): Record<P2wRateGroup, number>;
  /** The last balance a (confirmed) callback carried, with its arrival time; null before any. */
  reportedBalance(): ReportedBalance | null;
}

/**
 * P2W game top-ups (THB). Offers are the configured packages; `place` is POST /orders keyed on
 * refID = our reference; `lookup` is GET /orders/:id, or, before P2W's orderID is known, the same
 * create re-sent (refID uniqueness makes that safe). No cancel, refund, complete or resend exists in
 * the API, so `operations` is empty. The balance is only known from callbacks.
 */
export function createP2wAdapter(options: P2wAdapterOptions): P2wAdapter {
  const now = options.now ?? (() => new Date());
  const client = new P2wClient({
    partnerId: options.partnerId,
    secret: options.secret,
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    rateLimits: options.rateLimits,
    now: () => now().getTime(),
    logger: options.logger,
  });
  const catalog = new P2wCatalog(options.packages);
  const reports = new CallbackReports(options.initialBalance ?? null);
  const startedAt = now();

  function priceOf(packageId: string, fallback: Money | null): Money | null {
    return catalog.priceOf(packageId) ?? fallback;
  }

  /** A GET answer as a snapshot; a match with a callback's claim confirms the balance it carried. */
  function snapshotOfGet(order: Order, fallbackPrice: Money | null): OrderSnapshot {
    reports.confirmed(order.orderID, STATUS[order.status]);
    return snapshotOfOrder(order, priceOf(order.packageID, fallbackPrice));
  }

  async function place(request: PlaceOrderRequest): Promise<OrderSnapshot> {
    const pkg = catalog.package(request.offerRef);
    if (!pkg) throw new ValidationError(`Not a configured P2W package: ${request.offerRef}`, 'offerRef');
    const topupInfo = topupInfoOf(request.intent);
    for (const field of pkg.fields) {
      if ((topupInfo[field] ?? '').trim() === '') {
        throw new ValidationError(`${pkg.name} (${pkg.id}) needs topupInfo.${field}`, `topupInfo.${field}`);
      }
    }
    const price = catalog.priceOf(pkg.id);
    // P2W takes no price cap: the configured price is what it charges, so the cap is checked here.
    if (price && request.maxPrice && (request.maxPrice.currency !== 'THB' || price.compare(request.maxPrice) > 0)) {
      throw new NoOfferAvailableError({
        provider: 'P2W',
        providerCode: 'PRICE_ABOVE_MAX',
        message: `${pkg.id} costs ${price.toString()} THB, above the cap of ${request.maxPrice.toString()} ${request.maxPrice.currency}`,
      });
    }
    const created = await client.createOrder(createBody(request.reference, pkg.id, topupInfo, request.callbackUrl));
    if (created.refID !== request.reference) {
      // Something was created, but the answer is not about our refID: reconcile, never guess.
      throw new AmbiguousOutcomeError('P2W', `P2W answered the create of refID ${request.reference} with refID ${created.refID}; its outcome is unknown`);
    }
    return snapshotOfOrder(created, price);
  }

  /** Before the orderID is known: a callback's hint (checked by a signed GET), then the same create re-sent. */
  async function lookupWithoutRef(order: OrderHandle): Promise<LookupResult> {
    const hinted = reports.orderIdFor(order.reference);
    if (hinted) {
      try {
        const found = await client.order(hinted);
        // refID is unique per partner: a GET of our own account's order with our refID is our order.
        if (found.refID === order.reference) return { outcome: 'found', snapshot: snapshotOfGet(found, order.price) };
      } catch {
        // A forged or stale hint, or P2W unreachable: the re-sent create below still tells what it can.
      }
    }
    if (order.intent.kind !== 'GAME_TOPUP') return { outcome: 'absent', reason: `P2W sells game top-ups only, not ${order.intent.kind}` };
    const body = createBody(order.reference, order.offerRef, order.intent.topupInfo, options.callbackUrl?.() ?? null);
    try {
      const created = await client.createOrder(body);
      if (created.refID !== order.reference) return { outcome: 'unknown', reason: `P2W answered refID ${created.refID} for ${order.reference}` };
      // The first create never arrived: it is placed now, once.
      return { outcome: 'found', snapshot: snapshotOfOrder(created, priceOf(created.packageID, order.price)) };
    } catch (error) {
      if (error instanceof RefIdExistsError) {
        return { outcome: 'unknown', reason: 'P2W has an order under this refID but no way to find it by refID; its callback (orderID + refID) will tell' };
      }
      // The same body was refused as incomplete: the first one was too, so nothing exists.
      if (error instanceof ValidationError) return { outcome: 'absent', reason: error.message };
      // Anything else says nothing about the first create. INSUFFICIENT_BALANCE included: the document
      // does not say refID is checked first, and the first create's own charge may be what emptied it.
      return { outcome: 'unknown', reason: reasonOf(error) };
    }
  }

  return {
    id: 'P2W',
    name: 'P2W',
    currency: 'THB',
    kinds: ['GAME_TOPUP'],

    /**
     * P2W has no balance endpoint: its callbacks carry the balance. The last one is answered (kept in
     * memory, with its time); before any arrived this is a typed unavailability that says so.
     */
    async balance() {
      const reported = reports.balance();
      if (reported) return reported.balance;
      throw new ServiceUnavailableError({
        provider: 'P2W',
        providerCode: 'BALANCE_NOT_REPORTED',
        message: `P2W has no balance endpoint and no callback has reported the balance since this gateway started (${startedAt.toISOString()})`,
      });
    },
    health: () => client.health(),
    offers: async () => catalog.offers(),
    place,

    async lookup(order) {
      if (!order.providerRef) return lookupWithoutRef(order);
      try {
        const found = await client.order(order.providerRef);
        if (found.refID !== order.reference) {
          return { outcome: 'unknown', reason: `P2W order ${order.providerRef} carries refID ${found.refID}, not ${order.reference}` };
        }
        return { outcome: 'found', snapshot: snapshotOfGet(found, order.price) };
      } catch (error) {
        if (error instanceof NotFoundError) return { outcome: 'absent', reason: error.message };
        // FORBIDDEN ("not your order"), 5xx, 429, unreachable: no definite answer about this order.
        return { outcome: 'unknown', reason: reasonOf(error) };
      }
    },

    // P2W's API has no cancel, refund, complete or resend: the core answers Unsupported.
    operations: {},

    webhook: {
      authentication: 'signature',
      receive(request) {
        const callback = parseP2wCallback(request, options.secret);
        reports.note(callback, STATUS[callback.payload.status], now());
        return callback.result;
      },
    },

    stats: () => client.stats(),
    reportedBalance: () => reports.balance(),
  };
}

function topupInfoOf(intent: PlaceOrderRequest['intent']): Readonly<Record<string, string>> {
  if (intent.kind !== 'GAME_TOPUP') throw new ValidationError(`P2W sells game top-ups only, not ${intent.kind}`, 'kind');
  return intent.topupInfo;
}

/** POST /orders body: refID = our reference; hookURL only when we have one. */
function createBody(refID: string, packageID: string, topupInfo: Readonly<Record<string, string>>, hookURL: string | null): CreateOrderBody {
  return { refID, packageID, topupInfo: { ...topupInfo }, ...(hookURL ? { hookURL } : {}) };
}

function reasonOf(error: unknown): string {
  if (error instanceof InsufficientBalanceError) return `${error.message}; the first create may still have taken effect`;
  return error instanceof Error ? error.message : String(error);
}
