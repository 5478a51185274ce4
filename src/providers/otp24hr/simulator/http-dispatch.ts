import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterCommit, halfBody, retryAfterHeaders } from '../../shared/simulator-kit/fault-queue.ts';
import { jsonText } from '../../shared/simulator-kit/exact-json.ts';
import { parseJsonBody, readBody } from '../../shared/simulator-kit/request-body.ts';
import { requestTarget } from '../../shared/simulator-kit/request-log.ts';
import type { RequestLog } from '../../shared/simulator-kit/request-log.ts';
import { normalizeIp } from './accounts.ts';
import { ApiError, errorBody, errorMessage } from './api-errors.ts';
import { apiKeyOf } from './auth.ts';
import type { SimulatorContext } from './context.ts';
import { expireDueOrders } from './order-lifecycle.ts';
import type { Otp24hrFaultQueue } from './faults.ts';
import type { Otp24hrRequestRecord } from './public-types.ts';
import { routeOf } from './routes.ts';

const MAX_BODY_BYTES = 1 << 20;

/**
 * Answers one HTTP request as the document describes: route → API key (4 ways) → key enabled → IP whitelist →
 * per-minute limit → injected fault → endpoint. Every request is logged in `requests`.
 */
export async function dispatch(
  ctx: SimulatorContext,
  faults: Otp24hrFaultQueue,
  log: RequestLog<Otp24hrRequestRecord>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { method, url, path } = requestTarget(req);
  const exchange = log.open({ endpoint: 'unknown', method, path, status: 0, at: ctx.now(), apiKey: null }, req, res);
  const record = exchange.record;
  const send = (status: number, text: string, headers: Record<string, string> = {}): void =>
    exchange.send(status, { 'content-type': 'application/json; charset=utf-8', ...headers }, text);
  const sendError = (error: ApiError): void => send(error.httpStatus(ctx.errorStatusMode), jsonText(errorBody(error.code, error.message)));

  const body = parseObject((await readBody(req, MAX_BODY_BYTES, 'truncate')).toString('utf8'));
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
    const text = jsonText(errorBody(fault.code, fault.message ?? errorMessage(fault.code) ?? `injected ${fault.code}`));
    return send(fault.status, text, retryAfterHeaders(fault));
  }
  if (fault?.kind === 'dropBeforeCommit') return exchange.drop();

  let status = 200;
  let text: string;
  try {
    text = jsonText(route.handler({ ctx, account, query: url.searchParams, body }));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    status = error.httpStatus(ctx.errorStatusMode);
    text = jsonText(errorBody(error.code, error.message));
  }

  const step = await afterCommit(fault, ctx.timers);
  if (step === 'drop') return exchange.drop();
  if (step === 'malformed') return send(200, halfBody(text));
  send(status, text);
}

/** The JSON body when it is an object; anything else (empty, malformed, array) reads as no parameters, as in PHP. */
function parseObject(raw: string): Record<string, unknown> {
  const parsed = parseJsonBody(raw);
  const value = parsed.ok ? parsed.value : null;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
