import { startApp, type RunningApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { createSmscodeSimulator, type SmscodeSimulator, type SmscodeSimulatorOptions } from '../../src/providers/smscode/simulator.ts';
import { freshDatabase } from './database.ts';
import { TEST_CLIENT_TOKENS } from './clients.ts';
import type { DatabaseTarget } from '../../src/db/database.ts';
import { freePort } from './ports.ts';

export const SMSCODE_TOKEN = 'test-smscode-token';
export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789abcdef';

export interface TestGateway {
  readonly url: string;
  readonly graphqlUrl: string;
  readonly app: RunningApp;
  readonly sim: SmscodeSimulator;
  stop(): Promise<void>;
}

/**
 * The real gateway on an ephemeral port, talking real HTTP to a real smscode simulator (configured
 * exactly as production would be: SMSCODE_API_TOKEN + SMSCODE_BASE_URL). `publicUrl: true` sets
 * PUBLIC_URL to the gateway's own address, i.e. webhook mode.
 */
export async function startGateway(
  options: { env?: Record<string, string>; simulator?: SmscodeSimulatorOptions; publicUrl?: boolean; sharedSim?: SmscodeSimulator; sharedDatabase?: DatabaseTarget } = {},
): Promise<TestGateway> {
  const sim = options.sharedSim ?? createSmscodeSimulator({ apiTokens: [SMSCODE_TOKEN], allowInsecureWebhookUrls: true, autoOtp: null, ...options.simulator });
  const simUrl = options.sharedSim ? options.sharedSim.baseUrl : await sim.start(0);
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SMSCODE_API_TOKEN: SMSCODE_TOKEN,
    SMSCODE_BASE_URL: simUrl,
    SMSCODE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    WATCHER_MIN_INTERVAL_MS: '50',
    WATCHER_MAX_INTERVAL_MS: '400',
    // Outside sandbox a gateway needs a client: the bootstrap pair the helpers in clients.ts use.
    CLIENT_TOKENS: TEST_CLIENT_TOKENS,
    // Tests fire requests far faster than any tenant should; the rate-limit probes set their own.
    RATE_LIMIT: 'off',
    ...(options.publicUrl ? { PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
    ...options.env,
  };
  const db = options.sharedDatabase ? { target: options.sharedDatabase, drop: async () => {} } : await freshDatabase();
  const app = await startApp(loadConfig(env), { database: db.target, logger: createLogger(env.LOG_LEVEL ?? 'silent') });
  return {
    url: app.url,
    graphqlUrl: `${app.url}/graphql`,
    app,
    sim,
    stop: async () => {
      await app.stop();
      if (!options.sharedSim) await sim.stop();
      await db.drop();
    },
  };
}

