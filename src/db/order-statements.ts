import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { ProviderId, ReceivedMessage } from '../domain/provider.ts';
import { OrderSchema, StatusChange, type Order } from './entities.ts';

/**
 * The statements of one locked order update, each one round trip inside the caller's transaction
 * (docs/performance.md, "OTP push"): every provider update of every order goes through them, so they
 * skip the unit of work (whose change tracking cost more than the database did) and fold what can be
 * folded into one statement. The order is read and written in the entity's own terms, so what they
 * return is what `findOne` would.
 */

/** A push delivery to take a receipt for in the same statement that locks the order. */
export interface Delivery {
  readonly provider: ProviderId;
  readonly deliveryId: string;
}

/** A message as stored with its order (what an event carries of it). */
export interface StoredMessage {
  readonly code: string | null;
  readonly text: string;
  readonly receivedAt: Date;
}

/** What `lockOrder` read and took. */
export interface LockedOrder {
  /** Detached: written through `writeOrder`, never through a flush. */
  readonly order: Order;
  /** False when the delivery's receipt was taken before: a repeat, which changes nothing. */
  readonly fresh: boolean;
  /** The message, when it was stored by this statement (null: none given, already stored, or a repeat delivery). */
  readonly newMessage: StoredMessage | null;
}

/**
 * Reads the order with `select … for update` (the row lock of docs/architecture.md, "Money safety") and,
 * in the same statement, takes the push delivery's receipt and stores the message once per order and
 * fingerprint (the unique keys decide; nothing is stored for a repeat delivery). A caller that then
 * refuses the update rolls the transaction back, so a refused message is never kept.
 */
export async function lockOrder(em: EntityManager, orderId: string, take: { delivery?: Delivery; message?: ReceivedMessage | null }): Promise<LockedOrder> {
  const { delivery, message } = take;
  const ctes: string[] = [];
  const params: unknown[] = [];
  if (delivery) {
    ctes.push(`receipt as (insert into "webhook_receipts" ("provider", "delivery_id", "received_at") values (?, ?, ?) on conflict do nothing returning 1)`);
    params.push(delivery.provider, delivery.deliveryId, new Date());
  }
  const stored = message ? storedMessage(message) : null;
  if (message && stored) {
    ctes.push(
      `message as (insert into "order_messages" ("order_id", "code", "text", "received_at", "fingerprint")
         select ?, ?, ?, ?, ? ${delivery ? 'where exists (select 1 from receipt)' : ''}
         on conflict ("order_id", "fingerprint") do nothing returning 1)`,
    );
    params.push(orderId, stored.code, stored.text, stored.receivedAt, createHash('sha256').update(message.key).digest('hex'));
  }
  const flags = [delivery ? `exists (select 1 from receipt) as "__fresh"` : null, stored ? `exists (select 1 from message) as "__stored"` : null].filter(Boolean);
  const sql = `${ctes.length ? `with ${ctes.join(', ')} ` : ''}select o.*${flags.length ? `, ${flags.join(', ')}` : ''} from "orders" o where o."id" = ? for update of o`;
  const rows = (await execute(em, sql, [...params, orderId])) as Record<string, unknown>[];
  const row = rows[0];
  if (!row) throw new Error(`Order not found ({ id: '${orderId}' })`);
  const { __fresh: fresh, __stored: isNew, ...columns } = row;
  return {
    order: orderFromRow(em, columns),
    fresh: delivery ? fresh === true : true,
    newMessage: stored && isNew === true ? stored : null,
  };
}

/**
 * An owner's order read straight from its row, no lock: for the subscriptions of an instance that
 * hears of a change through Redis and must show the order as it was committed elsewhere (one read per
 * event, where the unit of work's hydration was most of its cost). Null when it is not this owner's.
 */
export async function readOwnedOrder(em: EntityManager, orderId: string, ownerId: string): Promise<Order | null> {
  const rows = (await execute(em, `select o.* from "orders" o where o."id" = ? and o."owner_id" = ?`, [orderId, ownerId])) as Record<string, unknown>[];
  return rows[0] ? orderFromRow(em, rows[0]) : null;
}

/**
 * The order a row holds, each column converted by its property's type as hydration does (JSON, decimal
 * strings, dates): the same values `findOne` gives, without the identity map and entity factory (the
 * most expensive part of an update). Collections are left out: nothing reads them from an updated order.
 */
function orderFromRow(em: EntityManager, row: Record<string, unknown>): Order {
  const platform = em.getPlatform();
  const order: Record<string, unknown> = {};
  for (const prop of em.getMetadata().get(OrderSchema).props) {
    if (prop.kind !== 'scalar') continue;
    const raw = row[prop.fieldNames[0]!];
    order[prop.name] =
      raw === null || raw === undefined ? null : prop.customType ? prop.customType.convertToJSValue(raw, platform) : prop.runtimeType === 'Date' && !(raw instanceof Date) ? new Date(raw as string) : raw;
  }
  return order as Order;
}

function storedMessage(message: ReceivedMessage): StoredMessage {
  return { code: message.code === null || message.code === undefined ? null : String(message.code), text: message.text, receivedAt: message.receivedAt };
}

/** A status move to record with the write. */
export interface StatusMove {
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  readonly at: Date;
}

/**
 * Writes the changed fields of an order and, with a move, its status-change row, in one statement; then
 * applies the same fields to the detached entity, so it shows what was committed.
 */
export async function writeOrder(em: EntityManager, order: Order, changes: Partial<Order>, move: StatusMove | null): Promise<void> {
  const meta = em.getMetadata().get(OrderSchema);
  const platform = em.getPlatform();
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(changes)) {
    const prop = (meta.properties as Record<string, (typeof meta.properties)[keyof typeof meta.properties] | undefined>)[key];
    if (!prop?.fieldNames?.[0]) throw new Error(`Order has no column for ${key}`);
    sets.push(`"${prop.fieldNames[0]}" = ?`);
    // The column's own type converts (JSON text, decimal string, uuid), as a flush would.
    params.push(value === null || value === undefined ? null : prop.customType ? prop.customType.convertToDatabaseValue(value, platform, { mode: 'query' }) : value);
  }
  params.push(order.id);
  const update = `update "orders" set ${sets.join(', ')} where "id" = ?`;
  if (move) {
    const history = em.getMetadata().get(StatusChange).tableName;
    await execute(em, `with changed as (${update} returning "id") insert into "${history}" ("order_id", "from_status", "to_status", "reason", "at") select "id", ?, ?, ?, ? from changed`, [
      ...params,
      move.from,
      move.to,
      move.reason,
      move.at,
    ]);
  } else {
    await execute(em, update, params);
  }
  Object.assign(order, changes);
}

function execute(em: EntityManager, sql: string, params: unknown[]): Promise<unknown> {
  return em.getConnection().execute(sql, params, 'all', em.getTransactionContext());
}
