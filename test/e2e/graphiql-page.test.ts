import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { GRAPHIQL_MAX_AGE_SECONDS, preferredEncoding } from '../../src/server/graphiql-page.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';

// GraphiQL over the wire (docs/performance.md): rendered once, compressed once, cacheable, 304 on a matching ETag.

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

beforeAll(async () => {
  gw = await startGateway();
  identity = await get(gw.graphqlUrl, { ...HTML, 'accept-encoding': 'identity' });
}, 60_000);
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

  it('reaches 1.5 MB over the wire once the densest brotli pass has replaced the first one', async () => {
    // The first answer is brotli quality 5 (fast); quality 11 follows on the thread pool (about 20 s of one idle core).
    let bytes = Infinity;
    for (const deadline = Date.now() + 150_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 2000))) {
      const answer = await get(gw.graphqlUrl, { ...HTML, 'accept-encoding': 'br, gzip' });
      expect(brotliDecompressSync(answer.body).equals(identity.body)).toBe(true);
      bytes = answer.body.length;
      if (bytes <= 1.5 * MB) break;
    }
    expect(bytes).toBeLessThanOrEqual(1.5 * MB);
  }, 160_000);

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
    const etag = identity.headers.etag as string;
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
