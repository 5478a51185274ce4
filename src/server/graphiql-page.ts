import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliDecompress, createGunzip, gunzip } from 'node:zlib';
import { BROTLI_PASSES, compressInChild, type CompressedForm } from './graphiql-compressor.ts';
import { renderCancellation } from './graphiql-renderer.ts';
import { GRAPHQL_PATH } from './graphql.ts';

/**
 * The GraphiQL page (docs/performance.md, "Memory"): Yoga renders 8.7 MB of HTML (the whole editor bundle
 * inline). The page never depends on the request (the editor reads `?query=` itself), so it is rendered once,
 * by Yoga, compressed once (brotli and gzip, chosen by Accept-Encoding), and sent with a weak ETag (one page,
 * several encodings), `Cache-Control: public, max-age`, `Vary: Accept-Encoding`; a matching If-None-Match
 * answers 304 without a body.
 *
 * Every brotli answer, the first one included, is at most GRAPHIQL_MAX_WIRE_BYTES: a request that arrives
 * before a brotli pass within it is done waits for it (asynchronously) rather than getting a larger answer.
 * Brotli quality 10 is the first pass within it (about 1.47 MB; quality 5 to 9 are 1.68-1.59 MB);
 * quality 11 (about 1.44 MB) then replaces it. Rendering and compression both run in short-lived child
 * processes (src/server/graphiql-renderer.ts, src/server/graphiql-compressor.ts), so the gateway keeps only
 * the compressed bytes: no identity copy (identity answers are the gzip bytes decoded as they are sent) and
 * none of the renderer's or the encoders' memory. Nothing starts before the first visitor: preparing the page at
 * start-up would put 40 s of compression beside every gateway's first minute (tests, benches, a busy instance),
 * for the one first load of an installation that the disk cache below does not already cover.
 *
 * The compressed forms are also kept on disk, named by the page's content hash (the ETag's): gzip when it
 * arrives, brotli once the densest pass has arrived, each written under a temporary name and renamed. When the
 * rendered page's hash has both files, they are read, decoded and compared with the rendered page (a truncated
 * or corrupt file is never served), and served at once: no compression child at all. Any file-system error
 * (a read-only or missing folder) only means compressing as if there were no cache.
 */

/** How long a browser reuses the page without asking; after that it revalidates with the ETag (304). */
export const GRAPHIQL_MAX_AGE_SECONDS = 3600;

/** The most a brotli answer may weigh on the wire, first load included (1.5 MB). */
export const GRAPHIQL_MAX_WIRE_BYTES = 1_500_000;

/** The repository root (this file is src/server/graphiql-page.ts). */
const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Where the compressed forms are kept: `node_modules/.cache/switchboard/graphiql` of the repository (the
 * find-cache-dir convention; git-ignored with node_modules). SWITCHBOARD_CACHE_DIR replaces
 * `node_modules/.cache/switchboard` (the tests point it at a temporary folder); read when a page is rendered.
 */
export function graphiqlCacheDir(): string {
  return join(process.env.SWITCHBOARD_CACHE_DIR || join(REPOSITORY_ROOT, 'node_modules/.cache/switchboard'), 'graphiql');
}

/** What this process has done for GraphiQL pages so far (the tests read it: a cache hit starts no compression). */
export const graphiqlPageStats = {
  /** Compression children started. */
  compressions: 0,
  /** Pages served from the disk cache (both forms read, decoded and equal to the rendered page). */
  cacheHits: 0,
};

/** What renders the page: the gateway's Yoga instance (its GraphiQL options stay the one source). */
export interface GraphiQLRenderer {
  fetch(request: Request, serverContext: Record<string, unknown>): Response | Promise<Response>;
}

/** One rendered page while and after its compression runs in the child. */
class CompressedPage {
  /** The densest brotli so far; replaced by each smaller pass. */
  private brotliBytes: Buffer | null = null;
  private gzipBytes: Buffer | null = null;
  private readonly gzipReady = Promise.withResolvers<Buffer>();
  private readonly brotliReady = Promise.withResolvers<Buffer>();

  readonly etag: string;
  readonly identityLength: number;

  constructor(etag: string, identityLength: number) {
    this.etag = etag;
    this.identityLength = identityLength;
    // Nobody may be waiting when compression fails; the rejection is still delivered to whoever asks later.
    this.gzipReady.promise.catch(() => {});
    this.brotliReady.promise.catch(() => {});
  }

  /** Each form the child sends: gzip, then each brotli pass. */
  add(form: CompressedForm): void {
    if (form.encoding === 'gzip') {
      this.gzipBytes = form.bytes;
      this.gzipReady.resolve(form.bytes);
      return;
    }
    if (this.brotliBytes === null || form.bytes.length < this.brotliBytes.length) this.brotliBytes = form.bytes;
    if (this.brotliBytes.length <= GRAPHIQL_MAX_WIRE_BYTES) this.brotliReady.resolve(this.brotliBytes);
  }

  /** Compression is over: whoever still waits gets the smallest brotli there is (whatever its size), or the failure. */
  finish(error?: unknown): void {
    if (this.brotliBytes && !error) this.brotliReady.resolve(this.brotliBytes);
    const failure = error ?? new Error('GraphiQL page compression ended without a brotli pass');
    this.gzipReady.reject(failure);
    this.brotliReady.reject(failure);
  }

  /** The gzip bytes, once the child has sent them (about half a second after the render). */
  gzip(): Promise<Buffer> {
    return this.gzipBytes ? Promise.resolve(this.gzipBytes) : this.gzipReady.promise;
  }

  /** The densest brotli so far, once one pass is within GRAPHIQL_MAX_WIRE_BYTES (or every pass is done). */
  async brotli(): Promise<Buffer> {
    await this.brotliReady.promise;
    return this.brotliBytes!;
  }
}

/** One renderer's page, and what stops the work in progress for it. */
interface PageEntry {
  readonly page: Promise<CompressedPage | null>;
  readonly abort: AbortController;
}

const pages = new WeakMap<GraphiQLRenderer, PageEntry>();

/** Same test as Yoga's: a GET accepting HTML on the GraphQL path is a browser opening GraphiQL. */
export function isGraphiQLRequest(req: IncomingMessage): boolean {
  const path = (req.url ?? '/').split('?')[0];
  return req.method === 'GET' && (path === GRAPHQL_PATH || path === `${GRAPHQL_PATH}/`) && (req.headers.accept ?? '').includes('text/html');
}

/**
 * Renders the page and starts its compression now, so that the first visitor gets it at once; resolves once
 * brotli within GRAPHIQL_MAX_WIRE_BYTES is ready (false: Yoga renders no page, GraphiQL is off). Calling it
 * again, or opening GraphiQL meanwhile, shares the same work. The gateway does not call it at start-up
 * (docs/performance.md, "Memory"); the tests and a deployment that wants the page ready before its first
 * visitor do.
 */
export async function prepareGraphiQLPage(renderer: GraphiQLRenderer): Promise<boolean> {
  const page = await cachedPage(renderer);
  if (!page) return false;
  await page.brotli();
  return true;
}

/**
 * The gateway is stopping: ends the render and compression children working for `renderer` (the renderer
 * with SIGTERM, the compressor with SIGKILL: see compressInChild) and forgets its page.
 * Whoever waits for that work gets a rejection. Files already renamed into the cache stay.
 */
export function releaseGraphiQLPage(renderer: GraphiQLRenderer): void {
  const entry = pages.get(renderer);
  if (!entry) return;
  pages.delete(renderer);
  entry.abort.abort(new Error('GraphiQL page preparation stopped: the gateway is stopping'));
}

/**
 * Answers a GraphiQL request from the cache and returns true; returns false (the caller goes on to Yoga)
 * for anything else, or when Yoga does not render a page (GraphiQL turned off).
 */
export async function serveGraphiQLPage(req: IncomingMessage, res: ServerResponse, renderer: GraphiQLRenderer): Promise<boolean> {
  if (!isGraphiQLRequest(req)) return false;
  const page = await cachedPage(renderer);
  if (!page) return false;
  const headers: Record<string, string> = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': `public, max-age=${GRAPHIQL_MAX_AGE_SECONDS}`,
    vary: 'Accept-Encoding',
    etag: page.etag,
  };
  if (matchesETag(req.headers['if-none-match'], page.etag)) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  const encoding = preferredEncoding(req.headers['accept-encoding']);
  if (encoding === 'identity') {
    // Rare (browsers all send br or gzip): the gzip bytes decoded on the way out, on the thread pool.
    const gzipped = await page.gzip();
    headers['content-length'] = String(page.identityLength);
    res.writeHead(200, headers);
    const gunzip = createGunzip();
    pipeline(gunzip, res, () => {});
    gunzip.end(gzipped);
    return true;
  }
  const body = encoding === 'br' ? await page.brotli() : await page.gzip();
  headers['content-encoding'] = encoding;
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(body);
  return true;
}

function cachedPage(renderer: GraphiQLRenderer): Promise<CompressedPage | null> {
  let entry = pages.get(renderer);
  if (!entry) {
    const abort = new AbortController();
    // A failed render or compression is not kept: the next request starts again.
    const forget = () => {
      if (pages.get(renderer) === entry) pages.delete(renderer);
    };
    entry = { page: renderOnce(renderer, abort.signal, forget), abort };
    pages.set(renderer, entry);
    entry.page.catch(forget);
  }
  return entry.page;
}

/**
 * Yoga renders the page (its child ends if `signal` aborts); the page comes from the disk cache when both forms
 * of its hash are there and sound, otherwise the compression child starts on it (`forgetOnFailure` if it fails).
 */
async function renderOnce(renderer: GraphiQLRenderer, signal: AbortSignal, forgetOnFailure: () => void): Promise<CompressedPage | null> {
  const request = new Request(`http://gateway.invalid${GRAPHQL_PATH}`, { method: 'GET', headers: { accept: 'text/html' } });
  const response = await renderCancellation.run(signal, () => renderer.fetch(request, {}));
  if (response.status !== 200 || !(response.headers.get('content-type') ?? '').includes('text/html')) {
    await response.body?.cancel();
    return null;
  }
  const identity = Buffer.from(await response.arrayBuffer());
  signal.throwIfAborted();
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 32);
  const page = new CompressedPage(`W/"${hash}"`, identity.length);
  const cache = new PageCache(graphiqlCacheDir(), hash);
  const cached = await cache.read(identity);
  signal.throwIfAborted();
  if (cached) {
    graphiqlPageStats.cacheHits++;
    page.add({ encoding: 'gzip', quality: 9, bytes: cached.gzip });
    page.add({ encoding: 'br', quality: BROTLI_PASSES.at(-1)!, bytes: cached.brotli });
    page.finish();
    return page;
  }
  graphiqlPageStats.compressions++;
  const densest = BROTLI_PASSES.at(-1)!;
  // The child has its own copy once this returns: the gateway lets go of the identity bytes here.
  compressInChild(
    identity,
    (form) => {
      page.add(form);
      if (form.encoding === 'gzip' || form.quality === densest) void cache.write(form.encoding, form.bytes);
    },
    signal,
  ).then(
    () => page.finish(),
    (error: unknown) => {
      forgetOnFailure();
      page.finish(error);
    },
  );
  return page;
}

/**
 * The compressed forms of one page on disk: `<hash>.gz` and `<hash>.br` in the cache folder. Every failure is
 * logged nowhere and means "no cache": the gateway then compresses as it would without one.
 */
class PageCache {
  private readonly dir: string;
  private readonly hash: string;

  constructor(dir: string, hash: string) {
    this.dir = dir;
    this.hash = hash;
  }

  private file(encoding: 'gzip' | 'br'): string {
    return join(this.dir, `${this.hash}.${encoding === 'gzip' ? 'gz' : 'br'}`);
  }

  /** Both forms, when both files are there and each decodes to exactly `identity` (else null: compress again). */
  async read(identity: Buffer): Promise<{ gzip: Buffer; brotli: Buffer } | null> {
    try {
      const [gzipped, brotli] = await Promise.all([readFile(this.file('gzip')), readFile(this.file('br'))]);
      // On the thread pool, one after the other (about 20-40 ms each for this page): a corrupt file fails here.
      if (!(await gunzipAsync(gzipped)).equals(identity)) return null;
      if (!(await brotliDecompressAsync(brotli)).equals(identity)) return null;
      return { gzip: gzipped, brotli };
    } catch {
      return null;
    }
  }

  /**
   * One form, written under a temporary name then renamed (a crash never leaves a half file). Other pages' files
   * are left alone: gateways of another version may share the folder, and `npm ci` starts node_modules afresh.
   */
  async write(encoding: 'gzip' | 'br', bytes: Buffer): Promise<void> {
    const target = this.file(encoding);
    const temporary = `${target}.${process.pid}-${randomUUID()}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    } catch {
      await unlink(temporary).catch(() => {});
    }
  }
}

const gunzipAsync = promisify(gunzip);
const brotliDecompressAsync = promisify(brotliDecompress);

/** br over gzip over identity, honouring q=0 (RFC 9110 §12.5.3); identity when nothing usable is offered. */
export function preferredEncoding(header: string | string[] | undefined): 'br' | 'gzip' | 'identity' {
  const offered = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    offered.set(name, q === undefined ? 1 : Number(q));
  }
  const accepts = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `*`, or any listed tag equal to ours ignoring W/. */
function matchesETag(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const ours = etag.replace(/^W\//, '');
  return (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === ours);
}
