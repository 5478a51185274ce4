import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_CLIENT_TOKEN, TEST_CLIENT_TOKENS } from '../../support/clients.ts';
import { PROVIDERS } from '../../../src/providers/registry.ts';

/** Repository root (…/test/e2e/support → …). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The pinned Node 24 from the `node` dev dependency; the system node may be older. */
const NODE_BIN = existsSync(join(REPO_ROOT, 'node_modules/.bin/node')) ? join(REPO_ROOT, 'node_modules/.bin/node') : process.execPath;

const READY_LINE = /ready: (http:\/\/\S+)\/graphql/;

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface RunningGateway {
  readonly child: ChildProcess;
  /** e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** origin + /graphql */
  readonly graphqlUrl: string;
  readonly dataDir: string;
  /** Everything written so far on stdout / stderr. */
  stdout(): string;
  stderr(): string;
  /** Resolves once the process has exited (immediately if it already has). */
  readonly exited: Promise<ExitStatus>;
}

export interface SpawnOptions {
  /** Extra or overriding variables; a value of `undefined` removes the variable. */
  readonly env?: Record<string, string | undefined>;
  /** PGlite folder; a fresh temp folder (removed by `cleanupGateways`) when omitted. */
  readonly dataDir?: string;
  /** Keep DATABASE_URL from the test environment (default true). Set false to force PGlite in `dataDir`. */
  readonly passDatabaseUrl?: boolean;
}

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

/** A fresh temp folder, removed by `cleanupGateways`. */
export async function makeTempDir(prefix = 'switchboard-e2e-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

function baseEnv(options: SpawnOptions, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // Only what the process needs: PATH/HOME etc., never provider credentials from the caller's shell.
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'SWITCHBOARD_CACHE_DIR']) if (process.env[key] !== undefined) env[key] = process.env[key];
  if ((options.passDatabaseUrl ?? true) && process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL;
  Object.assign(env, {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SANDBOX_OTP_DELAY_MS: '60000-60000',
    NO_COLOR: '1',
    RATE_LIMIT: 'off',
  });
  // Outside sandbox a gateway needs an API client: the test bootstrap pair (test/support/clients.ts).
  const live = options.env?.SANDBOX !== 'true' && PROVIDERS.some((p) => {
    try {
      return p.settings({ ...env, ...options.env }) !== null;
    } catch {
      return false;
    }
  });
  if (live) env.CLIENT_TOKENS = TEST_CLIENT_TOKENS;
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Starts `node src/main.ts` without waiting for it to be ready (for start-up failures). */
export async function spawnRaw(options: SpawnOptions = {}): Promise<Omit<RunningGateway, 'origin' | 'graphqlUrl'> & { ready: Promise<string> }> {
  const dataDir = options.dataDir ?? (await makeTempDir());
  const child = spawn(NODE_BIN, ['src/main.ts'], { cwd: REPO_ROOT, env: baseEnv(options, dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<ExitStatus>((resolveExit) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolveExit({ code, signal });
    });
  });
  const ready = new Promise<string>((resolveReady, rejectReady) => {
    const onData = () => {
      const match = READY_LINE.exec(out);
      if (match) {
        child.stdout!.off('data', onData);
        resolveReady(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    void exited.then(({ code, signal }) =>
      rejectReady(new Error(`gateway exited before it was ready (code ${code}, signal ${signal})\nstdout:\n${out}\nstderr:\n${err}`)),
    );
  });
  ready.catch(() => {}); // callers that don't await `ready` must not see an unhandled rejection
  return { child, dataDir, exited, ready, stdout: () => out, stderr: () => err };
}

/** Starts the gateway (sandbox mode, PORT=0 on 127.0.0.1) and waits for its "ready" line. */
export async function startGateway(options: SpawnOptions = {}, readyTimeoutMs = 30_000): Promise<RunningGateway> {
  const raw = await spawnRaw(options);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gateway not ready within ${readyTimeoutMs} ms\nstdout:\n${raw.stdout()}\nstderr:\n${raw.stderr()}`)), readyTimeoutMs);
  });
  try {
    const origin = await Promise.race([raw.ready, timeout]);
    return { ...raw, origin, graphqlUrl: `${origin}/graphql` };
  } catch (error) {
    raw.child.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Sends `signal` and waits for the exit (SIGKILL after `killAfterMs` so a hung process can't outlive the test). */
export async function stopGateway(gateway: Pick<RunningGateway, 'child' | 'exited'>, signal: NodeJS.Signals = 'SIGTERM', killAfterMs = 15_000): Promise<ExitStatus> {
  if (gateway.child.exitCode !== null || gateway.child.signalCode !== null) return gateway.exited;
  gateway.child.kill(signal);
  const timer = setTimeout(() => gateway.child.kill('SIGKILL'), killAfterMs);
  try {
    return await gateway.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** For afterEach/afterAll: SIGKILLs every gateway still running and removes every temp folder. */
export async function cleanupGateways(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGKILL');
        }),
    ),
  );
  children.clear();
  await Promise.all([...tempDirs].map((dir) => rm(dir, { recursive: true, force: true })));
  tempDirs.clear();
}

/** POSTs a GraphQL document and returns the parsed JSON body (with the HTTP status). */
export async function graphql<T = Record<string, unknown>>(
  gateway: Pick<RunningGateway, 'graphqlUrl'>,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ status: number; body: { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }> {
  const response = await fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: `Bearer ${TEST_CLIENT_TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as never };
}
