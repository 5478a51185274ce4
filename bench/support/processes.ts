/**
 * Child processes for the bench: every server under test and every load generator runs in its own
 * process, started with this Node (node_modules/.bin/node, Node 24) and stopped by its own pid only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/support/ → ../..). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerProcess {
  readonly pid: number;
  /** The base URL the process announced (e.g. http://127.0.0.1:4123). */
  readonly url: string;
  readonly child: ChildProcess;
  /** The last lines the process wrote, for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  /** Script to run (absolute, or relative to the repository root). */
  readonly script: string;
  readonly args?: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** A line on stdout matching this says the server is ready; its first group is the base URL. */
  readonly ready: RegExp;
  readonly timeoutMs?: number;
  /** Node flags (e.g. --cpu-prof). */
  readonly nodeArgs?: readonly string[];
}

/** Starts `node <script>` and waits for its ready line; a process that exits first rejects with its output. */
export function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script, ...(options.args ?? [])], {
    cwd: ROOT,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const remember = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) tail.push(line);
    if (tail.length > 40) tail.splice(0, tail.length - 40);
  };
  child.stderr!.on('data', remember);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server = (url: string): ServerProcess => ({
    pid: child.pid!,
    url,
    child,
    output: () => tail.join('\n'),
    stop: async (graceMs = 12_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.script} not ready within ${options.timeoutMs ?? 60_000} ms:\n${tail.join('\n')}`));
    }, options.timeoutMs ?? 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      remember(chunk);
      // Once ready, stdout is only kept as the tail.
      if (ready) return;
      buffered = (buffered + chunk.toString('utf8')).slice(-100_000);
      const match = options.ready.exec(buffered);
      if (!match) return;
      ready = true;
      clearTimeout(timer);
      resolve(server(match[1] ?? ''));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`${options.script} exited (${signal ?? code}) before it was ready:\n${tail.join('\n')}`));
    });
  });
}

/** Runs `node <script> …args` to completion and returns its stdout; a non-zero exit rejects with stderr. */
export function runNode(script: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env, onLine?: (line: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let partial = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      out += text;
      if (onLine) {
        const lines = (partial + text).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) onLine(line);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString('utf8')).slice(-20_000)));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (onLine && partial) onLine(partial);
      if (code === 0) resolve(out);
      else reject(new Error(`${script} exited (${signal ?? code}):\n${err.trim()}`));
    });
  });
}

export { freePort } from '../../test/support/ports.ts';

/** The environment of a server under test: this one without anything that would change what it measures. */
export function cleanEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Provider credentials would take the gateway out of sandbox mode; npm_* and NODE_OPTIONS change nothing we want.
    if (/^(SMSCODE|OTP24HR|XD247|EASYSOFT|P2W)_/.test(key) || key.startsWith('npm_') || key === 'NODE_OPTIONS') continue;
    if (['DATABASE_URL', 'REDIS_URL', 'PUBLIC_URL', 'CLIENT_TOKENS', 'RATE_LIMIT', 'SPEND_LIMIT', 'PORT', 'HOST', 'DATA_DIR'].includes(key)) continue;
    env[key] = value;
  }
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) env[key] = value;
  return env;
}
