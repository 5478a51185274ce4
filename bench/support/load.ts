/**
 * One HTTP load = one autocannon run in its own process (bench/support/load-runner.ts), so the load
 * generator never shares an event loop with the server under test. `measure` runs a warm-up and
 * N rounds and reports medians.
 */
import { fileURLToPath } from 'node:url';
import { runNode } from './processes.ts';
import { median } from './stats.ts';

const RUNNER = fileURLToPath(new URL('./load-runner.ts', import.meta.url));

/** What to send: one request repeated on `connections` keep-alive connections for `durationSeconds`. */
export interface LoadSpec {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** The server's pid: its CPU time during the load is reported. */
  readonly pid?: number;
  /** Statuses that count as correct (default [200]); anything else fails the measurement. */
  readonly expectStatus?: readonly number[];
  /** Check one answer in this many (default 50). */
  readonly sampleEvery?: number;
}

/** The figures of one round. Latencies in ms. */
export interface LoadFigures {
  readonly requests: number;
  readonly durationSeconds: number;
  readonly reqPerSec: number;
  readonly latency: { readonly mean: number; readonly p50: number; readonly p97_5: number; readonly p99: number; readonly max: number };
  /** Answers by HTTP status. */
  readonly statusCodes: Record<string, number>;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  /** Server CPU (user + system) during the round, ms; null without a pid. */
  readonly serverCpuMs: number | null;
  /** Answers checked (status and body) and how many were wrong, with the first wrong one. */
  readonly sampled: number;
  readonly badSamples: number;
  readonly firstBad: string | null;
}

/** Medians over the rounds, and whether every answer was what was expected. */
export interface Measurement {
  readonly label: string;
  readonly rounds: readonly LoadFigures[];
  readonly reqPerSec: number;
  readonly p99Ms: number;
  readonly p50Ms: number;
  /** Server CPU time per request, µs (median of the rounds); null without a pid. */
  readonly cpuPerRequestUs: number | null;
  /** Null when every round answered only expected statuses, without errors or bad samples; otherwise why not. */
  readonly failure: string | null;
}

/** One round. */
export async function runLoad(spec: LoadSpec): Promise<LoadFigures> {
  const out = await runNode(RUNNER, [JSON.stringify(spec)]);
  const line = out.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as LoadFigures;
}

/** A warm-up of `warmupSeconds` (not reported), then `rounds` rounds of `spec.durationSeconds`. */
export async function measure(label: string, spec: LoadSpec, rounds: number, warmupSeconds: number, log: (line: string) => void = () => {}): Promise<Measurement> {
  if (warmupSeconds > 0) await runLoad({ ...spec, durationSeconds: warmupSeconds });
  const results: LoadFigures[] = [];
  for (let i = 0; i < rounds; i++) {
    const r = await runLoad(spec);
    results.push(r);
    log(`  ${label} round ${i + 1}/${rounds}: ${r.reqPerSec.toFixed(0)} req/s, p99 ${r.latency.p99} ms${r.serverCpuMs !== null && r.requests ? `, ${((r.serverCpuMs * 1000) / r.requests).toFixed(0)} µs CPU/request` : ''}`);
  }
  const expected = new Set((spec.expectStatus ?? [200]).map(String));
  const problems: string[] = [];
  for (const [i, r] of results.entries()) {
    const unexpected = Object.entries(r.statusCodes).filter(([code]) => !expected.has(code));
    if (unexpected.length) problems.push(`round ${i + 1}: unexpected statuses ${unexpected.map(([c, n]) => `${c} ×${n}`).join(', ')}`);
    if (r.errors || r.timeouts) problems.push(`round ${i + 1}: ${r.errors} connection errors, ${r.timeouts} timeouts`);
    if (r.badSamples) problems.push(`round ${i + 1}: ${r.badSamples} of ${r.sampled} sampled answers wrong, first: ${r.firstBad}`);
    if (r.requests === 0) problems.push(`round ${i + 1}: no answer at all`);
  }
  const cpu = results.every((r) => r.serverCpuMs !== null && r.requests > 0) ? median(results.map((r) => ((r.serverCpuMs ?? 0) * 1000) / r.requests)) : null;
  return {
    label,
    rounds: results,
    reqPerSec: median(results.map((r) => r.reqPerSec)),
    p99Ms: median(results.map((r) => r.latency.p99)),
    p50Ms: median(results.map((r) => r.latency.p50)),
    cpuPerRequestUs: cpu,
    failure: problems.length ? problems.join('; ') : null,
  };
}
