import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { GRAPHQL_PATH } from './graphql.ts';

/**
 * The GraphiQL page (docs/performance.md, "GraphiQL over the wire"): Yoga renders 9 MB of HTML (the whole
 * editor bundle inline) for every browser GET of /graphql. The page never depends on the request (the
 * editor reads `?query=` itself), so it is rendered once, by Yoga, at the first request, compressed once
 * (brotli and gzip, chosen by Accept-Encoding), and sent with a weak ETag (one page, several encodings),
 * `Cache-Control: public, max-age`, `Vary: Accept-Encoding`; a matching If-None-Match answers 304 without a
 * body. Nothing is rendered or compressed before someone opens GraphiQL, so an idle gateway holds none of it.
 */

/** How long a browser reuses the page without asking; after that it revalidates with the ETag (304). */
export const GRAPHIQL_MAX_AGE_SECONDS = 3600;

/** What renders the page: the gateway's Yoga instance (its GraphiQL options stay the one source). */
export interface GraphiQLRenderer {
  fetch(request: Request, serverContext: Record<string, unknown>): Response | Promise<Response>;
}

interface CachedPage {
  readonly etag: string;
  readonly identity: Buffer;
  readonly gzip: Buffer;
  brotli: Buffer;
}

const pages = new WeakMap<GraphiQLRenderer, Promise<CachedPage | null>>();
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Same test as Yoga's: a GET accepting HTML on the GraphQL path is a browser opening GraphiQL. */
export function isGraphiQLRequest(req: IncomingMessage): boolean {
  const path = (req.url ?? '/').split('?')[0];
  return req.method === 'GET' && (path === GRAPHQL_PATH || path === `${GRAPHQL_PATH}/`) && (req.headers.accept ?? '').includes('text/html');
}

/**
 * Answers a GraphiQL request from the cache and returns true; returns false (the caller goes on to Yoga)
 * for anything else, or when Yoga does not render a page (GraphiQL turned off).
 */
export async function serveGraphiQLPage(req: IncomingMessage, res: ServerResponse, renderer: GraphiQLRenderer): Promise<boolean> {
  if (!isGraphiQLRequest(req)) return false;
  let cached = pages.get(renderer);
  if (!cached) {
    cached = renderOnce(renderer);
    pages.set(renderer, cached);
    // A failed render is not cached: the next request tries again.
    cached.catch(() => pages.delete(renderer));
  }
  const page = await cached;
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
  const body = encoding === 'br' ? page.brotli : encoding === 'gzip' ? page.gzip : page.identity;
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(body);
  return true;
}

async function renderOnce(renderer: GraphiQLRenderer): Promise<CachedPage | null> {
  const response = await renderer.fetch(new Request(`http://gateway.invalid${GRAPHQL_PATH}`, { method: 'GET', headers: { accept: 'text/html' } }), {});
  if (response.status !== 200 || !(response.headers.get('content-type') ?? '').includes('text/html')) {
    await response.body?.cancel();
    return null;
  }
  const identity = Buffer.from(await response.arrayBuffer());
  const etag = `W/"${createHash('sha256').update(identity).digest('base64url').slice(0, 32)}"`;
  // Compression runs on libuv's thread pool, never on the event loop. Brotli at quality 5 answers the first
  // request within about a second; the densest brotli (quality 11, a 16 MB window: about a minute of one
  // pool thread for this page) then replaces it in the background. Same page, same ETag.
  const [gzipped, brotli] = await Promise.all([gzipAsync(identity, { level: 9 }), brotliAsync(identity, brotliOptions(identity.length, 5))]);
  const page: CachedPage = { etag, identity, gzip: gzipped, brotli };
  brotliAsync(identity, brotliOptions(identity.length, constants.BROTLI_MAX_QUALITY)).then(
    (densest) => {
      if (densest.length < page.brotli.length) page.brotli = densest;
    },
    () => {},
  );
  return page;
}

function brotliOptions(size: number, quality: number) {
  return {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: size,
    },
  };
}

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
