import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterCommit, halfBody, retryAfterHeaders } from '../../shared/simulator-kit/fault-queue.ts';
import { parseJsonBody, readBody } from '../../shared/simulator-kit/request-body.ts';
import { requestTarget } from '../../shared/simulator-kit/request-log.ts';
import type { RequestLog } from '../../shared/simulator-kit/request-log.ts';
import { ApiError, errorEnvelope } from './api-errors.ts';
import type { ApiResponse } from './api-errors.ts';
import type { SimulatorContext } from './context.ts';
import type { EndpointRequest } from './endpoint-request.ts';
import type { SmscodeFaultQueue } from './faults.ts';
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
  faults: SmscodeFaultQueue,
  log: RequestLog<SmscodeRequestRecord>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  res.setHeader('x-request-id', randomUUID());
  const { method, url, path } = requestTarget(req, { trimSlashes: true });
  const exchange = log.open({ endpoint: 'unknown', method, path, group: null, status: 0, at: ctx.now() }, req, res);
  const record = exchange.record;
  const send = (response: ApiResponse): void => {
    const rawBody = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
    exchange.send(response.status, { 'content-type': 'application/json; charset=utf-8', ...response.headers }, rawBody);
  };

  let rawBody: string;
  try {
    rawBody = (await readBody(req, MAX_BODY_BYTES)).toString('utf8');
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
    send({ status: fault.status, body: errorEnvelope(fault.code, fault.message ?? `Injected ${fault.code}`), headers: retryAfterHeaders(fault) });
    return;
  }
  if (fault?.kind === 'dropBeforeCommit') return exchange.drop();

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

  const step = await afterCommit(fault, ctx.timers);
  const finalBody = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  response.settle?.(response.status, finalBody);
  if (step === 'drop') return exchange.drop();
  // The work is done and answered 200, but the body breaks off half-way: unparseable JSON.
  if (step === 'malformed') return send({ status: 200, body: halfBody(finalBody) });
  send({ ...response, body: finalBody });
}

function parseJson(rawBody: string): unknown {
  const parsed = parseJsonBody(rawBody);
  if (parsed.ok) return parsed.value;
  throw new ApiError('VALIDATION_ERROR', parsed.reason === 'empty' ? 'A JSON request body is required' : 'Malformed JSON body');
}

function internalError(error: unknown): ApiResponse {
  console.error('[smscode simulator] internal error', error);
  return new ApiError('INTERNAL_ERROR', 'Internal server error').toResponse();
}
