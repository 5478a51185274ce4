import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PgliteDriver } from '@mikro-orm/pglite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseTarget } from '../../src/db/database.ts';
import { InitialOrderBook } from '../../src/db/migrations/0001-initial-order-book.ts';
import { gqlData } from '../support/clients.ts';
import { freshDatabase } from '../support/database.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { graphql } from '../gql/index.ts';

const OldOrders = graphql(`
  query MigratedOrders($done: ID!, $open: ID!) {
    done: order(id: $done) { id status reference price { amount currency } statusHistory { to } ... on OtpOrder { phoneNumber messages { code } } }
    open: order(id: $open) { id status reference providerRef }
  }
`);

/** A database exactly as the previous release left it: migration 0001 only, with its rows. */
async function databaseOfPreviousRelease(target: DatabaseTarget): Promise<void> {
  const common: Partial<Options> = { entities: [], discovery: { warnWhenNoEntities: false }, extensions: [Migrator], migrations: { migrationsList: [{ name: '0001-initial-order-book', class: InitialOrderBook }], transactional: true, snapshot: false, silent: true } };
  const orm =
    target.kind === 'postgres'
      ? await MikroORM.init({ ...common, driver: PostgreSqlDriver, clientUrl: target.url } as Options)
      : await MikroORM.init({ ...common, driver: PgliteDriver, dbName: resolve(target.dataDir as string, 'pglite') } as Options);
  await orm.migrator.up();
  await orm.close();
}

async function rawSql(target: DatabaseTarget, statements: string[]): Promise<void> {
  const options = { entities: [], discovery: { warnWhenNoEntities: false } };
  const orm =
    target.kind === 'postgres'
      ? await MikroORM.init({ ...options, driver: PostgreSqlDriver, clientUrl: target.url } as unknown as Options)
      : await MikroORM.init({ ...options, driver: PgliteDriver, dbName: resolve(target.dataDir as string, 'pglite') } as unknown as Options);
  for (const sql of statements) await orm.em.getConnection().execute(sql);
  await orm.close();
}

const globalId = (id: string) => Buffer.from(`OtpOrder:${id}`).toString('base64');

describe('migrating a database of the previous release forward', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('keeps its orders intact and reconciles an UNKNOWN one with the key it was bought with', async () => {
    let target: DatabaseTarget;
    if (process.env.DATABASE_URL) {
      const db = await freshDatabase();
      cleanups.push(db.drop);
      target = db.target;
    } else {
      const dir = await mkdtemp(join(tmpdir(), 'switchboard-migrate-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      target = { kind: 'pglite', dataDir: dir };
    }
    await databaseOfPreviousRelease(target);
    const done = randomUUID();
    const open = randomUUID();
    const at = "'2026-11-20T10:00:00Z'";
    await rawSql(target, [
      `insert into orders (id, owner_id, kind, provider, offer_ref, service_key, provider_ref, status, provider_status, price_amount, refund_amount, currency, phone_number, expires_at, provider_created_at, idempotency_key, failure_code, failure_message, attempts, upstream_request, created_at, updated_at)
       values ('${done}', 'default', 'OTP_NUMBER', 'SMSCODE', 'catalog:1', 'otp:whatsapp:ID', '9001', 'COMPLETED', 'COMPLETED', 15000, null, 'IDR', '+6281200000001', ${at}, null, 'old-key-1', null, null, '[{"provider":"SMSCODE","outcome":"ok"}]', '{"offerRef":"catalog:1","maxPrice":null,"policy":"CHEAPEST","idempotencyKey":"sb-0123456789abcdef0123456789abcdef01234567"}', ${at}, ${at})`,
      `insert into order_status_changes (order_id, from_status, to_status, reason, at) values ('${done}', null, 'PENDING', 'order intent recorded', ${at}), ('${done}', 'PENDING', 'ACTIVE', 'purchase', ${at}), ('${done}', 'ACTIVE', 'COMPLETED', 'poll', ${at})`,
      `insert into order_messages (order_id, code, text, received_at, fingerprint) values ('${done}', '123456', 'Your code is 123456', ${at}, '${'a'.repeat(64)}')`,
      `insert into idempotency_records (owner_id, key, request_hash, order_id, state, created_at) values ('default', 'old-key-1', '${'b'.repeat(64)}', '${done}', 'DONE', ${at})`,
      `insert into orders (id, owner_id, kind, provider, offer_ref, service_key, provider_ref, status, provider_status, price_amount, refund_amount, currency, phone_number, expires_at, provider_created_at, idempotency_key, failure_code, failure_message, attempts, upstream_request, created_at, updated_at)
       values ('${open}', 'default', 'OTP_NUMBER', 'SMSCODE', 'catalog:87', 'otp:whatsapp:ID', null, 'UNKNOWN', null, 15000, null, 'IDR', null, null, null, 'old-key-2', null, null, null, '{"offerRef":"catalog:87","maxPrice":"16000","policy":"CHEAPEST","idempotencyKey":"sb-fedcba9876543210fedcba9876543210fedcba98"}', now(), now())`,
    ]);

    // Today's gateway opens it: migration 0002 runs at start-up.
    const gw: TestGateway = await startGateway({ sharedDatabase: target });
    cleanups.push(() => gw.stop());
    const first = await gqlData(gw.graphqlUrl, OldOrders, { done: globalId(done), open: globalId(open) });
    expect(first.done).toMatchObject({
      status: 'COMPLETED',
      reference: 'sb-0123456789abcdef0123456789abcdef01234567',
      price: { amount: '15000', currency: 'IDR' },
      phoneNumber: '+6281200000001',
      messages: [{ code: '123456' }],
      statusHistory: [{ to: 'PENDING' }, { to: 'ACTIVE' }, { to: 'COMPLETED' }],
    });
    expect(first.open).toMatchObject({ reference: 'sb-fedcba9876543210fedcba9876543210fedcba98' });

    // The UNKNOWN order is reconciled with the key it was bought with: smscode places it once.
    let settled = first.open;
    for (let i = 0; i < 100 && settled?.status !== 'ACTIVE'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      settled = (await gqlData(gw.graphqlUrl, OldOrders, { done: globalId(done), open: globalId(open) })).open;
    }
    expect(settled).toMatchObject({ status: 'ACTIVE', providerRef: expect.any(String) });
    expect(gw.sim.orderCount()).toBe(1);
  }, 60_000);
});
