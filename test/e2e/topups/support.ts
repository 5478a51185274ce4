import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { startApp, type RunningApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { Dec } from '../../../src/domain/money.ts';
import type { ProviderId } from '../../../src/domain/provider.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import type { EasysoftSimulator } from '../../../src/providers/easysoft/simulator.ts';
import type { P2wSimulator } from '../../../src/providers/p2w/simulator.ts';
import type { Xd247Simulator } from '../../../src/providers/xd247/simulator.ts';
import { freshDatabase } from '../../support/database.ts';
import { freePort } from '../../support/ports.ts';

/**
 * The gateway in sandbox mode (no provider credentials: every simulator runs in-process, behind the
 * real adapters, over real HTTP), on a free port, with a throwaway database and DATA_DIR. Results
 * come only when a test drives a simulator: SANDBOX_OTP_DELAY_MS is a day, so no simulator settles an
 * order by itself during a test. `publicUrl: true` sets PUBLIC_URL to the gateway's own address
 * (webhook mode: easysoft's callback URL and P2W's hookURL point back at it). Every log line the
 * gateway writes is kept in `logs`.
 */
export interface SandboxGateway {
  readonly app: RunningApp;
  readonly url: string;
  readonly graphqlUrl: string;
  /** Every log line written so far (JSON text, level debug and up). */
  readonly logs: string[];
  readonly easysoft: EasysoftSimulator;
  readonly p2w: P2wSimulator;
  readonly xd247: Xd247Simulator;
  /** Direct SQL on the gateway's database (for what is stored at rest). */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

// Longer than any test: a simulator never settles an order on its own clock while a test runs.
const ONE_DAY_MS = 86_400_000;

export async function startSandboxGateway(options: { publicUrl?: boolean; env?: Record<string, string> } = {}): Promise<SandboxGateway> {
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-topups-'));
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SANDBOX_OTP_DELAY_MS: `${ONE_DAY_MS}-${ONE_DAY_MS}`,
    WATCHER_MIN_INTERVAL_MS: '50',
    WATCHER_MAX_INTERVAL_MS: '400',
    ...(options.publicUrl ? { PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
    ...options.env,
  };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const db = await freshDatabase();
  const app = await startApp(loadConfig(env), { database: db.target, logger: createLogger('debug', sink) });
  if (!app.sandbox) throw new Error('expected sandbox mode');
  const simulator = <T>(id: ProviderId): T => {
    const sim = app.sandbox!.simulators.get(id);
    if (!sim) throw new Error(`no ${id} simulator in the sandbox`);
    return sim as unknown as T;
  };
  return {
    app,
    url: app.url,
    graphqlUrl: `${app.url}/graphql`,
    logs,
    easysoft: simulator<EasysoftSimulator>('EASYSOFT'),
    p2w: simulator<P2wSimulator>('P2W'),
    xd247: simulator<Xd247Simulator>('XD247'),
    sql: async <T,>(query: string, params: unknown[] = []) => (await app.services.db.em().getConnection().execute(query, params)) as T[],
    stop: async () => {
      await app.stop();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `probe` until `done` holds (or gives up and returns the last value, for the assertion to show). */
export async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, { attempts = 200, intervalMs = 50 } = {}): Promise<T> {
  let value = await probe();
  for (let i = 0; i < attempts && !done(value); i++) {
    await new Promise((r) => setTimeout(r, intervalMs));
    value = await probe();
  }
  return value;
}

let counter = 0;
/** A fresh idempotency key. */
export const newKey = (label = 'topup') => `${label}-${process.pid}-${Date.now()}-${++counter}`;


/** POSTs raw bytes to one of the gateway's webhook routes, as a provider would. */
export async function postWebhook(gatewayUrl: string, path: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const response = await fetch(`${gatewayUrl}${path}`, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}

/** Money of this currency and exactly this amount (decimal text may differ in trailing zeros: 97 / 97.00). */
export function expectMoney(money: { amount: string; currency: string } | null | undefined, amount: string, currency = 'THB'): void {
  expect(money?.currency).toBe(currency);
  expect(new Dec(money!.amount).equals(new Dec(amount)), `${money!.amount} = ${amount}`).toBe(true);
}
