import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterCommit, halfBody, retryAfterHeaders } from '../../shared/simulator-kit/fault-queue.ts';
import type { FaultQueue } from '../../shared/simulator-kit/fault-queue.ts';
import { readBody } from '../../shared/simulator-kit/request-body.ts';
import { requestTarget } from '../../shared/simulator-kit/request-log.ts';
import type { RequestLog } from '../../shared/simulator-kit/request-log.ts';
import { authenticate } from './auth.ts';
import type { SimulatorContext } from './context.ts';
import { ApiError, errorBody, UNKNOWN_ROUTE_CODE } from './envelopes.ts';
import type { ApiResponse } from './envelopes.ts';
import { processDue } from './order-lifecycle.ts';
import type { P2wEndpoint, P2wFault, P2wRequestRecord } from './public-types.ts';
import { matchRoute } from './routes.ts';

const MAX_BODY_BYTES = 1 << 20;

/**
 * Answers one HTTP request as the document describes: route → x-partner-id/x-signature → injected fault →
 * endpoint; every request is logged in `requests`.
 */
export async function dispatch(
  ctx: SimulatorContext,
  faults: FaultQueue<P2wFault>,
  log: RequestLog<P2wRequestRecord>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { method, path } = requestTarget(req, { trimSlashes: true });
  const partnerHeader = req.headers['x-partner-id'];
  const exchange = log.open(
    { endpoint: 'unknown', method, path, status: 0, at: ctx.now(), partnerId: typeof partnerHeader === 'string' ? partnerHeader : null },
    req,
    res,
  );
  const send = (response: ApiResponse): void =>
    exchange.send(response.status, { 'content-type': 'application/json; charset=utf-8', ...response.headers }, response.body);

  let rawBody: Buffer;
  try {
    rawBody = await readBody(req, MAX_BODY_BYTES);
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
  exchange.record.endpoint = route.endpoint;

  let response: ApiResponse;
  try {
    const partner = authenticate(ctx, req.headers, method, rawBody);
    const fault = faults.take(route.endpoint);
    if (fault?.kind === 'error') {
      const body = errorBody(fault.status, fault.code, fault.message ?? `Injected ${fault.code}`, ctx.now());
      return send({ status: fault.status, body, headers: retryAfterHeaders(fault) });
    }
    if (fault?.kind === 'dropBeforeCommit') return exchange.drop();
    response = runHandler(route.endpoint, () => route.handler({ ctx, partner, pathId, rawBody: rawBody.toString('utf8') }), ctx.now());
    const step = await afterCommit(fault, ctx.timers);
    if (step === 'drop') return exchange.drop();
    if (step === 'malformed') return send({ status: 200, body: halfBody(response.body) });
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
