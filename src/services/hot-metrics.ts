/**
 * Counters and histograms for the per-request path (docs/metrics.md, "What each request costs").
 * prom-client's bound children still re-validate and re-hash their labels on every call; these keep
 * one plain record per label set, found once, so an observation is a bucket search and a few
 * additions. The registry reads them at scrape time through `get()`, the shape prom-client's own
 * metrics answer (registered with `registry.registerMetric`).
 */
type Labels = Readonly<Record<string, string>>;

interface MetricValue {
  readonly value: number;
  readonly labels: Readonly<Record<string, string | number>>;
  readonly sharedLabels?: Labels;
  readonly metricName?: string;
}

export interface MetricSnapshot {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'histogram';
  readonly aggregator: 'sum';
  readonly values: MetricValue[];
}

/** One label set of a HotCounter. */
export interface CounterSeries {
  inc(): void;
}

export class HotCounter {
  readonly name: string;
  readonly help: string;
  readonly #series: { labels: Labels; value: number }[] = [];

  constructor(name: string, help: string) {
    this.name = name;
    this.help = help;
  }

  /** The series of `labels`; keep it: each call makes a new one. */
  series(labels: Labels): CounterSeries {
    const record = { labels, value: 0 };
    this.#series.push(record);
    return { inc: () => void (record.value += 1) };
  }

  get(): MetricSnapshot {
    return { name: this.name, help: this.help, type: 'counter', aggregator: 'sum', values: this.#series.map((s) => ({ labels: s.labels, value: s.value })) };
  }
}

/** One label set of a HotHistogram. */
export interface HistogramSeries {
  observe(value: number): void;
}

export class HotHistogram {
  readonly name: string;
  readonly help: string;
  readonly #bounds: readonly number[];
  readonly #series: { labels: Labels; buckets: number[]; sum: number; count: number }[] = [];

  constructor(name: string, help: string, bounds: readonly number[]) {
    this.name = name;
    this.help = help;
    this.#bounds = [...bounds].sort((a, b) => a - b);
  }

  /** The series of `labels`; keep it: each call makes a new one. */
  series(labels: Labels): HistogramSeries {
    const bounds = this.#bounds;
    const record = { labels, buckets: new Array<number>(bounds.length).fill(0), sum: 0, count: 0 };
    this.#series.push(record);
    return {
      observe: (value) => {
        record.sum += value;
        record.count += 1;
        for (let i = 0; i < bounds.length; i++) {
          if (value <= bounds[i]!) {
            record.buckets[i]! += 1;
            return;
          }
        }
      },
    };
  }

  get(): MetricSnapshot {
    const values: MetricValue[] = [];
    for (const s of this.#series) {
      let cumulative = 0;
      this.#bounds.forEach((le, i) => {
        cumulative += s.buckets[i]!;
        values.push({ metricName: `${this.name}_bucket`, labels: { le }, sharedLabels: s.labels, value: cumulative });
      });
      values.push({ metricName: `${this.name}_bucket`, labels: { le: '+Inf' }, sharedLabels: s.labels, value: s.count });
      values.push({ metricName: `${this.name}_sum`, labels: s.labels, value: s.sum });
      values.push({ metricName: `${this.name}_count`, labels: s.labels, value: s.count });
    }
    return { name: this.name, help: this.help, type: 'histogram', aggregator: 'sum', values };
  }
}
