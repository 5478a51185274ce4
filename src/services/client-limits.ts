import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RATE_WINDOWS, type Config, type RateLimit, type SpendLimit, type SpendPeriod } from '../config.ts';
import { SpendLimitExceededError } from '../domain/errors.ts';
import { Dec, Money, isCurrency, type Currency } from '../domain/money.ts';
import type { Order } from '../db/entities.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logging/logger.ts';
import type { ApiClients } from './api-clients.ts';
import type { FxService } from './fx.ts';

/** What the rate limiter said about one request. */
export type RateDecision =
  | { readonly kind: 'allowed' }
  | { readonly kind: 'limited'; readonly retryAfterSeconds: number; readonly limit: RateLimit }
  /** The limiter's store (Redis) could not answer: the caller fails open for reads, safe (refuses) for spending. */
  | { readonly kind: 'unavailable' };

/** One client's spending in the current period of its limit (or of `period` when it has none). */
export interface SpendingView {
  readonly currency: Currency;
  readonly spent: Money;
  readonly limit: Money | null;
  readonly remaining: Money | null;
  readonly period: SpendPeriod;
  readonly periodStart: Date;
  readonly resetsAt: Date;
}

/**
 * Per-client limits (README "API clients"):
 *
 * - a request rate (RATE_LIMIT, or the client's override), counted by rate-limiter-flexible in
 *   Redis when REDIS_URL is set (so it holds across instances) and in memory otherwise; a mutation
 *   costs one point per root field, so one request with 17 aliased purchases costs 17;
 * - a spend limit per calendar period (SPEND_LIMIT, or the client's override), checked by the
 *   spending pipeline after the intent is committed PENDING and before the provider is called.
 *   It sums the client's orders of the period in the database (every status but FAILED: charged or
 *   possibly charged), the pending one included, so two instances (or two concurrent requests) can
 *   never both pass: whichever sums last sees the other's pending row.
 */
export class ClientLimits {
  private readonly config: Config;
  private readonly db: Database;
  private readonly fx: FxService;
  private readonly clients: ApiClients;
  private readonly logger: Logger;
  private readonly redis: Redis | null;
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private lastStoreWarning = 0;

  constructor(deps: { config: Config; db: Database; fx: FxService; clients: ApiClients; logger: Logger }) {
    this.config = deps.config;
    this.db = deps.db;
    this.fx = deps.fx;
    this.clients = deps.clients;
    this.logger = deps.logger;
    // Its own connection, failing fast while Redis is away (no offline queue): a decision is never left waiting.
    this.redis = deps.config.REDIS_URL
      ? new Redis(deps.config.REDIS_URL, {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          commandTimeout: 1000,
          connectTimeout: 2000,
          retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 6), 5000),
        })
      : null;
    this.redis?.on('error', (error: Error) => this.warnStore(error));
  }

  /** Where rate counts live, for the start-up line. */
  get store(): 'redis' | 'memory' {
    return this.redis ? 'redis' : 'memory';
  }

  async close(): Promise<void> {
    if (!this.redis) return;
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }

  /** Takes `points` from the client's request budget. */
  async consume(clientId: string, points: number): Promise<RateDecision> {
    const limit = await this.rateLimitOf(clientId);
    if (!limit) return { kind: 'allowed' };
    try {
      await this.limiterFor(limit).consume(clientId, Math.max(1, points));
      return { kind: 'allowed' };
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) {
        // More points than the whole window holds can never pass: say when the window ends anyway.
        return { kind: 'limited', retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)), limit };
      }
      this.warnStore(outcome);
      return { kind: 'unavailable' };
    }
  }

  /** The one check of the spending pipeline, before its provider call: throws SpendLimitExceededError. */
  async beforeProviderCall(order: Order): Promise<void> {
    const limit = await this.spendLimitOf(order.ownerId);
    if (!limit) return;
    const now = new Date();
    const { start, end } = periodOf(limit.period, now);
    const spent = await this.spentSince(order.ownerId, start, limit.currency, order.id);
    const requested = order.priceAmount !== null && order.priceAmount !== undefined && isCurrency(order.currency)
      ? this.fx.convertExact(Money.of(order.priceAmount, order.currency), limit.currency)
      : new Money(new Dec(0), limit.currency);
    const cap = new Dec(limit.amount);
    if (spent.amount.plus(requested.amount).greaterThan(cap)) {
      throw new SpendLimitExceededError({ limit: new Money(cap, limit.currency), spent: round(spent), requested: round(requested), period: limit.period, resetsAt: end });
    }
  }

  /** What the client spent in the current period, in `currency` (the limit itself stays in its own currency). */
  async spending(clientId: string, currency: Currency, period?: SpendPeriod): Promise<SpendingView> {
    const limit = await this.spendLimitOf(clientId);
    const chosen = period ?? limit?.period ?? 'day';
    const { start, end } = periodOf(chosen, new Date());
    const spent = await this.spentSince(clientId, start, currency, null);
    const applies = limit && limit.period === chosen ? limit : null;
    let remaining: Money | null = null;
    if (applies) {
      const inLimit = await this.spentSince(clientId, start, applies.currency, null);
      const left = new Dec(applies.amount).minus(inLimit.amount);
      remaining = round(new Money(left.isNegative() ? new Dec(0) : left, applies.currency));
    }
    return { currency, spent: round(spent), limit: applies ? new Money(new Dec(applies.amount), applies.currency) : null, remaining, period: chosen, periodStart: start, resetsAt: end };
  }

  private async spentSince(ownerId: string, since: Date, currency: Currency, excludeOrderId: string | null): Promise<Money> {
    const rows = (await this.db
      .em()
      .getConnection()
      .execute(
        `select "currency", coalesce(sum(coalesce("price_amount", "max_price_amount", 0)), 0)::text as "total"
           from "orders"
          where "owner_id" = ? and "created_at" >= ? and "status" <> 'FAILED' and "id"::text <> ?
          group by "currency"`,
        [ownerId, since, excludeOrderId ?? ''],
      )) as { currency: string; total: string }[];
    let total = new Dec(0);
    for (const row of rows) {
      if (!isCurrency(row.currency)) continue;
      // An exact conversion with the disclosed rates; no fresh rate refuses the purchase (FxRateUnavailable).
      total = total.plus(this.fx.convertExact(Money.of(row.total, row.currency), currency).amount);
    }
    return new Money(total, currency);
  }

  private async rateLimitOf(clientId: string): Promise<RateLimit | null> {
    const overrides = await this.clients.limitOverrides(clientId);
    return overrides.rate !== undefined ? overrides.rate : this.config.RATE_LIMIT;
  }

  private async spendLimitOf(clientId: string): Promise<SpendLimit | null> {
    const overrides = await this.clients.limitOverrides(clientId);
    return overrides.spend !== undefined ? overrides.spend : this.config.SPEND_LIMIT;
  }

  private limiterFor(limit: RateLimit): RateLimiterAbstract {
    const id = `${limit.points}/${limit.window}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      // Counts belong to one deployment, i.e. one database (instances sharing it share them): a Redis shared
      // by several deployments keeps them apart.
      const deployment = createHash('sha256').update(this.db.description).digest('hex').slice(0, 12);
      const options = { points: limit.points, duration: RATE_WINDOWS[limit.window], keyPrefix: `sb:rate:${deployment}:${limit.points}:${limit.window}` };
      limiter = this.redis ? new RateLimiterRedis({ ...options, storeClient: this.redis, rejectIfRedisNotReady: true }) : new RateLimiterMemory(options);
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  private warnStore(error: unknown): void {
    const now = Date.now();
    if (now - this.lastStoreWarning < 10_000) return;
    this.lastStoreWarning = now;
    this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'rate limit store (Redis) unavailable: reads pass, mutations are refused until it is back');
  }
}

/** The calendar period (UTC) holding `at`: weeks start on Monday. */
export function periodOf(period: SpendPeriod, at: Date): { start: Date; end: Date } {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  const d = at.getUTCDate();
  switch (period) {
    case 'hour': {
      const start = new Date(Date.UTC(y, m, d, at.getUTCHours()));
      return { start, end: new Date(start.getTime() + 3_600_000) };
    }
    case 'day': {
      const start = new Date(Date.UTC(y, m, d));
      return { start, end: new Date(Date.UTC(y, m, d + 1)) };
    }
    case 'week': {
      const back = (at.getUTCDay() + 6) % 7;
      return { start: new Date(Date.UTC(y, m, d - back)), end: new Date(Date.UTC(y, m, d - back + 7)) };
    }
    case 'month':
      return { start: new Date(Date.UTC(y, m, 1)), end: new Date(Date.UTC(y, m + 1, 1)) };
  }
}

function round(money: Money): Money {
  return new Money(money.amount.toDecimalPlaces(2, Dec.ROUND_UP), money.currency);
}
