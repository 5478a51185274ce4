import type { Database } from '../db/database.ts';
import type { ProviderId } from '../domain/provider.ts';
import { NEUTRAL_SUCCESS_STEP, type SuccessRates } from './offer-router.ts';

/**
 * smscode's documented best_success rule, followed here over the gateway's own order book:
 * "best_success 以每个供应商在最近 30 个完整自然日内收到 OTP 的订单占比来评分,按 10% 一档划分,且只有当该供应商
 * 在此区间内至少有 20 笔订单时才计入——低于该门槛或没有历史记录的供应商视为中性"
 * (scored by the share of orders that received an OTP over the last 30 complete calendar days, in
 * 10 % steps, counted only with at least 20 orders in that window; below it, or without history, neutral).
 */
export const SCORING_DAYS = 30;
export const MIN_SCORED_ORDERS = 20;
export { NEUTRAL_SUCCESS_STEP };

const DAY_MS = 86_400_000;

/** One provider's OTP record over the window, for one service key (or all of them: `serviceKey` null). */
export interface SuccessFigure {
  readonly provider: ProviderId;
  readonly serviceKey: string | null;
  /** OTP orders the provider placed (a providerRef, status past PENDING/UNKNOWN). */
  readonly orders: number;
  /** Of those, the ones that reached a code (a stored message, or OTP_RECEIVED/COMPLETED now or in their history). */
  readonly withOtp: number;
  /** floor(withOtp / orders × 10) × 10, in integers: 0, 10, …, 100 (0 without orders). */
  readonly step: number;
  /** At least MIN_SCORED_ORDERS orders: the step counts. */
  readonly scored: boolean;
  /** What routing uses: `step` when scored, otherwise NEUTRAL_SUCCESS_STEP. */
  readonly rankingStep: number;
}

export interface OtpStatsSnapshot {
  /** [from, to): the last 30 complete UTC days before `computedAt`'s day. */
  readonly window: { readonly from: Date; readonly to: Date };
  readonly computedAt: Date;
  /** Per provider and service key (what BEST_SUCCESS routing ranks by). */
  readonly byService: readonly SuccessFigure[];
  /** Per provider over all its OTP service keys (the document's own granularity). */
  readonly byProvider: readonly SuccessFigure[];
  /** Service key → provider → ranking step, ready for `OfferRouter.route({ successRates })`. */
  readonly successRates: SuccessRates;
  /** Median of (first message receivedAt − order createdAt) in ms per provider; null without a sample. */
  readonly medianTimeToOtpMs: ReadonlyMap<ProviderId, number | null>;
}

export interface OtpStatsOptions {
  /** How long a computed snapshot is served (default 60 s). */
  readonly ttlMs?: number;
  readonly now?: () => Date;
}

interface Row {
  provider: ProviderId;
  service_key: string | null;
  rollup: number | string;
  orders: number | string;
  with_otp: number | string;
  median_ms: number | string | null;
}

// One aggregate over the window: per (provider, service key) and, as a rollup, per provider with its median.
const QUERY = `
with placed as (
  select o.provider, o.service_key,
    (o.status in ('OTP_RECEIVED', 'COMPLETED')
      or exists (select 1 from order_messages m where m.order_id = o.id)
      or exists (select 1 from order_status_changes c where c.order_id = o.id and c.to_status in ('OTP_RECEIVED', 'COMPLETED'))) as got_otp,
    (select min(m.received_at) from order_messages m where m.order_id = o.id) - o.created_at as to_first_message
  from orders o
  where o.kind = 'OTP_NUMBER'
    and o.created_at >= ?::timestamptz and o.created_at < ?::timestamptz
    and o.provider_ref is not null
    and o.status not in ('PENDING', 'UNKNOWN')
)
select provider, service_key, grouping(service_key) as rollup,
  count(*) as orders,
  count(*) filter (where got_otp) as with_otp,
  -- No message: no sample (a null, which the median skips). A provider clock behind ours counts as 0, not negative.
  extract(epoch from percentile_cont(0.5) within group (
    order by case when to_first_message is not null then greatest(interval '0', to_first_message) end)) * 1000 as median_ms
from placed
group by grouping sets ((provider, service_key), (provider))
`;

/**
 * OTP delivery statistics from the gateway's own order book, for BEST_SUCCESS routing and for
 * display: success steps per provider (and service key) and the median time to OTP per provider.
 * One SQL query per computation; a snapshot is cached for `ttlMs` (concurrent callers share one
 * load, a failed load is not kept) and recomputed at once when the UTC day, and so the window, changes.
 */
export class OtpStats {
  private readonly db: Database;
  private readonly ttlMs: number;
  private readonly now: () => Date;
  private cached: { at: number; windowEnd: number; value: Promise<OtpStatsSnapshot> } | null = null;

  constructor(db: Database, options: OtpStatsOptions = {}) {
    this.db = db;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.now = options.now ?? (() => new Date());
  }

  /** The current snapshot (cached). */
  snapshot(): Promise<OtpStatsSnapshot> {
    const now = this.now();
    const windowEnd = startOfUtcDay(now.getTime());
    const cached = this.cached;
    if (cached && cached.windowEnd === windowEnd && now.getTime() - cached.at < this.ttlMs) return cached.value;
    const entry = { at: now.getTime(), windowEnd, value: this.compute(now, windowEnd) };
    this.cached = entry;
    entry.value.catch(() => {
      if (this.cached === entry) this.cached = null;
    });
    return entry.value;
  }

  /** Service key → provider → ranking step, for `OfferRouter.route({ routing: 'BEST_SUCCESS', successRates })`. */
  async successRates(): Promise<SuccessRates> {
    return (await this.snapshot()).successRates;
  }

  /** A provider's median time to OTP in ms over the window; null without a sample. */
  async medianTimeToOtpMs(provider: ProviderId): Promise<number | null> {
    return (await this.snapshot()).medianTimeToOtpMs.get(provider) ?? null;
  }

  /** Drops the cached snapshot (the next call queries). */
  invalidate(): void {
    this.cached = null;
  }

  private async compute(now: Date, windowEnd: number): Promise<OtpStatsSnapshot> {
    const from = new Date(windowEnd - SCORING_DAYS * DAY_MS);
    const to = new Date(windowEnd);
    const rows = await this.db.em().getConnection().execute<Row[]>(QUERY, [from.toISOString(), to.toISOString()], 'all');
    const byService: SuccessFigure[] = [];
    const byProvider: SuccessFigure[] = [];
    const rates = new Map<string, Map<ProviderId, number>>();
    const medians = new Map<ProviderId, number | null>();
    for (const row of rows) {
      const rollup = Number(row.rollup) === 1;
      const figure = successFigure(row.provider, rollup ? null : row.service_key, Number(row.orders), Number(row.with_otp));
      if (rollup) {
        byProvider.push(figure);
        medians.set(row.provider, row.median_ms === null ? null : Math.round(Number(row.median_ms)));
      } else {
        byService.push(figure);
        let perProvider = rates.get(figure.serviceKey!);
        if (!perProvider) rates.set(figure.serviceKey!, (perProvider = new Map()));
        perProvider.set(figure.provider, figure.rankingStep);
      }
    }
    const order = (a: SuccessFigure, b: SuccessFigure) => a.provider.localeCompare(b.provider) || (a.serviceKey ?? '').localeCompare(b.serviceKey ?? '');
    return { window: { from, to }, computedAt: now, byService: byService.sort(order), byProvider: byProvider.sort(order), successRates: rates, medianTimeToOtpMs: medians };
  }
}

/** The document's steps in integers: floor(withOtp × 10 / orders) × 10, neutral under MIN_SCORED_ORDERS. */
export function successFigure(provider: ProviderId, serviceKey: string | null, orders: number, withOtp: number): SuccessFigure {
  if (!Number.isSafeInteger(orders) || !Number.isSafeInteger(withOtp) || orders < 0 || withOtp < 0 || withOtp > orders) {
    throw new RangeError(`bad OTP counts: ${withOtp}/${orders}`);
  }
  const step = orders === 0 ? 0 : Number(((BigInt(withOtp) * 10n) / BigInt(orders)) * 10n);
  const scored = orders >= MIN_SCORED_ORDERS;
  return { provider, serviceKey, orders, withOtp, step, scored, rankingStep: scored ? step : NEUTRAL_SUCCESS_STEP };
}

function startOfUtcDay(ms: number): number {
  return ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
}
