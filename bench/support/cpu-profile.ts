/**
 * Top frames of a V8 CPU profile (`node --cpu-prof`, a .cpuprofile JSON file): self time per function
 * (name, file:line), summed over every node of the call tree, as a share of all samples.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT } from './processes.ts';
import { table } from './report.ts';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  /** µs between consecutive samples (the first from startTime). */
  readonly timeDeltas: readonly number[];
}

export interface TopFrame {
  readonly frame: string;
  readonly selfPercent: number;
}

/**
 * The `count` functions with the most self time; idle and GC are listed like any other frame.
 * `window` keeps only the samples taken between `fromMs` and `toMs` after the profile started
 * (e.g. one load, without start-up and shutdown).
 */
export function topFrames(path: string, count = 15, window?: { fromMs: number; toMs: number }): { frames: TopFrame[]; samples: number } {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let elapsedUs = 0;
  let kept = 0;
  for (const [i, id] of profile.samples.entries()) {
    elapsedUs += profile.timeDeltas[i] ?? 0;
    if (window && (elapsedUs < window.fromMs * 1000 || elapsedUs > window.toMs * 1000)) continue;
    kept++;
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.startsWith('file://') ? relative(ROOT, new URL(url).pathname) : url;
    const frame = `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
    self.set(frame, (self.get(frame) ?? 0) + 1);
  }
  const total = kept || 1;
  const frames = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([frame, n]) => ({ frame, selfPercent: (n * 100) / total }));
  return { frames, samples: kept };
}

export function topFramesMarkdown(frames: readonly TopFrame[]): string {
  return table(['frame (self time)', 'share'], frames.map((f) => [`\`${f.frame.replace(/`/g, "'")}\``, `${f.selfPercent.toFixed(1)} %`]));
}
