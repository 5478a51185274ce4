import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import type { Services } from '../services/services.ts';
import { createGraphQLHandler, CSRF_HEADER, GRAPHQL_PATH, isPublicAnswer } from './graphql.ts';
import { attachWebSockets } from './websocket.ts';
import { CALLBACK_PATH } from '../providers/shared/callback-url.ts';
import { checkRequestHead, corsHeaders, readLimitedBody, sendRefusal } from './request-guard.ts';
import { PublicResponseCache, PUBLIC_SCOPE, matchesETag, type CachedAnswer } from './public-response-cache.ts';
import { viewerOf } from './viewer.ts';
import type { EventBusStatus } from '../services/event-bus.ts';
import { serveWebApp } from './web-app.ts';
import { releaseGraphiQLPage, serveGraphiQLPage } from './graphiql-page.ts';
import { METRICS_PATH, serveMetrics, startMetricsServer } from './metrics-endpoint.ts';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting, ends live streams (WebSocket close 1001), lets in-flight requests finish. */
  close(timeoutMs: number): Promise<void>;
}

const KEEP_ALIVE_MS = 65_000;
const MAX_WEBHOOK_BYTES = 64 * 1024;

/** One HTTP server, one port: /graphql (HTTP, SSE, WebSocket, GraphiQL), /healthz, /readyz, /webhooks/:provider. */
export async function startHttpServer(schema: GraphQLSchema, services: Services, options: { port: number; host: string }): Promise<RunningServer> {
  const yoga = createGraphQLHandler(schema, services);
  const answers = new PublicResponseCache({ catalog: services.catalog, fx: services.fx, events: services.events, logger: services.logger });
  warnAboutOpenEdges(services);
  const inFlight = new Set<ServerResponse>();
  const streams = new Set<ServerResponse>();
  let closing = false;

  // Idle keep-alive sockets stay open longer than clients keep them (load balancers use ~60 s), so a
  // client reusing one never races the server closing it (an ECONNRESET on a request already sent).
  const server: Server = createServer({ keepAliveTimeout: KEEP_ALIVE_MS, headersTimeout: KEEP_ALIVE_MS + 1000 }, (req, res) => {
    const isStream = (req.headers.accept ?? '').includes('text/event-stream');
    (isStream ? streams : inFlight).add(res);
    res.on('close', () => {
      inFlight.delete(res);
      streams.delete(res);
    });
    if (closing) res.setHeader('connection', 'close');
    route(req, res).catch((error: unknown) => {
      services.logger.error({ err: error instanceof Error ? error.message : String(error), path: req.url }, 'request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') return json(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      const ready = !closing && (await services.db.isReachable());
      // Redis down does not make an instance unready: it still serves every request and its own
      // subscribers (only cross-instance fan-out pauses). Failing readiness on a shared dependency
      // would pull every instance out of the load balancer at once, turning a degradation into an outage.
      const bus = (services.events as { status?: () => EventBusStatus }).status?.();
      const redis = bus?.transport === 'redis' ? { redis: bus.reachable ? 'reachable' : 'unreachable' } : {};
      const status = !ready ? 'unavailable' : bus && !bus.reachable ? 'degraded' : 'ready';
      return json(res, ready ? 200 : 503, { status, database: ready ? 'reachable' : 'unreachable', ...redis });
    }
    const webhook = CALLBACK_PATH.exec(path);
    if (webhook && req.method === 'POST') {
      const raw = await readLimitedBody(req, MAX_WEBHOOK_BYTES);
      if (raw === null) return json(res, 413, { error: 'payload too large' });
      const body = raw.toString('utf8');
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const url = new URL(req.url ?? '/', 'http://gateway.invalid');
      const outcome = await services.webhooks.receive(webhook[1]!, webhook[2] ?? null, { rawBody: body, headers, url });
      res.writeHead(outcome.status, { 'content-type': outcome.contentType });
      res.end(outcome.body);
      return;
    }
    if (path === GRAPHQL_PATH && (await serveGraphiQLPage(req, res, yoga))) return;
    if (path === GRAPHQL_PATH) return serveGraphQL(req, res);
    if (path === METRICS_PATH) return serveMetrics(services, req, res);
    if (serveWebApp(services.config, req, res, path)) return;
    if (path === '/') {
      res.writeHead(302, { location: GRAPHQL_PATH });
      res.end();
      return;
    }
    json(res, 404, { error: 'not found' });
  }

  /**
   * Refusals that need no body come first (form posts, bad token, declared size); then the body is
   * read with a byte count. A public query already answered is served from its cached bytes
   * (docs/performance.md, "HTTP caching"); anything else goes to Yoga.
   */
  async function serveGraphQL(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = await checkRequestHead(services.config, req, services.clients);
    if (refusal) return sendRefusal(services.config, req, res, refusal);
    const method = req.method ?? 'GET';
    let body: Buffer | undefined;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      const read = await readLimitedBody(req, services.config.MAX_BODY_BYTES);
      if (read === null) return sendRefusal(services.config, req, res, { status: 413, code: 'REQUEST_ENTITY_TOO_LARGE', message: `Request body larger than ${services.config.MAX_BODY_BYTES} bytes (MAX_BODY_BYTES)` });
      body = read;
    }
    const key = services.config.ANSWER_CACHE ? answerKey(req, method, body) : null;
    if (key !== null) {
      const cached = answers.get(key);
      if (cached && (await mayServeCached(req))) return writeAnswer(req, res, 200, { 'content-type': cached.contentType, ...corsHeaders(services.config, req) }, cached);
    }
    const generation = answers.generation;
    const abort = new AbortController();
    // Only a client leaving early aborts (an abort per finished response would cost a DOMException each).
    res.once('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    // Yoga's own Request (the @whatwg-node ponyfill) over Node's headers and the bytes already read:
    // no header copying, no body stream (docs/performance.md, "The catalog hot path").
    const request = new yoga.fetchAPI.Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
      method,
      headers: req.headers as Record<string, string>,
      body: body as BodyInit | undefined,
      signal: abort.signal,
    });
    const response = await yoga.fetch(request, { req, res });
    if (key !== null && response.status === 200 && isPublicAnswer(req) && !isStreamed(response)) {
      const bytes = Buffer.from(await response.arrayBuffer());
      const answer = answers.set(key, generation, bytes, response.headers.get('content-type') ?? 'application/json');
      return writeAnswer(req, res, 200, headersOf(response), answer);
    }
    await writeResponse(response, res, abort.signal);
  }

  /** A cached answer is for a caller who could have run the query: the scope its fields need, the CSRF rule, and the rate limit. */
  async function mayServeCached(req: IncomingMessage): Promise<boolean> {
    const viewer = viewerOf(req);
    if (!viewer || !viewer.scopes.includes(PUBLIC_SCOPE)) return false;
    if (req.method === 'GET' && !preflighted(req) && req.headers[CSRF_HEADER] === undefined) return false;
    // Limited: Yoga answers it (429 with Retry-After), as for any request.
    const decision = await services.limits.consume(viewer.clientId, 1);
    return decision.kind !== 'limited';
  }

  const wss = attachWebSockets(server, yoga, services);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const metricsServer = await startMetricsServer(services, options.host).catch((error: unknown) => {
    server.close();
    throw error;
  });
  const host = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;

  return {
    url: `http://${host}:${port}`,
    port,
    close: async (timeoutMs) => {
      closing = true;
      // A compression a visitor started ends with the server (its child process too).
      releaseGraphiQLPage(yoga);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      for (const res of streams) res.end();
      server.closeIdleConnections();
      const deadline = Date.now() + timeoutMs;
      while (inFlight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      server.closeAllConnections();
      for (const client of wss.clients) client.terminate();
      wss.close();
      await closed;
      answers.close();
      await metricsServer?.close();
      await yoga.dispose?.();
    },
  };
}

/** What identifies an answer: the request line's query (GET) or the body (POST), and the Accept header; null for other requests. */
function answerKey(req: IncomingMessage, method: string, body: Buffer | undefined): string | null {
  const accept = req.headers.accept ?? '';
  if (accept.includes('text/event-stream') || accept.includes('multipart/mixed')) return null;
  if (method === 'GET') {
    const url = req.url ?? '';
    const query = url.indexOf('?');
    return query < 0 ? null : `GET ${accept} ${url.slice(query + 1)}`;
  }
  if (method === 'POST' && body !== undefined) return `POST ${accept} ${req.headers['content-type'] ?? ''} ${body.toString('latin1')}`;
  return null;
}

/** A content type a browser cannot send cross-site without a CORS preflight (JSON, for one). */
function preflighted(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type !== '' && !['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].includes(type);
}

function isStreamed(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return type.includes('text/event-stream') || type.includes('multipart/mixed');
}

function headersOf(response: Response): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  return headers;
}

/**
 * Writes a public answer with its validator: the client (a browser) keeps it and asks again with
 * If-None-Match, answered 304 while the bytes are the same. `no-cache` because stock and prices
 * change at any moment; `private` because the answer was given to an authenticated client.
 */
function writeAnswer(req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string | string[]>, answer: CachedAnswer): void {
  const validators = { etag: answer.etag, 'cache-control': 'private, no-cache', vary: 'Authorization, Accept, Origin' };
  if (matchesETag(req.headers['if-none-match'], answer.etag)) {
    const { 'content-type': _type, 'content-length': _length, ...rest } = headers;
    res.writeHead(304, { ...rest, ...validators });
    return void res.end();
  }
  res.writeHead(status, { ...headers, ...validators, 'content-length': String(answer.body.length) });
  res.end(answer.body);
}

/** Writes a fetch Response to Node, streaming (SSE) chunk by chunk and stopping when the client goes away. */
async function writeResponse(response: Response, res: ServerResponse, aborted: AbortSignal): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  const type = response.headers.get('content-type') ?? '';
  if (!response.body || !(type.includes('text/event-stream') || type.includes('multipart/mixed'))) {
    // A single result: one write, as Node's own adapter does.
    const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
    if (body) headers['content-length'] = String(body.length);
    res.writeHead(response.status, headers);
    return void res.end(body);
  }
  res.writeHead(response.status, headers);
  const reader = response.body.getReader();
  const stop = () => void reader.cancel().catch(() => {});
  aborted.addEventListener('abort', stop, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.writableEnded || res.destroyed) break;
      if (!res.write(value)) await new Promise<void>((resolve) => { res.once('drain', resolve); res.once('close', resolve); });
    }
  } catch (error) {
    if (!aborted.aborted) throw error;
  } finally {
    aborted.removeEventListener('abort', stop);
    if (!res.writableEnded) res.end();
  }
}

/** One warning per open edge at start-up, so an operator sees what a browser or a stranger could do. */
function warnAboutOpenEdges(services: Services): void {
  const { config, logger } = services;
  if (config.CORS_ORIGINS.length) logger.info({ origins: config.CORS_ORIGINS }, 'CORS allowed for these browser origins (without credentials)');
  if (config.INTROSPECTION && !config.sandbox) logger.info('GraphQL introspection is on (INTROSPECTION=false turns it off)');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
