import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { MikroORM, type EntityManager, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { createPgliteDataFolder, isPgliteDataFolder } from './pglite-data-folder.ts';

/** Where the order book lives: embedded PGlite (a folder, or memory for tests) or a PostgreSQL server. */
export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | 'memory' };

export interface Database {
  readonly orm: MikroORM;
  /** A fresh EntityManager for one unit of work. */
  em(): EntityManager;
  /** True when a trivial query succeeds (for /readyz). */
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
  readonly description: string;
}

/** Opens the database and applies pending migrations (the same ones on PGlite and PostgreSQL). */
export async function openDatabase(target: DatabaseTarget, options: { debug?: boolean } = {}): Promise<Database> {
  const common: Partial<Options> = {
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: { migrationsList: MIGRATIONS, transactional: true, snapshot: false, silent: true },
    debug: options.debug ?? false,
    allowGlobalContext: false,
    // Decimal columns stay strings end to end: money never passes through a float.
    forceUtcTimezone: true,
  };
  let orm: MikroORM;
  let description: string;
  // Only the driver in use is loaded (docs/performance.md, "Memory"): a gateway on PostgreSQL never loads
  // PGlite, and one on PGlite never loads the pg client.
  if (target.kind === 'postgres') {
    const { PostgreSqlDriver } = await import('@mikro-orm/postgresql');
    orm = await MikroORM.init({ ...common, driver: PostgreSqlDriver, clientUrl: target.url } as Options);
    description = `PostgreSQL ${redactUrl(target.url)}`;
  } else {
    const { PgliteDriver } = await import('@mikro-orm/pglite');
    const driverOptions = await pgliteOptions();
    if (target.dataDir === 'memory') {
      orm = await MikroORM.init({ ...common, driver: PgliteDriver, dbName: 'memory://', driverOptions } as Options);
      description = 'PGlite (in memory)';
    } else {
      const dir = resolve(target.dataDir, 'pglite');
      mkdirSync(dir, { recursive: true });
      if (!isPgliteDataFolder(dir)) await createPgliteDataFolder(dir, driverOptions.startParams);
      orm = await MikroORM.init({ ...common, driver: PgliteDriver, dbName: dir, driverOptions } as Options);
      description = `PGlite ${dir}`;
    }
  }
  await orm.migrator.up();
  return {
    orm,
    em: () => orm.em.fork(),
    isReachable: async () => {
      try {
        await orm.em.fork().getConnection().execute('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => orm.close(),
    description,
  };
}

/**
 * PGlite runs PostgreSQL inside this process's WebAssembly memory, which only ever grows, and PostgreSQL
 * zeroes its whole shared-buffer pool at start: the stock 128 MB of shared_buffers were 128 MB of resident
 * memory before the first query (docs/performance.md, "Memory"). The order book of one gateway is a few MB
 * and its files stay in the operating system's page cache, so 16 MB of buffers hold every hot page;
 * wal_buffers follows shared_buffers (1/32 of it). Only the settings are added: PGlite's own start
 * parameters stay as they are. No `dataDir` here: the driver would then treat dbName as a database
 * inside that cluster.
 */
async function pgliteOptions(): Promise<{ startParams: string[] }> {
  // The PGlite that @mikro-orm/pglite pins and creates (its own dependency): only for its stock start parameters.
  const { PGlite } = await import('@electric-sql/pglite');
  return { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] };
}

/** Shows host and database but never the password. */
function redactUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}
