import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ORDER_STATUSES, type OrderStatus } from '../domain/order-status.ts';
import { CURRENCIES, type Currency } from '../domain/money.ts';
import { ORDER_KINDS, type OrderKind } from '../domain/order-kind.ts';
import { PROVIDER_IDS, type OrderIntent, type ProviderData, type ProviderId } from '../domain/provider.ts';

export { ORDER_KINDS, type OrderKind };

// Amounts are NUMERIC read back as strings: the ledger keeps each provider's native amount exactly.
const amount = () => p.decimal('string').precision(24).scale(8);

export const OrderSchema = defineEntity({
  name: 'Order',
  tableName: 'orders',
  properties: {
    id: p.uuid().primary(),
    ownerId: p.string().length(100).index(),
    kind: p.enum([...ORDER_KINDS]).$type<OrderKind>(),
    provider: p.enum([...PROVIDER_IDS]).$type<ProviderId>(),
    /** What was bought, in the provider's terms (opaque to everyone but the adapter). */
    offerRef: p.string().length(200),
    /** Canonical service key, e.g. `otp:whatsapp:ID`. */
    serviceKey: p.string().length(200),
    providerRef: p.string().length(200).nullable(),
    status: p.enum([...ORDER_STATUSES]).$type<OrderStatus>().index(),
    providerStatus: p.string().length(100).nullable(),
    priceAmount: amount().nullable(),
    refundAmount: amount().nullable(),
    currency: p.enum([...CURRENCIES]).$type<Currency>(),
    phoneNumber: p.string().length(40).nullable(),
    expiresAt: p.datetime().nullable(),
    providerCreatedAt: p.datetime().nullable(),
    idempotencyKey: p.string().length(200),
    /** Error code and message when the order failed, so an idempotent replay returns the same answer. */
    failureCode: p.string().length(100).nullable(),
    failureMessage: p.text().nullable(),
    attempts: p.json<{ provider: string; outcome: string }[]>().nullable(),
    /** The gateway's own reference, sent where the provider keys creates on one (smscode Idempotency-Key, P2W refID). */
    reference: p.string().length(64),
    /** What the client asked for, kind by kind: with offerRef and maxPrice, exactly the request the provider got. */
    intent: p.json<OrderIntent>(),
    /** The client's cap converted into the provider's currency, as sent. */
    maxPriceAmount: amount().nullable(),
    /** Kind-specific facts (top-up target, amount delivered, the provider's raw result codes…). */
    details: p.json<ProviderData>(),
    /** The adapter's opaque data, handed back on every call: nothing a restart needs lives only in memory. */
    providerData: p.json<ProviderData>(),
    /** Set while a provider call for this order may be in flight (on any instance): reconciliation waits until then. */
    callDeadline: p.datetime().nullable(),
    /** What only the owner may see (premium app credentials), sealed by the CredentialsVault; never in clear. */
    sealedCredentials: p.text().nullable(),
    createdAt: p.datetime().index(),
    updatedAt: p.datetime(),
    statusChanges: () => p.oneToMany(StatusChange).mappedBy('order').orderBy({ at: 'asc', id: 'asc' }),
    messages: () => p.oneToMany(OrderMessage).mappedBy('order').orderBy({ receivedAt: 'asc', id: 'asc' }),
  },
  indexes: [{ properties: ['provider', 'providerRef'] }],
});
export type Order = InferEntity<typeof OrderSchema>;

/** One row per status move, so an order's history can always be shown. */
export const StatusChange = defineEntity({
  name: 'StatusChange',
  tableName: 'order_status_changes',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    order: () => p.manyToOne(OrderSchema),
    fromStatus: p.string().length(20).nullable(),
    toStatus: p.string().length(20),
    reason: p.string().length(200),
    at: p.datetime(),
  },
});
export type StatusChange = InferEntity<typeof StatusChange>;

/** An SMS received for an OTP order; `fingerprint` (of the provider's identity of the SMS) makes it land once. */
export const OrderMessage = defineEntity({
  name: 'OrderMessage',
  tableName: 'order_messages',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    order: () => p.manyToOne(OrderSchema),
    code: p.string().length(40).nullable(),
    text: p.text(),
    receivedAt: p.datetime(),
    fingerprint: p.string().length(64),
  },
  uniques: [{ properties: ['order', 'fingerprint'] }],
});
export type OrderMessage = InferEntity<typeof OrderMessage>;

/** Per client + key: which order a spending request made, and whether it is still in flight. */
export const IdempotencyRecord = defineEntity({
  name: 'IdempotencyRecord',
  tableName: 'idempotency_records',
  properties: {
    ownerId: p.string().length(100).primary(),
    key: p.string().length(200).primary(),
    requestHash: p.string().length(64),
    orderId: p.uuid().nullable(),
    state: p.enum(['IN_PROGRESS', 'DONE']).$type<'IN_PROGRESS' | 'DONE'>(),
    createdAt: p.datetime(),
  },
});
export type IdempotencyRecord = InferEntity<typeof IdempotencyRecord>;

/** Provider pushes already applied, so a replayed webhook changes nothing. */
export const WebhookReceipt = defineEntity({
  name: 'WebhookReceipt',
  tableName: 'webhook_receipts',
  properties: {
    provider: p.string().length(20).primary(),
    deliveryId: p.string().length(128).primary(),
    receivedAt: p.datetime(),
  },
});
export type WebhookReceipt = InferEntity<typeof WebhookReceipt>;

/** What an API client may do (README "API clients"); enforced on fields by @pothos/plugin-scope-auth. */
export const CLIENT_SCOPES = ['CATALOG_READ', 'ORDERS_READ', 'BUY', 'ADMIN'] as const;
export type ClientScope = (typeof CLIENT_SCOPES)[number];

/**
 * An API client created by the gateway (admin command or mutation). Only the SHA-256 of its key is
 * kept (keys are 256 random bits, so a fast hash is enough); `keyPrefix` identifies it in lists.
 * A revoked client keeps its row: its name owns orders and is never given to another client.
 */
export const ApiClient = defineEntity({
  name: 'ApiClient',
  tableName: 'api_clients',
  properties: {
    name: p.string().length(100).primary(),
    keyHash: p.string().length(64).unique(),
    keyPrefix: p.string().length(16),
    scopes: p.json<ClientScope[]>(),
    /** Overrides RATE_LIMIT (`120/minute`, `off`); null follows the setting. */
    rateLimit: p.string().length(40).nullable(),
    /** Overrides SPEND_LIMIT (`THB:5000/day`, `off`); null follows the setting. */
    spendLimit: p.string().length(60).nullable(),
    createdAt: p.datetime(),
    rotatedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export type ApiClient = InferEntity<typeof ApiClient>;

export const ENTITIES = [OrderSchema, StatusChange, OrderMessage, IdempotencyRecord, WebhookReceipt, ApiClient];
