import { Migration } from '@mikro-orm/migrations';

/** Orders with their status history and messages, idempotency records and webhook receipts. */
export class InitialOrderBook extends Migration {
  override name = '0001-initial-order-book';

  override up(): void {
    this.addSql(`create table "orders" (
      "id" uuid not null primary key,
      "owner_id" varchar(100) not null,
      "kind" text not null check ("kind" in ('OTP_NUMBER', 'MOBILE_TOPUP', 'GAME_TOPUP', 'SOCIAL_BOOST', 'PREMIUM_APP')),
      "provider" text not null check ("provider" in ('SMSCODE', 'OTP24HR', 'XD247', 'EASYSOFT', 'P2W')),
      "offer_ref" varchar(200) not null,
      "service_key" varchar(200) not null,
      "provider_ref" varchar(200) null,
      "status" text not null check ("status" in ('PENDING', 'UNKNOWN', 'ACTIVE', 'OTP_RECEIVED', 'COMPLETED', 'CANCELED', 'EXPIRED', 'FAILED', 'REFUNDED')),
      "provider_status" varchar(100) null,
      "price_amount" numeric(24,8) null,
      "refund_amount" numeric(24,8) null,
      "currency" text not null check ("currency" in ('THB', 'IDR', 'USD')),
      "phone_number" varchar(40) null,
      "expires_at" timestamptz null,
      "provider_created_at" timestamptz null,
      "idempotency_key" varchar(200) not null,
      "failure_code" varchar(100) null,
      "failure_message" text null,
      "attempts" jsonb null,
      "upstream_request" jsonb null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null)`);
    this.addSql(`create index "orders_owner_id_index" on "orders" ("owner_id")`);
    this.addSql(`create index "orders_status_index" on "orders" ("status")`);
    this.addSql(`create index "orders_created_at_index" on "orders" ("created_at")`);
    this.addSql(`create index "orders_provider_provider_ref_index" on "orders" ("provider", "provider_ref")`);

    this.addSql(`create table "order_status_changes" (
      "id" bigserial primary key,
      "order_id" uuid not null references "orders" ("id"),
      "from_status" varchar(20) null,
      "to_status" varchar(20) not null,
      "reason" varchar(200) not null,
      "at" timestamptz not null)`);
    this.addSql(`create index "order_status_changes_order_id_index" on "order_status_changes" ("order_id")`);

    this.addSql(`create table "order_messages" (
      "id" bigserial primary key,
      "order_id" uuid not null references "orders" ("id"),
      "code" varchar(40) null,
      "text" text not null,
      "received_at" timestamptz not null,
      "fingerprint" varchar(64) not null,
      constraint "order_messages_order_id_fingerprint_unique" unique ("order_id", "fingerprint"))`);

    this.addSql(`create table "idempotency_records" (
      "owner_id" varchar(100) not null,
      "key" varchar(200) not null,
      "request_hash" varchar(64) not null,
      "order_id" uuid null,
      "state" text not null check ("state" in ('IN_PROGRESS', 'DONE')),
      "created_at" timestamptz not null,
      primary key ("owner_id", "key"))`);

    this.addSql(`create table "webhook_receipts" (
      "provider" varchar(20) not null,
      "delivery_id" varchar(128) not null,
      "received_at" timestamptz not null,
      primary key ("provider", "delivery_id"))`);
  }
}
