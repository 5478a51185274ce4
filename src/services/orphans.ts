import { Money } from '../domain/money.ts';
import { RequestInProgressError } from '../domain/errors.ts';
import { supports, type OrderSnapshot, type ProviderAdapter, type ProviderId } from '../domain/provider.ts';
import type { Order } from '../db/entities.ts';
import type { Logger } from '../logging/logger.ts';
import { errorSummary } from './errors.ts';
import { IdempotencyStore } from './idempotency.ts';
import type { OrderBook } from './order-book.ts';
import type { ProviderRegistry } from './provider-registry.ts';

/** Orphans belong to no client: this owner id is no client's (client names are `[\w.-]+`, never with a colon). */
export const ORPHAN_OWNER = 'orphan';
/** How far back the provider's history is read for orphans. */
export const ORPHAN_LOOKBACK_MS = 24 * 60 * 60_000;
/**
 * A provider order may be the lost create of a local order still PENDING/UNKNOWN: while such an order is
 * younger than this, the provider's unknown orders are left for reconciliation to attribute, not imported.
 */
export const ORPHAN_GRACE_MS = 15 * 60_000;

export interface OrphanScan {
  readonly provider: ProviderId;
  /** Provider orders in the window with no local record, imported now. */
  readonly imported: readonly Order[];
  /** Provider orders with no local record left alone for now (a local order may still claim them). */
  readonly deferred: readonly string[];
  /** The provider's history as read (for the reconciliation report). */
  readonly history: readonly OrderSnapshot[];
}

/**
 * Finds provider orders the gateway has no record of — a crash after the provider charged, or a purchase
 * made outside the gateway (the provider's web panel, another tool on the same key) — from each
 * provider's own history where its API lists orders (smscode, OTP24HR), and imports each once as an
 * order flagged `orphan` in its details, owned by no client. 247xd, easysoft and P2W list no orders:
 * their orphans cannot be found from the API (the report says so).
 */
export class OrphanFinder {
  private readonly providers: ProviderRegistry;
  private readonly book: OrderBook;
  private readonly idempotency: IdempotencyStore;
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(deps: { providers: ProviderRegistry; book: OrderBook; idempotency: IdempotencyStore; logger: Logger }) {
    this.providers = deps.providers;
    this.book = deps.book;
    this.idempotency = deps.idempotency;
    this.logger = deps.logger;
  }

  /** Providers whose API lists orders. */
  withHistory(): ProviderAdapter[] {
    return this.providers.all().filter((a) => supports(a, 'history'));
  }

  /** One scan of every provider with a history; a provider that cannot be read is logged and skipped. */
  async scanAll(window = { from: new Date(Date.now() - ORPHAN_LOOKBACK_MS), to: new Date() }): Promise<OrphanScan[]> {
    const scans: OrphanScan[] = [];
    for (const adapter of this.withHistory()) {
      try {
        scans.push(await this.scan(adapter, window));
      } catch (error) {
        this.logger.warn({ provider: adapter.id, err: errorSummary(error) }, 'orphans: the provider history could not be read; will try again');
      }
    }
    return scans;
  }

  async scan(adapter: ProviderAdapter, window: { from: Date; to: Date }): Promise<OrphanScan> {
    const history = await adapter.operations.history!(window);
    const imported: Order[] = [];
    const deferred: string[] = [];
    const unresolved = (await this.book.open(adapter.id)).filter((o) => (o.status === 'PENDING' || o.status === 'UNKNOWN') && !o.providerRef);
    const claimable = unresolved.some((o) => o.createdAt.getTime() > Date.now() - ORPHAN_GRACE_MS);
    for (const snapshot of history) {
      if (await this.book.findByProviderRef(adapter.id, snapshot.providerRef)) continue;
      if (claimable) {
        deferred.push(snapshot.providerRef);
        continue;
      }
      const order = await this.importOrphan(adapter, snapshot);
      if (order) imported.push(order);
    }
    if (imported.length) this.logger.warn({ provider: adapter.id, orders: imported.map((o) => o.providerRef) }, 'orphans: provider orders with no local record imported (owned by no client)');
    return { provider: adapter.id, imported, deferred, history };
  }

  /** Imports one orphan, once across instances (the idempotency claim of the orphan owner is the lock). */
  private async importOrphan(adapter: ProviderAdapter, snapshot: OrderSnapshot): Promise<Order | null> {
    const key = `${adapter.id}:${snapshot.providerRef}`.slice(0, 128);
    try {
      const claim = await this.idempotency.claim(ORPHAN_OWNER, key, IdempotencyStore.hash(key));
      if (claim.kind === 'replay') return null;
    } catch (error) {
      if (error instanceof RequestInProgressError) return null;
      throw error;
    }
    const kind = adapter.kinds.length === 1 ? adapter.kinds[0]! : 'OTP_NUMBER';
    const order = await this.book.createPending({
      ownerId: ORPHAN_OWNER,
      kind,
      provider: adapter.id,
      offerRef: 'orphan',
      serviceKey: 'orphan',
      price: snapshot.price ?? Money.of('0', adapter.currency),
      maxPrice: null,
      idempotencyKey: key,
      reference: IdempotencyStore.upstreamKey(ORPHAN_OWNER, key),
      intent: kind === 'OTP_NUMBER' ? { kind, policy: 'CHEAPEST' } : ({ kind } as never),
      details: { orphan: true, foundIn: 'provider history' },
      // Never reconciled as a PENDING intent (that would re-send a create): it only exists to take the snapshot.
      callDeadline: new Date(Date.now() + 60_000),
    });
    await this.idempotency.attachOrder(ORPHAN_OWNER, key, order.id);
    const applied = await this.book.applySnapshot(order.id, snapshot, 'orphan import');
    await this.book.markCallInFlight(order.id, null);
    await this.idempotency.complete(ORPHAN_OWNER, key);
    return applied;
  }

  /** Periodic scans at `intervalMs` (long: a history read costs several upstream calls). */
  start(intervalMs: number): void {
    const tick = () => {
      this.running = this.scanAll()
        .catch((error) => this.logger.warn({ err: errorSummary(error) }, 'orphans: scan failed'))
        .finally(() => {
          this.running = null;
          if (this.timer) this.timer = setTimeout(tick, intervalMs).unref();
        });
    };
    this.timer = setTimeout(tick, intervalMs).unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
