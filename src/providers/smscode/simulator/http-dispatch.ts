import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, errorEnvelope } from './api-errors.ts';
import type { ApiResponse } from './api-errors.ts';
import type { SimulatorContext } from './context.ts';
import type { EndpointRequest } from './endpoint-request.ts';
import type { FaultQueue } from './faults.ts';
import { expireDueOrders } from './order-lifecycle.ts';
import type { SmscodeRequestRecord } from './public-types.ts';
import { matchRoute } from './routes.ts';

const MAX_BODY_BYTES = 1 << 20;

/**
 * Answers one HTTP request the way the document describes: route → bearer auth → rate limit → injected fault →
 * endpoint; every answer carries x-request-id and is logged in `requests` (status 0 when the socket was dropped).
 */
export async function dispatch(
  ctx: SimulatorContext,
  faults: FaultQueue,
  requests: SmscodeRequestRecord[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  res.setHeader('x-request-id', randomUUID());
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const record: SmscodeRequestRecord = { endpoint: 'unknown', method, path, group: null, status: 0, at: ctx.now() };
  requests.push(record);
  const send = (response: ApiResponse): void => {
    const rawBody = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
    record.status = response.status;
    res.writeHead(response.status, { 'content-type': 'application/json; charset=utf-8', ...response.headers });
    res.end(rawBody);
  };

  let rawBody: string;
  try {
    rawBody = await readBody(req);
  } catch {
    send(new ApiError('VALIDATION_ERROR', 'Request body is too large or unreadable').toResponse());
    return;
  }
  void expireDueOrders(ctx);

  const versioned = /^\/(v1|v2)(\/.*)$/.exec(path);
  const match = versioned ? matchRoute(method, versioned[2] ?? '') : null;
  if (!versioned || !match) {
    send(new ApiError('NOT_FOUND', `No route for ${method} ${path}`).toResponse());
    return;
  }
  const { route, pathId } = match;
  record.endpoint = route.endpoint;
  record.group = route.group;

  const token = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  const account = token === undefined ? undefined : ctx.accounts.get(token);
  if (!account) {
    send(new ApiError('UNAUTHORIZED', 'Missing or invalid API token').toResponse());
    return;
  }
  const budget = account.rateLimiter.take(route.group, ctx.now());
  if (!budget.allowed) {
    const headers = { 'retry-after': String(budget.retryAfterSeconds) };
    send(new ApiError('RATE_LIMIT_EXCEEDED', 'Too many requests', { headers }).toResponse());
    return;
  }

  const fault = faults.take(route.endpoint);
  if (fault?.kind === 'error') {
    const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
    send({ status: fault.status, body: errorEnvelope(fault.code, fault.message ?? `Injected ${fault.code}`), headers });
    return;
  }
  if (fault?.kind === 'dropBeforeCommit') {
    req.socket.destroy();
    return;
  }

  const request: EndpointRequest = {
    ctx,
    account,
    version: versioned[1] === 'v2' ? 'v2' : 'v1',
    query: url.searchParams,
    pathId,
    headers: req.headers,
    json: () => parseJson(rawBody),
  };
  let response: ApiResponse;
  try {
    response = await route.handler(request);
  } catch (error) {
    response = error instanceof ApiError ? error.toResponse() : internalError(error);
  }

  if (fault?.kind === 'delay') await new Promise<void>((resolve) => ctx.timers.after(fault.ms, resolve));
  const finalBody = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  response.settle?.(response.status, finalBody);
  if (fault?.kind === 'dropAfterCommit') {
    record.status = 0;
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'malformedAfterCommit') {
    // The work is done and answered 200, but the body breaks off half-way: unparseable JSON.
    send({ status: 200, body: finalBody.slice(0, Math.max(1, Math.floor(finalBody.length / 2))) });
    return;
  }
  send({ ...response, body: finalBody });
}

function parseJson(rawBody: string): unknown {
  if (rawBody.trim() === '') throw new ApiError('VALIDATION_ERROR', 'A JSON request body is required');
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    throw new ApiError('VALIDATION_ERROR', 'Malformed JSON body');
  }
}

function internalError(error: unknown): ApiResponse {
  console.error('[smscode simulator] internal error', error);
  return new ApiError('INTERNAL_ERROR', 'Internal server error').toResponse();
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
