/**
 * The load generator process (started by bench/support/load.ts, never inside a server under test):
 * autocannon against one URL for a fixed duration, printing one JSON line with the figures and the
 * server's CPU time spent during the load (/proc/<pid>/stat, read when the load starts and ends).
 *
 * Usage: node bench/support/load-runner.ts '<LoadSpec JSON>'
 */
import { createRequire } from 'node:module';
import { cpuMs } from './proc-stats.ts';
import type { LoadSpec, LoadFigures } from './load.ts';

interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { average: number; p50: number; p97_5: number; p99: number; max: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}

interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  onResponse: (status: number, body: string) => void;
}

/** The part of autocannon's API used here (the package ships no types). */
type Autocannon = (options: Record<string, unknown>, done: (error: Error | null, result: AutocannonResult) => void) => { on(event: 'start', listener: () => void): void };

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const spec = JSON.parse(process.argv[2] ?? '') as LoadSpec;
const url = new URL(spec.url);

let responses = 0;
let sampled = 0;
let badSamples = 0;
let firstBad: string | null = null;
const expected = new Set(spec.expectStatus ?? [200]);

/** Every `sampleEvery`-th answer is checked: an expected status, and for 200 a body without GraphQL errors. */
function check(status: number, body: string): void {
  if (responses++ % (spec.sampleEvery ?? 50) !== 0) return;
  sampled++;
  const ok = expected.has(status) && (status !== 200 || (body.length > 0 && !body.includes('"errors"')));
  if (!ok) {
    badSamples++;
    firstBad ??= `${status} ${body.slice(0, 300)}`;
  }
}

const request: AutocannonRequest = {
  method: spec.method,
  path: url.pathname + url.search,
  headers: { host: url.host, ...spec.headers },
  onResponse: check,
};
if (spec.body !== undefined) request.body = spec.body;

let cpuStart = 0;
const instance = autocannon(
  {
    url: url.origin,
    connections: spec.connections,
    duration: spec.durationSeconds,
    requests: [request],
  },
  (error, result) => {
    const cpuEnd = spec.pid ? cpuMs(spec.pid) : 0;
    if (error) {
      process.stderr.write(`${error.stack ?? error.message}\n`);
      process.exit(1);
    }
    const figures: LoadFigures = {
      requests: result.requests.total,
      durationSeconds: result.duration,
      reqPerSec: result.requests.total / result.duration,
      latency: { mean: result.latency.average, p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      serverCpuMs: spec.pid ? cpuEnd - cpuStart : null,
      sampled,
      badSamples,
      firstBad,
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    process.exit(0);
  },
);
instance.on('start', () => {
  if (spec.pid) cpuStart = cpuMs(spec.pid);
});
