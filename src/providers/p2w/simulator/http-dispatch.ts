import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from './auth.ts';
import type { SimulatorContext } from './context.ts';
import { ApiError, errorBody, UNKNOWN_ROUTE_CODE } from './envelopes.ts';
import type { ApiResponse } from './envelopes.ts';
import type { FaultQueue } from './faults.ts';
import { processDue } from './order-lifecycle.ts';
import type { P2wEndpoint, P2wRequestRecord } from './public-types.ts';
import { matchRoute } from './routes.ts';

const MAX_BODY_BYTES = 1 << 20;

type MutableRecord = { -readonly [K in keyof P2wRequestRecord]: P2wRequestRecord[K] };

/**
 * Answers one HTTP request as the document describes: route → x-partner-id/x-signature → injected fault →
 * endpoint; every request is logged in `requests`.
 */
export async function dispatch(
  ctx: SimulatorContext,
  faults: FaultQueue,
  requests: P2wRequestRecord[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const partnerHeader = req.headers['x-partner-id'];
  const record: MutableRecord = {
    endpoint: 'unknown',
    method,
    path,
    status: 0,
    at: ctx.now(),
    partnerId: typeof partnerHeader === 'string' ? partnerHeader : null,
  };
  requests.push(record);
  const send = (response: ApiResponse): void => {
    record.status = response.status;
    res.writeHead(response.status, { 'content-type': 'application/json; charset=utf-8', ...response.headers });
    res.end(response.body);
  };
  const drop = (): void => {
    record.status = 0;
    req.socket.destroy();
  };

  let rawBody: Buffer;
  try {
    rawBody = await readBody(req);
  } catch {
    send(new ApiError('MISSING_FIELD', 'Request body is too large or unreadable').toResponse(ctx.now()));
    return;
  }
  processDue(ctx);

  const match = matchRoute(method, path);
  if (!match) {
    send(new ApiError(UNKNOWN_ROUTE_CODE, `Cannot ${method} ${path}`).toResponse(ctx.now()));
    return;
  }
  const { route, pathId } = match;
  record.endpoint = route.endpoint;

  let response: ApiResponse;
  try {
    const partner = authenticate(ctx, req.headers, method, rawBody);
    const fault = faults.take(route.endpoint);
    if (fault?.kind === 'error') {
      const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      send({ status: fault.status, body: errorBody(fault.status, fault.code, fault.message ?? `Injected ${fault.code}`, ctx.now()), headers });
      return;
    }
    if (fault?.kind === 'dropBeforeCommit') {
      drop();
      return;
    }
    response = runHandler(route.endpoint, () => route.handler({ ctx, partner, pathId, rawBody: rawBody.toString('utf8') }), ctx.now());
    if (fault?.kind === 'delay') await new Promise<void>((resolve) => ctx.timers.after(fault.ms, resolve));
    if (fault?.kind === 'dropAfterCommit') {
      drop();
      return;
    }
    if (fault?.kind === 'malformedAfterCommit') {
      send({ status: 200, body: response.body.slice(0, Math.max(1, Math.floor(response.body.length / 2))) });
      return;
    }
  } catch (error) {
    response = error instanceof ApiError ? error.toResponse(ctx.now()) : internalError(route.endpoint, error, ctx.now());
  }
  send(response);
}

function runHandler(endpoint: P2wEndpoint, handler: () => ApiResponse, now: number): ApiResponse {
  try {
    return handler();
  } catch (error) {
    return error instanceof ApiError ? error.toResponse(now) : internalError(endpoint, error, now);
  }
}

function internalError(endpoint: P2wEndpoint, error: unknown, now: number): ApiResponse {
  console.error(`[p2w simulator] ${endpoint} failed`, error);
  return new ApiError('INTERNAL_SERVER_ERROR', 'Internal server error').toResponse(now);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
