import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { Dec, isCurrency } from '../domain/money.ts';
import type { ProviderAdapter, ProviderId } from '../domain/provider.ts';
import type { Logger } from '../logging/logger.ts';
import type { SandboxControls } from '../providers/descriptor.ts';
import { ApiClients } from './api-clients.ts';
import { Balances } from './balances.ts';
import { ClientLimits } from './client-limits.ts';
import { Catalog } from './catalog.ts';
import type { CredentialsVault } from './credentials-vault.ts';
import type { EventBus } from './event-bus.ts';
import { FxRefresher } from './fx-refresher.ts';
import { FxService } from './fx.ts';
import { IdempotencyStore } from './idempotency.ts';
import { Metrics } from './metrics.ts';
import { OfferRouter } from './offer-router.ts';
import { OrderActions } from './order-actions.ts';
import { OrderBook } from './order-book.ts';
import { OrderWatcher } from './order-watcher.ts';
import { OrphanFinder } from './orphans.ts';
import { ReconciliationReports } from './reconciliation-report.ts';
import { OtpOrders } from './otp-orders.ts';
import { OtpStats } from './otp-stats.ts';
import { ProviderDirectory } from './provider-directory.ts';
import { ProviderRegistry } from './provider-registry.ts';
import { Reconciler } from './reconciler.ts';
import { SpendingPipeline } from './spending/spending-pipeline.ts';
import { TopUpOrders } from './topup-orders.ts';
import { WebhookInbox } from './webhook-inbox.ts';

/** Everything resolvers and routes may call; built once per process. */
export interface Services {
  readonly config: Config;
  readonly db: Database;
  readonly events: EventBus;
  readonly logger: Logger;
  readonly fx: FxService;
  readonly fxRefresher: FxRefresher;
  readonly providers: ProviderRegistry;
  readonly directory: ProviderDirectory;
  readonly catalog: Catalog;
  readonly book: OrderBook;
  readonly pipeline: SpendingPipeline;
  readonly otpOrders: OtpOrders;
  readonly otpStats: OtpStats;
  readonly topUps: TopUpOrders;
  readonly orderActions: OrderActions;
  readonly reconciler: Reconciler;
  readonly balances: Balances;
  readonly watcher: OrderWatcher;
  readonly webhooks: WebhookInbox;
  readonly idempotency: IdempotencyStore;
  /** Provider orders with no local record, from the providers' own histories (smscode, OTP24HR). */
  readonly orphans: OrphanFinder;
  /** The admin's books-against-the-provider's report. */
  readonly reports: ReconciliationReports;
  /** API clients: CLIENT_TOKENS and the ones stored in the database (keys hashed). */
  readonly clients: ApiClients;
  /** Per-client request rate and spend limits. */
  readonly limits: ClientLimits;
  /** Prometheus metrics served at /metrics (docs/metrics.md). */
  readonly metrics: Metrics;
  /** Sandbox-only hooks (simulator controls) per provider, absent in production. */
  readonly sandbox: ReadonlyMap<ProviderId, SandboxControls> | null;
}

export function createServices(deps: {
  config: Config;
  db: Database;
  events: EventBus;
  logger: Logger;
  adapters: readonly ProviderAdapter[];
  sandbox: ReadonlyMap<ProviderId, SandboxControls> | null;
  vault: CredentialsVault;
}): Services {
  const { config, db, events, logger } = deps;
  const fx = new FxService({ maxAgeMs: config.FX_MAX_AGE_SECONDS * 1000, events });
  for (const r of config.FX_RATES) {
    if (!isCurrency(r.base) || !isCurrency(r.quote)) {
      logger.warn({ pair: `${r.base}/${r.quote}` }, 'FX_RATES: currency not supported, rate ignored');
      continue;
    }
    fx.setRate({ base: r.base, quote: r.quote, rate: new Dec(r.rate), source: 'CONFIG', asOf: new Date() });
  }
  const providers = new ProviderRegistry(deps.adapters);
  const directory = new ProviderDirectory(providers);
  const catalog = new Catalog(providers, fx, logger, config.CATALOG_TTL_MS);
  const book = new OrderBook(db, events, logger, deps.vault);
  const idempotency = new IdempotencyStore(db);
  const clients = new ApiClients(db, config);
  const limits = new ClientLimits({ config, db, fx, clients, logger });
  const pipeline = new SpendingPipeline({ providers, catalog, book, idempotency, logger, publicUrl: config.PUBLIC_URL, callDeadlineMs: config.CALL_DEADLINE_SECONDS * 1000, limits });
  const reconciler = new Reconciler({ providers, book, logger });
  const stats = new OtpStats(db);
  const orphans = new OrphanFinder({ providers, book, idempotency, logger });
  const pushProviders = new Set<ProviderId>(config.PUBLIC_URL ? deps.adapters.filter((a) => a.webhook).map((a) => a.id) : []);
  const watcher = new OrderWatcher(
    { providers, book, reconciler, events, logger },
    { minIntervalMs: config.WATCHER_MIN_INTERVAL_MS, maxIntervalMs: config.WATCHER_MAX_INTERVAL_MS, pushProviders },
  );
  return {
    config,
    db,
    events,
    logger,
    fx,
    fxRefresher: new FxRefresher({ providers, fx, logger }, config.FX_REFRESH_SECONDS * 1000),
    providers,
    directory,
    catalog,
    book,
    pipeline,
    otpOrders: new OtpOrders({ catalog, router: new OfferRouter(fx), pipeline, stats }),
    otpStats: stats,
    topUps: new TopUpOrders({ catalog, pipeline }),
    orderActions: new OrderActions({ providers, book, logger }),
    reconciler,
    balances: new Balances(directory, fx),
    watcher,
    webhooks: new WebhookInbox({ providers, book, logger }),
    idempotency,
    orphans,
    reports: new ReconciliationReports({ db, providers, orphans }),
    clients,
    limits,
    metrics: new Metrics({ db, providers, logger }),
    sandbox: deps.sandbox,
  };
}
