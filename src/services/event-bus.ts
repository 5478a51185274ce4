import { createPubSub, type PubSub, type PubSubEventTarget } from '@graphql-yoga/subscription';

/** A rate as it travels on the bus: JSON-safe, so the Redis transport carries it unchanged. */
export interface FxRateEvent {
  readonly base: string;
  readonly quote: string;
  readonly rate: string;
  readonly source: string;
  readonly asOf: string;
}

/** Something changed on an order; subscribers reload it by id. */
export interface OrderChangedEvent {
  readonly orderId: string;
  readonly ownerId: string;
  readonly provider: string;
  readonly kind: string;
  readonly status: string;
  /** Set when the change is a received message. */
  readonly message: { readonly code: string | null; readonly text: string; readonly receivedAt: string } | null;
}

/** Topics and payloads of the one EventBus (docs/architecture.md, "Layers"). */
export type EventTopics = {
  'fx.ratesChanged': [FxRateEvent[]];
  'order.changed': [OrderChangedEvent];
};

export type EventBus = PubSub<EventTopics>;

/** How the bus is carried, for /readyz: in memory (always reachable) or over Redis (reachable or not right now). */
export interface EventBusStatus {
  readonly transport: 'memory' | 'redis';
  readonly reachable: boolean;
}

/**
 * In-memory by default; pass a Redis event target (see redis-event-bus.ts) to fan events out
 * across instances.
 */
export function createEventBus(eventTarget?: PubSubEventTarget<EventTopics>): EventBus {
  return createPubSub<EventTopics>(eventTarget ? { eventTarget } : undefined);
}
