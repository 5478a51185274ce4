/**
 * Command-line flags of `npm run bench` (docs/performance.md): which sections run and how hard the
 * HTTP loads push. Every section receives the same parsed object.
 */
export const SECTIONS = ['http', 'fanout', 'memory', 'otp'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  /** Sections to run, in report order. */
  readonly only: readonly Section[];
  /** Measured rounds per load (the report gives the median). */
  readonly rounds: number;
  /** Seconds per measured round. */
  readonly durationSeconds: number;
  /** Concurrent keep-alive connections of the load generator. */
  readonly connections: number;
  /** Seconds of unmeasured load before the rounds (JIT, caches, V8 warm-up). */
  readonly warmupSeconds: number;
  /** Also profile the gateway (node --cpu-prof) under one catalog round and report its top frames. */
  readonly profile: boolean;
}

export const DEFAULT_OPTIONS: BenchOptions = { only: SECTIONS, rounds: 3, durationSeconds: 8, connections: 50, warmupSeconds: 3, profile: false };

const USAGE = `usage: npm run bench -- [--only ${SECTIONS.join(',')}] [--rounds N] [--duration S] [--connections C] [--warmup S] [--profile]`;

const SWITCHES = new Set(['profile']);

/** Parses `--flag value`, `--flag=value` and the switch `--profile`; an unknown flag or a bad value throws with the usage line. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${JSON.stringify(arg)}\n${USAGE}`);
    if (SWITCHES.has(arg.slice(2))) {
      switches.add(arg.slice(2));
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new Error(`--${name} needs a value\n${USAGE}`);
    values.set(name, value);
  }
  const whole = (name: string, fallback: number, min: number): number => {
    const text = values.get(name);
    values.delete(name);
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text) || Number(text) < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got ${JSON.stringify(text)}\n${USAGE}`);
    return Number(text);
  };
  let only: Section[] = [...DEFAULT_OPTIONS.only];
  const onlyText = values.get('only');
  values.delete('only');
  if (onlyText !== undefined) {
    const asked = onlyText.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = asked.filter((s) => !(SECTIONS as readonly string[]).includes(s));
    if (unknown.length || asked.length === 0) throw new Error(`--only takes ${SECTIONS.join(', ')}; got ${JSON.stringify(onlyText)}\n${USAGE}`);
    only = SECTIONS.filter((s) => asked.includes(s));
  }
  const options: BenchOptions = {
    only,
    rounds: whole('rounds', DEFAULT_OPTIONS.rounds, 1),
    durationSeconds: whole('duration', DEFAULT_OPTIONS.durationSeconds, 1),
    connections: whole('connections', DEFAULT_OPTIONS.connections, 1),
    warmupSeconds: whole('warmup', DEFAULT_OPTIONS.warmupSeconds, 0),
    profile: switches.has('profile'),
  };
  if (values.size) throw new Error(`unknown flag --${[...values.keys()][0]}\n${USAGE}`);
  return options;
}
