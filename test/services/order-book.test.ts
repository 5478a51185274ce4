import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { CredentialsVault } from '../../src/services/credentials-vault.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { Money } from '../../src/domain/money.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { createEventBus } from '../../src/services/event-bus.ts';
import { OrderBook } from '../../src/services/order-book.ts';
import { freshDatabase } from '../support/database.ts';

describe('OrderBook', () => {
  let db: Database;
  let drop: () => Promise<void>;
  const logLines: string[] = [];
  let book: OrderBook;

  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    db = await openDatabase(fresh.target);
    const sink = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
    book = new OrderBook(db, createEventBus(), createLogger('info', sink), new CredentialsVault(randomBytes(32)));
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  const newOrder = () =>
    book.createPending({
      ownerId: 'owner-1',
      kind: 'OTP_NUMBER',
      provider: 'SMSCODE',
      offerRef: 'catalog:87',
      serviceKey: 'otp:whatsapp:ID',
      price: Money.of('15000', 'IDR'),
      maxPrice: null,
      idempotencyKey: `k-${Math.random()}`,
      reference: 'sb-x',
      intent: { kind: 'OTP_NUMBER', policy: 'CHEAPEST' },
      details: {},
    });

  it('refuses and logs a backwards transition, leaving the order and its history unchanged', async () => {
    const order = await newOrder();
    await book.transition(order.id, 'ACTIVE', 'provider accepted');
    await book.transition(order.id, 'COMPLETED', 'done');
    const after = await book.transition(order.id, 'ACTIVE', 'a late provider update');
    expect(after.status).toBe('COMPLETED');
    const history = (await book.history([order.id])).get(order.id)!.map((c) => c.toStatus);
    expect(history).toEqual(['PENDING', 'ACTIVE', 'COMPLETED']);
    expect(logLines.some((l) => l.includes('refused an illegal order status transition') && l.includes(order.id))).toBe(true);
  });

  it('stores the exact native amount and reads it back exactly', async () => {
    const order = await newOrder();
    const stored = await book.get(order.id);
    expect(Money.of(String(stored!.priceAmount), 'IDR').toString()).toBe('15000');
    expect(stored!.currency).toBe('IDR');
  });

  it('applies a replayed provider snapshot once: one message, one status move', async () => {
    const order = await newOrder();
    await book.transition(order.id, 'ACTIVE', 'accepted', { providerRef: '4242' });
    const snapshot = {
      providerRef: '4242',
      status: 'OTP_RECEIVED' as const,
      providerStatus: 'OTP_RECEIVED',
      price: null,
      refund: null,
      failedReason: null,
      otp: { phoneNumber: '+6281', expiresAt: null, message: { key: 'sms-1', code: '1234', text: 'code 1234', receivedAt: new Date('2026-11-21T00:00:00Z') } },
    };
    await Promise.all([book.applySnapshot(order.id, snapshot, 'webhook'), book.applySnapshot(order.id, snapshot, 'poll')]);
    await book.applySnapshot(order.id, snapshot, 'poll');
    expect((await book.messages([order.id])).get(order.id)).toHaveLength(1);
    expect((await book.history([order.id])).get(order.id)!.filter((c) => c.toStatus === 'OTP_RECEIVED')).toHaveLength(1);
  });

  it('refuses a snapshot for a different phone number (a reused upstream id), leaving the order untouched', async () => {
    const order = await newOrder();
    await book.transition(order.id, 'ACTIVE', 'accepted', { providerRef: '777', phoneNumber: '+6281111' });
    const foreign = {
      providerRef: '777', status: 'OTP_RECEIVED' as const, providerStatus: 'OTP_RECEIVED', price: null, refund: null, failedReason: null,
      otp: { phoneNumber: '+6289999', expiresAt: null, message: { key: 'sms-9', code: '9', text: 'someone else', receivedAt: new Date() } },
    };
    const after = await book.applySnapshot(order.id, foreign, 'poll');
    expect(after).toMatchObject({ status: 'ACTIVE', phoneNumber: '+6281111' });
    expect((await book.messages([order.id])).get(order.id)).toBeUndefined();
  });

  it('takes a push delivery once with what it changes, and keeps nothing of a refused one (no message, no receipt)', async () => {
    const order = await newOrder();
    await book.transition(order.id, 'ACTIVE', 'accepted', { providerRef: '888', phoneNumber: '+6282' });
    const push = (key: string, phoneNumber = '+6282') => ({
      providerRef: '888', status: 'ACTIVE' as const, providerStatus: 'otp_received', price: null, refund: null, failedReason: null,
      otp: { phoneNumber, expiresAt: null, message: { key, code: key, text: `code ${key}`, receivedAt: new Date() } },
    });
    const first = await book.applySnapshot(order.id, push('111'), 'webhook', Date.now(), { provider: 'SMSCODE', deliveryId: 'd-1' });
    expect(first.status).toBe('OTP_RECEIVED');
    await book.applySnapshot(order.id, push('111'), 'webhook', Date.now(), { provider: 'SMSCODE', deliveryId: 'd-1' });
    await book.applySnapshot(order.id, push('222'), 'webhook', Date.now(), { provider: 'SMSCODE', deliveryId: 'd-2' });
    const refused = await book.applySnapshot(order.id, push('333', '+6289'), 'webhook', Date.now(), { provider: 'SMSCODE', deliveryId: 'd-3' });
    expect(refused).toMatchObject({ status: 'OTP_RECEIVED', phoneNumber: '+6282' });
    expect((await book.messages([order.id])).get(order.id)!.map((m) => m.code)).toEqual(['111', '222']);
    expect((await book.history([order.id])).get(order.id)!.map((c) => c.toStatus)).toEqual(['PENDING', 'ACTIVE', 'OTP_RECEIVED']);
    // Receipts: the applied deliveries are taken; the refused one was rolled back with its message.
    expect(await book.recordDelivery('SMSCODE', 'd-1')).toBe(false);
    expect(await book.recordDelivery('SMSCODE', 'd-2')).toBe(false);
    expect(await book.recordDelivery('SMSCODE', 'd-3')).toBe(true);
  });

  it('answers an updated order with exactly the values a fresh read gives (types included)', async () => {
    const order = await newOrder();
    await book.transition(order.id, 'ACTIVE', 'accepted', { providerRef: '999', phoneNumber: '+6283' });
    const updated = await book.applySnapshot(order.id, {
      providerRef: '999', status: 'ACTIVE', providerStatus: 'otp_received', price: Money.of('14999.5', 'IDR'), refund: null, failedReason: null,
      details: { note: 'pushed', nested: { n: 1 } }, providerData: { seen: true },
      otp: { phoneNumber: '+6283', expiresAt: new Date('2026-12-01T10:00:00.123Z'), message: { key: 'k', code: '4321', text: 'code 4321', receivedAt: new Date() } },
    }, 'webhook', Date.now(), { provider: 'SMSCODE', deliveryId: 'equal-1' });
    const read = (await book.get(order.id))!;
    // Amounts compare as numbers: the column pads to its scale ("14999.50000000"), the written value does not.
    const scalars = (o: object) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'statusChanges' && k !== 'messages' && k !== 'priceAmount'));
    expect(scalars(updated)).toStrictEqual(scalars({ ...read }));
    expect(Money.of(String(updated.priceAmount), 'IDR').compare(Money.of(String(read.priceAmount), 'IDR'))).toBe(0);
    expect(updated.expiresAt).toBeInstanceOf(Date);
    expect(updated.status).toBe('OTP_RECEIVED');
    expect(updated.details).toEqual({ note: 'pushed', nested: { n: 1 } });
  });

  it('reads an owned order for the subscribers of another instance exactly as getOwned does, and no other owner order', async () => {
    const order = await newOrder();
    await book.transition(order.id, 'ACTIVE', 'accepted', { providerRef: '1001', phoneNumber: '+6284' });
    const scalars = (o: object) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'statusChanges' && k !== 'messages'));
    expect(scalars(await book.getOwnedCommitted(order.id, 'owner-1'))).toStrictEqual(scalars({ ...(await book.getOwned(order.id, 'owner-1')) }));
    await expect(book.getOwnedCommitted(order.id, 'owner-2')).rejects.toThrow(/not found/i);
  });

  it('stores one SMS once even when a webhook and a poll report it with different timestamps', async () => {
    const order = await newOrder();
    await book.transition(order.id, 'ACTIVE', 'accepted', { providerRef: '4343' });
    const seen = (at: string) => ({
      providerRef: '4343', status: 'OTP_RECEIVED' as const, providerStatus: 'OTP_RECEIVED', price: null, refund: null, failedReason: null,
      otp: { phoneNumber: null, expiresAt: null, message: { key: 'sms\n1234\ncode 1234', code: '1234', text: 'code 1234', receivedAt: new Date(at) } },
    });
    await book.applySnapshot(order.id, seen('2026-11-21T00:00:00Z'), 'webhook');
    await book.applySnapshot(order.id, seen('2026-11-21T00:00:03Z'), 'poll');
    expect((await book.messages([order.id])).get(order.id)).toHaveLength(1);
  });

  it('seals credentials a snapshot carries and opens them for the order only', async () => {
    const order = await newOrder();
    await book.transition(order.id, 'ACTIVE', 'accepted', { providerRef: 'p-1' });
    const snapshot = { providerRef: 'p-1', status: 'COMPLETED' as const, providerStatus: 'completed', price: null, refund: null, failedReason: null, details: { app: 'netflix', credentials: { email: 'a@b.c', password: 'hunter2' } } };
    const after = await book.applySnapshot(order.id, snapshot, 'purchase');
    expect(JSON.stringify(after.details)).not.toContain('hunter2');
    expect(after.sealedCredentials).not.toContain('hunter2');
    expect(book.credentialsOf(after)).toEqual({ email: 'a@b.c', password: 'hunter2' });
    expect(() => new CredentialsVault(randomBytes(32)).open(order.id, after.sealedCredentials!)).toThrow();
  });

  it('completes the idempotency claim of an order whoever settles it', async () => {
    const order = await newOrder();
    const { IdempotencyStore } = await import('../../src/services/idempotency.ts');
    const store = new IdempotencyStore(db);
    await store.claim('owner-1', order.idempotencyKey, 'h');
    await store.attachOrder('owner-1', order.idempotencyKey, order.id);
    await book.transition(order.id, 'ACTIVE', 'settled by reconciliation on another instance');
    expect(await store.claim('owner-1', order.idempotencyKey, 'h')).toEqual({ kind: 'replay', orderId: order.id });
  });
});
