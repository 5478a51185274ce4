import { Repeater } from '@graphql-yoga/subscription';
import { Money } from '../domain/money.ts';
import { ValidationError } from '../domain/errors.ts';
import { committedOrderOf, orderChangesOf, type OrderChangedEvent } from '../services/event-bus.ts';
import type { OrderCursor } from '../services/order-book.ts';
import type { Order } from '../db/entities.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { OfferAttemptRef, ORDER_ACTION_ERRORS, SPENDING_ERRORS } from './errors.ts';
import { MoneyInput } from './money.ts';
import { OrderRef, OtpOrderRef, parseOrderId } from './order.ts';
import { OrderKindEnum, OrderStatusEnum, ProviderIdEnum, RoutingPolicyEnum } from './provider-enums.ts';

const OrderFilter = builder.inputType('OrderFilter', {
  description: 'Narrows the order list; every field is optional and they combine with AND.',
  fields: (t) => ({
    status: t.field({ type: [OrderStatusEnum], description: 'Any of these statuses.' }),
    kind: t.field({ type: [OrderKindEnum], description: 'Any of these kinds.' }),
    provider: t.field({ type: [ProviderIdEnum], description: 'Any of these providers.' }),
    createdAfter: t.field({ type: 'DateTime', description: 'Created at or after this time.' }),
    createdBefore: t.field({ type: 'DateTime', description: 'Created before this time.' }),
  }),
});

const BuyNumberInput = builder.inputType('BuyNumberInput', {
  description: 'What number to buy, and the idempotency key that makes retrying this mutation safe.',
  fields: (t) => ({
    service: t.string({ required: true, description: 'Platform key, e.g. "whatsapp" (see catalog).' }),
    country: t.string({ required: true, description: 'ISO 3166-1 alpha-2 country code, e.g. "ID".' }),
    provider: t.field({ type: ProviderIdEnum, description: 'Only buy from this provider (default: the best offer of any).' }),
    preferProvider: t.field({ type: ProviderIdEnum, description: 'Prefer this provider: ties go to it under CHEAPEST; it leads under BEST_SUCCESS.' }),
    routing: t.field({
      type: RoutingPolicyEnum,
      defaultValue: 'CHEAPEST',
      description: 'How offers are ranked across providers; on no numbers, no provider balance or a provider limit the next one is tried (only one is ever charged). Providers that route among their own upstreams (smscode) follow the same policy.',
    }),
    maxPrice: t.field({ type: MoneyInput, description: 'Refuse to pay more than this, in any currency (converted to each provider’s currency).' }),
    idempotencyKey: t.string({ required: true, description: 'Unique per purchase (1–128 printable ASCII characters). Retrying with the same key and input returns the same order; nothing is bought twice.' }),
  }),
});

const OrderIdInput = (name: string, description: string) =>
  builder.inputType(name, {
    description,
    fields: (t) => ({ orderId: t.id({ required: true, description: 'Global id of the order.' }) }),
  });

const CancelOrderInput = OrderIdInput('CancelOrderInput', 'Which order to cancel.');
const CompleteOrderInput = OrderIdInput('CompleteOrderInput', 'Which order to complete.');
const ResendSmsInput = OrderIdInput('ResendSmsInput', 'Which order should get its SMS again.');

const ResendResultRef = builder.objectRef<{ order: Awaited<ReturnType<GraphQLContext['services']['book']['getOwned']>>; resent: boolean }>('ResendSmsOutcome').implement({
  description: 'The outcome of a resend request.',
  fields: (t) => ({
    order: t.field({ type: OtpOrderRef, description: 'The order.', resolve: (r) => r.order }),
    resent: t.boolean({ description: 'False when the platform does not support resending.', resolve: (r) => r.resent }),
  }),
});

builder.queryFields((t) => ({
  order: t.field({
    authScopes: { ORDERS_READ: true },
    type: OrderRef,
    nullable: true,
    description: 'One of your orders by global id; null when it does not exist or is not yours.',
    args: { id: t.arg.id({ required: true, description: 'Global id of the order.' }) },
    resolve: async (_root, args, ctx) => {
      try {
        return await ctx.services.book.getOwned(parseOrderId(String(args.id)), ctx.viewer.clientId);
      } catch {
        return null;
      }
    },
  }),
  orders: t.connection({
    authScopes: { ORDERS_READ: true },
    type: OrderRef,
    description: 'Your orders from the local order book, newest first.',
    args: { filter: t.arg({ type: OrderFilter, description: 'Optional filters.' }) },
    resolve: async (_root, args, ctx) => {
      if (args.before || args.last) throw new ValidationError('orders pages forward only: use first/after', 'last');
      const first = Math.min(Math.max(args.first ?? 20, 1), 100);
      const after = args.after ? decodeCursor(args.after) : null;
      const f = args.filter;
      const rows = await ctx.services.book.list(
        {
          ownerId: ctx.viewer.clientId,
          statuses: f?.status ?? undefined,
          kinds: f?.kind ?? undefined,
          providers: f?.provider ?? undefined,
          createdAfter: f?.createdAfter ?? undefined,
          createdBefore: f?.createdBefore ?? undefined,
        },
        first,
        after,
      );
      const page = rows.slice(0, first);
      return {
        edges: page.map((o) => ({ node: o, cursor: encodeCursor({ createdAt: o.createdAt, id: o.id }) })),
        pageInfo: {
          hasNextPage: rows.length > first,
          hasPreviousPage: after !== null,
          startCursor: page[0] ? encodeCursor(page[0]) : null,
          endCursor: page.at(-1) ? encodeCursor(page.at(-1)!) : null,
        },
      };
    },
  }),
  activeOrders: t.field({
    authScopes: { ORDERS_READ: true },
    type: [OrderRef],
    description: 'Your orders that can still change (PENDING, UNKNOWN, ACTIVE, OTP_RECEIVED), newest first.',
    resolve: async (_root, _args, ctx) =>
      ctx.services.book.list({ ownerId: ctx.viewer.clientId, statuses: ['PENDING', 'UNKNOWN', 'ACTIVE', 'OTP_RECEIVED'] }, 500, null),
  }),
}));

builder.mutationFields((t) => ({
  buyNumber: t.field({
    authScopes: { BUY: true },
    type: OtpOrderRef,
    description: 'Buys a virtual number for an OTP. Idempotent per idempotencyKey; an ambiguous provider outcome returns the order in UNKNOWN and reconciles it.',
    errors: {
      types: SPENDING_ERRORS,
      dataField: { name: 'order', description: 'The order (ACTIVE, or UNKNOWN while being reconciled).' },
      result: {
        fields: (r) => ({
          attempts: r.field({ type: [OfferAttemptRef], description: 'Every offer considered, in order, and what came of it (only one provider is ever charged).', resolve: (order) => [...(order.attempts ?? [])] }),
        }),
      },
    },
    args: { input: t.arg({ type: BuyNumberInput, required: true, description: 'What to buy.' }) },
    resolve: (_root, { input }, ctx) =>
      ctx.services.otpOrders.buyNumber(ctx.viewer.clientId, {
        platform: input.service.trim().toLowerCase(),
        country: input.country.trim().toUpperCase(),
        provider: input.provider ?? null,
        preferProvider: input.preferProvider ?? null,
        routing: input.routing ?? 'CHEAPEST',
        maxPrice: input.maxPrice ? Money.of(input.maxPrice.amount, input.maxPrice.currency) : null,
        idempotencyKey: input.idempotencyKey,
      }),
  }),
  cancelOrder: t.field({
    authScopes: { BUY: true },
    type: OrderRef,
    description: 'Cancels an ACTIVE order where its provider allows (see capabilities); the refund is recorded. Refused with CancelTooEarly while the provider forbids it, Unsupported where it cannot cancel.',
    errors: { types: ORDER_ACTION_ERRORS, dataField: { name: 'order', description: 'The canceled order.' } },
    args: { input: t.arg({ type: CancelOrderInput, required: true, description: 'Which order.' }) },
    resolve: (_root, { input }, ctx) => ctx.services.orderActions.cancel(ctx.viewer.clientId, parseOrderId(String(input.orderId))),
  }),
  completeOrder: t.field({
    authScopes: { BUY: true },
    type: OrderRef,
    description: 'Marks an order that received its code as completed, releasing the number.',
    errors: { types: ORDER_ACTION_ERRORS, dataField: { name: 'order', description: 'The completed order.' } },
    args: { input: t.arg({ type: CompleteOrderInput, required: true, description: 'Which order.' }) },
    resolve: (_root, { input }, ctx) => ctx.services.orderActions.complete(ctx.viewer.clientId, parseOrderId(String(input.orderId))),
  }),
  resendSms: t.field({
    authScopes: { BUY: true },
    type: ResendResultRef,
    description: 'Asks the provider to send the SMS again (not every platform supports it).',
    errors: { types: ORDER_ACTION_ERRORS, dataField: { name: 'outcome', description: 'The order and whether the SMS was resent.' } },
    args: { input: t.arg({ type: ResendSmsInput, required: true, description: 'Which order.' }) },
    resolve: (_root, { input }, ctx) => ctx.services.orderActions.resend(ctx.viewer.clientId, parseOrderId(String(input.orderId))),
  }),
}));

const OtpReceivedRef = builder.objectRef<{ orderId: string; message: NonNullable<OrderChangedEvent['message']>; event: OrderChangedEvent }>('OtpReceived').implement({
  description: 'An SMS arrived on one of your numbers.',
  fields: (t) => ({
    order: t.field({
      type: OtpOrderRef,
      description: 'The order, as it is now.',
      resolve: (e, _args, ctx) => committedOrderOf<Order>(e.event, ctx.viewer.clientId) ?? ctx.services.book.getOwnedCommitted(e.orderId, ctx.viewer.clientId),
    }),
    code: t.string({ nullable: true, description: 'The code extracted from the SMS.', resolve: (e) => e.message.code }),
    text: t.string({ description: 'The full SMS text.', resolve: (e) => e.message.text }),
    receivedAt: t.field({ type: 'DateTime', description: 'When the SMS arrived.', resolve: (e) => new Date(e.message.receivedAt) }),
  }),
});

/** Only the caller's own orders, and only the one asked for when an id is given: one topic each; the owner check and `accept` are one step per event. */
function ordersOfViewer(ctx: GraphQLContext, wanted: string | null, accept?: (event: OrderChangedEvent) => boolean): AsyncIterable<OrderChangedEvent> {
  return orderChangesOf(ctx.services.events, ctx.viewer.clientId, wanted, accept);
}

/**
 * Live events, preceded by what already happened: the live stream is listening before the stored
 * state is read, so nothing that happens in between is lost (a repeat is harmless: clients reload by id).
 * A Repeater rather than an async generator: a generator waiting for the next event could not be
 * returned until one came, so a subscriber who left would keep its listener (and its Redis channel).
 */
function withBacklog(live: AsyncIterable<OrderChangedEvent>, backlog: () => Promise<OrderChangedEvent[]>): AsyncIterable<OrderChangedEvent> {
  return new Repeater<OrderChangedEvent>(async (push, stop) => {
    const iterator = live[Symbol.asyncIterator]();
    const first = iterator.next();
    let stopped = false;
    // Leaving while the live stream waits: returning it ends that wait (and removes the listener).
    void stop.then(() => {
      stopped = true;
      void iterator.return?.();
    });
    try {
      for (const event of await backlog()) {
        if (stopped) return;
        await push(event);
      }
      let next = await first;
      while (!next.done && !stopped) {
        await push(next.value);
        next = await iterator.next();
      }
    } finally {
      stop();
      await iterator.return?.();
    }
  });
}

function currentState(order: Order): OrderChangedEvent {
  return { orderId: order.id, ownerId: order.ownerId, provider: order.provider, kind: order.kind, status: order.status, message: null };
}

builder.subscriptionFields((t) => ({
  otpReceived: t.field({
    authScopes: { ORDERS_READ: true },
    type: OtpReceivedRef,
    description: 'Streams every SMS received on one of your orders (or on all of them when orderId is omitted) the moment it arrives.',
    args: {
      orderId: t.arg.id({ description: 'Global id of one order; omit for all your orders.' }),
      replay: t.arg.boolean({ defaultValue: false, description: 'With orderId: first send the messages that order already received (after a reconnect or a restart).' }),
    },
    subscribe: (_root, args, ctx) => {
      const wanted = args.orderId ? parseOrderId(String(args.orderId)) : null;
      const live = ordersOfViewer(ctx, wanted, (e) => e.message !== null);
      if (!wanted || !args.replay) return live;
      return withBacklog(live, async () => {
        const order = await ctx.services.book.getOwned(wanted, ctx.viewer.clientId);
        const messages = (await ctx.services.book.messages([order.id])).get(order.id) ?? [];
        return messages.map((m) => ({ ...currentState(order), message: { code: m.code == null ? null : String(m.code), text: m.text, receivedAt: m.receivedAt.toISOString() } }));
      });
    },
    resolve: (e: OrderChangedEvent, _args, ctx) => {
      ctx.services.metrics.otpDelivered(e.provider, e.message!.detectedAt);
      return { orderId: e.orderId, message: e.message!, event: e };
    },
  }),
  orderUpdated: t.field({
    authScopes: { ORDERS_READ: true },
    type: OrderRef,
    description: 'Streams your order each time it changes (status moves and received messages), of any kind. With orderId, the order as it is now comes first.',
    args: { orderId: t.arg.id({ description: 'Global id of one order; omit for all your orders.' }) },
    subscribe: (_root, args, ctx) => {
      const wanted = args.orderId ? parseOrderId(String(args.orderId)) : null;
      const live = ordersOfViewer(ctx, wanted);
      if (!wanted) return live;
      return withBacklog(live, async () => [currentState(await ctx.services.book.getOwned(wanted, ctx.viewer.clientId))]);
    },
    resolve: (e: OrderChangedEvent, _args, ctx) => committedOrderOf<Order>(e, ctx.viewer.clientId) ?? ctx.services.book.getOwnedCommitted(e.orderId, ctx.viewer.clientId),
  }),
}));

// Sandbox only: makes the simulator deliver an SMS now, for demos in GraphiQL.
builder.mutationField('sandboxDeliverOtp', (t) =>
  t.field({
    type: OtpOrderRef,
    authScopes: { BUY: true },
    subGraphs: ['sandbox'],
    description: 'SANDBOX ONLY: the simulator delivers an SMS with this code to the order now (absent outside sandbox mode).',
    errors: { types: [ValidationError], dataField: { name: 'order', description: 'The order (updates arrive through subscriptions).' } },
    args: {
      orderId: t.arg.id({ required: true, description: 'Global id of the order.' }),
      code: t.arg.string({ description: 'The code to deliver; random when omitted.' }),
    },
    resolve: async (_root, args, ctx) => {
      const order = await ctx.services.book.getOwned(parseOrderId(String(args.orderId)), ctx.viewer.clientId);
      const deliver = ctx.services.sandbox?.get(order.provider)?.deliverOtp;
      if (!deliver || !order.providerRef) throw new ValidationError('This order cannot receive a sandbox SMS', 'orderId');
      if (args.code != null && !/^[A-Za-z0-9-]{1,12}$/.test(args.code)) throw new ValidationError('code must be 1 to 12 letters or digits', 'code');
      await deliver(order.providerRef, args.code ?? null);
      return order;
    },
  }),
);

function encodeCursor(position: OrderCursor): string {
  return Buffer.from(`${position.createdAt.toISOString()}|${position.id}`).toString('base64url');
}

function decodeCursor(cursor: string): OrderCursor {
  const [iso = '', id = ''] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(iso);
  if (Number.isNaN(createdAt.getTime()) || !id) throw new ValidationError('after is not a cursor from this list', 'after');
  return { createdAt, id };
}
