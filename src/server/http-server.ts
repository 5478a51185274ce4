import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import type { Services } from '../services/services.ts';
import { createGraphQLHandler, GRAPHQL_PATH } from './graphql.ts';
import { attachWebSockets } from './websocket.ts';
import { CALLBACK_PATH } from '../providers/shared/callback-url.ts';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting, ends live streams (WebSocket close 1001), lets in-flight requests finish. */
  close(timeoutMs: number): Promise<void>;
}

const MAX_WEBHOOK_BYTES = 64 * 1024;

/** One HTTP server, one port: /graphql (HTTP, SSE, WebSocket, GraphiQL), /healthz, /readyz, /webhooks/:provider. */
export async function startHttpServer(schema: GraphQLSchema, services: Services, options: { port: number; host: string }): Promise<RunningServer> {
  const yoga = createGraphQLHandler(schema, services);
  const inFlight = new Set<ServerResponse>();
  const streams = new Set<ServerResponse>();
  let closing = false;

  const server: Server = createServer((req, res) => {
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
      return json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', database: ready ? 'reachable' : 'unreachable' });
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
    if (path === GRAPHQL_PATH) return void (await yoga.requestListener(req, res));
    if (path === '/') {
      res.writeHead(302, { location: GRAPHQL_PATH });
      res.end();
      return;
    }
    json(res, 404, { error: 'not found' });
  }

  const wss = attachWebSockets(server, yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
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
      await yoga.dispose?.();
    },
  };
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
