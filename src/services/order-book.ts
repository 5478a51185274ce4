import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { canTransition, OPEN_STATUSES, type OrderStatus } from '../domain/order-status.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { Money } from '../domain/money.ts';
import { SENSITIVE_DETAIL_KEY, type JsonValue, type OrderIntent, type OrderSnapshot, type ProviderData, type ProviderId } from '../domain/provider.ts';
import type { CredentialsVault } from './credentials-vault.ts';
import { IdempotencyRecord, OrderMessage, OrderSchema, StatusChange, WebhookReceipt, type Order, type OrderKind } from '../db/entities.ts';
import type { Database } from '../db/database.ts';
import { lockOrder, readOwnedOrder, writeOrder, type Delivery, type StoredMessage } from '../db/order-statements.ts';
import type { Logger } from '../logging/logger.ts';
import { publishOrderChanged, withCommittedOrder, type EventBus, type OrderChangedEvent } from './event-bus.ts';

/** An order intent, as the spending pipeline records it before calling the provider. */
export interface NewOrder {
  readonly ownerId: string;
  readonly kind: OrderKind;
  readonly provider: ProviderId;
  readonly offerRef: string;
  readonly serviceKey: string;
  readonly price: Money;
  readonly maxPrice: Money | null;
  readonly idempotencyKey: string;
  readonly reference: string;
  readonly intent: OrderIntent;
  readonly details: ProviderData;
  /** The provider call about to be made may be in flight until then (see markCallInFlight); committed with the intent. */
  readonly callDeadline?: Date | null;
}

export interface OrderFilter {
  readonly ownerId: string;
  readonly statuses?: readonly OrderStatus[];
  readonly kinds?: readonly OrderKind[];
  readonly providers?: readonly ProviderId[];
  readonly createdAfter?: Date;
  readonly createdBefore?: Date;
}

/** Position in the newest-first order list. */
export interface OrderCursor {
  readonly createdAt: Date;
  readonly id: string;
}

const SETTLING: readonly OrderStatus[] = ['PENDING', 'UNKNOWN'];

/**
 * The local order book: every order with its status history and received messages. All status
 * changes go through `transition` or `applySnapshot`, which enforce the one state machine and
 * publish one event per change after it is committed.
 */
export class OrderBook {
  private readonly db: Database;
  private readonly events: EventBus;
  private readonly logger: Logger;
  // Serializes updates per order inside this process (webhook and watcher may race on one order).
  private readonly locks = new Map<string, Promise<unknown>>();
  // provider:providerRef → order id, for the orders this instance created, settled or looked up.
  private readonly orderIdByRef = new Map<string, string>();

  private readonly vault: CredentialsVault;

  constructor(db: Database, events: EventBus, logger: Logger, vault: CredentialsVault) {
    this.db = db;
    this.events = events;
    this.logger = logger;
    this.vault = vault;
  }

  /** The order's credentials in clear, for its owner's eyes only (resolvers check ownership first). */
  credentialsOf(order: Order): JsonValue | null {
    return order.sealedCredentials ? this.vault.open(order.id, order.sealedCredentials) : null;
  }

  /** Commits the order intent (PENDING) before any provider is called. */
  async createPending(input: NewOrder): Promise<Order> {
    const em = this.db.em();
    const now = new Date();
    const order = em.create(OrderSchema, {
      id: randomUUID(),
      ownerId: input.ownerId,
      kind: input.kind,
      provider: input.provider,
      offerRef: input.offerRef,
      serviceKey: input.serviceKey,
      providerRef: null,
      status: 'PENDING',
      providerStatus: null,
      priceAmount: input.price.amount.toFixed(),
      refundAmount: null,
      currency: input.price.currency,
      phoneNumber: null,
      expiresAt: null,
      providerCreatedAt: null,
      idempotencyKey: input.idempotencyKey,
      failureCode: null,
      failureMessage: null,
      attempts: null,
      reference: input.reference,
      intent: input.intent,
      maxPriceAmount: input.maxPrice?.amount.toFixed() ?? null,
      details: input.details,
      providerData: {},
      callDeadline: input.callDeadline ?? null,
      sealedCredentials: null,
      createdAt: now,
      updatedAt: now,
    });
    em.create(StatusChange, { order, fromStatus: null, toStatus: 'PENDING', reason: 'order intent recorded', at: now });
    await em.flush();
    this.publish(order, null);
    return order;
  }

  async get(id: string): Promise<Order | null> {
    return this.db.em().findOne(OrderSchema, { id });
  }

  /** An order the viewer owns, or NotFound (another client's order is indistinguishable from none). */
  async getOwned(id: string, ownerId: string): Promise<Order> {
    const order = await this.db.em().findOne(OrderSchema, { id, ownerId });
    if (!order) throw new NotFoundError('Order', id);
    return order;
  }

  /**
   * The same answer as getOwned, read straight from the row (src/db/order-statements.ts): for the
   * subscription payloads of events committed on another instance, one read per event.
   */
  async getOwnedCommitted(id: string, ownerId: string): Promise<Order> {
    const order = await readOwnedOrder(this.db.em(), id, ownerId);
    if (!order) throw new NotFoundError('Order', id);
    return order;
  }

  async findByIds(ids: readonly string[]): Promise<Order[]> {
    return this.db.em().find(OrderSchema, { id: { $in: [...ids] } });
  }

  async findByProviderRef(provider: ProviderId, providerRef: string): Promise<Order | null> {
    const order = await this.db.em().findOne(OrderSchema, { provider, providerRef });
    if (order) this.rememberRef(order);
    return order;
  }

  /**
   * The local order holding a provider order, when this instance has seen it: an order's provider ref
   * never changes once set, so a push for it needs no lookup before the locked read (which checks the
   * ref again). Null when not known here.
   */
  knownOrderId(provider: ProviderId, providerRef: string): string | null {
    return this.orderIdByRef.get(`${provider}:${providerRef}`) ?? null;
  }

  private rememberRef(order: Order): void {
    if (!order.providerRef) return;
    if (this.orderIdByRef.size >= MAX_REMEMBERED_REFS) this.orderIdByRef.clear();
    this.orderIdByRef.set(`${order.provider}:${order.providerRef}`, order.id);
  }

  async findByReference(provider: ProviderId, reference: string): Promise<Order | null> {
    return this.db.em().findOne(OrderSchema, { provider, reference });
  }

  /** Orders the provider may still change. */
  async open(provider?: ProviderId): Promise<Order[]> {
    return this.db.em().find(OrderSchema, { status: { $in: [...OPEN_STATUSES] }, ...(provider ? { provider } : {}) }, { orderBy: { createdAt: 'asc' } });
  }

  /** Newest first, `first` + 1 rows so the caller knows whether there is a next page. */
  async list(filter: OrderFilter, first: number, after: OrderCursor | null): Promise<Order[]> {
    const where: Record<string, unknown> = { ownerId: filter.ownerId };
    if (filter.statuses?.length) where.status = { $in: [...filter.statuses] };
    if (filter.kinds?.length) where.kind = { $in: [...filter.kinds] };
    if (filter.providers?.length) where.provider = { $in: [...filter.providers] };
    if (filter.createdAfter || filter.createdBefore) {
      where.createdAt = { ...(filter.createdAfter ? { $gte: filter.createdAfter } : {}), ...(filter.createdBefore ? { $lt: filter.createdBefore } : {}) };
    }
    if (after) {
      where.$or = [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, id: { $lt: after.id } }];
    }
    return this.db.em().find(OrderSchema, where as never, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: first + 1 });
  }

  async messages(orderIds: readonly string[]): Promise<Map<string, OrderMessage[]>> {
    const rows = await this.db.em().find(OrderMessage, { order: { $in: [...orderIds] } }, { orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }] });
    return groupBy(rows, (m) => (m.order as unknown as { id: string }).id);
  }

  async history(orderIds: readonly string[]): Promise<Map<string, StatusChange[]>> {
    const rows = await this.db.em().find(StatusChange, { order: { $in: [...orderIds] } }, { orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    return groupBy(rows, (c) => (c.order as unknown as { id: string }).id);
  }

  /**
   * Marks a provider call for this order as in flight until `deadline` (its timeout plus a margin),
   * committed before the call: no instance reconciles the order meanwhile. Null clears it.
   */
  async markCallInFlight(orderId: string, deadline: Date | null): Promise<void> {
    await this.db.em().nativeUpdate(OrderSchema, { id: orderId }, { callDeadline: deadline });
  }

  /** Moves an order to a new status (and sets other fields) if the machine allows; otherwise logs and refuses. */
  async transition(orderId: string, to: OrderStatus, reason: string, fields: Partial<Order> = {}): Promise<Order> {
    return this.locked(orderId, async (em, order) => {
      const from = order.status as OrderStatus;
      const moves = from !== to;
      if (moves && !canTransition(from, to)) {
        this.logger.warn({ orderId, from, to, reason }, 'refused an illegal order status transition');
        return { order, event: null };
      }
      em.assign(order, { ...fields, updatedAt: new Date() });
      if (moves) {
        order.status = to;
        em.create(StatusChange, { order, fromStatus: from, toStatus: to, reason: reason.slice(0, 200), at: new Date() });
      }
      await em.flush();
      if (moves) await this.settleClaim(em, order, from);
      return { order, event: moves ? { message: null } : null };
    });
  }

  /**
   * Applies what the provider now says about an order: a new message is stored once (the same SMS
   * by poll and by webhook is one message), status only moves forward, and each change becomes one event.
   */
  async applySnapshot(orderId: string, snapshot: OrderSnapshot, source: string, detectedAt: number = Date.now(), delivery?: Delivery): Promise<Order> {
    return this.withLock(orderId, async () => {
      let refused: Order | null = null;
      const update = this.db.em().transactional(async (em) => {
        const otp = snapshot.otp;
        // A push delivery is recorded in the same transaction as what it changes: a repeat finds it and
        // changes nothing, and a failure leaves no receipt behind, so the provider's retry still applies.
        const { order, fresh, newMessage } = await lockOrder(em, orderId, { delivery, message: otp?.message });
        if (!fresh) return { order, event: null };
        // A refusal rolls back what the read took with it (the receipt, the message): nothing of it is kept.
        const refuse = (message: string): never => {
          this.logger.warn({ orderId, source, providerRef: snapshot.providerRef }, message);
          refused = order;
          throw new RefusedUpdate();
        };
        // A snapshot for another number or another provider order is another upstream order: never merge it.
        if ((order.phoneNumber && otp?.phoneNumber && order.phoneNumber !== otp.phoneNumber) || (order.providerRef && order.providerRef !== snapshot.providerRef)) {
          refuse('refused a provider update that belongs to another upstream order');
        }
        // A match inferred for an order without a provider ref (OTP24HR's history) may name an upstream order
        // another local order already holds: one provider order is never booked twice.
        // Two orders taking one ref at once (the buyer's own answer and another order's inferred match) are
        // serialized on the ref (a transaction-scoped advisory lock, on PGlite too), so the second sees the first.
        if (!order.providerRef) await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [`${order.provider}:${snapshot.providerRef}`], 'all', em.getTransactionContext());
        if (!order.providerRef && (await em.count(OrderSchema, { provider: order.provider, providerRef: snapshot.providerRef, id: { $ne: order.id } })) > 0) {
          refuse('refused a provider update naming an upstream order another local order holds');
        }
        const from = order.status as OrderStatus;
        let to: OrderStatus = snapshot.status;
        // A message on an order the provider still calls ACTIVE is still an OTP arrival for our clients.
        if (newMessage && to === 'ACTIVE') to = 'OTP_RECEIVED';
        const moves = to !== from && canTransition(from, to);
        if (to !== from && !moves) {
          this.logger.info({ orderId, from, to, source }, 'ignored a provider update that would move the order backwards');
        }
        const settling = SETTLING.includes(from);
        const { [SENSITIVE_DETAIL_KEY]: secret, ...details } = snapshot.details ?? {};
        const fields = {
          providerRef: order.providerRef ?? snapshot.providerRef,
          providerStatus: snapshot.providerStatus,
          phoneNumber: otp?.phoneNumber ?? order.phoneNumber,
          expiresAt: otp?.expiresAt ?? order.expiresAt,
          // What the provider says it took, when it says so while settling or on a status move (easysoft's
          // refill answer states no deduction; update's REALAMOUNT does, with the result): the ledger value.
          priceAmount: snapshot.price && (settling || moves) ? snapshot.price.amount.toFixed() : order.priceAmount,
          refundAmount: snapshot.refund && (moves || order.refundAmount === null) ? snapshot.refund.amount.toFixed() : order.refundAmount,
          failureMessage: moves && to === 'FAILED' && snapshot.failedReason ? snapshot.failedReason : order.failureMessage,
          failureCode: moves && to === 'FAILED' ? (order.failureCode ?? 'PROVIDER_FAILED') : order.failureCode,
          details: merged(order.details, snapshot.details ? details : undefined),
          providerData: merged(order.providerData, snapshot.providerData),
          // Sealed once; a later snapshot carrying them again changes nothing.
          sealedCredentials: order.sealedCredentials ?? (secret !== undefined && secret !== null ? this.vault.seal(order.id, secret) : null),
        };
        // Only what changed is written; polling re-reads unchanged orders all the time.
        const changes: Partial<Order> = {};
        for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
          if (!sameValue(order[key], fields[key])) (changes as Record<string, unknown>)[key] = fields[key];
        }
        if (Object.keys(changes).length === 0 && !moves && !newMessage) return { order, event: null };
        const now = new Date();
        changes.updatedAt = now;
        if (moves) changes.status = to;
        await writeOrder(em, order, changes, moves ? { from, to, reason: `${source}: provider says ${snapshot.providerStatus}`.slice(0, 200), at: now } : null);
        if (moves) await this.settleClaim(em, order, from);
        return { order, event: newMessage || moves ? { message: newMessage, detectedAt } : null };
      });
      const { order, event } = await update.catch((error: unknown) => {
        if (error instanceof RefusedUpdate && refused) return { order: refused as Order, event: null };
        throw error;
      });
      if (event) this.publish(order, event.message, event.detectedAt);
      return order;
    });
  }

  /** Records a push delivery; false when it was already applied. */
  async recordDelivery(provider: ProviderId, deliveryId: string): Promise<boolean> {
    try {
      await this.db.em().insert(WebhookReceipt, { provider, deliveryId, receivedAt: new Date() });
      return true;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return false;
      throw error;
    }
  }

  /**
   * Whoever settles an order (the buying request, the watcher, a webhook, start-up reconciliation on
   * another instance), its idempotency claim completes, so a retry with the same key replays the
   * order instead of answering RequestInProgress forever. (Should the process die right between the
   * two writes, start-up completes claims whose order has left PENDING.)
   */
  private async settleClaim(em: EntityManager, order: Order, from: OrderStatus): Promise<void> {
    if (from !== 'PENDING') return;
    await em.nativeUpdate(IdempotencyRecord, { orderId: order.id, state: 'IN_PROGRESS' }, { state: 'DONE' });
  }

  // `detectedAt`: when the provider's word reached the gateway, carried with a new message (docs/metrics.md).
  private publish(order: Order, message: StoredMessage | null, detectedAt?: number): void {
    this.rememberRef(order);
    const event: OrderChangedEvent = {
      orderId: order.id,
      ownerId: order.ownerId,
      provider: order.provider,
      kind: order.kind,
      status: order.status,
      message: message ? { code: message.code === null || message.code === undefined ? null : String(message.code), text: message.text, receivedAt: message.receivedAt.toISOString(), ...(detectedAt === undefined ? {} : { detectedAt }) } : null,
    };
    publishOrderChanged(this.events, withCommittedOrder(event, order));
  }

  /**
   * One status update of one order, safe across instances (docs/architecture.md, "Money safety"): inside
   * a transaction, the row is read with `select … for update` (PESSIMISTIC_WRITE), so a second instance
   * applying the same provider update waits for the first to commit, then reads what it wrote and finds
   * nothing to move — one status change, one message. A row lock rather than a version column: no schema
   * change, no retry loop, and every write of the step (order, status change, message, idempotency claim)
   * commits or rolls back together. PGlite takes the same statement (one connection: it never waits).
   * The in-process queue stays, so one instance never holds two connections waiting on one row. The
   * event is published after the commit.
   */
  private async locked(orderId: string, work: (em: EntityManager, order: Order) => Promise<{ order: Order; event: { message: StoredMessage | null; detectedAt?: number } | null }>): Promise<Order> {
    return this.withLock(orderId, async () => {
      const { order, event } = await this.db.em().transactional(async (em) => {
        const row = await em.findOneOrFail(OrderSchema, { id: orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        return work(em, row);
      });
      if (event) this.publish(order, event.message, event.detectedAt);
      return order;
    });
  }

  private async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(work);
    this.locks.set(key, current);
    try {
      return await current;
    } finally {
      if (this.locks.get(key) === current) this.locks.delete(key);
    }
  }
}

const MAX_REMEMBERED_REFS = 100_000;

/** Thrown inside the update's transaction to roll it back when the update is refused. */
class RefusedUpdate extends Error {}

function merged(base: ProviderData | null | undefined, extra: ProviderData | undefined): ProviderData {
  return extra ? { ...(base ?? {}), ...extra } : (base ?? {});
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a === undefined) return b === null || b === undefined;
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b || (a !== null && b !== null && String(a) === String(b) && typeof a !== 'object');
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
