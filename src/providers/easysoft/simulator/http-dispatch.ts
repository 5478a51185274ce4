import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimulatorRequest } from '../../shared/simulator-contract.ts';
import { afterCommit, halfBody, retryAfterHeaders } from '../../shared/simulator-kit/fault-queue.ts';
import type { FaultQueue } from '../../shared/simulator-kit/fault-queue.ts';
import { readBody } from '../../shared/simulator-kit/request-body.ts';
import { requestTarget } from '../../shared/simulator-kit/request-log.ts';
import type { RequestLog } from '../../shared/simulator-kit/request-log.ts';
import { MobileFunction } from '../wire.ts';
import type { SimulatorContext } from './context.ts';
import { DETAIL } from './details.ts';
import { HANDLERS } from './endpoints.ts';
import { processDue } from './lifecycle.ts';
import type { EasysoftEndpoint, EasysoftFault } from './public-types.ts';
import { failAnswer, TopupRefusal, XML_CONTENT_TYPE } from './xml-answers.ts';
import type { TopupResponse } from './xml-answers.ts';

const MAX_BODY_BYTES = 64 * 1024;

/** The URL the document names (https://easysoft.in.th/topup/api/v2.php), and its test twin v2test.php. */
export const API_PATH = '/topup/api/v2.php';
export const API_PATHS: ReadonlySet<string> = new Set([API_PATH, '/topup/api/v2test.php']);

/**
 * Answers one HTTP request: path → POST → form → username/password → function → injected fault → function.
 * Every answer is XML `<TOPUP>` at HTTP 200 (except an injected error status); every request is logged.
 */
export async function dispatch(
  ctx: SimulatorContext,
  faults: FaultQueue<EasysoftFault>,
  log: RequestLog<SimulatorRequest>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { method, path } = requestTarget(req);
  const exchange = log.open({ endpoint: 'unknown', method, path, status: 0, at: ctx.now() }, req, res);
  const send = (response: TopupResponse): void =>
    exchange.send(response.status, { 'content-type': XML_CONTENT_TYPE, ...response.headers }, response.body);

  if (!API_PATHS.has(path)) {
    exchange.send(404, { 'content-type': 'text/html; charset=UTF-8' }, '<h1>Not Found</h1>');
    return;
  }
  let raw: string;
  try {
    raw = (await readBody(req, MAX_BODY_BYTES)).toString('utf8');
  } catch {
    send(failAnswer(DETAIL.noFunction));
    return;
  }
  if (method !== 'POST') {
    send(failAnswer(DETAIL.notPost));
    return;
  }
  // PHP fills $_POST from a form-encoded body only.
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const form = new URLSearchParams(contentType === 'application/x-www-form-urlencoded' ? raw : '');
  const endpoint = classify(form);
  if (endpoint) exchange.record.endpoint = endpoint;

  const username = form.get('username');
  const password = form.get('password');
  if (username !== ctx.credentials.username || password !== ctx.credentials.password) {
    send(failAnswer(DETAIL.badLogin));
    return;
  }
  if (!endpoint) {
    send(failAnswer(DETAIL.noFunction));
    return;
  }

  const fault = faults.take(endpoint);
  if (fault?.kind === 'error') {
    const headers = fault.retryAfterSeconds === undefined ? undefined : retryAfterHeaders(fault);
    send(failAnswer(fault.message ?? fault.code, fault.status, headers));
    return;
  }
  if (fault?.kind === 'dropBeforeCommit') return exchange.drop();

  void processDue(ctx);
  let response: TopupResponse;
  try {
    response = HANDLERS[endpoint](ctx, form);
  } catch (error) {
    if (!(error instanceof TopupRefusal)) throw error;
    response = failAnswer(error.detail);
  }

  const step = await afterCommit(fault, ctx.timers);
  if (step === 'drop') return exchange.drop();
  if (step === 'malformed') return send({ ...response, status: 200, body: halfBody(response.body) });
  send(response);
}

/** Which function a form asks for: `mobile` first, else `amount=1` (balance), else `online=1`. */
export function classify(form: URLSearchParams): EasysoftEndpoint | null {
  const mobile = form.get('mobile');
  if (mobile !== null && mobile !== '') {
    const parsed = MobileFunction.safeParse(mobile);
    return parsed.success ? parsed.data : null;
  }
  if (form.get('amount') === '1') return 'balance';
  if (form.get('online') === '1') return 'online';
  return null;
}
