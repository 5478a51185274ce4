import { mkdtemp, rm } from 'node:fs/promises';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { ProviderId } from '../../src/domain/provider.ts';
import { createLogger } from '../../src/logging/logger.ts';
import type { ProviderClock } from '../../src/providers/descriptor.ts';
import type { Otp24hrSimulator } from '../../src/providers/otp24hr/simulator.ts';
import type { ProviderSimulator } from '../../src/providers/shared/simulator-contract.ts';
import type { SmscodeSimulator } from '../../src/providers/smscode/simulator.ts';
import type { Xd247Simulator } from '../../src/providers/xd247/simulator.ts';
import type { TypedDocumentString } from '../gql/graphql.ts';
import { freshDatabase } from './database.ts';

/** The gateway in sandbox mode (every simulator in-process), with each OTP simulator under its own type. */
export interface SandboxGateway {
  readonly app: RunningApp;
  /** …/graphql */
  readonly url: string;
  readonly smscode: SmscodeSimulator;
  readonly otp24hr: Otp24hrSimulator;
  readonly xd247: Xd247Simulator;
  simulator(id: ProviderId): ProviderSimulator;
  stop(): Promise<void>;
}

export interface SandboxGatewayOptions {
  /** Extra environment (defaults: loopback, silent, no PUBLIC_URL i.e. polling mode, fast watcher). */
  readonly env?: Record<string, string>;
  /** A clock for the providers that take one (247xd): its simulator and its request budget. */
  readonly clock?: ProviderClock;
}

/**
 * Starts the gateway as test/e2e/sandbox.test.ts does, with no provider credentials: every simulator
 * runs behind its real adapter. Simulated codes never arrive by themselves (SANDBOX_OTP_DELAY_MS is a
 * day), so a test decides when an SMS is delivered; DATA_DIR is a fresh temp folder.
 */
export async function startSandboxGateway(options: SandboxGatewayOptions = {}): Promise<SandboxGateway> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sb-sandbox-'));
  const db = await freshDatabase();
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    SANDBOX_OTP_DELAY_MS: '86400000-86400000',
    WATCHER_MIN_INTERVAL_MS: '50',
    WATCHER_MAX_INTERVAL_MS: '200',
    ...options.env,
  };
  const app = await startApp(loadConfig(env), { database: db.target, logger: createLogger(env.LOG_LEVEL ?? 'silent'), ...(options.clock ? { clock: options.clock } : {}) });
  const simulators = app.sandbox!.simulators;
  const simulator = (id: ProviderId): ProviderSimulator => {
    const sim = simulators.get(id);
    if (!sim) throw new Error(`no ${id} simulator in sandbox mode`);
    return sim;
  };
  return {
    app,
    url: `${app.url}/graphql`,
    smscode: simulator('SMSCODE') as SmscodeSimulator,
    otp24hr: simulator('OTP24HR') as Otp24hrSimulator,
    xd247: simulator('XD247') as Xd247Simulator,
    simulator,
    stop: async () => {
      await app.stop();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A clock running `factor` times real time from now: `now()` in whole ms, `sleep(ms)` waits ms/factor of
 * real time. With factor 20, a 60-requests-a-minute budget grants 60 per 3 real seconds.
 */
export function scaledClock(factor: number): ProviderClock & { readonly factor: number; toReal(ms: number): number } {
  if (!(factor >= 1)) throw new RangeError('factor must be at least 1');
  const start = Date.now();
  const started = performance.now();
  return {
    factor,
    now: () => start + Math.floor((performance.now() - started) * factor),
    toReal: (ms) => ms / factor,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const onAbort = () => {
          clearTimeout(timer);
          reject(signal?.reason);
        };
        // ceil: never wake before `ms` of this clock has passed.
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, Math.ceil(Math.max(0, ms) / factor));
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
  };
}

/** Polls `probe` every `everyMs` until `done` holds (or the attempts run out); returns the last value. */
export async function waitFor<T>(probe: () => Promise<T> | T, done: (value: T) => boolean, { attempts = 200, everyMs = 50 } = {}): Promise<T> {
  let value = await probe();
  for (let i = 0; i < attempts && !done(value); i++) {
    await new Promise((r) => setTimeout(r, everyMs));
    value = await probe();
  }
  return value;
}

/**
 * Subscribes over graphql-ws and hands every event to `onEvent` as it arrives (no queue, no timeouts:
 * for tests that count many events). Resolves once the server acknowledged the connection.
 */
export async function collectSubscription<R, V>(url: string, document: TypedDocumentString<R, V>, variables: V, onEvent: (data: R) => void): Promise<{ close(): Promise<void>; errors: unknown[] }> {
  const errors: unknown[] = [];
  let connected!: () => void;
  let failed!: (error: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => ((connected = resolve), (failed = reject)));
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    on: {
      connected: () => connected(),
      // A socket closed before the ack fails the start instead of hanging the test.
      closed: (event) => failed(new Error(`graphql-ws closed before the ack: ${(event as { code?: number; reason?: string })?.code} ${(event as { reason?: string })?.reason ?? ''}`)),
      error: (error) => failed(error),
    },
  });
  client.subscribe<R>({ query: document.toString(), variables: variables as Record<string, unknown> }, {
    next: (value) => {
      if (value.errors?.length) errors.push(value.errors);
      if (value.data) onEvent(value.data as R);
    },
    error: (error) => errors.push(error),
    complete: () => {},
  });
  await ready;
  // The subscribe message follows the ack; let the server register it before anything happens.
  await new Promise((r) => setTimeout(r, 100));
  return { errors, close: () => client.dispose() as Promise<void> };
}
