import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { Dec, isCurrency } from '../domain/money.ts';
import type { ProviderAdapter, ProviderId } from '../domain/provider.ts';
import type { Logger } from '../logging/logger.ts';
import { Balances } from './balances.ts';
import { Catalog } from './catalog.ts';
import type { EventBus } from './event-bus.ts';
import { FxRefresher } from './fx-refresher.ts';
import { FxService } from './fx.ts';
import { IdempotencyStore } from './idempotency.ts';
import { OfferRouter } from './offer-router.ts';
import { OrderBook } from './order-book.ts';
import { OtpOrders } from './otp-orders.ts';
import { OtpWatcher } from './otp-watcher.ts';
import { ProviderRegistry } from './provider-registry.ts';
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
  readonly catalog: Catalog;
  readonly book: OrderBook;
  readonly otpOrders: OtpOrders;
  readonly balances: Balances;
  readonly watcher: OtpWatcher;
  readonly webhooks: WebhookInbox;
  readonly idempotency: IdempotencyStore;
  /** Sandbox-only hooks (simulator controls), absent in production. */
  readonly sandbox: SandboxControls | null;
}

/** What the sandbox lets a demo do that a real provider would do by itself. */
export interface SandboxControls {
  deliverOtp(provider: ProviderId, providerRef: string, code: string | null): Promise<void>;
}

export function createServices(deps: {
  config: Config;
  db: Database;
  events: EventBus;
  logger: Logger;
  adapters: readonly ProviderAdapter[];
  sandbox: SandboxControls | null;
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
  const catalog = new Catalog(providers, logger);
  const book = new OrderBook(db, events, logger);
  const idempotency = new IdempotencyStore(db);
  const otpOrders = new OtpOrders({ providers, catalog, router: new OfferRouter(fx), book, idempotency, logger });
  const pushProviders = new Set<ProviderId>(config.PUBLIC_URL ? deps.adapters.filter((a) => a.webhook).map((a) => a.id) : []);
  const watcher = new OtpWatcher(
    { providers, book, orders: otpOrders, logger },
    { minIntervalMs: config.WATCHER_MIN_INTERVAL_MS, maxIntervalMs: config.WATCHER_MAX_INTERVAL_MS, pushProviders },
  );
  otpOrders.onOrderOpened = (order) => watcher.wake(order.provider);
  return {
    config,
    db,
    events,
    logger,
    fx,
    fxRefresher: new FxRefresher({ providers, fx, logger }, config.FX_REFRESH_SECONDS * 1000),
    providers,
    catalog,
    book,
    otpOrders,
    balances: new Balances(providers, fx),
    watcher,
    webhooks: new WebhookInbox({ providers, book, logger }),
    idempotency,
    sandbox: deps.sandbox,
  };
}
