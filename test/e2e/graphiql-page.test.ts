import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, truncate } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { runningCompressors } from '../../src/server/graphiql-compressor.ts';
import {
  GRAPHIQL_MAX_AGE_SECONDS,
  GRAPHIQL_MAX_WIRE_BYTES,
  graphiqlCacheDir,
  graphiqlPageStats,
  prepareGraphiQLPage,
  preferredEncoding,
  releaseGraphiQLPage,
  serveGraphiQLPage,
  type GraphiQLRenderer,
} from '../../src/server/graphiql-page.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';

// The page does not depend on the database: it is tested once, on the PGlite pass of the suite (.ci/run runs
// the suite on PostgreSQL too), which also keeps its compression (tens of seconds of CPU) out of the other pass.
const onPostgresPass = Boolean(process.env.DATABASE_URL);

// GraphiQL over the wire (docs/performance.md, "Memory"): rendered once, compressed once, at most 1.5 MB on every
// load (the first included), cacheable, 304 on a matching ETag; the compressed forms kept on disk by content hash.

// Never the repository's node_modules/.cache: every page of this file is cached in a folder of its own.
const CACHE_ROOT = mkdtempSync(join(tmpdir(), 'switchboard-graphiql-cache-'));
process.env.SWITCHBOARD_CACHE_DIR = CACHE_ROOT;
afterAll(() => rmSync(CACHE_ROOT, { recursive: true, force: true }));

/** Waits for `condition` (a ceiling for a busy machine, not an assertion on time). */
async function until(condition: () => boolean | Promise<boolean>, ceilingMs = 120_000): Promise<void> {
  const deadline = Date.now() + ceilingMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met before the ceiling');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The hash an ETag carries (W/"<hash>"), which names the page's files in the cache. */
const hashOf = (etag: string) => etag.slice(3, -1);
const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('base64url').slice(0, 32);

/** True when `file` exists and `decode`s to `page`. */
async function holds(file: string, decode: (b: Buffer) => Buffer, page: Buffer): Promise<boolean> {
  if (!existsSync(file)) return false;
  try {
    return decode(await readFile(file)).equals(page);
  } catch {
    return false;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** A raw GET (fetch would decode the body and hide the bytes on the wire). */
function get(url: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const HTML = { accept: 'text/html,application/xhtml+xml' };
const MB = 1_000_000;

let gw: TestGateway;
let identity: RawAnswer;
/** The first two requests the gateway ever gets, at the same time, as a browser sends them. */
let firstLoads: RawAnswer[];

beforeAll(async () => {
  gw = await startGateway();
  // Nothing has been rendered or compressed yet: these wait for the first brotli pass within 1.5 MB.
  // (The timeout is a ceiling for a busy machine, not an assertion: that pass is 8-20 s of one core.)
  firstLoads = await Promise.all([0, 1].map(() => get(gw.graphqlUrl, { ...HTML, 'accept-encoding': 'gzip, deflate, br, zstd' })));
  identity = await get(gw.graphqlUrl, { ...HTML, 'accept-encoding': 'identity' });
}, 180_000);
afterAll(async () => gw?.stop());

describe.skipIf(onPostgresPass)('GraphiQL page', () => {
  it('is the GraphiQL page, with the editor bundle inline, cacheable', () => {
    expect(identity.status).toBe(200);
    expect(identity.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(identity.headers['content-encoding']).toBeUndefined();
    const html = identity.body.toString('utf8');
    expect(html).toContain('<title>Switchboard</title>');
    expect(html).toContain('YogaGraphiQL.renderYogaGraphiQL');
    expect(html).toContain('"subscriptionsProtocol":"WS"');
    expect(identity.headers['cache-control']).toBe(`public, max-age=${GRAPHIQL_MAX_AGE_SECONDS}`);
    expect(identity.headers.vary).toBe('Accept-Encoding');
    expect(identity.headers.etag).toMatch(/^W\/"[\w-]+"$/);
    // The tag names these very bytes (identity is the gzip bytes decoded on the way out).
    expect(identity.headers.etag).toBe(`W/"${createHash('sha256').update(identity.body).digest('base64url').slice(0, 32)}"`);
    expect(Number(identity.headers['content-length'])).toBe(identity.body.length);
  });

  it('leaves out the inline web fonts (system fonts instead) but keeps the icon font', () => {
    const html = identity.body.toString('utf8');
    expect(html).not.toMatch(/font-family:\s*"?(Roboto|Fira Code)"?\s*;[^}]*src:/);
    expect(html).not.toContain('data:font/woff2;');
    expect(html).toMatch(/@font-face\s*\{[^}]*font-family:\s*codicon/);
    // The fallbacks the page's own font stacks name.
    expect(html).toContain('--font-family: "Roboto", sans-serif');
    expect(html).toContain('--font-family-mono: "Fira Code", monospace');
  });

  it('is at most 1.5 MB over the wire on the very first load, and on every load after it', async () => {
    const later = await get(gw.graphqlUrl, { ...HTML, 'accept-encoding': 'br, gzip' });
    for (const answer of [...firstLoads, later]) {
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBe('br');
      expect(answer.headers.etag).toBe(identity.headers.etag);
      expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
      expect(answer.body.length).toBeLessThanOrEqual(GRAPHIQL_MAX_WIRE_BYTES);
      expect(brotliDecompressSync(answer.body).equals(identity.body)).toBe(true);
    }
    expect(GRAPHIQL_MAX_WIRE_BYTES).toBe(1.5 * MB);
    // The identity page is 8.7 MB (the installed bundle without its web fonts): the limit is about a sixth of it.
    expect(identity.body.length).toBeGreaterThan(5 * GRAPHIQL_MAX_WIRE_BYTES);
  });

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('sends %s, a fraction of the page, decoding to the same bytes', async (encoding, decode) => {
    const answer = await get(gw.graphqlUrl, { ...HTML, 'accept-encoding': encoding });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe(encoding);
    expect(answer.headers.etag).toBe(identity.headers.etag);
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(decode(answer.body).equals(identity.body)).toBe(true);
    // The installed bundle is 8.7 MB of HTML without its web fonts; docs/performance.md ("Memory") gives the measured sizes.
    expect(answer.body.length).toBeLessThan(identity.body.length / 3);
    expect(answer.body.length).toBeLessThan((encoding === 'br' ? 1.8 : 2.3) * MB);
  });

  it('prefers br, then gzip, and honours q=0', async () => {
    const answer = await get(gw.graphqlUrl, { ...HTML, 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(answer.headers['content-encoding']).toBe('br');
    expect(preferredEncoding('gzip, br;q=0')).toBe('gzip');
    expect(preferredEncoding('*;q=0')).toBe('identity');
    expect(preferredEncoding('deflate')).toBe('identity');
    expect(preferredEncoding(undefined)).toBe('identity');
  });

  it('answers a second load with If-None-Match by 304 and no body', async () => {
    // The browser revalidates with the tag of the page it loaded first.
    const etag = firstLoads[0]!.headers.etag as string;
    expect(etag).toBe(identity.headers.etag);
    const again = await get(gw.graphqlUrl, { ...HTML, 'accept-encoding': 'br, gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe(`public, max-age=${GRAPHIQL_MAX_AGE_SECONDS}`);
    const stale = await get(gw.graphqlUrl, { ...HTML, 'accept-encoding': 'gzip', 'if-none-match': 'W/"not-this-page"' });
    expect(stale.status).toBe(200);
    expect(stale.body.length).toBeGreaterThan(0);
  });

  it('keeps ?query= (the editor pre-fills it) and leaves GraphQL requests alone', async () => {
    const prefilled = await get(`${gw.graphqlUrl}?query=%7B__typename%7D`, { ...HTML, 'accept-encoding': 'identity' });
    expect(prefilled.status).toBe(200);
    expect(prefilled.body.equals(identity.body)).toBe(true);
    const data = await get(`${gw.graphqlUrl}?query=%7B__typename%7D`, { accept: 'application/json', 'x-graphql-yoga-csrf': '1', authorization: 'Bearer test-default-client-key-0123456789' });
    expect(data.status).toBe(200);
    expect(JSON.parse(data.body.toString('utf8'))).toEqual({ data: { __typename: 'Query' } });
  });
  // The editor rendering in Chromium from this page is test/e2e/graphiql-browser.test.ts (same route, same bytes).
});

/** A renderer standing in for Yoga, counting its renders. */
function renderer(html: string | null): GraphiQLRenderer & { renders: number } {
  return {
    renders: 0,
    fetch() {
      this.renders++;
      return html === null ? new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } }) : new Response(html, { headers: { 'content-type': 'text/html' } });
    },
  };
}

describe.skipIf(onPostgresPass)('prepareGraphiQLPage', () => {
  async function serve(target: GraphiQLRenderer, run: (url: string) => Promise<void>): Promise<void> {
    const server: Server = createServer((req, res) => {
      serveGraphiQLPage(req, res, target).then((served) => {
        if (!served) res.writeHead(418).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('renders and compresses before the first visitor, once, and serves that work', async () => {
    const html = `<!doctype html><title>prepared</title>${'<p>row</p>'.repeat(5000)}`;
    const target = renderer(html);
    await expect(Promise.all([prepareGraphiQLPage(target), prepareGraphiQLPage(target)])).resolves.toEqual([true, true]);
    expect(target.renders).toBe(1);
    await serve(target, async (url) => {
      for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync], ['identity', (b: Buffer) => b]] as const) {
        const answer = await get(url, { ...HTML, 'accept-encoding': encoding });
        expect(answer.status).toBe(200);
        expect(answer.headers['content-encoding']).toBe(encoding === 'identity' ? undefined : encoding);
        expect(decode(answer.body).toString('utf8')).toBe(html);
        expect(answer.body.length).toBeLessThan(encoding === 'identity' ? Infinity : html.length / 20);
      }
    });
    expect(target.renders).toBe(1);
  }, 60_000);

  it('does not keep a failed render: the next call renders again', async () => {
    let calls = 0;
    const flaky: GraphiQLRenderer = {
      async fetch() {
        if (++calls === 1) throw new Error('renderer down');
        return new Response('<!doctype html><title>second try</title>', { headers: { 'content-type': 'text/html' } });
      },
    };
    await expect(prepareGraphiQLPage(flaky)).rejects.toThrow('renderer down');
    await expect(prepareGraphiQLPage(flaky)).resolves.toBe(true);
    expect(calls).toBe(2);
  }, 60_000);

  it('says false, and leaves the request to Yoga, when Yoga renders no page', async () => {
    const target = renderer(null);
    await expect(prepareGraphiQLPage(target)).resolves.toBe(false);
    await serve(target, async (url) => {
      expect((await get(url, { ...HTML, 'accept-encoding': 'br' })).status).toBe(418);
    });
  });
});

describe.skipIf(onPostgresPass)('GraphiQL disk cache', () => {
  it('lets a second gateway serve its first brotli request from the cache, with no compression child', async () => {
    const hash = hashOf(identity.headers.etag as string);
    const dir = graphiqlCacheDir();
    expect(dir).toBe(join(CACHE_ROOT, 'graphiql'));
    // The first gateway writes gzip at once and brotli when its densest pass arrives.
    // (On a machine busy with other work the densest pass has taken over two minutes: the ceiling allows for it.)
    await until(async () => (await holds(join(dir, `${hash}.br`), brotliDecompressSync, identity.body)) && (await holds(join(dir, `${hash}.gz`), gunzipSync, identity.body)), 300_000);
    const densest = await readFile(join(dir, `${hash}.br`));
    const compressions = graphiqlPageStats.compressions;
    const hits = graphiqlPageStats.cacheHits;
    const second = await startGateway();
    try {
      const answer = await get(second.graphqlUrl, { ...HTML, 'accept-encoding': 'gzip, deflate, br, zstd' });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBe('br');
      expect(answer.headers.etag).toBe(identity.headers.etag);
      // The densest pass, from its first answer on.
      expect(answer.body.equals(densest)).toBe(true);
      expect(answer.body.length).toBeLessThanOrEqual(GRAPHIQL_MAX_WIRE_BYTES);
      expect(brotliDecompressSync(answer.body).equals(identity.body)).toBe(true);
      const gzipped = await get(second.graphqlUrl, { ...HTML, 'accept-encoding': 'gzip' });
      expect(gunzipSync(gzipped.body).equals(identity.body)).toBe(true);
      expect(graphiqlPageStats.compressions).toBe(compressions);
      expect(graphiqlPageStats.cacheHits).toBe(hits + 1);
      expect(runningCompressors.size).toBe(0);
    } finally {
      await second.stop();
    }
  }, 420_000);

  it.each([
    ['br', 'truncated'],
    ['gz', 'overwritten with other bytes'],
  ] as const)('ignores a corrupt .%s file (%s), compresses again and replaces it', async (suffix, damage) => {
    const html = `<!doctype html><title>corrupt ${suffix}</title>${'<p>cached row</p>'.repeat(4000)}`;
    const page = Buffer.from(html);
    const dir = graphiqlCacheDir();
    const file = (s: string) => join(dir, `${sha(page)}.${s}`);
    await expect(prepareGraphiQLPage(renderer(html))).resolves.toBe(true);
    await until(async () => (await holds(file('gz'), gunzipSync, page)) && (await holds(file('br'), brotliDecompressSync, page)));
    if (damage === 'truncated') await truncate(file(suffix), Math.floor((await readFile(file(suffix))).length / 2));
    else writeFileSync(file(suffix), Buffer.from('not a compressed page'));
    const decode = suffix === 'br' ? brotliDecompressSync : gunzipSync;
    expect(await holds(file(suffix), decode, page)).toBe(false);

    const compressions = graphiqlPageStats.compressions;
    const hits = graphiqlPageStats.cacheHits;
    const target = renderer(html);
    await expect(prepareGraphiQLPage(target)).resolves.toBe(true);
    expect(graphiqlPageStats.compressions).toBe(compressions + 1);
    expect(graphiqlPageStats.cacheHits).toBe(hits);
    await until(() => holds(file(suffix), decode, page));
    // Served correctly meanwhile, and a third renderer now finds a sound cache.
    const server: Server = createServer((req, res) => void serveGraphiQLPage(req, res, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await get(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, { ...HTML, 'accept-encoding': suffix === 'br' ? 'br' : 'gzip' });
      expect(decode(answer.body).equals(page)).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    await expect(prepareGraphiQLPage(renderer(html))).resolves.toBe(true);
    expect(graphiqlPageStats.compressions).toBe(compressions + 1);
    expect(graphiqlPageStats.cacheHits).toBe(hits + 1);
  }, 60_000);

  it('works as without a cache when the folder cannot be written', async () => {
    const blocker = join(CACHE_ROOT, 'a-file');
    writeFileSync(blocker, 'not a folder');
    process.env.SWITCHBOARD_CACHE_DIR = blocker;
    try {
      const html = `<!doctype html><title>no cache</title>${'<p>row</p>'.repeat(3000)}`;
      const compressions = graphiqlPageStats.compressions;
      for (let i = 0; i < 2; i++) await expect(prepareGraphiQLPage(renderer(html))).resolves.toBe(true);
      expect(graphiqlPageStats.compressions).toBe(compressions + 2);
    } finally {
      process.env.SWITCHBOARD_CACHE_DIR = CACHE_ROOT;
    }
  }, 60_000);

  it('ends the compression child when a gateway stops while compressing', async () => {
    // A folder with no cache, so this gateway compresses the real page.
    process.env.SWITCHBOARD_CACHE_DIR = mkdtempSync(join(CACHE_ROOT, 'empty-'));
    try {
      const third = await startGateway();
      const before = new Set(runningCompressors);
      const visit = get(third.graphqlUrl, { ...HTML, 'accept-encoding': 'br' }).catch((error: unknown) => error);
      await until(() => [...runningCompressors].some((pid) => !before.has(pid)), 60_000);
      const children = [...runningCompressors].filter((pid) => !before.has(pid));
      await third.stop();
      await until(() => children.every((pid) => !alive(pid)), 10_000);
      expect(children.filter(alive)).toEqual([]);
      // The visitor got an answer (the stop ended its wait) rather than hanging.
      await visit;
    } finally {
      process.env.SWITCHBOARD_CACHE_DIR = CACHE_ROOT;
    }
  }, 120_000);

  it('ends a preparation in progress when released, and forgets it', async () => {
    const html = `<!doctype html><title>released</title>${Array.from({ length: 200_000 }, (_, i) => `<p>${(i * 7919) % 100_003}</p>`).join('')}`;
    const target = renderer(html);
    const before = new Set(runningCompressors);
    const prepared = prepareGraphiQLPage(target);
    await until(() => [...runningCompressors].some((pid) => !before.has(pid)), 30_000);
    const children = [...runningCompressors].filter((pid) => !before.has(pid));
    releaseGraphiQLPage(target);
    await expect(prepared).rejects.toThrow(/stopping|compression/);
    await until(() => children.every((pid) => !alive(pid)), 10_000);
    // Forgotten: the next request renders again.
    expect(target.renders).toBe(1);
  }, 60_000);
});
