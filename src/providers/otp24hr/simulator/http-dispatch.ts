import type { IncomingMessage, ServerResponse } from 'node:http';
import { normalizeIp } from './accounts.ts';
import { ApiError, errorBody, errorMessage } from './api-errors.ts';
import { apiKeyOf } from './auth.ts';
import type { SimulatorContext } from './context.ts';
import type { FaultQueue } from './faults.ts';
import { toJsonText } from './json-text.ts';
import { expireDueOrders } from './order-lifecycle.ts';
import type { Otp24hrRequestRecord } from './public-types.ts';
import { routeOf } from './routes.ts';

const MAX_BODY_BYTES = 1 << 20;

/**
 * Answers one HTTP request as the document describes: route → API key (4 ways) → key enabled → IP whitelist →
 * per-minute limit → injected fault → endpoint. Every request is logged in `requests`.
 */
export async function dispatch(
  ctx: SimulatorContext,
  faults: FaultQueue,
  requests: Otp24hrRequestRecord[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  const path = url.pathname;
  const record: Otp24hrRequestRecord = { endpoint: 'unknown', method, path, status: 0, at: ctx.now(), apiKey: null };
  requests.push(record);
  const send = (status: number, text: string): void => {
    record.status = status;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(text);
  };
  const sendError = (error: ApiError): void => send(error.httpStatus(ctx.errorStatusMode), toJsonText(errorBody(error.code, error.message)));

  const body = parseObject(await readBody(req));
  expireDueOrders(ctx);

  const route = routeOf(path);
  if (!route) return sendError(new ApiError('NOT_FOUND'));
  record.endpoint = route.endpoint;
  if (route.method !== method) return sendError(new ApiError('METHOD_NOT_ALLOWED', `${route.file} รับเฉพาะ ${route.method}`));

  const apiKey = apiKeyOf(req.headers, url.searchParams, body);
  if (apiKey === undefined) return sendError(new ApiError('NO_API_KEY'));
  const account = ctx.accounts.get(apiKey);
  if (!account) return sendError(new ApiError('INVALID_API_KEY'));
  record.apiKey = apiKey;
  if (account.disabled) return sendError(new ApiError('API_KEY_DISABLED'));
  if (account.ipWhitelist !== null && !account.ipWhitelist.includes(normalizeIp(req.socket.remoteAddress))) {
    return sendError(new ApiError('IP_NOT_ALLOWED'));
  }
  if (!account.rateLimiter.take(ctx.now())) return sendError(new ApiError('RATE_LIMIT'));

  const fault = faults.take(route.endpoint);
  if (fault?.kind === 'error') {
    record.status = fault.status;
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
    res.writeHead(fault.status, headers);
    res.end(toJsonText(errorBody(fault.code, fault.message ?? errorMessage(fault.code) ?? `injected ${fault.code}`)));
    return;
  }
  if (fault?.kind === 'dropBeforeCommit') {
    req.socket.destroy();
    return;
  }

  let status = 200;
  let text: string;
  try {
    text = toJsonText(route.handler({ ctx, account, query: url.searchParams, body }));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    status = error.httpStatus(ctx.errorStatusMode);
    text = toJsonText(errorBody(error.code, error.message));
  }

  if (fault?.kind === 'delay') await new Promise<void>((resolve) => ctx.timers.after(fault.ms, resolve));
  if (fault?.kind === 'dropAfterCommit') {
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'malformedAfterCommit') return send(200, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
  send(status, text);
}

/** The JSON body when it is an object; anything else (empty, malformed, array) reads as no parameters, as in PHP. */
function parseObject(raw: string): Record<string, unknown> {
  if (raw.trim() === '') return {};
  try {
    const value = JSON.parse(raw) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
