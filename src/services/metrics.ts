import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { Database } from '../db/database.ts';
import { OPEN_STATUSES } from '../domain/order-status.ts';
import type { Logger } from '../logging/logger.ts';
import { HotCounter, HotHistogram, type CounterSeries, type HistogramSeries } from './hot-metrics.ts';
import { transportCallCounts, transportsAlive } from '../providers/shared/transport.ts';
import type { ProviderRegistry } from './provider-registry.ts';

/** How a GraphQL operation was run: as a request/response, or as a stream. */
export type OperationType = 'query' | 'mutation' | 'subscription';

/** Which transport carries a subscription. */
export type SubscriptionTransport = 'ws' | 'sse';

// Client-chosen label values (operation names, error codes) are capped so no client can grow the
// scrape without bound; past the cap they count under OTHER.
const MAX_OPERATION_NAMES = 200;
const MAX_OUTCOMES = 50;
const OTHER = '__other';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const OTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

const CIRCUIT_STATES = { closed: 'closed', open: 'open', halfOpen: 'half_open', isolated: 'isolated' } as const;
const HEALTH_STATES = ['UP', 'DEGRADED', 'DOWN'] as const;

interface OperationSeries {
  /** The operation label it counts under (the name, or OTHER past the cap). */
  readonly label: string;
  readonly seconds: HistogramSeries;
  readonly outcomes: Map<string, CounterSeries>;
}

/**
 * The gateway's Prometheus metrics (docs/metrics.md), in a registry of its own. What changes per
 * request (operations, OTP deliveries, open subscriptions) is counted as it happens through label
 * sets bound once; everything else (provider calls, budgets, circuits, health, active orders) is read
 * at scrape time from what the transports, the adapters and one grouped count already know.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #operations: HotCounter;
  readonly #operationSeconds: HotHistogram;
  readonly #otpSeconds: HotHistogram;
  readonly #subscriptions: Gauge<'transport'>;
  readonly #series = new Map<OperationType, Map<string, OperationSeries>>();
  readonly #otpByProvider = new Map<string, HistogramSeries>();
  readonly #openByTransport: Record<SubscriptionTransport, { inc(): void; dec(): void }>;
  #outcomeCount = 0;
  readonly #knownOutcomes = new Set<string>(['ok']);

  constructor(deps: { db: Database; providers: ProviderRegistry; logger: Logger }) {
    const { db, providers, logger } = deps;
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });

    // Per request: plain records (hot-metrics.ts), read by the registry at scrape time.
    this.#operations = new HotCounter(
      'switchboard_graphql_operations_total',
      'GraphQL operations executed (HTTP, SSE and WebSocket), by operation name, type and outcome (ok, or the first error code).',
    );
    this.#operationSeconds = new HotHistogram(
      'switchboard_graphql_operation_duration_seconds',
      'Time from the start of execution to the result (for a subscription: until its stream is set up), by operation name and type.',
      LATENCY_BUCKETS,
    );
    this.#otpSeconds = new HotHistogram(
      'switchboard_otp_delivery_seconds',
      'OTP latency: from the moment the gateway got the message from the provider (webhook arrival or poll answer) to a subscriber being handed it, database commit included.',
      OTP_BUCKETS,
    );
    for (const metric of [this.#operations, this.#operationSeconds, this.#otpSeconds]) this.registry.registerMetric(metric as never);
    this.#subscriptions = new Gauge({
      name: 'switchboard_subscriptions_open',
      help: 'Subscriptions streaming now, by transport (ws: graphql-ws, sse: server-sent events).',
      labelNames: ['transport'],
      registers,
    });
    this.#openByTransport = { ws: this.#subscriptions.labels('ws'), sse: this.#subscriptions.labels('sse') };

    new Counter({
      name: 'switchboard_provider_calls_total',
      help: 'Upstream HTTP calls (every retry included), by provider, request-budget group, endpoint and outcome (ok, rejected, rate_limited, failed, refused).',
      labelNames: ['provider', 'group', 'endpoint', 'outcome'],
      registers,
      collect() {
        this.reset();
        for (const c of transportCallCounts()) this.inc({ provider: c.provider, group: c.group, endpoint: c.endpoint, outcome: c.outcome }, c.count);
      },
    });
    new Gauge({
      name: 'switchboard_provider_budget_remaining',
      help: 'Requests the client-side budget of a provider endpoint group could send right now (0 while paused after a rate limit).',
      labelNames: ['provider', 'group'],
      registers,
      collect() {
        this.reset();
        for (const transport of configuredTransports(providers)) {
          for (const group of transport.budget.groups()) this.set({ provider: transport.provider, group }, transport.budget.remaining(group));
        }
      },
    });
    new Gauge({
      name: 'switchboard_provider_circuit_state',
      help: "The provider transport's circuit breaker: 1 for its current state (closed, open, half_open, isolated), 0 for the others.",
      labelNames: ['provider', 'state'],
      registers,
      collect() {
        this.reset();
        for (const transport of configuredTransports(providers)) {
          const current = CIRCUIT_STATES[transport.circuit];
          for (const state of Object.values(CIRCUIT_STATES)) this.set({ provider: transport.provider, state }, state === current ? 1 : 0);
        }
      },
    });
    new Gauge({
      name: 'switchboard_provider_health',
      help: 'Provider health from the outcomes of real calls (no probes): 1 for its current status (UP, DEGRADED, DOWN), 0 for the others.',
      labelNames: ['provider', 'status'],
      registers,
      collect() {
        this.reset();
        for (const adapter of providers.all()) {
          const current = adapter.health().status;
          for (const status of HEALTH_STATES) this.set({ provider: adapter.id, status }, status === current ? 1 : 0);
        }
      },
    });
    new Gauge({
      name: 'switchboard_orders_active',
      help: 'Orders the provider may still change (PENDING, UNKNOWN, ACTIVE, OTP_RECEIVED), by kind and provider: one grouped count per scrape.',
      labelNames: ['kind', 'provider'],
      registers,
      async collect() {
        this.reset();
        for (const adapter of providers.all()) for (const kind of adapter.kinds) this.set({ kind, provider: adapter.id }, 0);
        try {
          const rows = await db.em().getConnection().execute<{ kind: string; provider: string; n: string | number }[]>(
            `select kind, provider, count(*) as n from orders where status in (${OPEN_STATUSES.map(() => '?').join(', ')}) group by kind, provider`,
            [...OPEN_STATUSES],
          );
          for (const row of rows) this.set({ kind: row.kind, provider: row.provider }, Number(row.n));
        } catch (error) {
          // The rest of the scrape still answers; a missing series says the count failed.
          this.reset();
          logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'metrics: active orders could not be counted');
        }
      },
    });
  }

  /** One GraphQL operation ended: `outcome` is `ok` or the first error's code. */
  operationEnded(type: OperationType, name: string, outcome: string, seconds: number): void {
    const series = this.#seriesOf(type, name);
    series.seconds.observe(seconds);
    let counter = series.outcomes.get(outcome);
    if (!counter) {
      // Codes past the cap share the OTHER series and are not remembered one by one.
      const label = this.#outcomeLabel(outcome);
      counter = series.outcomes.get(label) ?? this.#operations.series({ operation: series.label, type, outcome: label });
      series.outcomes.set(label, counter);
    }
    counter.inc();
  }

  /** A subscription started streaming; call the answer once when it ends. */
  subscriptionOpened(transport: SubscriptionTransport): () => void {
    const gauge = this.#openByTransport[transport];
    gauge.inc();
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      gauge.dec();
    };
  }

  /** A subscriber is being handed an otpReceived event; a message replayed from the database has no detectedAt and is not a delivery. */
  otpDelivered(provider: string, detectedAt: number | undefined): void {
    if (detectedAt === undefined) return;
    let histogram = this.#otpByProvider.get(provider);
    if (!histogram) {
      histogram = this.#otpSeconds.series({ provider });
      this.#otpByProvider.set(provider, histogram);
    }
    histogram.observe(Math.max(0, Date.now() - detectedAt) / 1000);
  }

  /** The scrape, in Prometheus text format. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  #seriesOf(type: OperationType, name: string): OperationSeries {
    let byName = this.#series.get(type);
    if (!byName) {
      byName = new Map();
      this.#series.set(type, byName);
    }
    const known = byName.get(name);
    if (known) return known;
    // Names past the cap share one series and are not remembered one by one.
    const label = byName.size >= MAX_OPERATION_NAMES ? OTHER : name;
    let series = byName.get(label);
    if (!series) {
      series = { label, seconds: this.#operationSeconds.series({ operation: label, type }), outcomes: new Map() };
      byName.set(label, series);
    }
    return series;
  }

  #outcomeLabel(outcome: string): string {
    if (this.#knownOutcomes.has(outcome)) return outcome;
    if (this.#outcomeCount >= MAX_OUTCOMES) return OTHER;
    this.#outcomeCount += 1;
    this.#knownOutcomes.add(outcome);
    return outcome;
  }
}

// Only this gateway's providers (a test process may hold transports of gateways it has stopped).
function configuredTransports(providers: ProviderRegistry) {
  const ids = new Set<string>(providers.all().map((a) => a.id));
  return transportsAlive().filter((t) => ids.has(t.provider));
}
