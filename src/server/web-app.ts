import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { Config } from '../config.ts';

/**
 * The storefront (web/, built into web/dist by `npm run build:web`, which `npm start` runs first) served at /.
 * On in sandbox mode, or anywhere with WEB_APP=true; otherwise / keeps redirecting to /graphql.
 * index.html is never cached (it names the current hashed assets); /assets/* are content-hashed: cached a year.
 */
export const WEB_DIST = resolve(import.meta.dirname, '../../web/dist');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';
// Same origin only: the app talks to /graphql (HTTP and WebSocket) on the gateway that served it.
const CSP = "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/** WEB_APP=true|1|yes turns the storefront on outside sandbox mode; WEB_APP=false turns it off in sandbox. */
export function webAppEnabled(config: Pick<Config, 'sandbox'>, env: NodeJS.ProcessEnv = process.env): boolean {
  const flag = (env.WEB_APP ?? '').trim().toLowerCase();
  if (['true', '1', 'yes'].includes(flag)) return true;
  if (['false', '0', 'no'].includes(flag)) return false;
  return config.sandbox;
}

/**
 * Answers GET/HEAD for / and the files of web/dist; returns false for anything else (the caller routes on).
 * Files are read from disk on each request (a rebuild shows up without a restart; the app is small).
 */
export function serveWebApp(config: Pick<Config, 'sandbox'>, req: IncomingMessage, res: ServerResponse, path: string, root: string = WEB_DIST): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (!webAppEnabled(config)) return false;
  const isIndex = path === '/' || path === '/index.html';
  if (isIndex && !existsSync(join(root, 'index.html'))) {
    send(req, res, 503, 'text/html; charset=utf-8', NO_CACHE, NOT_BUILT);
    return true;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(isIndex ? '/index.html' : path);
  } catch {
    return false;
  }
  const file = resolve(root, `.${decoded}`);
  if (!file.startsWith(root + sep) || decoded.includes('\0')) return false;
  if (!existsSync(file) || !statSync(file).isFile()) return false;
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const cache = isIndex ? NO_CACHE : decoded.startsWith('/assets/') ? IMMUTABLE : 'public, max-age=3600';
  send(req, res, 200, type, cache, readFileSync(file), isIndex);
  return true;
}

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, cache: string, body: Buffer | string, document = true): void {
  const headers: Record<string, string | number> = {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
  };
  if (document) Object.assign(headers, { 'content-security-policy': CSP, 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' });
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Switchboard</title>
<h1>The storefront is not built yet</h1>
<p>Run <code>npm run build:web</code> (<code>npm start</code> does it before starting), then reload. GraphiQL is at <a href="/graphql">/graphql</a>.</p></html>`;
