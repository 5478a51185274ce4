/**
 * Memory of the gateway as operators run it, and GraphiQL over the wire (issue 12, item 5; docs/performance.md).
 *
 *   node_modules/.bin/node bench/memory.ts            # prints every figure
 *   import { runMemory } from './memory.ts'           # bench/index.ts calls it (`npm run bench`)
 *
 * Each gateway is its own child process (`node src/main.ts` with the "start" script's Node flags, NODE_ENV=production,
 * sandbox mode with all five simulators, PORT=0), so its RSS is its own: VmRSS from /proc/<pid>/status once /readyz
 * answers 200 (after a short settle). PGlite twice: the first start on a new data folder (initdb happens then), and
 * a second start on that same folder (what an operator sees on every later start); the second one then takes
 * `catalog(first: 50, currency: USD)` load from autocannon (its own child process, 50 connections) and is read again
 * after a settle. Not part of `npm test`: timings and sizes belong here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { throwawayPostgres } from '../test/support/database.ts';
import { startFlags } from './support/start-flags.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_BIN = join(REPO_ROOT, 'node_modules/.bin/node');
const AUTOCANNON_BIN = join(REPO_ROOT, 'node_modules/.bin/autocannon');
const READY_LINE = /ready: (http:\/\/\S+)\/graphql/;
const BENCH_TOKEN = 'bench-memory-client-key-0123456789';

/** The catalog page a shop renders: every service's offers, prices in USD with the rate disclosed. */
export const CATALOG_QUERY =
  'query BenchCatalog { catalog(first: 50, currency: USD) { edges { node { key kind name details { ... on OtpServiceDetails { platform country } } offers { provider providerRef available inStock nativePrice { amount currency } price { amount currency fx { pair rate source asOf } } } } } pageInfo { hasNextPage endCursor } } }';

/**
 * Options of `runMemory` (every field optional):
 * - `postgresUrl`: a PostgreSQL server URL; the gateway gets a throwaway database in it for the PostgreSQL figure.
 *   Default: `process.env.DATABASE_URL`, else `postgres://postgres@127.0.0.1:5432/test`. `null` skips PostgreSQL.
 * - `loadSeconds`: length of the catalog load (default 60).
 * - `connections`: autocannon connections (default 50).
 * - `settleMs`: wait after ready and after the load before RSS is read (default 3000).
 * - `log`: progress lines (default: nothing).
 */
export interface MemoryOptions {
  readonly postgresUrl?: string | null;
  readonly loadSeconds?: number;
  readonly connections?: number;
  readonly settleMs?: number;
  readonly log?: (line: string) => void;
}

/** Bytes as sent for one Accept-Encoding, and whether they decode to the identity page. */
export interface GraphiQLTransfer {
  readonly encoding: 'br' | 'gzip' | 'identity';
  readonly bytes: number;
  readonly decodesToPage: boolean;
}

export interface MemoryResult {
  /** Idle RSS at ready, embedded PGlite (sandbox, five simulators), started on an existing data folder. */
  readonly pgliteIdleRssMiB: number;
  /** Idle RSS at ready of the first start, on a new data folder (initdb), and that process's peak (VmHWM). */
  readonly pgliteFreshIdleRssMiB: number;
  readonly pgliteFreshPeakMiB: number;
  /** Idle RSS at ready on PostgreSQL, or null when skipped. */
  readonly postgresIdleRssMiB: number | null;
  /** The PGlite gateway's resident set at ready, split as /proc reports it. */
  readonly pgliteIdleDetail: ProcMemory;
  /** RSS of the PGlite gateway after `loadSeconds` of catalog load (and a settle), and its distance to idle. */
  readonly afterLoadRssMiB: number;
  readonly afterLoadDeltaMiB: number;
  /** RSS the moment the load ends, before the settle: what the load itself holds (src/idle-memory.ts gives most of it back once the gateway is quiet). */
  readonly atLoadEndRssMiB: number;
  /** Peak RSS of that gateway (VmHWM). */
  readonly peakRssMiB: number;
  /** The load itself: requests per second and non-2xx answers (a broken load would make the memory figure meaningless). */
  readonly load: { readonly seconds: number; readonly connections: number; readonly requestsPerSecond: number; readonly non2xx: number; readonly errors: number };
  /** GraphiQL page over the wire per encoding; br is the very first request the gateway gets (a browser's). */
  readonly graphiql: readonly GraphiQLTransfer[];
  /** Brotli once the densest pass replaced the first one (later loads), and how long after the first answer; null if not within 180 s. */
  readonly graphiqlDense: { readonly bytes: number; readonly decodesToPage: boolean; readonly afterSeconds: number } | null;
  /** A second load with If-None-Match answered 304 with an empty body. */
  readonly graphiqlSecondLoad304: boolean;
  /** The Cache-Control the page carries. */
  readonly graphiqlCacheControl: string | null;
  readonly date: string;
}

/** From /proc/<pid>/status: resident set and its parts (anonymous memory is heaps + WASM; file is mapped code). */
export interface ProcMemory {
  readonly rssMiB: number;
  readonly anonMiB: number;
  readonly fileMiB: number;
  readonly hwmMiB: number;
}

export async function readProcMemory(pid: number): Promise<ProcMemory> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
  return { rssMiB: kb('VmRSS'), anonMiB: kb('RssAnon'), fileMiB: kb('RssFile') + kb('RssShmem'), hwmMiB: kb('VmHWM') };
}

interface SpawnedGateway {
  readonly child: ChildProcess;
  readonly origin: string;
  /** When /readyz first answered 200 (Date.now()). */
  readonly readyAt: number;
  stop(): Promise<void>;
}

/** A gateway in its own process; on `dataDir` when given (left in place at stop), otherwise on a new folder removed at stop. */
async function spawnGateway(env: Record<string, string>, existingDataDir?: string): Promise<SpawnedGateway> {
  const dataDir = existingDataDir ?? (await mkdtemp(join(tmpdir(), 'switchboard-bench-memory-')));
  const childEnv: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ']) if (process.env[key] !== undefined) childEnv[key] = process.env[key]!;
  Object.assign(childEnv, {
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    CLIENT_TOKENS: `bench:${BENCH_TOKEN}`,
    RATE_LIMIT: '100000000/second',
    NO_COLOR: '1',
    ...env,
  });
  // `npm start` runs `node src/main.ts` with package.json's flags: read them from the start script so the bench measures what operators run.
  const child = spawn(NODE_BIN, [...(await startFlags(REPO_ROOT)), 'src/main.ts'], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const origin = await new Promise<string>((resolveReady, rejectReady) => {
    const timer = setTimeout(() => rejectReady(new Error(`gateway not ready in 60 s\n${out}\n${err}`)), 60_000);
    child.stdout!.on('data', () => {
      const match = READY_LINE.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveReady(match[1]!);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      rejectReady(new Error(`gateway exited before ready\n${out}\n${err}`));
    });
  });
  for (let i = 0; i < 100; i++) {
    const ready = await fetch(`${origin}/readyz`).then((r) => r.status, () => 0);
    if (ready === 200) break;
    await sleep(100);
  }
  const readyAt = Date.now();
  return {
    child,
    origin,
    readyAt,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      if (!existingDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The gateway's own child processes now (GraphiQL's render and compression children are the only ones). */
async function childrenOf(pid: number): Promise<number> {
  let count = 0;
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
    if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) count++;
  }
  return count;
}

async function idleRss(gateway: SpawnedGateway, settleMs: number): Promise<ProcMemory> {
  await sleep(settleMs);
  return readProcMemory(gateway.child.pid!);
}

/** autocannon in its own process (so its memory and CPU are not the gateway's), JSON summary. */
async function catalogLoad(origin: string, seconds: number, connections: number): Promise<MemoryResult['load']> {
  const body = JSON.stringify({ query: CATALOG_QUERY });
  const child = spawn(
    NODE_BIN,
    [AUTOCANNON_BIN, '--json', '-c', String(connections), '-d', String(seconds), '-m', 'POST', '-H', 'content-type=application/json', '-H', 'accept=application/graphql-response+json', '-H', `authorization=Bearer ${BENCH_TOKEN}`, '-b', body, `${origin}/graphql`],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  if (code !== 0) throw new Error(`autocannon exited ${code}: ${err}`);
  const summary = JSON.parse(out) as { requests: { average: number }; non2xx: number; errors: number };
  return { seconds, connections, requestsPerSecond: Math.round(summary.requests.average), non2xx: summary.non2xx, errors: summary.errors };
}

/**
 * The GraphiQL page as a browser asks for it: a browser's request (br) first, so `graphiql`'s br figure is what
 * the first visitor gets (from the disk cache, or compressed now: src/server/graphiql-page.ts makes a request
 * wait for a pass within 1.5 MB rather than answer larger); then identity and gzip, a second load with If-None-Match, and the densest pass (at once
 * when the page came from the cache).
 */
async function graphiqlOverTheWire(origin: string, pid: number): Promise<Pick<MemoryResult, 'graphiql' | 'graphiqlDense' | 'graphiqlSecondLoad304' | 'graphiqlCacheControl'>> {
  const { request } = await import('node:http');
  const get = (headers: Record<string, string>) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolveGet, rejectGet) => {
      const url = new URL(`${origin}/graphql`);
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'GET', headers: { accept: 'text/html', ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolveGet({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', rejectGet);
      });
      req.on('error', rejectGet);
      req.end();
    });
  const first = await get({ 'accept-encoding': 'gzip, deflate, br, zstd' });
  const started = Date.now();
  const identity = await get({ 'accept-encoding': 'identity' });
  const decode = (answer: typeof first) => {
    const sent = answer.headers['content-encoding'];
    if (sent === 'br') return brotliDecompressSync(answer.body);
    if (sent === 'gzip') return gunzipSync(answer.body);
    return answer.body;
  };
  const transfers: GraphiQLTransfer[] = [
    { encoding: 'identity', bytes: identity.body.length, decodesToPage: identity.status === 200 && identity.headers['content-encoding'] === undefined },
    { encoding: 'br', bytes: first.body.length, decodesToPage: first.status === 200 && first.headers['content-encoding'] === 'br' && decode(first).equals(identity.body) },
  ];
  const gzipped = await get({ 'accept-encoding': 'gzip' });
  transfers.push({ encoding: 'gzip', bytes: gzipped.body.length, decodesToPage: gzipped.status === 200 && gzipped.headers['content-encoding'] === 'gzip' && decode(gzipped).equals(identity.body) });
  const etag = first.headers.etag;
  const second = typeof etag === 'string' ? await get({ 'accept-encoding': 'br, gzip', 'if-none-match': etag }) : null;
  const cacheControl = first.headers['cache-control'];
  // The densest brotli pass follows the first one in the background: poll until it has replaced it.
  let dense: MemoryResult['graphiqlDense'] = null;
  while (Date.now() - started < 180_000) {
    // No compression child (the page came from the disk cache, or every pass is done): this is the densest there is.
    const settled = (await childrenOf(pid)) === 0;
    const answer = await get({ 'accept-encoding': 'br' });
    if (answer.body.length < first.body.length || (settled && answer.body.length === first.body.length)) {
      dense = { bytes: answer.body.length, decodesToPage: decode(answer).equals(identity.body), afterSeconds: Math.round((Date.now() - started) / 1000) };
      break;
    }
    await sleep(2000);
  }
  return {
    graphiql: transfers,
    graphiqlDense: dense,
    graphiqlSecondLoad304: second !== null && second.status === 304 && second.body.length === 0,
    graphiqlCacheControl: typeof cacheControl === 'string' ? cacheControl : null,
  };
}


export async function runMemory(options: MemoryOptions = {}): Promise<MemoryResult> {
  const log = options.log ?? (() => {});
  const settleMs = options.settleMs ?? 3000;
  const loadSeconds = options.loadSeconds ?? 60;
  const connections = options.connections ?? 50;
  const postgresUrl = options.postgresUrl === undefined ? (process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test') : options.postgresUrl;

  log('memory: PGlite gateway (sandbox, five simulators), first start on a new data folder …');
  const folder = await mkdtemp(join(tmpdir(), 'switchboard-bench-memory-'));
  let fresh: ProcMemory;
  let idle: ProcMemory;
  let after: ProcMemory;
  let atLoadEnd: ProcMemory;
  let load: MemoryResult['load'];
  let wire: Awaited<ReturnType<typeof graphiqlOverTheWire>>;
  try {
    const first = await spawnGateway({}, folder);
    try {
      fresh = await idleRss(first, settleMs);
    } finally {
      await first.stop();
    }
    log(`memory: PGlite first start RSS ${fresh.rssMiB.toFixed(1)} MiB; second start on the same folder …`);
    const pglite = await spawnGateway({}, folder);
    try {
      idle = await idleRss(pglite, settleMs);
      log(`memory: PGlite idle RSS ${idle.rssMiB.toFixed(1)} MiB; catalog load ${loadSeconds} s × ${connections} connections …`);
      load = await catalogLoad(pglite.origin, loadSeconds, connections);
      atLoadEnd = await readProcMemory(pglite.child.pid!);
      after = await idleRss(pglite, settleMs);
      log('memory: GraphiQL over the wire (the first request waits for brotli within 1.5 MB; then the densest pass) …');
      wire = await graphiqlOverTheWire(pglite.origin, pglite.child.pid!);
    } finally {
      await pglite.stop();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }

  let postgresIdle: number | null = null;
  if (postgresUrl) {
    log('memory: PostgreSQL gateway …');
    const database = await throwawayPostgres(postgresUrl, 'bench_memory');
    try {
      const gw = await spawnGateway({ DATABASE_URL: database.url });
      try {
        postgresIdle = (await idleRss(gw, settleMs)).rssMiB;
      } finally {
        await gw.stop();
      }
    } finally {
      await database.drop();
    }
  }

  return {
    pgliteIdleRssMiB: round(idle.rssMiB),
    pgliteFreshIdleRssMiB: round(fresh.rssMiB),
    pgliteFreshPeakMiB: round(fresh.hwmMiB),
    postgresIdleRssMiB: postgresIdle === null ? null : round(postgresIdle),
    pgliteIdleDetail: { rssMiB: round(idle.rssMiB), anonMiB: round(idle.anonMiB), fileMiB: round(idle.fileMiB), hwmMiB: round(idle.hwmMiB) },
    afterLoadRssMiB: round(after.rssMiB),
    afterLoadDeltaMiB: round(after.rssMiB - idle.rssMiB),
    atLoadEndRssMiB: round(atLoadEnd.rssMiB),
    peakRssMiB: round(after.hwmMiB),
    load,
    ...wire,
    date: new Date().toISOString(),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The lines `npm run bench` prints for this part. */
export function formatMemory(result: MemoryResult): string[] {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  return [
    `idle RSS at ready, PGlite (sandbox, five simulators), existing data folder: ${result.pgliteIdleRssMiB} MiB (anonymous ${result.pgliteIdleDetail.anonMiB}, file-backed ${result.pgliteIdleDetail.fileMiB}; target ≤ 250; start-up peak ${result.pgliteIdleDetail.hwmMiB})`,
    `idle RSS at ready, PGlite, first start on a new data folder: ${result.pgliteFreshIdleRssMiB} MiB (start-up peak ${result.pgliteFreshPeakMiB} MiB; initdb runs in a child process)`,
    `idle RSS at ready, PostgreSQL: ${result.postgresIdleRssMiB ?? 'skipped'}${result.postgresIdleRssMiB === null ? '' : ' MiB (target ≤ 150)'}`,
    `after ${result.load.seconds} s of catalog load (${result.load.connections} connections, ${result.load.requestsPerSecond} req/s, ${result.load.non2xx} non-2xx, ${result.load.errors} errors): RSS ${result.afterLoadRssMiB} MiB, ${result.afterLoadDeltaMiB >= 0 ? '+' : ''}${result.afterLoadDeltaMiB} MiB over idle (target ≤ 64; ${result.atLoadEndRssMiB} MiB the moment the load ended), peak ${result.peakRssMiB} MiB`,
    `GraphiQL over the wire (target ≤ 1.5 MB on every load): ${result.graphiql.map((t) => `${t.encoding}${t.encoding === 'br' ? ' (the very first request)' : ''} ${kb(t.bytes)}${t.encoding === 'br' ? ` = ${(t.bytes / 1e6).toFixed(2)} MB` : ''}${t.decodesToPage ? '' : ' (does not decode to the page!)'}`).join(', ')}; densest brotli pass: ${result.graphiqlDense ? `br ${kb(result.graphiqlDense.bytes)} = ${(result.graphiqlDense.bytes / 1e6).toFixed(2)} MB${result.graphiqlDense.decodesToPage ? '' : ' (does not decode to the page!)'}, ${result.graphiqlDense.afterSeconds} s after the first answer` : 'not within 180 s'}; Cache-Control: ${result.graphiqlCacheControl ?? 'none'}; second load with If-None-Match: ${result.graphiqlSecondLoad304 ? '304, empty body' : 'not a 304'}`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const loadSeconds = process.env.BENCH_LOAD_SECONDS ? Number(process.env.BENCH_LOAD_SECONDS) : undefined;
  const result = await runMemory({ log: (line) => console.error(line), ...(loadSeconds ? { loadSeconds } : {}) });
  for (const line of formatMemory(result)) console.log(line);
  console.log(JSON.stringify(result));
}

