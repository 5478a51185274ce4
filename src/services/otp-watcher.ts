import type { ProviderAdapter, ProviderId } from '../domain/provider.ts';
import type { Order } from '../db/entities.ts';
import type { Logger } from '../logging/logger.ts';
import { errorSummary } from './catalog.ts';
import type { OrderBook } from './order-book.ts';
import type { OtpOrders } from './otp-orders.ts';
import type { ProviderRegistry } from './provider-registry.ts';

export interface WatcherOptions {
  readonly minIntervalMs: number;
  readonly maxIntervalMs: number;
  /** Providers whose pushes arrive by webhook: polled only at the slow interval, as a safety net. */
  readonly pushProviders: ReadonlySet<ProviderId>;
}

/**
 * Keeps open orders current by polling, for providers that do not push (or whose pushes may be lost).
 * One batched call per provider per tick (smscode /orders/active covers every active order); the
 * interval starts short after a change and backs off while nothing happens; with no open orders,
 * nothing is polled at all. Upstream calls also pass through each client's request budget.
 */
export class OtpWatcher {
  private readonly providers: ProviderRegistry;
  private readonly book: OrderBook;
  private readonly orders: OtpOrders;
  private readonly logger: Logger;
  private readonly options: WatcherOptions;
  private readonly intervals = new Map<ProviderId, number>();
  private readonly timers = new Map<ProviderId, NodeJS.Timeout>();
  private readonly running = new Map<ProviderId, Promise<void>>();
  private stopped = true;

  constructor(deps: { providers: ProviderRegistry; book: OrderBook; orders: OtpOrders; logger: Logger }, options: WatcherOptions) {
    this.providers = deps.providers;
    this.book = deps.book;
    this.orders = deps.orders;
    this.logger = deps.logger;
    this.options = options;
  }

  start(): void {
    this.stopped = false;
    for (const adapter of this.otpProviders()) this.schedule(adapter.id, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled(this.running.values());
  }

  /** A new or changed order: look at its provider soon, at the short interval. */
  wake(provider: ProviderId): void {
    // Pushed providers tell us themselves; polling them faster would only spend their request budget.
    if (this.stopped || this.options.pushProviders.has(provider)) return;
    this.intervals.set(provider, this.options.minIntervalMs);
    if (!this.running.has(provider)) this.schedule(provider, this.options.minIntervalMs);
  }

  /** One polling pass over a provider's open orders; returns how many orders changed. */
  async pollOnce(provider: ProviderId): Promise<number> {
    const adapter = this.providers.require(provider);
    if (!adapter.otp) return 0;
    const open = await this.book.open(provider);
    if (open.length === 0) return 0;
    let changed = 0;
    const unsettled = open.filter((o) => o.status === 'PENDING' || o.status === 'UNKNOWN');
    for (const order of unsettled) {
      const after = await this.orders.reconcile(order.id);
      if (after.status !== order.status) changed++;
    }
    const live = open.filter((o) => (o.status === 'ACTIVE' || o.status === 'OTP_RECEIVED') && o.providerRef);
    if (live.length === 0) return changed;
    const active = new Map((await adapter.otp.activeOrders()).map((s) => [s.providerRef, s]));
    for (const order of live) {
      const snapshot = active.get(order.providerRef!) ?? (await this.readEnded(adapter, order));
      if (!snapshot) continue;
      const after = await this.book.applySnapshot(order.id, snapshot, 'poll');
      if (after.status !== order.status || after.updatedAt.getTime() !== order.updatedAt.getTime()) changed++;
    }
    return changed;
  }

  // Not in the active list any more: it completed, expired or was canceled; ask for it alone.
  private async readEnded(adapter: ProviderAdapter, order: Order) {
    try {
      return await adapter.otp!.getOrder(order.providerRef!);
    } catch (error) {
      this.logger.warn({ orderId: order.id, err: errorSummary(error) }, 'watcher: could not read an order that left the active list');
      return null;
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

  private otpProviders(): ProviderAdapter[] {
    return this.providers.withCapability('OTP_NUMBER').filter((a) => a.otp);
  }
}
