import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { parseRateLimit, parseSpendLimit, type Config, type RateLimit, type SpendLimit } from '../config.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { ApiClient, CLIENT_SCOPES, type ClientScope } from '../db/entities.ts';
import type { Database } from '../db/database.ts';

/** Every key the gateway generates starts with this, so a leaked one is recognisable (and scannable). */
export const KEY_PREFIX = 'sbk_';

/** Scopes of a CLIENT_TOKENS client: every one but ADMIN, which only the client named `admin` has. */
export const BOOTSTRAP_SCOPES: readonly ClientScope[] = ['CATALOG_READ', 'ORDERS_READ', 'BUY'];

/** The client every request acts as in a sandbox without clients (loopback only unless HOST is set). */
export const OPEN_SANDBOX_CLIENT = 'default';

/** Names that already mean something in the order book: never given to a stored client. */
const RESERVED_NAMES = new Set([OPEN_SANDBOX_CLIENT, 'orphan']);

/** Who is calling, as authentication found it. */
export interface AuthenticatedClient {
  readonly clientId: string;
  readonly scopes: readonly ClientScope[];
  /** Where the client is defined: CLIENT_TOKENS, the database, or the open sandbox. */
  readonly source: 'env' | 'database' | 'open-sandbox';
}

/** A stored client as the admin sees it (never the key, never its hash). */
export interface ApiClientView {
  readonly name: string;
  readonly keyPrefix: string;
  readonly scopes: readonly ClientScope[];
  readonly rateLimit: string | null;
  readonly spendLimit: string | null;
  readonly createdAt: Date;
  readonly rotatedAt: Date | null;
  readonly revokedAt: Date | null;
}

export interface ClientLimitOverrides {
  /** undefined: follow RATE_LIMIT; null: no limit. */
  readonly rate: RateLimit | null | undefined;
  /** undefined: follow SPEND_LIMIT; null: no limit. */
  readonly spend: SpendLimit | null | undefined;
}

export interface NewClientOptions {
  readonly rateLimit?: string | null;
  readonly spendLimit?: string | null;
}

/**
 * API clients: CLIENT_TOKENS (the bootstrap, from the environment) and clients stored in the
 * database with gateway-generated keys. Every authentication of a stored key is one primary-key
 * read, so a revocation or rotation (from any instance or from `npm run clients`) holds at once.
 */
/** How long a stored client (its scopes, its limits) is served as last read; bounds how late another instance sees a revocation. */
export const STORED_CLIENT_TTL_MS = 2000;
const MAX_REMEMBERED_CLIENTS = 10_000;

export class ApiClients {
  private readonly db: Database;
  private readonly config: Config;
  private anyStored: { value: boolean; until: number } | null = null;
  // Stored clients as last read, so a request costs no database read (docs/performance.md, "The
  // catalog hot path"). A change made here is seen at once; one made on another instance within
  // STORED_CLIENT_TTL_MS (revocation included).
  private readonly storedByHash = new Map<string, { client: AuthenticatedClient; until: number }>();
  private readonly overridesByName = new Map<string, { value: ClientLimitOverrides; until: number }>();

  constructor(db: Database, config: Config) {
    this.db = db;
    this.config = config;
  }

  static generateKey(): string {
    return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  }

  static hash(key: string): string {
    return createHash('sha256').update(key, 'utf8').digest('hex');
  }

  static parseScopes(text: string): ClientScope[] {
    const scopes = text.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
    const unknown = scopes.filter((s) => !(CLIENT_SCOPES as readonly string[]).includes(s));
    if (unknown.length || scopes.length === 0) throw new ValidationError(`scopes must be a comma-separated list of ${CLIENT_SCOPES.join(', ')} (got ${text || 'nothing'})`, 'scopes');
    return CLIENT_SCOPES.filter((s) => scopes.includes(s));
  }

  /** True when requests need no key: sandbox, no CLIENT_TOKENS and no active stored client (checked at most once a second). */
  async isOpenSandbox(): Promise<boolean> {
    if (!this.config.sandbox || this.config.CLIENT_TOKENS) return false;
    return !(await this.anyActive(true));
  }

  /** Whether any client is configured at all (CLIENT_TOKENS or an active stored client). */
  async anyConfigured(): Promise<boolean> {
    return Boolean(this.config.CLIENT_TOKENS?.length) || (await this.anyActive(false));
  }

  private async anyActive(cached: boolean): Promise<boolean> {
    const now = Date.now();
    if (cached && this.anyStored && this.anyStored.until > now) return this.anyStored.value;
    const value = (await this.db.em().count(ApiClient, { revokedAt: null })) > 0;
    this.anyStored = { value, until: now + 1000 };
    return value;
  }

  /** The client behind `Authorization: Bearer <key>`; null for a missing, unknown, rotated-away or revoked key. */
  async authenticate(authorization: string | null | undefined): Promise<AuthenticatedClient | null> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const found = token ? await this.byToken(token) : null;
    if (found) return found;
    // An open sandbox ignores the header, as a single-tenant gateway always did (it listens on loopback only).
    return (await this.isOpenSandbox()) ? { clientId: OPEN_SANDBOX_CLIENT, scopes: [...CLIENT_SCOPES], source: 'open-sandbox' } : null;
  }

  private async byToken(token: string): Promise<AuthenticatedClient | null> {
    const presented = Buffer.from(token);
    let bootstrap: string | null = null;
    for (const client of this.config.CLIENT_TOKENS ?? []) {
      const expected = Buffer.from(client.token);
      // Constant time per comparison, and every configured token is compared.
      if (expected.length === presented.length && timingSafeEqual(expected, presented)) bootstrap = client.name;
    }
    if (bootstrap !== null) return { clientId: bootstrap, scopes: bootstrapScopes(bootstrap), source: 'env' };
    if (!token.startsWith(KEY_PREFIX)) return null;
    // The key has 256 random bits: looking up its SHA-256 leaks nothing a timing attack could use.
    const keyHash = ApiClients.hash(token);
    const now = Date.now();
    const known = this.storedByHash.get(keyHash);
    if (known && known.until > now) return known.client;
    const row = await this.db.em().findOne(ApiClient, { keyHash, revokedAt: null });
    if (!row) return null;
    const client: AuthenticatedClient = { clientId: row.name, scopes: [...row.scopes], source: 'database' };
    if (this.storedByHash.size >= MAX_REMEMBERED_CLIENTS) this.storedByHash.clear();
    this.storedByHash.set(keyHash, { client, until: now + STORED_CLIENT_TTL_MS });
    return client;
  }

  /** The client's own limit overrides (stored clients only; CLIENT_TOKENS clients follow the settings). */
  async limitOverrides(clientId: string): Promise<ClientLimitOverrides> {
    if (this.config.CLIENT_TOKENS?.some((c) => c.name === clientId) || clientId === OPEN_SANDBOX_CLIENT) return { rate: undefined, spend: undefined };
    const now = Date.now();
    const known = this.overridesByName.get(clientId);
    if (known && known.until > now) return known.value;
    const row = await this.db.em().findOne(ApiClient, { name: clientId });
    const value: ClientLimitOverrides = {
      rate: row?.rateLimit ? parseRateLimit(row.rateLimit) : undefined,
      spend: row?.spendLimit ? parseSpendLimit(row.spendLimit) : undefined,
    };
    if (this.overridesByName.size >= MAX_REMEMBERED_CLIENTS) this.overridesByName.clear();
    this.overridesByName.set(clientId, { value, until: now + STORED_CLIENT_TTL_MS });
    return value;
  }

  /** Creates a client; the key is returned once and only its hash is stored. */
  async create(name: string, scopes: readonly ClientScope[], options: NewClientOptions = {}): Promise<{ client: ApiClientView; key: string }> {
    this.validateName(name);
    if (scopes.length === 0) throw new ValidationError('a client needs at least one scope', 'scopes');
    const rateLimit = normalizeLimit(options.rateLimit, parseRateLimit, 'rateLimit');
    const spendLimit = normalizeLimit(options.spendLimit, parseSpendLimit, 'spendLimit');
    const key = ApiClients.generateKey();
    const em = this.db.em();
    const row = em.create(ApiClient, {
      name,
      keyHash: ApiClients.hash(key),
      keyPrefix: key.slice(0, 12),
      scopes: CLIENT_SCOPES.filter((s) => scopes.includes(s)),
      rateLimit,
      spendLimit,
      createdAt: new Date(),
      rotatedAt: null,
      revokedAt: null,
    });
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ValidationError(`a client named ${name} exists (or existed: revoked names are never reused, they own orders)`, 'name');
      throw error;
    }
    this.anyStored = null;
    return { client: view(row), key };
  }

  async list(): Promise<ApiClientView[]> {
    const rows = await this.db.em().find(ApiClient, {}, { orderBy: { createdAt: 'asc', name: 'asc' } });
    return rows.map(view);
  }

  /** A new key for the client; the old one is refused from this moment on. */
  async rotate(name: string): Promise<{ client: ApiClientView; key: string }> {
    const em = this.db.em();
    const row = await em.findOne(ApiClient, { name, revokedAt: null });
    if (!row) throw new NotFoundError('Active API client', name);
    const key = ApiClients.generateKey();
    row.keyHash = ApiClients.hash(key);
    row.keyPrefix = key.slice(0, 12);
    row.rotatedAt = new Date();
    await em.flush();
    this.forgetStored();
    return { client: view(row), key };
  }

  /** Refuses the client's key from now on; the row (and the name, which owns orders) stays. */
  async revoke(name: string): Promise<ApiClientView> {
    const em = this.db.em();
    const row = await em.findOne(ApiClient, { name });
    if (!row) throw new NotFoundError('API client', name);
    if (!row.revokedAt) {
      row.revokedAt = new Date();
      // The hash is replaced too, so the old key cannot match even a row read before this commit.
      row.keyHash = ApiClients.hash(`revoked:${name}:${randomBytes(16).toString('hex')}`);
      await em.flush();
    }
    this.anyStored = null;
    this.forgetStored();
    return view(row);
  }

  /** Changes a client's limit overrides (null: follow the settings). */
  async setLimits(name: string, limits: NewClientOptions): Promise<ApiClientView> {
    const em = this.db.em();
    const row = await em.findOne(ApiClient, { name });
    if (!row) throw new NotFoundError('API client', name);
    if (limits.rateLimit !== undefined) row.rateLimit = normalizeLimit(limits.rateLimit, parseRateLimit, 'rateLimit');
    if (limits.spendLimit !== undefined) row.spendLimit = normalizeLimit(limits.spendLimit, parseSpendLimit, 'spendLimit');
    await em.flush();
    this.forgetStored();
    return view(row);
  }

  private forgetStored(): void {
    this.storedByHash.clear();
    this.overridesByName.clear();
  }

  private validateName(name: string): void {
    if (!/^[\w.-]{1,100}$/.test(name)) throw new ValidationError('a client name is 1 to 100 letters, digits, dots, dashes or underscores', 'name');
    if (RESERVED_NAMES.has(name)) throw new ValidationError(`${name} is reserved`, 'name');
    if (this.config.CLIENT_TOKENS?.some((c) => c.name === name)) throw new ValidationError(`${name} is a CLIENT_TOKENS client: two clients with one name would share orders`, 'name');
  }
}

export function bootstrapScopes(name: string): ClientScope[] {
  return name === 'admin' ? [...BOOTSTRAP_SCOPES, 'ADMIN'] : [...BOOTSTRAP_SCOPES];
}

function normalizeLimit<T>(value: string | null | undefined, parse: (text: string) => T, field: string): string | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  try {
    parse(value);
  } catch (error) {
    throw new ValidationError(`${field}: expected ${(error as Error).message}`, field);
  }
  return value.trim();
}

function view(row: ApiClient): ApiClientView {
  return {
    name: row.name,
    keyPrefix: row.keyPrefix,
    scopes: [...row.scopes],
    rateLimit: row.rateLimit ?? null,
    spendLimit: row.spendLimit ?? null,
    createdAt: row.createdAt,
    rotatedAt: row.rotatedAt ?? null,
    revokedAt: row.revokedAt ?? null,
  };
}
