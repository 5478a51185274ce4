/**
 * The HTTP section of `npm run bench` (docs/performance.md): side by side in one run, one server at
 * a time, each in its own process with NODE_ENV=production, loaded by autocannon from another process:
 *
 *  1. the HTTP ceiling — plain node:http answering the gateway's catalog bytes (bench/baseline/ceiling-server.ts);
 *  2. the best-tuned framework — bare Yoga + Pothos + graphql-jit answering the same catalog from
 *     memory (bench/baseline/yoga-jit-server.ts), its answer checked equal to the gateway's;
 *  3. the gateway (`node src/main.ts`, sandbox, auth on, the real plugins): the storefront's Catalog
 *     query as a POST, `{ __typename }`, the Catalog as a persisted GET by hash, and that GET with
 *     If-None-Match when the gateway sends an ETag.
 *
 * Reports median req/s, median p99 and server CPU per request over the rounds, and the ratios.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { BenchOptions } from './support/args.ts';
import { spawnGateway, BENCH_RATE_LIMIT, type BenchGateway } from './support/gateway.ts';
import { measure, runLoad, type LoadSpec, type Measurement } from './support/load.ts';
import { topFrames, topFramesMarkdown, type TopFrame } from './support/cpu-profile.ts';
import { cleanEnv, ROOT, spawnServer, type ServerProcess } from './support/processes.ts';
import { mib, rssBytes } from './support/proc-stats.ts';
import { fixed, table } from './support/report.ts';
import { ratio } from './support/stats.ts';

/** The storefront's catalog page request (web/src/Catalog.tsx, first page in USD). */
export const CATALOG_VARIABLES = { currency: 'USD', first: 50 } as const;
const MANIFEST = join(ROOT, 'web/src/gql/persisted-documents.json');
const CATALOG_SOURCE = join(ROOT, 'web/src/Catalog.tsx');
const POST_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };

/** One row of the report: a measurement, or why it was not taken. */
export interface HttpRow {
  readonly label: string;
  readonly measurement: Measurement | null;
  /** Why the row has no figures (not yet available, failed to start…). */
  readonly skipped: string | null;
  /** Server RSS after the row's load, bytes. */
  readonly rssAfterBytes: number | null;
}

export interface HttpResult {
  readonly ceiling: HttpRow;
  readonly framework: HttpRow;
  readonly gatewayCatalog: HttpRow;
  readonly gatewayTypename: HttpRow;
  /** The same catalog POST with ANSWER_CACHE=false: executed on every request (compiled, through every plugin). */
  readonly gatewayExecuted: HttpRow;
  readonly persistedGet: HttpRow;
  readonly persistedNotModified: HttpRow;
  /** With --profile: the gateway's top self-time frames during one catalog POST round. */
  readonly profile: { readonly frames: readonly TopFrame[]; readonly samples: number } | null;
  /** Findings worth a line in the report (answer equality, document source, settings raised). */
  readonly notes: readonly string[];
  readonly markdown: string;
}

/** The Catalog document: from the persisted-documents manifest when it exists (with its hash), else from the storefront's source. */
export function catalogDocument(): { text: string; hash: string; source: string } {
  if (existsSync(MANIFEST)) {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    const entry = Object.entries(manifest).find(([, doc]) => /\bquery\s+Catalog\b/.test(doc));
    if (entry) return { hash: entry[0], text: entry[1], source: 'web/src/gql/persisted-documents.json' };
  }
  const source = readFileSync(CATALOG_SOURCE, 'utf8');
  const match = /graphql\(`\s*(query Catalog\b[\s\S]*?)`\)/.exec(source);
  if (!match) throw new Error(`no "query Catalog" document in ${CATALOG_SOURCE}`);
  const text = match[1]!.trim();
  return { hash: createHash('sha256').update(text).digest('hex'), text, source: 'web/src/Catalog.tsx (sha256 of its text: no manifest entry yet)' };
}

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly bytes: Buffer;
  readonly json: { data?: unknown; errors?: Array<{ message: string }> } | null;
}

async function call(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, init);
  const bytes = Buffer.from(await response.arrayBuffer());
  let json: Answer['json'] = null;
  try {
    json = bytes.length ? (JSON.parse(bytes.toString('utf8')) as Answer['json']) : null;
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, bytes, json };
}

function describe(answer: Answer): string {
  return `HTTP ${answer.status}${answer.json?.errors?.length ? `: ${answer.json.errors.map((e) => e.message).join('; ')}` : answer.json ? '' : `: ${answer.bytes.toString('utf8').slice(0, 200)}`}`;
}

const ok = (answer: Answer) => answer.status === 200 && !!answer.json?.data && !answer.json.errors?.length;

function skipped(label: string, why: string): HttpRow {
  return { label, measurement: null, skipped: why, rssAfterBytes: null };
}

function rssOf(server: ServerProcess): number | null {
  try {
    return rssBytes(server.pid);
  } catch {
    return null;
  }
}

/** Runs the whole HTTP section; `log` gets progress lines (the report is in the result). */
export async function runHttp(options: BenchOptions, log: (line: string) => void = console.log): Promise<HttpResult> {
  const notes: string[] = [];
  const tmp = await mkdtemp(join(tmpdir(), 'sb-bench-http-'));
  const load = (label: string, server: ServerProcess, spec: Omit<LoadSpec, 'connections' | 'durationSeconds' | 'pid'>) =>
    measure(label, { ...spec, connections: options.connections, durationSeconds: options.durationSeconds, pid: server.pid }, options.rounds, options.warmupSeconds, log);
  const doc = catalogDocument();
  const catalogBody = JSON.stringify({ query: doc.text, variables: CATALOG_VARIABLES });
  notes.push(`Catalog document from ${doc.source}; variables ${JSON.stringify(CATALOG_VARIABLES)}.`);

  let gatewayCatalog: HttpRow, gatewayTypename: HttpRow, persistedGet: HttpRow, persistedNotModified: HttpRow, gatewayExecuted: HttpRow;
  let ceiling: HttpRow, framework: HttpRow;
  let reference: Answer;
  let profile: HttpResult['profile'] = null;
  try {
    // 3. The gateway first: its catalog answer is what the other two servers return.
    const databaseUrl = process.env.BENCH_DATABASE_URL;
    log(`gateway: starting node src/main.ts (sandbox, ${databaseUrl ? 'PostgreSQL' : 'PGlite'}, NODE_ENV=production)`);
    const gateway: BenchGateway = await spawnGateway(databaseUrl ? { databaseUrl } : {});
    notes.push(`Gateway: sandbox mode (five simulators), ${databaseUrl ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'PGlite in a temp DATA_DIR'}, CLIENT_TOKENS with a bench client (Authorization: Bearer on every request), RATE_LIMIT raised from 600/minute to ${BENCH_RATE_LIMIT} (still counted per request).`);
    try {
      const rssReady = rssOf(gateway);
      const postInit = { method: 'POST', headers: { ...POST_HEADERS, ...gateway.authHeaders }, body: catalogBody };
      reference = await call(gateway.graphqlUrl, postInit);
      if (!ok(reference)) throw new Error(`the gateway's Catalog answer is not data: ${describe(reference)}`);
      const edges = (reference.json?.data as { catalog: { edges: unknown[] } }).catalog.edges.length;
      notes.push(`Catalog answer: ${reference.bytes.length} bytes, ${edges} services, content-type ${reference.headers.get('content-type')}.`);

      gatewayCatalog = { label: 'gateway: catalog POST', measurement: await load('gateway catalog POST', gateway, { url: gateway.graphqlUrl, method: 'POST', headers: postInit.headers, body: catalogBody }), skipped: null, rssAfterBytes: rssOf(gateway) };
      gatewayTypename = {
        label: 'gateway: { __typename } POST',
        measurement: await load('gateway { __typename }', gateway, { url: gateway.graphqlUrl, method: 'POST', headers: postInit.headers, body: JSON.stringify({ query: '{ __typename }' }) }),
        skipped: null,
        rssAfterBytes: rssOf(gateway),
      };

      const getUrl = `${gateway.graphqlUrl}?documentId=${encodeURIComponent(doc.hash)}&variables=${encodeURIComponent(JSON.stringify(CATALOG_VARIABLES))}`;
      const getHeaders = { accept: POST_HEADERS.accept, 'x-graphql-yoga-csrf': '1', ...gateway.authHeaders };
      const first = await call(getUrl, { headers: getHeaders });
      if (!ok(first)) {
        persistedGet = skipped('gateway: persisted GET', `not yet available (${describe(first)})`);
        persistedNotModified = skipped('gateway: persisted GET, If-None-Match', 'not yet available (no persisted GET)');
      } else {
        if (!isDeepStrictEqual(first.json, reference.json)) notes.push('Persisted GET: its answer differs from the POST answer (JSON compared).');
        persistedGet = { label: 'gateway: persisted GET', measurement: await load('gateway persisted GET', gateway, { url: getUrl, method: 'GET', headers: getHeaders }), skipped: null, rssAfterBytes: rssOf(gateway) };
        const etag = first.headers.get('etag');
        const cacheControl = first.headers.get('cache-control');
        notes.push(`Persisted GET headers: ETag ${etag ?? '(none)'}, Cache-Control ${cacheControl ?? '(none)'}.`);
        if (!etag) persistedNotModified = skipped('gateway: persisted GET, If-None-Match', 'not yet available (the answer has no ETag)');
        else {
          const revalidate = await call(getUrl, { headers: { ...getHeaders, 'if-none-match': etag } });
          persistedNotModified =
            revalidate.status !== 304
              ? skipped('gateway: persisted GET, If-None-Match', `expected 304, got ${describe(revalidate)}`)
              : { label: 'gateway: persisted GET, If-None-Match → 304', measurement: await load('gateway 304', gateway, { url: getUrl, method: 'GET', headers: { ...getHeaders, 'if-none-match': etag }, expectStatus: [304] }), skipped: null, rssAfterBytes: rssOf(gateway) };
        }
      }
      if (rssReady !== null) notes.push(`Gateway RSS: ${mib(rssReady)} MiB at ready, ${mib(rssOf(gateway) ?? Number.NaN)} MiB after its loads.`);
    } finally {
      await gateway.stop();
    }
    // The same gateway without its answer cache: what executing the catalog costs on every request.
    log('gateway: starting again with ANSWER_CACHE=false');
    const executing: BenchGateway = await spawnGateway({ ...(databaseUrl ? { databaseUrl } : {}), env: { ANSWER_CACHE: 'false' } });
    try {
      const headers = { ...POST_HEADERS, ...executing.authHeaders };
      const answer = await call(executing.graphqlUrl, { method: 'POST', headers, body: catalogBody });
      if (!isDeepStrictEqual(answer.json, reference.json)) notes.push('Executed catalog (ANSWER_CACHE=false): its answer differs from the cached one (JSON compared).');
      gatewayExecuted = { label: 'gateway: catalog POST, executed each time (ANSWER_CACHE=false)', measurement: await load('gateway catalog POST executed', executing, { url: executing.graphqlUrl, method: 'POST', headers, body: catalogBody }), skipped: null, rssAfterBytes: rssOf(executing) };
    } finally {
      await executing.stop();
    }
    if (options.profile) profile = await profileCatalog(options, catalogBody, tmp, log);

    // 1. The ceiling: the same bytes, nothing else.
    const bodyFile = join(tmp, 'catalog-answer.json');
    await writeFile(bodyFile, reference.bytes);
    const contentType = reference.headers.get('content-type') ?? 'application/json';
    const production = cleanEnv({ NODE_ENV: 'production' });
    log('ceiling: starting plain node:http');
    const raw = await spawnServer({ script: 'bench/baseline/ceiling-server.ts', args: [bodyFile, contentType], env: production, ready: /ready: (http:\/\/\S+)/ });
    try {
      const check = await call(raw.url, { method: 'POST', headers: POST_HEADERS, body: catalogBody });
      if (!check.bytes.equals(reference.bytes)) throw new Error('the ceiling server does not answer the gateway bytes');
      ceiling = { label: 'HTTP ceiling: node:http, fixed bytes', measurement: await load('ceiling', raw, { url: raw.url, method: 'POST', headers: POST_HEADERS, body: catalogBody }), skipped: null, rssAfterBytes: rssOf(raw) };
    } finally {
      await raw.stop();
    }

    // 2. The best-tuned framework, answering the same catalog from memory.
    log('framework: starting bare Yoga + Pothos + graphql-jit');
    const yoga = await spawnServer({ script: 'bench/baseline/yoga-jit-server.ts', args: [bodyFile], env: production, ready: /ready: (http:\/\/\S+)/ });
    try {
      const url = `${yoga.url}/graphql`;
      const check = await call(url, { method: 'POST', headers: POST_HEADERS, body: catalogBody });
      if (!ok(check)) throw new Error(`bare Yoga + JIT did not answer the Catalog query: ${describe(check)}`);
      notes.push(
        check.bytes.equals(reference.bytes)
          ? 'Bare Yoga + JIT answers byte for byte what the gateway answers.'
          : isDeepStrictEqual(check.json, reference.json)
            ? `Bare Yoga + JIT answers the same JSON as the gateway (${check.bytes.length} vs ${reference.bytes.length} bytes).`
            : `**Bare Yoga + JIT's answer differs from the gateway's** (${check.bytes.length} vs ${reference.bytes.length} bytes): its figures are not comparable.`,
      );
      framework = { label: 'bare Yoga + Pothos + graphql-jit', measurement: await load('bare Yoga + JIT', yoga, { url, method: 'POST', headers: POST_HEADERS, body: catalogBody }), skipped: null, rssAfterBytes: rssOf(yoga) };
    } finally {
      await yoga.stop();
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }

  const result = { ceiling, framework, gatewayCatalog, gatewayExecuted, gatewayTypename, persistedGet, persistedNotModified, profile, notes };
  return { ...result, markdown: httpMarkdown(result, options) };
}

/**
 * A second gateway under `node --cpu-prof`: warm-up, then one catalog POST round; the report keeps the
 * samples of that round only (start-up and shutdown left out). Separate from the measured gateway, so
 * the profiler's overhead never touches the figures.
 */
async function profileCatalog(options: BenchOptions, catalogBody: string, tmp: string, log: (line: string) => void): Promise<HttpResult['profile']> {
  const dir = join(tmp, 'cpu-profile');
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  log('profile: gateway under node --cpu-prof, one catalog POST round');
  const spawnedAt = performance.now();
  // Executed on every request (ANSWER_CACHE=false): a profile of cache hits would show only the socket writes.
  const gateway = await spawnGateway({ nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`], env: { ANSWER_CACHE: 'false' }, ...(databaseUrl ? { databaseUrl } : {}) });
  let window: { fromMs: number; toMs: number };
  try {
    const spec: LoadSpec = { url: gateway.graphqlUrl, method: 'POST', headers: { ...POST_HEADERS, ...gateway.authHeaders }, body: catalogBody, connections: options.connections, durationSeconds: options.durationSeconds, pid: gateway.pid };
    await runLoad({ ...spec, durationSeconds: Math.max(1, options.warmupSeconds) });
    const from = performance.now() - spawnedAt;
    await runLoad(spec);
    // Half a second off each end: the load generator's start-up and the profile's own start offset.
    window = { fromMs: from + 500, toMs: performance.now() - spawnedAt - 500 };
  } finally {
    await gateway.stop();
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`the profiled gateway wrote no .cpuprofile in ${dir}`);
  return topFrames(join(dir, file), 15, window);
}

function httpMarkdown(r: Omit<HttpResult, 'markdown'>, options: BenchOptions): string {
  const rows = [r.ceiling, r.framework, r.gatewayCatalog, r.gatewayExecuted, r.gatewayTypename, r.persistedGet, r.persistedNotModified];
  const figures = table(
    ['server', 'req/s', 'p50', 'p99', 'CPU per request', 'RSS after', 'check'],
    rows.map((row) => {
      const m = row.measurement;
      if (!m) return [row.label, '—', '—', '—', '—', '—', row.skipped ?? ''];
      return [row.label, fixed(m.reqPerSec), `${fixed(m.p50Ms, 1)} ms`, `${fixed(m.p99Ms, 1)} ms`, m.cpuPerRequestUs === null ? '—' : `${fixed(m.cpuPerRequestUs)} µs`, row.rssAfterBytes === null ? '—' : `${mib(row.rssAfterBytes)} MiB`, m.failure ? `**FAILED**: ${m.failure}` : 'ok'];
    }),
    [6],
  );
  const valid = (row: HttpRow) => (row.measurement && !row.measurement.failure ? row.measurement : null);
  const [gw, fw, get, ceil, tn, ex] = [valid(r.gatewayCatalog), valid(r.framework), valid(r.persistedGet), valid(r.ceiling), valid(r.gatewayTypename), valid(r.gatewayExecuted)];
  const ratios = table(
    ['ratio', 'value', 'target (issue 12)'],
    [
      ['gateway catalog ÷ bare Yoga + JIT, req/s', ratio(gw?.reqPerSec, fw?.reqPerSec), '≥ 1.0×'],
      ['gateway catalog ÷ bare Yoga + JIT, p99', ratio(gw?.p99Ms, fw?.p99Ms), '≤ 1.2×'],
      ['gateway catalog executed each time ÷ bare Yoga + JIT, req/s', ratio(ex?.reqPerSec, fw?.reqPerSec), '(no answer cache)'],
      ['gateway catalog executed each time ÷ bare Yoga + JIT, p99', ratio(ex?.p99Ms, fw?.p99Ms), '(no answer cache)'],
      ['persisted GET ÷ HTTP ceiling, req/s', ratio(get?.reqPerSec, ceil?.reqPerSec), '≥ 0.25×'],
      ['bare Yoga + JIT ÷ HTTP ceiling, req/s', ratio(fw?.reqPerSec, ceil?.reqPerSec), '(reference)'],
      ['gateway { __typename } ÷ bare Yoga + JIT catalog, req/s', ratio(tn?.reqPerSec, fw?.reqPerSec), '(reference)'],
    ],
    [2],
  );
  return [
    `${options.connections} connections, ${options.rounds} × ${options.durationSeconds} s rounds after ${options.warmupSeconds} s of warm-up, medians; NODE_ENV=production; autocannon in its own process; CPU per request = server utime + stime (/proc) ÷ answers.`,
    '',
    figures,
    '',
    ratios,
    '',
    ...r.notes.map((n) => `- ${n}`),
    ...(r.profile ? ['', `Gateway CPU profile during one catalog POST round, executed on every request (ANSWER_CACHE=false; node --cpu-prof, ${r.profile.samples} samples, a separate unmeasured gateway):`, '', topFramesMarkdown(r.profile.frames)] : []),
  ].join('\n');
}
