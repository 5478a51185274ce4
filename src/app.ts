import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { ConfigError, type Config } from './config.ts';
import type { ProviderAdapter } from './domain/provider.ts';
import { CredentialsVault } from './services/credentials-vault.ts';
import { openDatabase, type Database, type DatabaseTarget } from './db/database.ts';
import { createLogger, type Logger } from './logging/logger.ts';
import type { ProviderClock } from './providers/descriptor.ts';
import { PROVIDERS } from './providers/registry.ts';
import { callbackUrl } from './providers/shared/callback-url.ts';
import { startSandbox, type Sandbox } from './sandbox/sandbox.ts';
import { buildSchema } from './schema/schema.ts';
import { startHttpServer, type RunningServer } from './server/http-server.ts';
import { attachTracing, startTracing, type Tracing } from './server/tracing.ts';
import { createEventBus, type EventBus } from './services/event-bus.ts';
import { createRedisEventBus } from './services/redis-event-bus.ts';
import { createServices, type Services } from './services/services.ts';

export interface RunningApp {
  readonly url: string;
  readonly port: number;
  readonly services: Services;
  /** Present in sandbox mode: the in-process simulators. */
  readonly sandbox: Sandbox | null;
  /** Graceful stop: requests finish, sockets close with 1001, background work stops, database closes. */
  stop(): Promise<void>;
}

export interface AppOverrides {
  readonly logger?: Logger;
  readonly database?: DatabaseTarget;
  /** Tests only: a clock (e.g. scaled) for the providers that take one, their simulators and request budgets; production passes none. */
  readonly clock?: ProviderClock;
}

/** Composition root: database, event bus, providers (or sandbox), services, then the HTTP server. */
export async function startApp(config: Config, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const target: DatabaseTarget = overrides.database ?? (config.DATABASE_URL ? { kind: 'postgres', url: config.DATABASE_URL } : { kind: 'pglite', dataDir: config.DATA_DIR });
  const db: Database = await openDatabase(target);
  const events: EventBus = config.REDIS_URL ? await createRedisEventBus(config.REDIS_URL, { logger }) : createEventBus();
  const sandbox = config.sandbox ? await startSandbox(config, { clock: overrides.clock }) : null;
  const configured = sandbox ? sandbox.providers : config.providers;
  const adapters = configured.map(({ descriptor, settings }) =>
    descriptor.create(settings, {
      logger: logger.child({ provider: descriptor.id }),
      callbackUrl: (token) => callbackUrl(config.PUBLIC_URL, descriptor.id, token),
      ...(overrides.clock ? { clock: overrides.clock } : {}),
    }),
  );
  const services = createServices({ config, db, events, logger, adapters, sandbox: sandbox?.controls ?? null, vault: credentialsVault(config, adapters) });
  // Off unless an OTLP endpoint is set (then the SDK is imported here, before any provider call is made).
  let tracing: Tracing | null;
  try {
    tracing = await startTracing(config, logger);
  } catch (error) {
    await shutdownServices(services, sandbox, null);
    throw error;
  }
  if (tracing) attachTracing(services, tracing);

  // README "API clients": outside sandbox a gateway without a single client would let nobody in (or,
  // before, everybody): it refuses to start. A sandbox without clients serves everyone as `default`,
  // so it listens on loopback only unless HOST says otherwise.
  const openSandbox = await services.clients.isOpenSandbox();
  if (!config.sandbox && !(await services.clients.anyConfigured())) {
    await shutdownServices(services, sandbox, tracing);
    throw new ConfigError('No API client is configured: create one with `npm run clients -- create <name> --scopes CATALOG_READ,ORDERS_READ,BUY` (same DATABASE_URL/DATA_DIR), or set CLIENT_TOKENS=name:token');
  }
  const host = openSandbox && !config.hostExplicit ? '127.0.0.1' : config.HOST;
  if (openSandbox) {
    logger.warn({ host }, config.hostExplicit
      ? `sandbox without API clients: every request acts as the "default" client with every scope, on HOST=${host} as set`
      : 'sandbox without API clients: every request acts as the "default" client with every scope, so it listens on 127.0.0.1 only (set HOST to listen elsewhere, or create a client)');
  }

  await services.fxRefresher.start();
  if (sandbox) await endOrdersOfEarlierSandbox(services);
  await reconcileAtStartup(services);
  await services.orphans.scanAll();
  services.watcher.start();
  // Orphans at the watcher's cadence, far slower: one history read costs several upstream calls.
  services.orphans.start(Math.max(60_000, config.WATCHER_MAX_INTERVAL_MS * 40));

  let server: RunningServer;
  try {
    server = await startHttpServer(buildSchema({ sandbox: config.sandbox }), services, { port: config.PORT, host });
  } catch (error) {
    await shutdownServices(services, sandbox, tracing);
    throw error;
  }
  logger.info({ url: `${server.url}/graphql`, database: db.description, sandbox: config.sandbox, providers: adapters.map((a) => a.id), absent: PROVIDERS.map((d) => d.id).filter((id) => !adapters.some((a) => a.id === id)) }, 'switchboard listening');
  logger.info({ rateLimit: config.RATE_LIMIT, spendLimit: config.SPEND_LIMIT, store: services.limits.store, openSandbox }, 'per-client limits');

  let stopping: Promise<void> | null = null;
  return {
    url: server.url,
    port: server.port,
    services,
    sandbox,
    stop: () =>
      (stopping ??= (async () => {
        await server.close(config.SHUTDOWN_TIMEOUT_MS);
        await shutdownServices(services, sandbox, tracing);
      })()),
  };
}

/** docs/architecture.md, "Money safety": every PENDING/UNKNOWN order is settled from the provider at start-up. */
async function reconcileAtStartup(services: Services): Promise<void> {
  await services.idempotency.releaseOrphans();
  const open = (await services.book.open()).filter((o) => o.status === 'PENDING' || o.status === 'UNKNOWN');
  for (const order of open) await services.reconciler.reconcile(order.id);
  for (const claim of await services.idempotency.inProgressWithOrder()) {
    const order = await services.book.get(claim.orderId);
    if (order && order.status !== 'PENDING') await services.idempotency.complete(claim.ownerId, claim.key);
  }
  if (open.length) services.logger.info({ orders: open.length }, 'reconciled open orders at start-up');
}

/**
 * The simulators start empty each run, so open orders from an earlier sandbox run no longer exist
 * upstream; they are ended here (before reconciliation, which would otherwise re-send their creates).
 */
async function endOrdersOfEarlierSandbox(services: Services): Promise<void> {
  const open = await services.book.open();
  for (const order of open) {
    const to = order.status === 'OTP_RECEIVED' ? 'COMPLETED' : order.kind === 'OTP_NUMBER' ? 'EXPIRED' : 'FAILED';
    await services.book.transition(order.id, to, 'sandbox restarted: the simulator no longer has this order');
  }
  if (open.length) services.logger.info({ orders: open.length }, 'ended open orders of an earlier sandbox run');
}

/** The key that seals premium credentials: configured, or (sandbox only) kept in the data folder. */
function credentialsVault(config: Config, adapters: readonly ProviderAdapter[]): CredentialsVault {
  if (config.CREDENTIALS_KEY) return CredentialsVault.fromSetting(config.CREDENTIALS_KEY);
  if (config.sandbox) return CredentialsVault.fromKeyFile(resolve(config.DATA_DIR, 'credentials.key'));
  const premium = adapters.filter((a) => a.kinds.includes('PREMIUM_APP'));
  if (premium.length) throw new ConfigError(`Missing CREDENTIALS_KEY: ${premium.map((a) => a.name).join(', ')} sells premium app accounts, whose credentials are sealed with it`);
  // Nothing to seal: a throwaway key keeps the code path one.
  return new CredentialsVault(randomBytes(32));
}

async function shutdownServices(services: Services, sandbox: Sandbox | null, tracing: Tracing | null): Promise<void> {
  try {
    services.fxRefresher.stop();
    await services.orphans.stop();
    await services.watcher.stop();
    for (const adapter of services.providers.all()) await adapter.close?.();
    await sandbox?.stop();
    await services.db.close();
    await services.limits.close();
    await closeEventBus(services.events);
  } finally {
    // Last, so the spans of the background work stopped above are exported too (a bounded wait).
    await tracing?.shutdown();
  }
}

async function closeEventBus(events: EventBus): Promise<void> {
  const closable = events as EventBus & { close?: () => Promise<void> };
  await closable.close?.();
}
