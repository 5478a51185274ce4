import { createPubSub, filter, type PubSub, type PubSubEventTarget } from '@graphql-yoga/subscription';

/** A rate as it travels on the bus: JSON-safe, so the Redis transport carries it unchanged. */
export interface FxRateEvent {
  readonly base: string;
  readonly quote: string;
  readonly rate: string;
  readonly source: string;
  readonly asOf: string;
}

/** Published by the instance whose catalog changed, so every instance drops its cached public answers. */
export interface CatalogChangedEvent {
  readonly instance: string;
}

/** Something changed on an order; subscribers reload it by id. */
export interface OrderChangedEvent {
  readonly orderId: string;
  readonly ownerId: string;
  readonly provider: string;
  readonly kind: string;
  readonly status: string;
  /**
   * Set when the change is a received message. `detectedAt` (epoch ms, a time) is when the gateway got
   * it from the provider (webhook arrival or poll answer), for the OTP latency metric (docs/metrics.md);
   * absent on messages replayed from the database.
   */
  readonly message: { readonly code: string | null; readonly text: string; readonly receivedAt: string; readonly detectedAt?: number } | null;
}

/**
 * Topics and payloads of the one EventBus (docs/architecture.md, "Layers"). An order change goes out
 * on three topics, so each reader hears only what it needs: every change (`order.changed`, for the
 * watcher), the changes of one owner's orders (`order.changed.owner`, keyed by owner id) and of one
 * order (`order.changed.order`, keyed by order id) for subscriptions. A subscriber of one order
 * then costs nothing when another order changes, however many subscribers there are.
 */
export type EventTopics = {
  'fx.ratesChanged': [FxRateEvent[]];
  /** What an instance's catalog answers may have changed (offers reloaded, stock sold): cached answers go. */
  'catalog.changed': [CatalogChangedEvent];
  'order.changed': [OrderChangedEvent];
  'order.changed.owner': [ownerId: string, event: OrderChangedEvent];
  'order.changed.order': [orderId: string, event: OrderChangedEvent];
};

export type EventBus = PubSub<EventTopics>;

/** How the bus is carried, for /readyz: in memory (always reachable) or over Redis (reachable or not right now). */
export interface EventBusStatus {
  readonly transport: 'memory' | 'redis';
  readonly reachable: boolean;
}

// The order as the publishing instance committed it, kept beside the event for subscribers in the
// same process: they answer from it instead of reading the row again (one read less per pushed OTP).
// Never carried to other instances: Redis carries the event alone and they read the row.
const committedOrders = new WeakMap<OrderChangedEvent, { readonly ownerId: string }>();

/** Keeps `order` (as committed) with `event` for local subscribers; returns the event. */
export function withCommittedOrder(event: OrderChangedEvent, order: { readonly ownerId: string }): OrderChangedEvent {
  committedOrders.set(event, order);
  return event;
}

/** The committed order published with `event` in this process, if it is `ownerId`'s; null otherwise. */
export function committedOrderOf<T extends { readonly ownerId: string }>(event: OrderChangedEvent, ownerId: string): T | null {
  const order = committedOrders.get(event);
  return order && order.ownerId === ownerId ? (order as T) : null;
}

/** Publishes one order change on every topic that carries it (see EventTopics). */
export function publishOrderChanged(bus: EventBus, event: OrderChangedEvent): void {
  bus.publish('order.changed', event);
  bus.publish('order.changed.owner', event.ownerId, event);
  bus.publish('order.changed.order', event.orderId, event);
}

/**
 * The changes of one owner's orders, or of one order when `orderId` is given — still checked
 * against the owner, so an id of someone else's order yields nothing. `accept` narrows them further
 * in the same step: each stage is a Repeater held for as long as the subscription lives, so a live
 * order page costs one stage less (docs/performance.md, "OTP push").
 */
export function orderChangesOf(bus: EventBus, ownerId: string, orderId: string | null, accept?: (event: OrderChangedEvent) => boolean): AsyncIterable<OrderChangedEvent> {
  if (orderId === null) {
    const all = bus.subscribe('order.changed.owner', ownerId);
    return accept ? filter(accept)(all) : all;
  }
  return filter((event: OrderChangedEvent) => event.ownerId === ownerId && (accept === undefined || accept(event)))(bus.subscribe('order.changed.order', orderId));
}

/**
 * In-memory by default; pass a Redis event target (see redis-event-bus.ts) to fan events out
 * across instances.
 */
export function createEventBus(eventTarget?: PubSubEventTarget<EventTopics>): EventBus {
  return createPubSub<EventTopics>(eventTarget ? { eventTarget } : undefined);
}
