import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AmbiguousOutcomeError, ProviderRejectedError, RateLimitedError, ServiceUnavailableError } from '../../../src/domain/errors.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { mayHaveTakenEffect, unreadableAnswer } from '../../../src/providers/shared/call-outcome.ts';
import { parseRateLimitHeaders, parseRetryAfter } from '../../../src/providers/shared/rate-limit-headers.ts';
import { createTransport } from '../../../src/providers/shared/transport.ts';
import type { CallSpec, OutgoingRequest, TransportOptions } from '../../../src/providers/shared/transport.ts';

// ── one real HTTP server for the whole file; each path is one upstream behaviour ──

let server: Server;
let baseUrl: string;
let refusedUrl: string;
/** Requests that reached the server, per path. */
let hits: Map<string, number>;
/** Raw bodies the server received, per path. */
let received: Map<string, string[]>;
/** Extra answer headers for /headers. */
let answerHeaders: Record<string, string> = {};
/** How many times /flaky drops the connection before answering. */
let flakyDrops = 0;

const routes: Record<string, (req: IncomingMessage, res: ServerResponse, body: string) => void> = {
  '/json': (_req, res) => json(res, 200, '{"ok":true,"amount":12.345678901234567890123,"big":90071992547409931234,"count":3}'),
  '/echo': (req, res, body) => json(res, 200, JSON.stringify({ method: req.method, url: req.url, contentType: req.headers['content-type'] ?? null, auth: req.headers['x-signature'] ?? null, body })),
  '/reset': (req) => req.socket.destroy(),
  '/slow': (_req, res) => setTimeout(() => json(res, 200, '{"late":true}'), 400),
  '/503': (_req, res) => json(res, 503, '{"error":"maintenance"}'),
  '/400': (_req, res) => json(res, 400, '{"error":"INVALID_PRODUCT"}'),
  '/truncated': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
    res.write('{"order":{"id":7,"amo');
    setTimeout(() => res.socket?.destroy(), 20);
  },
  '/half-json': (_req, res) => json(res, 200, '{"order":{"id":7,"amo'),
  '/xml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end('<?xml version="1.0" encoding="UTF-8"?><response><status>00</status><balance>1234567.890</balance><trx id="0042">TRX-001</trx><flag>true</flag></response>');
  },
  '/bad-xml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end('<response><status>00</status><bal');
  },
  '/headers': (_req, res) => {
    res.writeHead(429, { 'content-type': 'application/json', 'x-request-id': 'req-77', ...answerHeaders });
    res.end('{"error":"RATE_LIMITED"}');
  },
  '/limited-ok': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', ...answerHeaders });
    res.end('{"ok":true}');
  },
  '/flaky': (req, res) => {
    if (flakyDrops > 0) {
      flakyDrops -= 1;
      req.socket.destroy();
      return;
    }
    json(res, 200, '{"ok":true}');
  },
};

function json(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(text);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/api/, '');
      const body = Buffer.concat(chunks).toString('utf8');
      hits.set(path, (hits.get(path) ?? 0) + 1);
      received.set(path, [...(received.get(path) ?? []), body]);
      const route = routes[path];
      if (route) route(req, res, body);
      else json(res, 404, '{"error":"NOT_FOUND"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  // A port that was just free: nothing listens there any more.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  refusedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/api`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  hits = new Map();
  received = new Map();
  answerHeaders = {};
  flakyDrops = 0;
});

afterEach(() => {
  vi.useRealTimers();
});

// ── helpers ──

function fakeClock(start = Date.parse('2026-03-01T12:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    // The budget's sleep moves the fake clock instead of waiting.
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

function transport(options: Partial<TransportOptions> = {}) {
  return createTransport({
    provider: 'OTP24HR',
    baseUrl,
    limits: { api: { limit: 100, windowMs: 60_000 }, orders: { limit: 100, windowMs: 60_000 } },
    timeouts: { read: 100, write: 100 },
    retryBackoff: { initialDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
}

const read = (path: string, extra: Partial<CallSpec> = {}): CallSpec => ({ method: 'GET', path, effect: 'read', group: 'api', answer: 'json', ...extra });
const write = (path: string, extra: Partial<CallSpec> = {}): CallSpec => ({ method: 'POST', path, effect: 'write', group: 'orders', answer: 'json', body: { json: { x: 1 } }, ...extra });

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

// ── classification ──

describe('refused before any effect', () => {
  it('a refused connection is ServiceUnavailableError for reads and writes alike, never ambiguous', async () => {
    const t = transport({ baseUrl: refusedUrl });
    const onRead = await failure(t.call(read('/json')));
    expect(onRead).toBeInstanceOf(ServiceUnavailableError);
    expect(onRead).toMatchObject({ providerCode: 'ECONNREFUSED' });
    const onWrite = await failure(t.call(write('/json')));
    expect(onWrite).toBeInstanceOf(ServiceUnavailableError);
    expect(onWrite).toMatchObject({ providerCode: 'ECONNREFUSED' });
    expect(mayHaveTakenEffect(onWrite)).toBe(false);
    // The read was retried (readRetries 2: three requests), the write was not.
    expect(t.stats()).toEqual({ api: 3, orders: 1 });
  });
});

describe('failed after the request was sent', () => {
  it('a connection reset before the answer: a write is ambiguous and sent once; a read is retried, then unavailable', async () => {
    const t = transport();
    const onWrite = await failure(t.call(write('/reset')));
    expect(onWrite).toBeInstanceOf(AmbiguousOutcomeError);
    expect(mayHaveTakenEffect(onWrite)).toBe(true);
    expect(hits.get('/reset')).toBe(1);

    const onRead = await failure(t.call(read('/reset')));
    expect(onRead).toBeInstanceOf(ServiceUnavailableError);
    expect(hits.get('/reset')).toBe(1 + 3);
    expect(t.stats()).toEqual({ api: 3, orders: 1 });
  });

  it('a timeout: a write is ambiguous and never retried; a read is tried again and then unavailable', async () => {
    const t = transport({ readRetries: 1 });
    const onWrite = await failure(t.call(write('/slow')));
    expect(onWrite).toBeInstanceOf(AmbiguousOutcomeError);
    expect((onWrite as Error).message).toContain('timed out');
    expect(hits.get('/slow')).toBe(1);

    const onRead = await failure(t.call(read('/slow')));
    expect(onRead).toBeInstanceOf(ServiceUnavailableError);
    expect(onRead).toMatchObject({ providerCode: 'TIMEOUT' });
    expect(hits.get('/slow')).toBe(1 + 2);
  });

  it('an answer cut off mid-body is a failure, not a short answer: ambiguous for a write', async () => {
    const t = transport();
    expect(await failure(t.call(write('/truncated')))).toBeInstanceOf(AmbiguousOutcomeError);
    const onRead = await failure(t.call(read('/truncated')));
    expect(onRead).toBeInstanceOf(ServiceUnavailableError);
    expect(onRead).toMatchObject({ providerCode: 'ANSWER_TRUNCATED' });
  });

  it('read retries recover from passing failures, and every retry is counted and budgeted', async () => {
    const t = transport({ readRetries: 2, limits: { api: { limit: 10, windowMs: 60_000 }, orders: { limit: 10, windowMs: 60_000 } } });
    flakyDrops = 2;
    const answer = await t.call(read('/flaky'));
    expect(answer).toMatchObject({ status: 200, parsed: true, body: { ok: true } });
    expect(hits.get('/flaky')).toBe(3);
    expect(t.stats().api).toBe(3);
    expect(t.budget.remaining('api')).toBe(7);
  });

  it('writes are never retried, whatever the failure', async () => {
    const t = transport({ readRetries: 5 });
    flakyDrops = 1;
    expect(await failure(t.call(write('/flaky')))).toBeInstanceOf(AmbiguousOutcomeError);
    expect(await t.call(write('/503'))).toMatchObject({ status: 503 });
    expect(hits.get('/flaky')).toBe(1);
    expect(hits.get('/503')).toBe(1);
  });
});

describe('answers of any status', () => {
  it('a 5xx answer is returned to the client; a read is retried on it first', async () => {
    const t = transport({ readRetries: 2 });
    const answer = await t.call(read('/503'));
    expect(answer).toMatchObject({ status: 503, parsed: true, body: { error: 'maintenance' } });
    expect(hits.get('/503')).toBe(3);
  });

  it('a business refusal (4xx) is an answer, not retried', async () => {
    const t = transport();
    expect(await t.call(read('/400'))).toMatchObject({ status: 400, body: { error: 'INVALID_PRODUCT' } });
    expect(hits.get('/400')).toBe(1);
  });

  it('JSON amounts keep their exact text: no float on the way', async () => {
    const answer = await transport().call(read('/json'));
    expect(answer.body).toEqual({ ok: true, amount: '12.345678901234567890123', big: '90071992547409931234', count: 3 });
  });

  it('truncated JSON in a complete answer is unparsed, and the shared helper classifies it by effect and status', async () => {
    const t = transport();
    const answer = await t.call(read('/half-json'));
    expect(answer).toMatchObject({ status: 200, parsed: false, body: undefined, text: '{"order":{"id":7,"amo' });
    const onRead = t.unreadable(answer);
    expect(onRead).toBeInstanceOf(ProviderRejectedError);
    expect(onRead).toMatchObject({ providerCode: 'MALFORMED_RESPONSE', httpStatus: 200 });
    expect(t.unreadable(await t.call(write('/half-json')))).toBeInstanceOf(AmbiguousOutcomeError);

    const context = { provider: 'OTP24HR' as const, effect: 'read' as const, label: 'OTP24HR GET /x' };
    expect(unreadableAnswer(context, { status: 502 })).toMatchObject({ providerCode: 'HTTP_502', httpStatus: 502 });
    expect(unreadableAnswer(context, { status: 502 })).toBeInstanceOf(ServiceUnavailableError);
    expect(unreadableAnswer({ ...context, effect: 'write' }, { status: 502 })).toBeInstanceOf(AmbiguousOutcomeError);
  });

  it('XML answers keep every value as its exact text', async () => {
    const t = transport();
    const answer = await t.call(read('/xml', { answer: 'xml' }));
    expect(answer.parsed).toBe(true);
    expect(answer.body).toEqual({ response: { status: '00', balance: '1234567.890', trx: { '#text': 'TRX-001', '@_id': '0042' }, flag: 'true' } });
    const bad = await t.call(read('/bad-xml', { answer: 'xml' }));
    expect(bad).toMatchObject({ parsed: false, body: undefined });
  });

  it('text answers are passed as they are', async () => {
    expect(await transport().call(read('/half-json', { answer: 'text' }))).toMatchObject({ parsed: true, body: '{"order":{"id":7,"amo' });
  });
});

describe('request building and authentication', () => {
  it('sends a form body and lets authenticate sign the exact bytes sent', async () => {
    const seen: OutgoingRequest[] = [];
    const t = transport({
      authenticate: (request) => {
        seen.push(request);
        request.headers.set('X-Signature', createHash('sha256').update(request.body ?? '').digest('hex'));
        request.url.searchParams.set('key', 'k1');
      },
    });
    const answer = await t.call(write('/echo', { body: { form: { msisdn: '+6281 234', amount: '10000.50', note: 'a&b=c' } }, query: { ref: 'R-1', skip: undefined } }));
    const echoed = answer.body as { method: string; url: string; contentType: string; auth: string; body: string };
    expect(echoed.method).toBe('POST');
    expect(echoed.contentType).toBe('application/x-www-form-urlencoded');
    expect(echoed.body).toBe('msisdn=%2B6281+234&amount=10000.50&note=a%26b%3Dc');
    expect(seen[0]?.body).toBe(echoed.body);
    expect(echoed.auth).toBe(createHash('sha256').update(echoed.body).digest('hex'));
    expect(echoed.url).toBe('/api/echo?ref=R-1&key=k1');
    expect(seen[0]?.method).toBe('POST');
  });

  it('a JSON body is signed byte for byte as sent', async () => {
    let signed = '';
    const t = transport({ authenticate: (request) => void (signed = request.body ?? '') });
    const answer = await t.call(write('/echo', { body: { json: { sku: 'ML-86', qty: 1, note: 'ünï' } } }));
    const echoed = answer.body as { contentType: string; body: string };
    expect(echoed.contentType).toBe('application/json');
    expect(echoed.body).toBe(signed);
    expect(signed).toBe('{"sku":"ML-86","qty":1,"note":"ünï"}');
  });
});

describe('redaction', () => {
  const SECRET = 'k3y/with+plus&amp=x y';
  const forms = [SECRET, encodeURIComponent(SECRET), new URLSearchParams({ s: SECRET }).toString().slice(2)];

  it('a secret in the query string appears neither in an error message nor in a log line', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const t = transport({ secrets: [SECRET], logger: createLogger('debug', destination), readRetries: 0 });
    const error = await failure(t.call(read('/reset', { query: { api_key: SECRET } })));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    const message = (error as Error).message;
    expect(message).toContain('api_key=[redacted]');
    await t.call(read('/json', { query: { api_key: SECRET } }));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.join('\n')).toContain('[redacted]');
    for (const form of forms) {
      expect(message).not.toContain(form);
      expect(lines.join('\n')).not.toContain(form);
    }
    expect(t.redact(`upstream said: bad key ${SECRET}`)).toBe('upstream said: bad key [redacted]');
  });
});

describe('Retry-After and rate-limit headers', () => {
  it('reads Retry-After seconds or an HTTP date, and the request id', async () => {
    const clock = fakeClock();
    const t = transport({ now: clock.now });
    answerHeaders = { 'retry-after': '7' };
    expect(await t.call(read('/headers'))).toMatchObject({ status: 429, retryAfterSeconds: 7, requestId: 'req-77' });
    answerHeaders = { 'retry-after': new Date(clock.now() + 120_000).toUTCString() };
    expect((await t.call(read('/headers', { group: 'orders' }))).retryAfterSeconds).toBe(120);
    expect(parseRetryAfter(null, clock.now())).toBeNull();
    expect(parseRetryAfter('soon', clock.now())).toBeNull();
  });

  it('a 429 with Retry-After pauses the group; noteRateLimited does the same for a provider-specific refusal', async () => {
    const clock = fakeClock();
    const t = transport({ now: clock.now });
    answerHeaders = { 'retry-after': '5' };
    await t.call(read('/headers'));
    expect(t.budget.remaining('api')).toBe(0);
    clock.advance(5000);
    expect(t.budget.remaining('api')).toBeGreaterThan(0);
    t.noteRateLimited('orders', 30);
    expect(t.budget.remaining('orders')).toBe(0);
    expect(t.budget.remaining('api')).toBeGreaterThan(0);
  });

  it('X-RateLimit-Remaining 0 pauses the group until Reset, given as epoch seconds', async () => {
    const clock = fakeClock();
    const t = transport({ now: clock.now, rateLimitHeaders: true });
    answerHeaders = { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(clock.now() / 1000 + 30) };
    expect(await t.call(read('/limited-ok'))).toMatchObject({ status: 200 });
    expect(t.budget.remaining('api')).toBe(0);
    expect(t.budget.remaining('orders')).toBe(100);
    clock.advance(29_000);
    expect(t.budget.remaining('api')).toBe(0);
    clock.advance(1000);
    expect(t.budget.remaining('api')).toBe(99);
  });

  it('… or as seconds from now; a non-zero Remaining does not pause, nor do headers when not enabled', async () => {
    const clock = fakeClock();
    const t = transport({ now: clock.now, rateLimitHeaders: true });
    answerHeaders = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '12' };
    await t.call(read('/limited-ok'));
    expect(t.budget.remaining('api')).toBe(0);
    clock.advance(12_000);
    expect(t.budget.remaining('api')).toBeGreaterThan(0);
    answerHeaders = { 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '12' };
    await t.call(read('/limited-ok'));
    expect(t.budget.remaining('api')).toBeGreaterThan(0);

    const off = transport({ now: clock.now });
    answerHeaders = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '12' };
    await off.call(read('/limited-ok'));
    expect(off.budget.remaining('api')).toBe(99);
    expect(parseRateLimitHeaders(new Headers({ 'x-ratelimit-reset': '1709312400' }), 0)?.resetAt).toBe(1_709_312_400_000);
  });
});

describe('request budget', () => {
  it('a foreground call whose wait would exceed maxBudgetWaitMs fails at once with RateLimitedError; a background call waits', async () => {
    const clock = fakeClock();
    const t = transport({ now: clock.now, sleep: clock.sleep, limits: { api: { limit: 1, windowMs: 60_000 } }, maxBudgetWaitMs: 3000 });
    await t.call(read('/json'));
    const before = clock.now();
    const error = await failure(t.call(read('/json')));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ retryAfterSeconds: 60, providerCode: 'REQUEST_BUDGET' });
    expect(clock.now()).toBe(before); // refused without waiting
    expect(hits.get('/json')).toBe(1);
    expect(mayHaveTakenEffect(error)).toBe(false);

    clock.advance(500);
    const refusedAgain = await failure(t.call(read('/json')));
    expect(refusedAgain).toMatchObject({ retryAfterSeconds: 60 }); // 59.5 s, rounded up

    expect(await t.call(read('/json', { background: true }))).toMatchObject({ status: 200 });
    expect(clock.now() - before).toBe(60_000);
    expect(hits.get('/json')).toBe(2);
    expect(t.stats().api).toBe(2);
  });

  it('a wait within maxBudgetWaitMs is simply waited out', async () => {
    const clock = fakeClock();
    const t = transport({ now: clock.now, sleep: clock.sleep, limits: { api: { limit: 2, windowMs: 2000 } }, maxBudgetWaitMs: 3000 });
    await Promise.all([t.call(read('/json')), t.call(read('/json')), t.call(read('/json'))]);
    expect(hits.get('/json')).toBe(3);
  });
});

describe('circuit breaker', () => {
  it('opens after consecutive connection failures or 5xx (not business refusals), refuses without sending, and recovers half-open', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-03-01T12:00:00Z'));
    const t = transport({ breaker: { failures: 3, halfOpenAfterMs: 30_000 }, readRetries: 0 });

    // Business refusals in between never count.
    for (let i = 0; i < 5; i++) await t.call(write('/400'));
    expect(t.circuit).toBe('closed');

    await t.call(write('/503'));
    await failure(t.call(write('/reset')));
    expect(t.circuit).toBe('closed');
    await t.call(write('/503'));
    expect(t.circuit).toBe('open');
    expect(t.health()).toMatchObject({ status: 'DOWN' });

    const refused = await failure(t.call(read('/json')));
    expect(refused).toBeInstanceOf(ServiceUnavailableError);
    expect(refused).toMatchObject({ providerCode: 'CIRCUIT_OPEN', retryAfterSeconds: 30 });
    expect(hits.get('/json')).toBeUndefined(); // nothing was sent
    expect(await failure(t.call(write('/json')))).toBeInstanceOf(ServiceUnavailableError); // not ambiguous: never sent

    vi.setSystemTime(Date.now() + 30_000);
    expect(await t.call(read('/json'))).toMatchObject({ status: 200 });
    expect(t.circuit).toBe('closed');
    expect(hits.get('/json')).toBe(1);
    expect(t.health().status).not.toBe('DOWN');
  });

  it('a failed half-open trial opens it again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-03-01T12:00:00Z'));
    const t = transport({ breaker: { failures: 2, halfOpenAfterMs: 10_000 }, readRetries: 0 });
    await t.call(read('/503'));
    await t.call(read('/503'));
    expect(t.circuit).toBe('open');
    vi.setSystemTime(Date.now() + 10_000);
    expect(await t.call(read('/503'))).toMatchObject({ status: 503 });
    expect(t.circuit).toBe('open');
    expect(await failure(t.call(read('/json')))).toMatchObject({ providerCode: 'CIRCUIT_OPEN' });
  });
});

describe('health from real outcomes', () => {
  it('UP before and after answers, DEGRADED after a failure or a rate limit, DOWN after repeated failures', async () => {
    const clock = fakeClock();
    const t = transport({ now: clock.now, readRetries: 0 });
    expect(t.health()).toMatchObject({ status: 'UP', checkedAt: null });
    await t.call(read('/json'));
    expect(t.health()).toEqual({ status: 'UP', checkedAt: new Date(clock.now()), detail: null });
    await t.call(read('/400'));
    expect(t.health().status).toBe('UP'); // a business refusal is an answer

    await t.call(read('/headers'));
    expect(t.health().status).toBe('DEGRADED');
    clock.advance(60_000);
    expect(t.health().status).toBe('UP');

    await t.call(read('/503'));
    expect(t.health().status).toBe('DEGRADED');
    await failure(t.call(read('/reset')));
    await t.call(read('/half-json')); // unreadable counts as a failure
    expect(t.health()).toMatchObject({ status: 'DOWN' });
    await t.call(read('/json'));
    expect(t.health().status).toBe('UP');
  });

  it('with an interpreter, the client\'s verdict decides: its business error is UP, its unavailability a failure', async () => {
    const t = transport({ readRetries: 0 });
    await failure(
      t.call(read('/400'), () => {
        throw new ProviderRejectedError({ provider: 'OTP24HR', providerCode: 'INVALID_PRODUCT', message: 'no' });
      }),
    );
    expect(t.health().status).toBe('UP');
    await failure(t.call(read('/json'), (answer) => { throw t.unreadable(answer, 'not the documented shape'); }));
    expect(t.health().status).toBe('DEGRADED');
    expect(await t.call(read('/json'), (answer) => (answer.body as { count: number }).count)).toBe(3);
    expect(t.health().status).toBe('UP');
  });

  it('a refusal on our side (budget) says nothing about the provider', async () => {
    const clock = fakeClock();
    const t = transport({ now: clock.now, limits: { api: { limit: 1, windowMs: 60_000 } } });
    await t.call(read('/json'));
    await failure(t.call(read('/json')));
    expect(t.health().status).toBe('UP');
  });
});
