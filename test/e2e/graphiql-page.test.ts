import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { GRAPHIQL_MAX_AGE_SECONDS, GRAPHIQL_MAX_WIRE_BYTES, prepareGraphiQLPage, preferredEncoding, serveGraphiQLPage, type GraphiQLRenderer } from '../../src/server/graphiql-page.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';

// GraphiQL over the wire (docs/performance.md, "Memory"): rendered once, compressed once, at most 1.5 MB on every
// load (the first included), cacheable, 304 on a matching ETag.

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

describe('GraphiQL page', () => {
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

describe('prepareGraphiQLPage', () => {
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
