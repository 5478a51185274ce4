import { Migration } from '@mikro-orm/migrations';

/**
 * Orders of every kind (docs/architecture.md, "The order row"): the gateway's own reference, the
 * kind-specific intent and details, the adapter's persisted provider data, the in-flight marker, and sealed credentials.
 * Rows of 0001 (all smscode OTP orders) move their upstream request into the new columns.
 */
export class EveryOrderKind extends Migration {
  override name = '0002-every-order-kind';

  override up(): void {
    this.addSql(`alter table "orders"
      add column "reference" varchar(64) null,
      add column "intent" jsonb null,
      add column "max_price_amount" numeric(24,8) null,
      add column "details" jsonb not null default '{}',
      add column "provider_data" jsonb not null default '{}',
      add column "call_deadline" timestamptz null,
      add column "sealed_credentials" text null`);
    // 0001 kept {offerRef, maxPrice, policy, idempotencyKey}; the key sent upstream becomes the reference.
    this.addSql(`update "orders" set
      "reference" = coalesce("upstream_request"->>'idempotencyKey', replace("id"::text, '-', '')),
      "intent" = jsonb_build_object('kind', "kind", 'policy', coalesce("upstream_request"->>'policy', 'CHEAPEST')),
      "max_price_amount" = ("upstream_request"->>'maxPrice')::numeric`);
    this.addSql(`alter table "orders" alter column "reference" set not null, alter column "intent" set not null`);
    this.addSql(`alter table "orders" drop column "upstream_request"`);
    this.addSql(`create index "orders_provider_reference_index" on "orders" ("provider", "reference")`);
  }
}
