import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimulatorRequest } from '../../shared/simulator-contract.ts';
import { jsonText } from '../../shared/simulator-kit/exact-json.ts';
import { afterCommit, halfBody, retryAfterHeaders } from '../../shared/simulator-kit/fault-queue.ts';
import type { FaultQueue } from '../../shared/simulator-kit/fault-queue.ts';
import { parseJsonBody, readBody } from '../../shared/simulator-kit/request-body.ts';
import { requestTarget } from '../../shared/simulator-kit/request-log.ts';
import type { RequestLog } from '../../shared/simulator-kit/request-log.ts';
import { ApiError, errorEnvelope } from './api-errors.ts';
import type { ApiResponse } from './api-errors.ts';
import { authenticate } from './auth.ts';
import type { Account, SimulatorContext } from './context.ts';
import type { EndpointRequest } from './endpoint-request.ts';
import { expireDueOtpOrders } from './otp-lifecycle.ts';
import { UNMATCHED_ENDPOINT } from './public-types.ts';
import type { Xd247Fault } from './public-types.ts';
import { RateWindow } from './rate-limit.ts';
import { matchRoute } from './routes.ts';

/** The document's base path (section 1: `https://247xd.com/api/v1`). */
export const BASE_PATH = '/api/v1';

const MAX_BODY_BYTES = 1 << 20;

/**
 * Answers HTTP requests as the document describes: bearer auth → per-user rate limit → ban → route →
 * injected fault → endpoint. Every answer carries the X-RateLimit-* headers of section 3 and is logged.
 */
export class Dispatcher {
  readonly #ctx: SimulatorContext;
  readonly #faults: FaultQueue<Xd247Fault>;
  readonly #log: RequestLog<SimulatorRequest>;
  readonly #rateLimitPerMinute: number;
  /** Budgets of callers without a valid key, per remote address: only so a 401 carries the headers too. */
  readonly #anonymous = new Map<string, RateWindow>();

  constructor(ctx: SimulatorContext, faults: FaultQueue<Xd247Fault>, log: RequestLog<SimulatorRequest>, rateLimitPerMinute: number) {
    this.#ctx = ctx;
    this.#faults = faults;
    this.#log = log;
    this.#rateLimitPerMinute = rateLimitPerMinute;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const ctx = this.#ctx;
    const { method, path } = requestTarget(req, { trimSlashes: true });
    const match = path.startsWith(`${BASE_PATH}/`) ? matchRoute(method, path.slice(BASE_PATH.length)) : null;
    const exchange = this.#log.open({ endpoint: match?.route.endpoint ?? UNMATCHED_ENDPOINT, method, path, status: 0, at: ctx.now() }, req, res);
    let rateHeaders: Record<string, string> = {};
    const send = (status: number, body: string, headers: Record<string, string> = {}): void =>
      exchange.send(status, { 'content-type': 'application/json; charset=utf-8', ...rateHeaders, ...headers }, body);
    const sendResponse = (response: ApiResponse): void => send(response.status, jsonText(response.body), response.headers);

    let rawBody: string | null = null;
    try {
      rawBody = (await readBody(req, MAX_BODY_BYTES)).toString('utf8');
    } catch {
      rawBody = null;
    }
    expireDueOtpOrders(ctx);

    let account: Account;
    try {
      account = authenticate(ctx, req.headers.authorization);
    } catch (error) {
      rateHeaders = this.#anonymousWindow(req).count(ctx.now());
      sendResponse(error instanceof ApiError ? error.toResponse() : internalError(error));
      return;
    }
    const budget = account.rate.take(ctx.now());
    rateHeaders = budget.headers;
    if (!budget.allowed) return sendResponse(new ApiError('RATE_LIMITED', 'ส่งคำขอมากเกินไป').toResponse());
    if (account.banned) return sendResponse(new ApiError('ACCOUNT_BANNED', 'บัญชีถูกระงับ').toResponse());
    if (!match) return sendResponse(new ApiError('NOT_FOUND', 'ไม่พบข้อมูลที่ร้องขอ').toResponse());
    if (rawBody === null) return sendResponse(new ApiError('BAD_REQUEST', 'อ่านข้อมูลคำขอไม่ได้หรือมีขนาดใหญ่เกินไป').toResponse());

    const fault = this.#faults.take(match.route.endpoint);
    if (fault?.kind === 'error') {
      return send(fault.status, jsonText(errorEnvelope(fault.code, fault.message ?? `Injected ${fault.code}`)), retryAfterHeaders(fault));
    }
    if (fault?.kind === 'dropBeforeCommit') return exchange.drop();

    const body = rawBody;
    const request: EndpointRequest = { ctx, account, orderId: match.orderId, json: () => parseJson(body) };
    let response: ApiResponse;
    try {
      response = match.route.handler(request);
    } catch (error) {
      response = error instanceof ApiError ? error.toResponse() : internalError(error);
    }

    const step = await afterCommit(fault, ctx.timers);
    if (step === 'drop') return exchange.drop();
    if (step === 'malformed') return send(response.status < 300 ? 200 : response.status, halfBody(jsonText(response.body)), response.headers);
    sendResponse(response);
  }

  #anonymousWindow(req: IncomingMessage): RateWindow {
    const address = req.socket.remoteAddress ?? 'unknown';
    let window = this.#anonymous.get(address);
    if (!window) {
      window = new RateWindow(this.#rateLimitPerMinute);
      this.#anonymous.set(address, window);
    }
    return window;
  }
}

function parseJson(rawBody: string): unknown {
  const parsed = parseJsonBody(rawBody);
  if (parsed.ok) return parsed.value;
  throw new ApiError('BAD_REQUEST', parsed.reason === 'empty' ? 'ต้องส่งข้อมูลเป็น JSON' : 'รูปแบบ JSON ไม่ถูกต้อง');
}

function internalError(error: unknown): ApiResponse {
  console.error('[247xd simulator] internal error', error);
  return new ApiError('INTERNAL_ERROR', 'ข้อผิดพลาดภายในระบบ').toResponse();
}
