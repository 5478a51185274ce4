import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/db/database.ts';

/**
 * A throwaway database for one test gateway: a fresh PostgreSQL database when DATABASE_URL is set
 * (so the suite runs on the real server too), otherwise an in-memory PGlite.
 */
export async function freshDatabase(): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) return { target: { kind: 'pglite', dataDir: 'memory' }, drop: async () => {} };
  const db = await throwawayPostgres(adminUrl, 'sb_test');
  return { target: { kind: 'postgres', url: db.url }, drop: db.drop };
}

/** A new database on the PostgreSQL server at `serverUrl` (named `<prefix>_<random>`), and how to drop it. */
export async function throwawayPostgres(serverUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
