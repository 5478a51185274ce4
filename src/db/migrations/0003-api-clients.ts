import { Migration } from '@mikro-orm/migrations';

/** API clients stored in the database (README "API clients"): hashed keys, scopes, per-client limit overrides. */
export class ApiClients extends Migration {
  override name = '0003-api-clients';

  override up(): void {
    this.addSql(`create table "api_clients" (
      "name" varchar(100) not null primary key,
      "key_hash" varchar(64) not null,
      "key_prefix" varchar(16) not null,
      "scopes" jsonb not null,
      "rate_limit" varchar(40) null,
      "spend_limit" varchar(60) null,
      "created_at" timestamptz not null,
      "rotated_at" timestamptz null,
      "revoked_at" timestamptz null)`);
    this.addSql(`alter table "api_clients" add constraint "api_clients_key_hash_unique" unique ("key_hash")`);
    // The spend limit sums one client's orders since the period start.
    this.addSql(`create index "orders_owner_id_created_at_index" on "orders" ("owner_id", "created_at")`);
  }
}
