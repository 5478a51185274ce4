import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimulatorRequest } from '../../shared/simulator-contract.ts';
import { MobileFunction } from '../wire.ts';
import type { SimulatorContext } from './context.ts';
import { DETAIL } from './details.ts';
import { HANDLERS } from './endpoints.ts';
import type { FaultQueue } from './faults.ts';
import { processDue } from './lifecycle.ts';
import type { EasysoftEndpoint } from './public-types.ts';
import { failAnswer, TopupRefusal, truncate, XML_CONTENT_TYPE } from './xml-answers.ts';
import type { TopupResponse } from './xml-answers.ts';

const MAX_BODY_BYTES = 64 * 1024;

/** The URL the document names (https://easysoft.in.th/topup/api/v2.php), and its test twin v2test.php. */
export const API_PATH = '/topup/api/v2.php';
export const API_PATHS: ReadonlySet<string> = new Set([API_PATH, '/topup/api/v2test.php']);

/** A request record whose status is filled in when the answer leaves. */
type MutableRecord = { -readonly [K in keyof SimulatorRequest]: SimulatorRequest[K] };

/**
 * Answers one HTTP request: path → POST → form → username/password → function → injected fault → function.
 * Every answer is XML `<TOPUP>` at HTTP 200 (except an injected error status); every request is logged.
 */
export async function dispatch(
  ctx: SimulatorContext,
  faults: FaultQueue,
  requests: SimulatorRequest[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://simulator.invalid').pathname;
  const record: MutableRecord = { endpoint: 'unknown', method, path, status: 0, at: ctx.now() };
  requests.push(record);
  const send = (response: TopupResponse): void => {
    record.status = response.status;
    res.writeHead(response.status, { 'content-type': XML_CONTENT_TYPE, ...response.headers });
    res.end(response.body);
  };

  if (!API_PATHS.has(path)) {
    record.status = 404;
    res.writeHead(404, { 'content-type': 'text/html; charset=UTF-8' }).end('<h1>Not Found</h1>');
    return;
  }
  let raw: string;
  try {
    raw = await readBody(req);
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
  if (endpoint) record.endpoint = endpoint;

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
    const headers = fault.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(fault.retryAfterSeconds) };
    send(failAnswer(fault.message ?? fault.code, fault.status, headers));
    return;
  }
  if (fault?.kind === 'dropBeforeCommit') {
    req.socket.destroy();
    return;
  }

  void processDue(ctx);
  let response: TopupResponse;
  try {
    response = HANDLERS[endpoint](ctx, form);
  } catch (error) {
    if (!(error instanceof TopupRefusal)) throw error;
    response = failAnswer(error.detail);
  }

  if (fault?.kind === 'delay') await new Promise<void>((resolve) => ctx.timers.after(fault.ms, resolve));
  if (fault?.kind === 'dropAfterCommit') {
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'malformedAfterCommit') {
    send({ ...response, status: 200, body: truncate(response.body) });
    return;
  }
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
