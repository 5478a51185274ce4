import type { MigrationObject } from '@mikro-orm/core';
import { InitialOrderBook } from './0001-initial-order-book.ts';
import { EveryOrderKind } from './0002-every-order-kind.ts';
import { ApiClients } from './0003-api-clients.ts';

/** Every migration, in order. Listed explicitly so no folder scanning happens at start-up. */
export const MIGRATIONS: MigrationObject[] = [
  { name: '0001-initial-order-book', class: InitialOrderBook },
  { name: '0002-every-order-kind', class: EveryOrderKind },
  { name: '0003-api-clients', class: ApiClients },
];
