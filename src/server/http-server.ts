import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import type { Services } from '../services/services.ts';
import { createGraphQLHandler, GRAPHQL_PATH } from './graphql.ts';
import { attachWebSockets } from './websocket.ts';
import { CALLBACK_PATH } from '../providers/shared/callback-url.ts';
import { checkRequestHead, readLimitedBody, sendRefusal } from './request-guard.ts';
import type { EventBusStatus } from '../services/event-bus.ts';
import { serveWebApp } from './web-app.ts';
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
      const body = await readBody(req, MAX_WEBHOOK_BYTES);
      if (body === null) return json(res, 413, { error: 'payload too large' });
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const url = new URL(req.url ?? '/', 'http://gateway.invalid');
      const outcome = await services.webhooks.receive(webhook[1]!, webhook[2] ?? null, { rawBody: body, headers, url });
      res.writeHead(outcome.status, { 'content-type': outcome.contentType });
      res.end(outcome.body);
      return;
    }
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

  /** Refusals that need no body come first (form posts, bad token, declared size); then the body is read with a byte count. */
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
    const abort = new AbortController();
    res.once('close', () => abort.abort());
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === 'string') headers.set(k, v);
      else if (Array.isArray(v)) for (const item of v) headers.append(k, item);
    }
    const request = new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), { method, headers, body: body as BodyInit | undefined, signal: abort.signal });
    const response = await yoga.fetch(request, { req, res });
    await writeResponse(response, res, abort.signal);
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
      await metricsServer?.close();
      await yoga.dispose?.();
    },
  };
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

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
