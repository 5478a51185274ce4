/**
 * OTP push at scale (issue 12, item 4): provider webhook in → graphql-ws subscriber out, the database
 * commit included, with thousands of live order pages open.
 *
 * Run directly: `node_modules/.bin/node bench/fanout.ts [--subscribers N] [--rate R] [--seconds S] [--pglite] [--postgres] [--no-bare] [--no-redis]`
 * (default: 5,000 subscribers, 200 OTPs/s for 10 s, PostgreSQL then PGlite). `bench/index.ts` imports
 * `runFanout` and prints the same figures. For diagnosis: FANOUT_NODE_FLAGS, FANOUT_GATEWAY_LOG and
 * FANOUT_CPU_PROF_DIR (docs/performance.md, "Running the benchmark").
 *
 * What runs where:
 *  - this process is the provider and the shop's browsers: an smscode simulator (orders are bought
 *    from it through the gateway's `buyNumber`), the webhook sender (signed `order.otp_received`
 *    pushes, as smscode sends them, POSTed to `/webhooks/smscode`) and the WebSocket clients (raw
 *    graphql-transport-ws, each subscribed as the storefront's live order page is:
 *    `otpReceived(orderId, replay: true) { code text receivedAt order { id status } }`);
 *  - each gateway is its own process (`src/main.ts` with the start script's node flags, NODE_ENV=production, webhook mode via PUBLIC_URL,
 *    the watcher at a 10-minute interval so only pushes move orders);
 *  - one instance: webhooks and subscribers on the same gateway (in-memory event bus);
 *    two instances (PostgreSQL only: PGlite is one process's database): both with REDIS_URL on one
 *    database, webhooks to A, every subscriber on B;
 *  - the reference: a bare graphql-ws server (`--bare-server`, this file as a child process) with one
 *    subscription field over an in-memory PubSub, for the idle cost of a subscriber, and a webhook route
 *    doing the least the same push needs (signature check, one committed insert, publish): the floor
 *    this machine and load generator allow.
 *
 * Latency is measured at the client: from just before the webhook POST is written to the moment the
 * socket delivers the `next` message carrying that code. OTPs are sent open-loop at the offered rate,
 * round-robin over the orders, each with a fresh code. Idle RSS per subscriber: the gateway's RSS
 * (from /proc) with every subscriber connected and subscribed, settled, minus its RSS before any
 * socket, over the number of subscribers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, createServer as createHttpServer, request } from 'node:http';
import { freePort } from '../test/support/ports.ts';
import { throwawayPostgres } from '../test/support/database.ts';
import { startFlags } from './support/start-flags.ts';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { createSmscodeSimulator, type SmscodeSimulator } from '../src/providers/smscode/simulator.ts';
import { signSmscodeBody, SIGNATURE_HEADER, verifySmscodeSignature } from '../src/providers/smscode/webhook.ts';

/** Options of `runFanout`; every one has a default. */
export interface FanoutOptions {
  /** Live subscribers, one per order (each order is bought through the gateway). Default 5000. */
  readonly subscribers?: number;
  /** OTPs offered per second, open-loop. Default 200. */
  readonly otpsPerSecond?: number;
  /** Seconds of measured sending per phase (after one second of warm-up). Default 10. */
  readonly seconds?: number;
  /** Which database the gateways use. Default 'postgres'. */
  readonly database?: 'postgres' | 'pglite';
  /** A PostgreSQL server where throwaway databases may be created. Default DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres. */
  readonly postgresUrl?: string;
  /** Redis for the two-instance phase; null skips it. Default REDIS_URL or redis://127.0.0.1:6379. */
  readonly redisUrl?: string | null;
  /** Also measure a bare graphql-ws server's idle cost per subscriber. Default true. */
  readonly bare?: boolean;
  /** Progress lines (default: none). */
  readonly log?: (line: string) => void;
}

/** Latency of one phase, in milliseconds from webhook sent to code received. */
export interface FanoutLatency {
  readonly offeredPerSecond: number;
  readonly achievedPerSecond: number;
  readonly sent: number;
  readonly received: number;
  /** Webhooks not answered 2xx. */
  readonly failed: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** The webhook's own answer (the gateway committed the change): p50 / p99 ms from sent to answered. */
  readonly answeredP50: number;
  readonly answeredP99: number;
  /** Gateway CPU time (user + system, every instance of the phase) per OTP sent, in µs. */
  readonly cpuMicrosPerOtp: number;
}

/** Everything one `runFanout` call measured. */
export interface FanoutResult {
  readonly date: string;
  readonly machine: string;
  readonly database: 'postgres' | 'pglite';
  readonly subscribers: number;
  readonly oneInstance: FanoutLatency;
  /** Webhooks to A, subscribers on B, through Redis; null without Redis or on PGlite. */
  readonly twoInstances: FanoutLatency | null;
  /** KiB of gateway RSS per idle subscriber (one socket, one subscription). */
  readonly gatewayKiBPerSubscriber: number;
  /** The same for a bare graphql-ws server; null when not measured. */
  readonly bareKiBPerSubscriber: number | null;
  /** The bare reference's push path (verify, one committed insert, publish) at the same rate; null when not measured. */
  readonly bare: FanoutLatency | null;
  /** Gateway RSS in MiB before the sockets and with them all open. */
  readonly gatewayRssMiB: { readonly before: number; readonly withSubscribers: number };
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_BIN = join(REPO_ROOT, 'node_modules/.bin/node');
const SMSCODE_TOKEN = 'bench-smscode-token';
const WEBHOOK_SECRET = randomBytes(24).toString('hex');
const CLIENT_KEY = `bench-client-${randomBytes(12).toString('hex')}`;
const SUBSCRIPTION = 'subscription LiveOrderOtp($orderId: ID!) { otpReceived(orderId: $orderId, replay: true) { code text receivedAt order { id status } } }';
const BUY =
  'mutation BenchBuy($key: String!) { buyNumber(input: { service: "whatsapp", country: "ID", idempotencyKey: $key }) { __typename ... on BuyNumberPayload { order { id providerRef phoneNumber } } ... on Error { code message } } }';
// smscode's order-create budget is 3000 per sliding minute per account; the gateway keeps to it.
const BUYS_PER_MINUTE = 2900;

interface BenchOrder {
  readonly id: string;
  readonly providerRef: number;
  readonly phoneNumber: string;
}

interface Gateway {
  readonly child: ChildProcess;
  readonly origin: string;
  stop(): Promise<void>;
}

export async function runFanout(options: FanoutOptions = {}): Promise<FanoutResult> {
  const subscribers = options.subscribers ?? 5000;
  const rate = options.otpsPerSecond ?? 200;
  const seconds = options.seconds ?? 10;
  const database = options.database ?? 'postgres';
  const redisUrl = options.redisUrl === undefined ? (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') : options.redisUrl;
  const log = options.log ?? (() => {});
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const sim = createSmscodeSimulator({ apiTokens: [SMSCODE_TOKEN], initialBalance: 1_000_000_000, autoOtp: null, allowInsecureWebhookUrls: true });
    await sim.start(0);
    cleanups.push(() => sim.stop());
    // WhatsApp Indonesia (the document's example product 87): enough numbers for every subscriber.
    for (const productId of [142, 143, 144]) sim.setStock(productId, 1_000_000);
    const db = database === 'postgres' ? await throwawayPostgres(options.postgresUrl ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', 'sb_fanout') : null;
    if (db) cleanups.push(db.drop);
    const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-fanout-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const dbEnv: Record<string, string> = db ? { DATABASE_URL: db.url } : { DATA_DIR: dataDir };

    // One instance: webhooks and subscribers on the same gateway, in-memory event bus.
    const one = await spawnGateway(sim, dbEnv);
    cleanups.push(one.stop);
    log(`fanout (${database}): buying ${subscribers} orders through buyNumber (smscode allows ${BUYS_PER_MINUTE}/minute)`);
    const orders = await buyOrders(one.origin, subscribers, log);
    await settle(one.child.pid!);
    // Warm the subscription path once (parse, validate, first execution) before the baseline.
    const warm = await connectSubscribers(one.origin, orders.slice(0, 20));
    await closeAll(warm);
    await settle(one.child.pid!);
    const before = rssKiB(one.child.pid!);
    const tracker = new Tracker();
    const received = (code: string) => tracker.received(code);
    log(`fanout (${database}): connecting ${subscribers} subscribers`);
    let sockets = await connectSubscribers(one.origin, orders, received);
    await settle(one.child.pid!);
    await sleep(2000);
    const withSubscribers = rssKiB(one.child.pid!);
    log(`fanout (${database}): one instance, ${rate} OTPs/s for ${seconds} s`);
    const oneInstance = await sendOtps(one.origin, orders, rate, seconds, tracker, log, [one.child.pid!]);
    await closeAll(sockets);
    await one.stop();

    let twoInstances: FanoutLatency | null = null;
    if (db && redisUrl) {
      const a = await spawnGateway(sim, { ...dbEnv, REDIS_URL: redisUrl });
      cleanups.push(a.stop);
      const b = await spawnGateway(sim, { ...dbEnv, REDIS_URL: redisUrl });
      cleanups.push(b.stop);
      // Each instance's first watcher pass reads the open orders once; let both finish it.
      await Promise.all([settle(a.child.pid!), settle(b.child.pid!)]);
      log(`fanout (${database}): two instances through Redis, ${subscribers} subscribers on B, webhooks to A`);
      sockets = await connectSubscribers(b.origin, orders, received);
      await Promise.all([settle(a.child.pid!), settle(b.child.pid!)]);
      twoInstances = await sendOtps(a.origin, orders, rate, seconds, tracker, log, [a.child.pid!, b.child.pid!]);
      await closeAll(sockets);
      await Promise.all([a.stop(), b.stop()]);
    }

    let bareKiBPerSubscriber: number | null = null;
    let bare: FanoutLatency | null = null;
    if (options.bare ?? true) {
      log(`fanout: bare graphql-ws server, ${subscribers} subscribers: idle cost, then ${rate} pushes/s`);
      ({ kiBPerSubscriber: bareKiBPerSubscriber, latency: bare } = await bareReference(orders, db?.url ?? null, rate, seconds, tracker, log, cleanups));
    }

    return {
      date: new Date().toISOString(),
      machine: machine(),
      database,
      subscribers,
      oneInstance,
      twoInstances,
      gatewayKiBPerSubscriber: round1((withSubscribers - before) / subscribers),
      bareKiBPerSubscriber,
      bare,
      gatewayRssMiB: { before: round1(before / 1024), withSubscribers: round1(withSubscribers / 1024) },
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
}

/** Lines for a human, one figure each. */
export function describeFanout(r: FanoutResult): string[] {
  const line = (label: string, l: FanoutLatency) =>
    `${label}: ${l.received}/${l.sent} codes (${l.failed} webhooks refused), offered ${l.offeredPerSecond}/s, achieved ${l.achievedPerSecond}/s; webhook → subscriber p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms (the webhook itself answered, change committed: p50 ${l.answeredP50} ms, p99 ${l.answeredP99} ms); server CPU ${l.cpuMicrosPerOtp} µs per OTP`;
  return [
    `OTP fan-out, ${r.database}, ${r.subscribers} subscribers (${r.date}, ${r.machine})`,
    line('  one instance', r.oneInstance),
    r.twoInstances ? line('  two instances via Redis (webhook to A, subscribers on B)', r.twoInstances) : '  two instances via Redis: not measured (needs PostgreSQL and Redis)',
    r.bare ? line('  bare reference (node:http + graphql-ws, HMAC check, one committed insert, in-memory PubSub)', r.bare) : '  bare reference push: not measured',
    `  idle subscriber: gateway ${r.gatewayKiBPerSubscriber} KiB RSS each (${r.gatewayRssMiB.before} → ${r.gatewayRssMiB.withSubscribers} MiB)` +
      (r.bareKiBPerSubscriber === null ? '' : `; bare graphql-ws server ${r.bareKiBPerSubscriber} KiB each`),
  ];
}

// ---------------------------------------------------------------------------------------------
// Gateways

async function spawnGateway(sim: SmscodeSimulator, extra: Record<string, string>): Promise<Gateway> {
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NO_COLOR: '1',
    SMSCODE_API_TOKEN: SMSCODE_TOKEN,
    SMSCODE_BASE_URL: sim.baseUrl,
    SMSCODE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    // Webhook mode: smscode is a pushing provider, polled only at the slow interval.
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    WATCHER_MIN_INTERVAL_MS: '600000',
    WATCHER_MAX_INTERVAL_MS: '600000',
    CLIENT_TOKENS: `bench:${CLIENT_KEY}`,
    RATE_LIMIT: 'off',
    WS_MAX_SOCKETS_PER_CLIENT: '100000',
    WS_MAX_SUBSCRIPTIONS_PER_CLIENT: '100000',
    ...extra,
  };
  // FANOUT_CPU_PROF_DIR=<dir>: each gateway writes a V8 CPU profile there when it stops.
  const profile = process.env.FANOUT_CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', resolve(process.env.FANOUT_CPU_PROF_DIR)] : [];
  // FANOUT_NODE_FLAGS="--trace-gc …": extra node flags for each gateway, for diagnosis.
  const extraFlags = (process.env.FANOUT_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(NODE_BIN, [...(await startFlags(REPO_ROOT)), ...profile, ...extraFlags, 'src/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  // FANOUT_GATEWAY_LOG=<file>: the gateways' output, each chunk stamped with the bench's clock (ms).
  const logFile = process.env.FANOUT_GATEWAY_LOG;
  if (logFile) for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: string) => appendFileSync(logFile, `@${Date.now()} [${port}] ${chunk}`));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const origin = await new Promise<string>((ready, fail) => {
    // PGlite starts (and migrates) in-process: slow on a busy machine.
    const timer = setTimeout(() => fail(new Error(`gateway not ready in 180 s:\n${output}`)), 180_000);
    child.stdout!.on('data', () => {
      const match = /ready: (http:\/\/\S+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        ready(match[1]!);
      }
    });
    void exited.then(() => fail(new Error(`gateway exited before it was ready:\n${output}`)));
  });
  let stopping: Promise<void> | null = null;
  return {
    child,
    origin,
    stop: () =>
      (stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      })()),
  };
}

async function buyOrders(origin: string, count: number, log: (line: string) => void): Promise<BenchOrder[]> {
  const orders: BenchOrder[] = [];
  const started: number[] = [];
  let next = 0;
  const run = `${Date.now()}`;
  async function worker(): Promise<void> {
    while (next < count) {
      const i = next++;
      // Keep inside the provider's create budget: the (n − 2900)th buy started over a minute ago.
      const windowStart = started[started.length - BUYS_PER_MINUTE];
      if (windowStart !== undefined) await sleep(Math.max(0, windowStart + 60_500 - Date.now()));
      started.push(Date.now());
      const answer = await graphqlPost<{ buyNumber: { __typename: string; order?: { id: string; providerRef: string; phoneNumber: string }; message?: string } }>(origin, BUY, { key: `fanout-${run}-${i}` });
      const order = answer.buyNumber.order;
      if (answer.buyNumber.__typename !== 'BuyNumberPayload' || !order) throw new Error(`buyNumber failed: ${JSON.stringify(answer.buyNumber)}`);
      orders[i] = { id: order.id, providerRef: Number(order.providerRef), phoneNumber: order.phoneNumber };
      if (orders.filter(Boolean).length % 1000 === 0) log(`  ${orders.filter(Boolean).length} orders`);
    }
  }
  await Promise.all(Array.from({ length: 16 }, worker));
  return orders;
}

async function graphqlPost<T>(origin: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${CLIENT_KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}


// ---------------------------------------------------------------------------------------------
// Subscribers: raw graphql-transport-ws, one socket and one subscription per order

async function connectSubscribers(origin: string, orders: readonly BenchOrder[], onCode?: (code: string) => void, token = CLIENT_KEY): Promise<WebSocket[]> {
  const url = `${origin.replace(/^http/, 'ws')}/graphql`;
  const sockets: WebSocket[] = [];
  let next = 0;
  async function worker(): Promise<void> {
    while (next < orders.length) {
      const order = orders[next++]!;
      sockets.push(await subscribeOne(url, order.id, token, onCode));
    }
  }
  await Promise.all(Array.from({ length: 50 }, worker));
  return sockets;
}

function subscribeOne(url: string, orderId: string, token: string, onCode?: (code: string) => void): Promise<WebSocket> {
  return new Promise((resolveSocket, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
    const timer = setTimeout(() => reject(new Error('subscriber not acknowledged in 30 s')), 30_000);
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (raw) => {
      const text = String(raw);
      // The hot path: find the code without parsing the whole message.
      const at = text.indexOf('"code":"');
      if (at !== -1 && onCode) {
        const start = at + 8;
        onCode(text.slice(start, text.indexOf('"', start)));
        return;
      }
      const message = JSON.parse(text) as { type: string; payload?: unknown };
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION, variables: { orderId } } }));
        // The subscription is registered once the server has read the message; a ping round trip after it proves that.
        socket.send(JSON.stringify({ type: 'ping' }));
      } else if (message.type === 'pong') {
        clearTimeout(timer);
        resolveSocket(socket);
      } else if (message.type === 'error') {
        reject(new Error(`subscription refused: ${JSON.stringify(message.payload)}`));
      }
    });
    socket.once('close', (code, reason) => reject(new Error(`socket closed before it was ready: ${code} ${String(reason)}`)));
  });
}

async function closeAll(sockets: readonly WebSocket[]): Promise<void> {
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((done) => {
          if (socket.readyState === WebSocket.CLOSED) return done();
          socket.once('close', () => done());
          socket.removeAllListeners('error');
          socket.on('error', () => {});
          socket.close(1000);
        }),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Webhooks: signed order.otp_received pushes, open-loop at the offered rate

/** Codes in flight (code → when its webhook was sent) and the latencies of those that arrived. */
class Tracker {
  readonly pending = new Map<string, number>();
  readonly latencies: number[] = [];
  readonly answered: number[] = [];
  lastReceivedAt = 0;
  private counter = 0;

  /** A code never sent before in this run. */
  nextCode(): string {
    return String(1_000_000 + this.counter++);
  }

  received(code: string): void {
    const sentAt = this.pending.get(code);
    if (sentAt === undefined) return; // a replayed earlier code
    this.pending.delete(code);
    this.lastReceivedAt = performance.now();
    this.latencies.push(this.lastReceivedAt - sentAt);
  }

  reset(): void {
    this.pending.clear();
    this.latencies.length = 0;
    this.answered.length = 0;
  }
}

async function sendOtps(origin: string, orders: readonly BenchOrder[], rate: number, seconds: number, tracker: Tracker, log: (line: string) => void, pids: readonly number[]): Promise<FanoutLatency> {
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const url = new URL('/webhooks/smscode', origin);
  let cursor = Math.floor(Math.random() * orders.length);
  let failed = 0;
  const post = (order: BenchOrder): Promise<void> => {
    const code = tracker.nextCode();
    const body = JSON.stringify({
      event: 'order.otp_received',
      timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      data: { order_id: order.providerRef, phone_number: order.phoneNumber, otp_code: code, otp_message: `Your WhatsApp code is ${code}`, product_id: 1, catalog_product_id: 1, country: 'Indonesia', platform: 'WhatsApp' },
    });
    const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), [SIGNATURE_HEADER]: signSmscodeBody(body, WEBHOOK_SECRET) };
    const refused = () => {
      failed++;
      tracker.pending.delete(code);
    };
    return new Promise<void>((done) => {
      const sentAt = performance.now();
      const req = request(url, { method: 'POST', headers, agent }, (res) => {
        if (res.statusCode === undefined || res.statusCode >= 300) refused();
        res.resume();
        res.once('end', () => {
          tracker.answered.push(performance.now() - sentAt);
          done();
        });
      });
      req.once('error', () => {
        refused();
        done();
      });
      tracker.pending.set(code, performance.now());
      req.end(body);
    });
  };

  async function phase(durationMs: number): Promise<number> {
    const start = performance.now();
    const inFlight = new Set<Promise<void>>();
    let sent = 0;
    const total = Math.round((durationMs / 1000) * rate);
    while (sent < total) {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
      while (sent < due) {
        const p = post(orders[cursor++ % orders.length]!);
        inFlight.add(p);
        void p.then(() => inFlight.delete(p));
        sent++;
      }
      await sleep(Math.max(0, start + (sent / rate) * 1000 - performance.now()));
    }
    await Promise.all(inFlight);
    return sent;
  }

  // One second of warm-up, not counted.
  await phase(1000);
  await waitForCodes(tracker.pending, 10_000);
  tracker.reset();
  failed = 0;

  const firstSent = performance.now();
  log(`  measuring from @${Date.now()}`);
  const ticksBefore = pids.reduce((sum, pid) => sum + cpuTicks(pid), 0);
  const sent = await phase(seconds * 1000);
  await waitForCodes(tracker.pending, 10_000);
  const ticks = pids.reduce((sum, pid) => sum + cpuTicks(pid), 0) - ticksBefore;
  agent.destroy();
  const sorted = [...tracker.latencies].sort((x, y) => x - y);
  const pct = (p: number, of: number[] = sorted) => round1(of[Math.min(of.length - 1, Math.ceil((p / 100) * of.length) - 1)] ?? Number.NaN);
  const answered = [...tracker.answered].sort((x, y) => x - y);
  const result: FanoutLatency = {
    offeredPerSecond: rate,
    achievedPerSecond: Math.round(sorted.length / Math.max(0.001, (tracker.lastReceivedAt - firstSent) / 1000)),
    sent,
    received: sorted.length,
    failed,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: round1(sorted.at(-1) ?? Number.NaN),
    answeredP50: pct(50, answered),
    answeredP99: pct(99, answered),
    // Ticks are 1/100 s.
    cpuMicrosPerOtp: Math.round((ticks * 10_000) / Math.max(1, sent)),
  };
  log(`  p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.received}/${result.sent} received`);
  tracker.reset();
  return result;
}

async function waitForCodes(codes: Map<string, number>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (codes.size > 0 && Date.now() < deadline) await sleep(20);
}

// ---------------------------------------------------------------------------------------------
// The bare graphql-ws reference

/**
 * The framework's own floor for the same push, on the same machine and load generator: a bare graphql-ws
 * server whose webhook route checks the smscode signature, commits one insert to PostgreSQL (when the
 * gateway phases ran on it) and publishes to an in-memory PubSub. Its subscribers subscribe by provider
 * order id (it keeps no order book).
 */
async function bareReference(
  orders: readonly BenchOrder[],
  databaseUrl: string | null,
  rate: number,
  seconds: number,
  tracker: Tracker,
  log: (line: string) => void,
  cleanups: (() => Promise<void>)[],
): Promise<{ kiBPerSubscriber: number; latency: FanoutLatency }> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), NODE_ENV: 'production', BARE_WEBHOOK_SECRET: WEBHOOK_SECRET, ...(databaseUrl ? { BARE_DATABASE_URL: databaseUrl } : {}) };
  const child = spawn(NODE_BIN, [fileURLToPath(import.meta.url), '--bare-server'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  const origin = await new Promise<string>((ready, fail) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /bare ready: (\S+)/.exec(out);
      if (match) ready(match[1]!);
    });
    void exited.then(() => fail(new Error('bare server exited')));
  });
  const byRef = orders.map((o) => ({ ...o, id: String(o.providerRef) }));
  const warm = await connectSubscribers(origin, byRef.slice(0, 20));
  await closeAll(warm);
  await settle(child.pid!);
  const before = rssKiB(child.pid!);
  const sockets = await connectSubscribers(origin, byRef, (code) => tracker.received(code));
  await settle(child.pid!);
  await sleep(2000);
  const after = rssKiB(child.pid!);
  const latency = await sendOtps(origin, orders, rate, seconds, tracker, log, [child.pid!]);
  await closeAll(sockets);
  child.kill('SIGTERM');
  await exited;
  return { kiBPerSubscriber: round1((after - before) / orders.length), latency };
}

/** `--bare-server`: graphql-ws over ws with one subscription field and an in-memory PubSub, nothing else. */
async function bareServer(): Promise<void> {
  const { GraphQLID, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, GraphQLBoolean } = await import('graphql');
  const { createPubSub } = await import('@graphql-yoga/subscription');
  const { WebSocketServer } = await import('ws');
  const { useServer } = await import('graphql-ws/use/ws');
  const pubsub = createPubSub<Record<string, [string, { code: string; text: string; receivedAt: string; order: { id: string; status: string } }]>>();
  const Otp = new GraphQLObjectType({
    name: 'OtpReceived',
    fields: { code: { type: GraphQLString }, text: { type: GraphQLString }, receivedAt: { type: GraphQLString }, order: { type: new GraphQLObjectType({ name: 'Order', fields: { id: { type: GraphQLID }, status: { type: GraphQLString } } }) } },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLBoolean, resolve: () => true } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        otpReceived: {
          type: Otp,
          args: { orderId: { type: new GraphQLNonNull(GraphQLID) }, replay: { type: GraphQLBoolean } },
          subscribe: (_root, args: { orderId: string }) => pubsub.subscribe('otp', args.orderId),
          resolve: (event: { code: string }) => event,
        },
      },
    }),
  });
  const secret = process.env.BARE_WEBHOOK_SECRET ?? '';
  const pg = process.env.BARE_DATABASE_URL ? new (await import('pg')).default.Pool({ connectionString: process.env.BARE_DATABASE_URL, max: 10 }) : null;
  await pg?.query('create table if not exists bare_messages (id bigserial primary key, order_ref bigint not null, code text, text text not null, received_at timestamptz not null)');
  const server = createHttpServer((req, res) => {
    if (req.method !== 'POST' || !req.url?.startsWith('/webhooks/smscode')) return void res.end('bare');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        if (!verifySmscodeSignature(raw, (req.headers[SIGNATURE_HEADER] as string | undefined) ?? null, secret)) {
          res.writeHead(401).end();
          return;
        }
        const { data } = JSON.parse(raw) as { data: { order_id: number; otp_code: string; otp_message: string } };
        const receivedAt = new Date();
        await pg?.query('insert into bare_messages (order_ref, code, text, received_at) values ($1, $2, $3, $4)', [data.order_id, data.otp_code, data.otp_message, receivedAt]);
        pubsub.publish('otp', String(data.order_id), { code: data.otp_code, text: data.otp_message, receivedAt: receivedAt.toISOString(), order: { id: String(data.order_id), status: 'OTP_RECEIVED' } });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      })();
    });
  });
  const wss = new WebSocketServer({ server, path: '/graphql' });
  useServer({ schema }, wss);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    process.stdout.write(`bare ready: http://127.0.0.1:${port}\n`);
  });
  process.on('SIGTERM', () => process.exit(0));
}

// ---------------------------------------------------------------------------------------------
// Process figures

function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]);
}

function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Waits until the process uses under 5% of a core over half a second (at most 120 s). */
async function settle(pid: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  let last = cpuTicks(pid);
  while (Date.now() < deadline) {
    await sleep(500);
    const now = cpuTicks(pid);
    // Ticks are 1/100 s: under 3 ticks in 500 ms is under 6% of one core.
    if (now - last < 3) return;
    last = now;
  }
}

function machine(): string {
  const list = cpus();
  return `${list.length} × ${list[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round1 = (n: number) => Math.round(n * 10) / 10;

// ---------------------------------------------------------------------------------------------
// Run directly

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i === -1 ? undefined : Number(args[i + 1]);
  };
  if (args.includes('--bare-server')) {
    await bareServer();
  } else {
    const onlyOne = args.includes('--postgres') !== args.includes('--pglite');
    const wanted: ('postgres' | 'pglite')[] = onlyOne ? [args.includes('--pglite') ? 'pglite' : 'postgres'] : ['postgres', 'pglite'];
    let bare = !args.includes('--no-bare');
    for (const database of wanted) {
      const redisUrl = args.includes('--no-redis') ? null : undefined;
      const result = await runFanout({ subscribers: value('--subscribers'), otpsPerSecond: value('--rate'), seconds: value('--seconds'), database, bare, redisUrl, log: (line) => console.error(line) });
      for (const line of describeFanout(result)) console.log(line);
      bare = false; // once is enough
    }
    process.exit(0);
  }
}
