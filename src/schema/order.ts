import { decodeGlobalID } from '@pothos/plugin-relay';
import { Money, type Currency } from '../domain/money.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { OrderKind } from '../domain/order-kind.ts';
import type { Order, OrderMessage, StatusChange } from '../db/entities.ts';
import { builder } from './builder.ts';
import { MoneyRef } from './money.ts';
import { OrderKindEnum, OrderStatusEnum, ProviderIdEnum } from './provider-enums.ts';

/** GraphQL object type of each order kind (order-kinds.ts defines the top-up ones). */
const TYPE_OF_KIND: Record<OrderKind, string> = {
  OTP_NUMBER: 'OtpOrder',
  MOBILE_TOPUP: 'MobileRefillOrder',
  GAME_TOPUP: 'GameTopUpOrder',
  SOCIAL_BOOST: 'SocialBoostOrder',
  PREMIUM_APP: 'PremiumAppOrder',
};
const ORDER_TYPENAMES = new Set(Object.values(TYPE_OF_KIND));

export const OtpMessageRef = builder.objectRef<OrderMessage>('OtpMessage').implement({
  description: 'An SMS received on an OTP number.',
  fields: (t) => ({
    code: t.string({ nullable: true, description: 'The code extracted from the SMS, when there is one.', resolve: (m) => (m.code == null ? null : String(m.code)) }),
    text: t.string({ description: 'The full SMS text.', resolve: (m) => m.text }),
    receivedAt: t.field({ type: 'DateTime', description: 'When the SMS arrived at the provider.', resolve: (m) => m.receivedAt }),
  }),
});

const StatusChangeRef = builder.objectRef<StatusChange>('OrderStatusChange').implement({
  description: 'One move of an order through the status machine.',
  fields: (t) => ({
    from: t.field({ type: OrderStatusEnum, nullable: true, description: 'Status before (null for the first record).', resolve: (c) => (c.fromStatus as never) ?? null }),
    to: t.field({ type: OrderStatusEnum, description: 'Status after.', resolve: (c) => c.toStatus as never }),
    reason: t.string({ description: 'Why it moved (client action, provider update, reconciliation…).', resolve: (c) => c.reason }),
    at: t.field({ type: 'DateTime', description: 'When it moved.', resolve: (c) => c.at }),
  }),
});

const OrderFailureRef = builder.objectRef<{ code: string; message: string }>('OrderFailure').implement({
  description: 'Why an order failed.',
  fields: (t) => ({
    code: t.string({ description: 'Error code.', resolve: (f) => f.code }),
    message: t.string({ description: 'Explanation.', resolve: (f) => f.message }),
  }),
});

/** What every order has, whatever it buys; each kind is an object type implementing it. */
export const OrderRef = builder.interfaceRef<Order>('Order').implement({
  description: 'An order placed through Switchboard with one provider, of any kind. Only its owner can see it.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (order) => TYPE_OF_KIND[order.kind],
  fields: (t) => ({
    kind: t.field({ type: OrderKindEnum, description: 'What the order buys.', resolve: (o) => o.kind }),
    provider: t.field({ type: ProviderIdEnum, description: 'The provider that fulfils it.', resolve: (o) => o.provider }),
    providerRef: t.string({ nullable: true, description: "The provider's own order reference (for support).", resolve: (o) => o.providerRef }),
    reference: t.string({ description: "The gateway's own reference of this order, as sent to the provider where it takes one.", resolve: (o) => o.reference }),
    status: t.field({ type: OrderStatusEnum, description: 'Where the order is in the status machine.', resolve: (o) => o.status }),
    providerStatus: t.string({ nullable: true, description: "The provider's raw status word, kept for support.", resolve: (o) => o.providerStatus }),
    service: t.string({ description: 'Canonical service key, e.g. otp:whatsapp:ID.', resolve: (o) => o.serviceKey }),
    price: t.field({ type: MoneyRef, nullable: true, description: "What the provider charged, in the provider's currency (the ledger value).", resolve: (o) => toMoney(o.priceAmount, o.currency) }),
    refund: t.field({ type: MoneyRef, nullable: true, description: 'What the provider returned (cancel, expiry, failed top-up), in its currency.', resolve: (o) => toMoney(o.refundAmount, o.currency) }),
    idempotencyKey: t.string({ description: 'The key the client sent with the purchase.', resolve: (o) => o.idempotencyKey }),
    failure: t.field({
      type: OrderFailureRef,
      nullable: true,
      description: 'Why the order failed, when it did.',
      resolve: (o) => (o.failureCode ? { code: o.failureCode, message: o.failureMessage ?? '' } : null),
    }),
    statusHistory: t.loadableList({
      type: StatusChangeRef,
      description: 'Every status move, oldest first.',
      load: async (ids: string[], ctx) => {
        const byOrder = await ctx.services.book.history(ids);
        return ids.map((id) => byOrder.get(id) ?? []);
      },
      resolve: (o) => o.id,
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When the intent was recorded.', resolve: (o) => o.createdAt }),
    updatedAt: t.field({ type: 'DateTime', description: 'Last change.', resolve: (o) => o.updatedAt }),
  }),
});

export const OtpOrderRef = builder.objectRef<Order>('OtpOrder');

builder.node(OtpOrderRef, {
  description: 'A rented virtual number that receives OTP codes.',
  interfaces: [OrderRef],
  isTypeOf: (o) => (o as Order).kind === 'OTP_NUMBER',
  id: { resolve: (o) => o.id },
  loadMany: (ids, ctx) => loadOwnedOrders(ids, ctx.services.book, ctx.viewer.clientId, 'OTP_NUMBER'),
  fields: (t) => ({
    phoneNumber: t.string({ nullable: true, description: 'The rented number in E.164 (null until the provider answered).', resolve: (o) => o.phoneNumber }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, description: 'When the number stops receiving.', resolve: (o) => o.expiresAt }),
    messages: t.loadableList({
      type: OtpMessageRef,
      description: 'Every SMS received, oldest first.',
      load: async (ids: string[], ctx) => {
        const byOrder = await ctx.services.book.messages(ids);
        return ids.map((id) => byOrder.get(id) ?? []);
      },
      resolve: (o) => o.id,
    }),
  }),
});

export async function loadOwnedOrders(ids: readonly string[], book: { findByIds(ids: readonly string[]): Promise<Order[]> }, ownerId: string, kind: OrderKind): Promise<(Order | null)[]> {
  const found = await book.findByIds(ids.filter(isUuid));
  const mine = new Map(found.filter((o) => o.ownerId === ownerId && o.kind === kind).map((o) => [o.id, o]));
  return ids.map((id) => mine.get(id) ?? null);
}

/** Local order id from a Relay global id of any order type; a malformed or foreign-type id is simply not found. */
export function parseOrderId(globalId: string): string {
  try {
    const { typename, id } = decodeGlobalID(globalId);
    if (ORDER_TYPENAMES.has(typename) && isUuid(id)) return id;
  } catch {
    // fall through
  }
  throw new NotFoundError('Order', globalId);
}

function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

function toMoney(amount: string | null | undefined, currency: string): Money | null {
  return amount == null ? null : Money.of(String(amount), currency as Currency);
}
