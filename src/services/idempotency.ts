import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { IdempotencyKeyReusedError, RequestInProgressError, ValidationError } from '../domain/errors.ts';
import { IdempotencyRecord } from '../db/entities.ts';
import type { Database } from '../db/database.ts';

/** What a claim found: a fresh key (go ahead) or a finished request to replay. */
export type IdempotencyClaim = { readonly kind: 'new' } | { readonly kind: 'replay'; readonly orderId: string };

const CLIENT_KEY = /^[\x21-\x7e]{1,128}$/;

/**
 * Per client + key memory of spending requests (docs/architecture.md, "Money safety", step 1). The claim is an
 * INSERT on a primary key, so two concurrent requests with one key cannot both proceed, even
 * across gateway instances sharing the database.
 */
export class IdempotencyStore {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  static validateKey(key: string): void {
    if (!CLIENT_KEY.test(key)) {
      throw new ValidationError('idempotencyKey must be 1 to 128 printable ASCII characters without spaces', 'idempotencyKey');
    }
  }

  /** A stable digest of the request body, to detect the same key reused with another input. */
  static hash(input: unknown): string {
    return createHash('sha256').update(canonicalJson(input)).digest('hex');
  }

  /**
   * The key sent upstream: derived from client and key so two clients' keys never collide in the one
   * provider account, and in the provider's documented format (A-Z a-z 0-9 _ -, at most 128).
   */
  static upstreamKey(ownerId: string, key: string): string {
    return `sb-${createHash('sha256').update(`${ownerId}\n${key}`).digest('hex').slice(0, 40)}`;
  }

  async claim(ownerId: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    const em = this.db.em();
    try {
      await em.insert(IdempotencyRecord, { ownerId, key, requestHash, orderId: null, state: 'IN_PROGRESS', createdAt: new Date() });
      return { kind: 'new' };
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
    const existing = await em.findOneOrFail(IdempotencyRecord, { ownerId, key });
    if (existing.requestHash !== requestHash) throw new IdempotencyKeyReusedError(key);
    if (existing.state === 'IN_PROGRESS' || !existing.orderId) throw new RequestInProgressError(key);
    return { kind: 'replay', orderId: existing.orderId };
  }

  async attachOrder(ownerId: string, key: string, orderId: string): Promise<void> {
    await this.db.em().nativeUpdate(IdempotencyRecord, { ownerId, key }, { orderId });
  }

  async complete(ownerId: string, key: string): Promise<void> {
    await this.db.em().nativeUpdate(IdempotencyRecord, { ownerId, key }, { state: 'DONE' });
  }

  /** Forgets the key after a failure that spent nothing, so the client may retry with it. */
  async release(ownerId: string, key: string): Promise<void> {
    await this.db.em().nativeDelete(IdempotencyRecord, { ownerId, key });
  }

  /** Start-up: claims whose process died before an order was recorded spent nothing; drop them. */
  async releaseOrphans(): Promise<number> {
    return this.db.em().nativeDelete(IdempotencyRecord, { state: 'IN_PROGRESS', orderId: null });
  }

  /** Start-up: in-progress claims that did record an order (their order gets reconciled). */
  async inProgressWithOrder(): Promise<{ ownerId: string; key: string; orderId: string }[]> {
    const rows = await this.db.em().find(IdempotencyRecord, { state: 'IN_PROGRESS', orderId: { $ne: null } });
    return rows.map((r) => ({ ownerId: r.ownerId, key: r.key, orderId: r.orderId! }));
  }
}

/** JSON with object keys sorted, so key order in the input never changes the hash. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
