import type { Order } from '../db/entities.ts';
import { AdminOnlyError, type Mismatch, type MoneyTotals, type ReconciliationReport, type UnresolvedOrder } from '../services/reconciliation-report.ts';
import { builder } from './builder.ts';
import { ErrorInterface } from './errors.ts';
import { MoneyRef } from './money.ts';
import { ProviderIdEnum } from './provider-enums.ts';
import { Money } from '../domain/money.ts';
import { ValidationError } from '../domain/errors.ts';

builder.objectType(AdminOnlyError, {
  name: 'Forbidden',
  description: 'Only the admin client may do this; nothing was read or changed.',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

const TotalsRef = builder.objectRef<MoneyTotals>('LedgerTotals').implement({
  description: "Charges and refunds over a window, exact, in the provider's currency.",
  fields: (t) => ({
    charges: t.field({ type: MoneyRef, description: 'Sum of what was charged.', resolve: (x) => x.charges }),
    refunds: t.field({ type: MoneyRef, description: 'Sum of what came back.', resolve: (x) => x.refunds }),
    net: t.field({ type: MoneyRef, description: 'charges − refunds.', resolve: (x) => x.net }),
    orders: t.int({ description: 'Orders counted.', resolve: (x) => x.orders }),
  }),
});

const MismatchRef = builder.objectRef<Mismatch>('LedgerMismatch').implement({
  description: "A provider order whose net amount differs between the gateway's book and the provider's history (null: missing on that side).",
  fields: (t) => ({
    providerRef: t.string({ description: "The provider's order id.", resolve: (m) => m.providerRef }),
    local: t.field({ type: MoneyRef, nullable: true, description: 'Net on our book.', resolve: (m) => m.local }),
    provider: t.field({ type: MoneyRef, nullable: true, description: "Net in the provider's history.", resolve: (m) => m.provider }),
  }),
});

const money = (o: Order, amount: string | null | undefined) => (amount === null || amount === undefined ? null : Money.of(amount, o.currency as Money['currency']));

const BookOrderRef = builder.objectRef<Order>('ReconciliationOrder').implement({
  description: 'An order as the books hold it (any owner, orphans included).',
  fields: (t) => ({
    id: t.string({ description: 'Local order id (raw, not a global id).', resolve: (o) => o.id }),
    ownerId: t.string({ description: 'The client it belongs to; "orphan" for orders found only upstream.', resolve: (o) => o.ownerId }),
    status: t.string({ description: 'Order status.', resolve: (o) => o.status }),
    providerRef: t.string({ nullable: true, description: "The provider's order id, when known.", resolve: (o) => o.providerRef ?? null }),
    price: t.field({ type: MoneyRef, nullable: true, description: 'What the book says was (or would be) charged.', resolve: (o) => money(o, o.priceAmount) }),
    refund: t.field({ type: MoneyRef, nullable: true, description: 'What came back.', resolve: (o) => money(o, o.refundAmount) }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was recorded.', resolve: (o) => o.createdAt }),
  }),
});

const UnresolvedRef = builder.objectRef<UnresolvedOrder>('UnresolvedOrder').implement({
  description: 'An order whose outcome is not settled (UNKNOWN, or PENDING past its call deadline), with what is known.',
  fields: (t) => ({
    order: t.field({ type: BookOrderRef, description: 'The order.', resolve: (u) => u.order }),
    reason: t.string({ nullable: true, description: 'The last status change reason.', resolve: (u) => u.reason }),
    stale: t.boolean({ description: 'PENDING past its call deadline: its process died mid-call.', resolve: (u) => u.stale }),
  }),
});

const ReportRef = builder.objectRef<ReconciliationReport>('ReconciliationReport').implement({
  description: "One provider's books against the gateway's over a window.",
  fields: (t) => ({
    provider: t.field({ type: ProviderIdEnum, description: 'Provider.', resolve: (r) => r.provider }),
    from: t.field({ type: 'DateTime', description: 'Window start.', resolve: (r) => r.from }),
    to: t.field({ type: 'DateTime', description: 'Window end.', resolve: (r) => r.to }),
    local: t.field({ type: TotalsRef, description: "The gateway's book: orders the provider created (those with its order id).", resolve: (r) => r.local }),
    providerHistory: t.field({ type: TotalsRef, nullable: true, description: "The provider's own order history; null where its API lists no orders.", resolve: (r) => r.providerHistory }),
    historyNote: t.string({ nullable: true, description: 'Why there is no provider side, when there is none.', resolve: (r) => r.historyNote }),
    mismatches: t.field({ type: [MismatchRef], description: 'Orders whose amounts differ between the books.', resolve: (r) => [...r.mismatches] }),
    orphans: t.field({ type: [BookOrderRef], description: 'Provider orders with no local record, imported (owned by no client).', resolve: (r) => [...r.orphans] }),
    unresolved: t.field({ type: [UnresolvedRef], description: 'UNKNOWN and stale PENDING orders.', resolve: (r) => [...r.unresolved] }),
  }),
});

builder.queryFields((t) => ({
  reconciliationReport: t.field({
    type: ReportRef,
    description: "ADMIN: the gateway's charges and refunds against the provider's own records over [from, to], orphans found, and orders still unresolved.",
    errors: { types: [AdminOnlyError, ValidationError], dataField: { name: 'report', description: 'The report.' } },
    args: {
      provider: t.arg({ type: ProviderIdEnum, required: true, description: 'Which provider.' }),
      from: t.arg({ type: 'DateTime', required: true, description: 'Window start.' }),
      to: t.arg({ type: 'DateTime', required: true, description: 'Window end.' }),
    },
    resolve: async (_root, args, ctx) => {
      if (!ctx.viewer.isAdmin) throw new AdminOnlyError('read reconciliation reports');
      return ctx.services.reports.report(args.provider, args.from, args.to);
    },
  }),
}));
