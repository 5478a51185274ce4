import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Services } from '../services/services.ts';
import { resolveViewer } from './viewer.ts';

export const METRICS_PATH = '/metrics';

/**
 * `GET /metrics` on the main port (docs/metrics.md): Prometheus text for a client with the ADMIN
 * scope (the same Bearer key as /graphql), 401 without a valid key, 403 for any other client.
 */
export async function serveMetrics(services: Services, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const viewer = await resolveViewer(services.clients, req.headers.authorization);
  if (viewer === null) return refuse(res, 401, 'A valid client token is required (Authorization: Bearer <token>)', { 'www-authenticate': 'Bearer' });
  if (!viewer.isAdmin) return refuse(res, 403, 'Metrics need a client with the ADMIN scope');
  await answer(services, req, res);
}

/** With METRICS_PORT set: a second listener on the same host serving only /metrics, without a token (reach it from the scraper's network only). */
export async function startMetricsServer(services: Services, host: string): Promise<{ close(): Promise<void> } | null> {
  const port = services.config.METRICS_PORT;
  if (port === undefined) return null;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const reply = path === METRICS_PATH ? answer(services, req, res) : Promise.resolve(refuse(res, 404, 'not found'));
    reply.catch((error: unknown) => {
      services.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'metrics scrape failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  services.logger.info({ host, port }, `metrics served without a token on ${METRICS_PATH} of this port`);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(services: Services, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'GET only', { allow: 'GET, HEAD' });
  const { contentType, body } = await services.metrics.scrape();
  res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function refuse(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(message);
}
