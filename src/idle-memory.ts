import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Gives the memory a busy spell left behind back to the system once the gateway is quiet
 * (docs/performance.md, "Memory").
 *
 * V8's own memory reducer decides from the allocation rate it saw at the last garbage collection. A
 * gateway that goes quiet (after start-up, or after a burst of requests) collects nothing more, so that
 * rate never looks low again and the garbage, the grown young generation (16 MiB with
 * `--max-semi-space-size=8`) and the old-space pages it used stay committed for good. This does once what
 * the reducer would have done: one memory-reducing full collection, compacting old space and shrinking the
 * young generation.
 *
 * That collection stops the thread for a few hundred milliseconds, so it runs only at start-up (before the
 * first request) and after the process has been quiet for `quietMs` (event-loop utilisation under
 * `quietUtilization`) with its resident set at least `growthBytes` over what the previous one left. A
 * process under steady load never meets the condition; one that keeps what it holds (live subscribers) is
 * collected again only after it has grown by another `growthBytes`.
 */
export interface IdleMemoryOptions {
  /** How long the event loop must have been quiet. Default 1,000 ms. */
  readonly quietMs?: number;
  /** Event-loop utilisation (0..1) under which a sample counts as quiet. Default 0.02. */
  readonly quietUtilization?: number;
  /** Growth of the resident set over the last collection's result that is worth a collection. Default 16 MiB. */
  readonly growthBytes?: number;
  /** How often the loop is sampled. Default 250 ms (an unref'd timer: it never keeps the process alive). */
  readonly sampleMs?: number;
}

export interface IdleMemory {
  /** One memory-reducing collection now (start-up calls it once the app is ready). */
  release(): void;
  /** Collections made so far (by `release` or after a quiet spell). */
  readonly releases: number;
  stop(): void;
}

type GcFunction = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/** Null when the collector cannot be reached (the release is then skipped, nothing else changes). */
export function startIdleMemory(options: IdleMemoryOptions = {}): IdleMemory | null {
  const gc = collector();
  if (!gc) return null;
  const quietMs = options.quietMs ?? 1_000;
  const quietUtilization = options.quietUtilization ?? 0.02;
  const growthBytes = options.growthBytes ?? 16 * 1024 * 1024;
  const sampleMs = options.sampleMs ?? 250;

  let floor = 0;
  let releases = 0;
  let quietSince: number | null = null;
  let last = performance.eventLoopUtilization();
  const release = () => {
    gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    floor = process.memoryUsage.rss();
    last = performance.eventLoopUtilization();
    quietSince = null;
    releases += 1;
  };
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const sample = performance.eventLoopUtilization(now, last);
    last = now;
    if (sample.utilization >= quietUtilization) {
      quietSince = null;
      return;
    }
    const at = performance.now();
    quietSince ??= at - sampleMs;
    if (at - quietSince < quietMs) return;
    if (process.memoryUsage.rss() - floor < growthBytes) return;
    release();
  }, sampleMs);
  timer.unref();
  return {
    release,
    get releases() {
      return releases;
    },
    stop: () => clearInterval(timer),
  };
}

/**
 * V8's collector as `--expose-gc` gives it, without exposing it to the rest of the process: the flag is
 * on only while one new context is made, and `gc` is taken from that context (one heap per isolate).
 */
function collector(): GcFunction | null {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return exposed as GcFunction;
  setFlagsFromString('--expose-gc');
  try {
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as GcFunction) : null;
  } catch {
    return null;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
