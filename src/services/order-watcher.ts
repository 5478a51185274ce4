import { OPEN_STATUSES, type OrderStatus } from '../domain/order-status.ts';
import { supports, type OrderSnapshot, type ProviderAdapter, type ProviderId } from '../domain/provider.ts';
import type { Order } from '../db/entities.ts';
import type { Logger } from '../logging/logger.ts';
import { errorSummary } from './errors.ts';
import type { EventBus, OrderChangedEvent } from './event-bus.ts';
import { orderHandle } from './order-handle.ts';
import type { OrderBook } from './order-book.ts';
import type { ProviderRegistry } from './provider-registry.ts';
import type { Reconciler } from './reconciler.ts';

// How long after expiresAt an OTP_RECEIVED order is still read from the provider before it is closed locally.
const RENTAL_GRACE_MS = 5 * 60_000;

export interface WatcherOptions {
  readonly minIntervalMs: number;
  readonly maxIntervalMs: number;
  /** Providers whose pushes arrive by webhook: polled only at the slow interval, as a safety net. */
  readonly pushProviders: ReadonlySet<ProviderId>;
}

/**
 * Keeps open orders of every kind and provider current by polling (for providers that do not push,
 * or whose pushes may be lost), and reconciles PENDING/UNKNOWN ones. One batched call per provider
 * per pass where the provider has one (smscode /orders/active), a lookup per order otherwise; the
 * interval starts short after a change and backs off while nothing happens; with no open orders,
 * nothing is polled. It wakes on the event bus when an order opens or changes, and every upstream
 * call passes through the provider's request budget.
 */
export class OrderWatcher {
  private readonly providers: ProviderRegistry;
  private readonly book: OrderBook;
  private readonly reconciler: Reconciler;
  private readonly events: EventBus;
  private readonly logger: Logger;
  private readonly options: WatcherOptions;
  private readonly intervals = new Map<ProviderId, number>();
  private readonly timers = new Map<ProviderId, NodeJS.Timeout>();
  private readonly running = new Map<ProviderId, Promise<void>>();
  private subscription: AsyncIterator<OrderChangedEvent> | null = null;
  private stopped = true;

  constructor(deps: { providers: ProviderRegistry; book: OrderBook; reconciler: Reconciler; events: EventBus; logger: Logger }, options: WatcherOptions) {
    this.providers = deps.providers;
    this.book = deps.book;
    this.reconciler = deps.reconciler;
    this.events = deps.events;
    this.logger = deps.logger;
    this.options = options;
  }

  start(): void {
    this.stopped = false;
    for (const adapter of this.providers.all()) this.schedule(adapter.id, 0);
    void this.listen();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.return?.();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled(this.running.values());
  }

  /** A new or changed open order: look at its provider soon, at the short interval. */
  wake(provider: ProviderId): void {
    // Pushed providers tell us themselves; polling them faster would only spend their request budget.
    if (this.stopped || this.options.pushProviders.has(provider) || !this.providers.get(provider)) return;
    this.intervals.set(provider, this.options.minIntervalMs);
    if (!this.running.has(provider)) this.schedule(provider, this.options.minIntervalMs);
  }

  /** One polling pass over a provider's open orders; returns how many orders changed. */
  async pollOnce(provider: ProviderId): Promise<number> {
    const adapter = this.providers.require(provider);
    const open = await this.book.open(provider);
    if (open.length === 0) return 0;
    let changed = 0;
    for (const order of open.filter((o) => o.status === 'PENDING' || o.status === 'UNKNOWN')) {
      const after = await this.reconciler.reconcile(order.id);
      if (after && after.status !== order.status) changed++;
    }
    // A number whose rental ended after its code arrived has nothing more to say (some providers never mark it done).
    const ended = open.filter((o) => o.status === 'OTP_RECEIVED' && o.expiresAt && o.expiresAt.getTime() + RENTAL_GRACE_MS < Date.now());
    for (const order of ended) {
      await this.book.transition(order.id, 'COMPLETED', 'rental ended after the code arrived');
      changed++;
    }
    const live = open.filter((o) => (o.status === 'ACTIVE' || o.status === 'OTP_RECEIVED') && o.providerRef && !ended.includes(o));
    if (live.length === 0) return changed;
    const listed = supports(adapter, 'activeOrders') ? new Map((await adapter.operations.activeOrders!()).map((s) => [s.providerRef, s])) : null;
    for (const order of live) {
      // Not in the active list any more (completed, expired, canceled), or no list at all: ask for it alone.
      const snapshot = listed?.get(order.providerRef!) ?? (await this.lookup(adapter, order));
      if (!snapshot) continue;
      const after = await this.book.applySnapshot(order.id, snapshot, 'poll');
      if (after.status !== order.status || after.updatedAt.getTime() !== order.updatedAt.getTime()) changed++;
    }
    return changed;
  }

  private async lookup(adapter: ProviderAdapter, order: Order): Promise<OrderSnapshot | null> {
    try {
      const result = await adapter.lookup(orderHandle(order));
      if (result.outcome === 'found') return result.snapshot;
      this.logger.warn({ orderId: order.id, outcome: result.outcome, reason: result.reason }, 'watcher: the provider did not answer for a live order');
    } catch (error) {
      this.logger.warn({ orderId: order.id, err: errorSummary(error) }, 'watcher: could not read a live order');
    }
    return null;
  }

  private async listen(): Promise<void> {
    const iterator = this.events.subscribe('order.changed')[Symbol.asyncIterator]();
    this.subscription = iterator;
    try {
      while (!this.stopped) {
        const next = await iterator.next();
        if (next.done) return;
        if ((OPEN_STATUSES as readonly OrderStatus[]).includes(next.value.status as OrderStatus)) this.wake(next.value.provider as ProviderId);
      }
    } catch (error) {
      if (!this.stopped) this.logger.warn({ err: errorSummary(error) }, 'watcher: order events stopped');
    }
  }

  private schedule(provider: ProviderId, delayMs: number): void {
    clearTimeout(this.timers.get(provider));
    const timer = setTimeout(() => {
      const pass = this.tick(provider).finally(() => this.running.delete(provider));
      this.running.set(provider, pass);
    }, delayMs);
    timer.unref();
    this.timers.set(provider, timer);
  }

  private async tick(provider: ProviderId): Promise<void> {
    if (this.stopped) return;
    const { minIntervalMs, maxIntervalMs, pushProviders } = this.options;
    let next = this.intervals.get(provider) ?? minIntervalMs;
    try {
      const changed = await this.pollOnce(provider);
      next = pushProviders.has(provider) ? maxIntervalMs : changed > 0 ? minIntervalMs : Math.min(maxIntervalMs, Math.ceil(next * 1.5));
    } catch (error) {
      this.logger.warn({ provider, err: errorSummary(error) }, 'watcher: poll failed');
      next = maxIntervalMs;
    }
    this.intervals.set(provider, next);
    if (!this.stopped) this.schedule(provider, next);
  }
}
