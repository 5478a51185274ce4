import { SwitchboardError, ValidationError } from '../domain/errors.ts';
import { Dec, Money } from '../domain/money.ts';
import { supports, type OrderSnapshot, type ProviderId } from '../domain/provider.ts';
import { OrderSchema, StatusChange, type Order } from '../db/entities.ts';
import type { Database } from '../db/database.ts';
import { errorSummary } from './errors.ts';
import { ORPHAN_OWNER, type OrphanFinder } from './orphans.ts';
import type { ProviderRegistry } from './provider-registry.ts';

/** Only the admin client may read the books. */
export class AdminOnlyError extends SwitchboardError {
  constructor(what: string) {
    super('FORBIDDEN', `Only the admin client may ${what}`);
  }
}

export interface MoneyTotals {
  readonly charges: Money;
  readonly refunds: Money;
  /** charges − refunds. */
  readonly net: Money;
  readonly orders: number;
}

/** One order whose outcome is not settled, with what is known of it. */
export interface UnresolvedOrder {
  readonly order: Order;
  /** Why it is still open: the last status change's reason. */
  readonly reason: string | null;
  /** A PENDING order past its call deadline (or with none) is stale: its process died mid-call. */
  readonly stale: boolean;
}

/** A provider order whose amounts differ between the two books. */
export interface Mismatch {
  readonly providerRef: string;
  readonly local: Money | null;
  readonly provider: Money | null;
}

export interface ReconciliationReport {
  readonly provider: ProviderId;
  readonly from: Date;
  readonly to: Date;
  /** What the gateway booked over the window (orders the provider created: those with its order id). */
  readonly local: MoneyTotals;
  /** What the provider's own order history says over the window; null where its API lists no orders. */
  readonly providerHistory: MoneyTotals | null;
  /** Why there is no provider side (no order listing, or it could not be read). */
  readonly historyNote: string | null;
  /** Orders in the provider's history with amounts other than ours, or missing from one side. */
  readonly mismatches: readonly Mismatch[];
  /** Provider orders with no local record, imported as orphans (owned by no client). */
  readonly orphans: readonly Order[];
  /** UNKNOWN and stale PENDING orders of the window. */
  readonly unresolved: readonly UnresolvedOrder[];
}

const NO_HISTORY: Partial<Record<ProviderId, string>> = {
  XD247: '247xd has no order listing: only its support can confirm orders the gateway has no id for',
  EASYSOFT: "easysoft has no order listing (nor lookup by our orderid): confirm from easysoft's report",
  P2W: 'P2W has no order listing: orders surface only by their orderID or their callbacks',
};

/**
 * Per provider, the gateway's books against the provider's own over a window (issue item 3): local
 * charges and refunds, the provider's order history where its API lists orders (smscode, OTP24HR),
 * orphans found, and what is still unresolved — exact amounts in the provider's currency.
 */
export class ReconciliationReports {
  private readonly db: Database;
  private readonly providers: ProviderRegistry;
  private readonly orphans: OrphanFinder;

  constructor(deps: { db: Database; providers: ProviderRegistry; orphans: OrphanFinder }) {
    this.db = deps.db;
    this.providers = deps.providers;
    this.orphans = deps.orphans;
  }

  async report(provider: ProviderId, from: Date, to: Date): Promise<ReconciliationReport> {
    if (!(from.getTime() < to.getTime())) throw new ValidationError('from must be before to', 'from');
    const adapter = this.providers.require(provider);
    const currency = adapter.currency;
    let history: readonly OrderSnapshot[] | null = null;
    let historyNote: string | null = NO_HISTORY[provider] ?? null;
    if (supports(adapter, 'history')) {
      try {
        // The scan imports what has no local record, so the books below already include the orphans.
        history = (await this.orphans.scan(adapter, { from, to })).history;
        historyNote = null;
      } catch (error) {
        historyNote = `the provider's history could not be read: ${errorSummary(error)}`;
      }
    }
    const em = this.db.em();
    const orders = await em.find(OrderSchema, { provider, createdAt: { $gte: from, $lte: to } }, { orderBy: { createdAt: 'asc' } });
    const charged = orders.filter((o) => o.providerRef);
    const local = totals(charged.map((o) => ({ price: o.priceAmount, refund: o.refundAmount })), currency);

    const mismatches: Mismatch[] = [];
    let providerHistory: MoneyTotals | null = null;
    if (history) {
      providerHistory = totals(history.map((s) => ({ price: s.price?.amount.toFixed() ?? null, refund: s.refund?.amount.toFixed() ?? null })), currency);
      const byRef = new Map(charged.map((o) => [o.providerRef!, o]));
      // Our orders are looked up by ref over all time: an order created just before `from` may be in the provider's window.
      const outside = await em.find(OrderSchema, { provider, providerRef: { $in: history.map((s) => s.providerRef).filter((r) => !byRef.has(r)) } });
      for (const o of outside) byRef.set(o.providerRef!, o);
      for (const s of history) {
        const mine = byRef.get(s.providerRef);
        const theirs = s.price ? s.price.amount.minus(s.refund?.amount ?? 0) : null;
        const ours = mine ? new Dec(mine.priceAmount ?? 0).minus(mine.refundAmount ?? 0) : null;
        if (!ours || !theirs || !ours.equals(theirs)) mismatches.push({ providerRef: s.providerRef, local: ours ? new Money(ours, currency) : null, provider: theirs ? new Money(theirs, currency) : null });
      }
      const listed = new Set(history.map((s) => s.providerRef));
      for (const o of charged) if (!listed.has(o.providerRef!)) mismatches.push({ providerRef: o.providerRef!, local: new Money(new Dec(o.priceAmount ?? 0).minus(o.refundAmount ?? 0), currency), provider: null });
    }

    const now = Date.now();
    const open = orders.filter((o) => o.status === 'UNKNOWN' || (o.status === 'PENDING' && (!o.callDeadline || o.callDeadline.getTime() < now)));
    const reasons = open.length ? await em.find(StatusChange, { order: { $in: open.map((o) => o.id) } }, { orderBy: [{ at: 'asc' }, { id: 'asc' }] }) : [];
    const lastReason = new Map(reasons.map((c) => [(c.order as unknown as { id: string }).id, c.reason]));
    return {
      provider,
      from,
      to,
      local,
      providerHistory,
      historyNote,
      mismatches,
      orphans: orders.filter((o) => o.ownerId === ORPHAN_OWNER),
      unresolved: open.map((order) => ({ order, reason: lastReason.get(order.id) ?? null, stale: order.status === 'PENDING' })),
    };
  }
}

function totals(rows: readonly { price?: string | null; refund?: string | null }[], currency: Money['currency']): MoneyTotals {
  let charges = new Dec(0);
  let refunds = new Dec(0);
  for (const row of rows) {
    charges = charges.plus(row.price ?? 0);
    refunds = refunds.plus(row.refund ?? 0);
  }
  return { charges: new Money(charges, currency), refunds: new Money(refunds, currency), net: new Money(charges.minus(refunds), currency), orders: rows.length };
}
