import { randomBytes } from 'node:crypto';
import { startApp, type RunningApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { DatabaseTarget } from '../../src/db/database.ts';
import type { ProviderId } from '../../src/domain/provider.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { createEasysoftSimulator, type EasysoftSimulator } from '../../src/providers/easysoft/simulator.ts';
import { createOtp24hrSimulator, type Otp24hrSimulator } from '../../src/providers/otp24hr/simulator.ts';
import { createP2wSimulator, P2W_SANDBOX_PACKAGES, type P2wSimulator } from '../../src/providers/p2w/simulator.ts';
import type { ProviderSimulator, SimulatorFault } from '../../src/providers/shared/simulator-contract.ts';
import { createSmscodeSimulator, type SmscodeSimulator } from '../../src/providers/smscode/simulator.ts';
import { createXd247Simulator, XD247_SANDBOX_API_KEY, type Xd247Simulator } from '../../src/providers/xd247/simulator.ts';
import { freshDatabase } from '../support/database.ts';
import { freePort } from '../support/ports.ts';

/**
 * The fault suite's world: the five providers' simulators started in the test (no result arrives by
 * itself: a case drives them), and gateways configured exactly as production is (credentials + base
 * URLs in the environment, not sandbox mode), in-process or spawned from the same environment.
 */
export const FAULT_PROVIDERS: readonly ProviderId[] = ['SMSCODE', 'OTP24HR', 'XD247', 'EASYSOFT', 'P2W'];

/** The suite's API clients (CLIENT_TOKENS): the admin buys and reads the reports; `shop` is an ordinary client. */
export const ADMIN = { name: 'admin', token: 'fault-admin-token-0123456789abcdef' } as const;
export const SHOP = { name: 'shop', token: 'fault-shop-token-0123456789abcdef0' } as const;
export const CLIENT_TOKENS = `${ADMIN.name}:${ADMIN.token},${SHOP.name}:${SHOP.token}`;

export interface Simulators {
  readonly SMSCODE: SmscodeSimulator;
  readonly OTP24HR: Otp24hrSimulator;
  readonly XD247: Xd247Simulator;
  readonly EASYSOFT: EasysoftSimulator;
  readonly P2W: P2wSimulator;
  get(id: ProviderId): ProviderSimulator;
  /** The environment that points a gateway's adapters at these simulators. */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

const SMSCODE_TOKEN = 'fault-smscode-token';
const SMSCODE_SECRET = 'fault-smscode-webhook-secret-0123456789';
const OTP24HR_KEY = 'fault-otp24hr-key';
const EASYSOFT_LOGIN = { username: 'fault', password: 'fault-easysoft-password' };
export const EASYSOFT_CALLBACK_TOKEN = 'fault-easysoft-callback-token';
const P2W_PARTNER = 'fault-partner';
const P2W_SECRET = 'fault-p2w-secret-0123456789abcdef';

/** Every simulator on its own port; `only` limits which providers are configured. */
export async function startSimulators(only: readonly ProviderId[] = FAULT_PROVIDERS): Promise<Simulators> {
  const sims = {
    SMSCODE: createSmscodeSimulator({ apiTokens: [SMSCODE_TOKEN], allowInsecureWebhookUrls: true, autoOtp: null, initialBalance: 50_000_000 }),
    OTP24HR: createOtp24hrSimulator({ apiKeys: [OTP24HR_KEY], autoOtp: null, initialBalanceThb: '100000.00', rateLimitPerMinute: null }),
    XD247: createXd247Simulator({ apiKeys: [XD247_SANDBOX_API_KEY], initialCoins: '100000.00', autoOtp: null, autoProgress: null, rateLimitPerMinute: 100_000 }),
    EASYSOFT: createEasysoftSimulator({ credentials: EASYSOFT_LOGIN, initialBalance: '100000.00', autoResult: null }),
    P2W: createP2wSimulator({ partnerId: P2W_PARTNER, secret: P2W_SECRET, initialBalance: '100000.00', autoComplete: null }),
  };
  const urls = Object.fromEntries(await Promise.all(only.map(async (id) => [id, await sims[id].start(0)] as const))) as Partial<Record<ProviderId, string>>;
  const env: Record<string, string> = { CLIENT_TOKENS };
  if (urls.SMSCODE) Object.assign(env, { SMSCODE_API_TOKEN: SMSCODE_TOKEN, SMSCODE_BASE_URL: urls.SMSCODE, SMSCODE_WEBHOOK_SECRET: SMSCODE_SECRET });
  if (urls.OTP24HR) Object.assign(env, { OTP24HR_API_KEY: OTP24HR_KEY, OTP24HR_BASE_URL: urls.OTP24HR, OTP24HR_RATE_LIMIT_PER_MINUTE: '100000' });
  if (urls.XD247) Object.assign(env, { XD247_API_KEY: XD247_SANDBOX_API_KEY, XD247_BASE_URL: urls.XD247 });
  if (urls.EASYSOFT) Object.assign(env, { EASYSOFT_USERNAME: EASYSOFT_LOGIN.username, EASYSOFT_PASSWORD: EASYSOFT_LOGIN.password, EASYSOFT_URL: urls.EASYSOFT, EASYSOFT_CALLBACK_TOKEN });
  if (urls.P2W) Object.assign(env, { P2W_PARTNER_ID: P2W_PARTNER, P2W_SECRET, P2W_BASE_URL: urls.P2W, P2W_PACKAGES: JSON.stringify(P2W_SANDBOX_PACKAGES) });
  return {
    ...sims,
    get: (id) => sims[id],
    env,
    stop: async () => {
      await Promise.all(only.map((id) => sims[id].stop()));
    },
  };
}

export interface FaultGateway {
  readonly app: RunningApp;
  readonly url: string;
  readonly graphqlUrl: string;
  stop(): Promise<void>;
}

/** A gateway in this process against `sims`; `publicUrl` turns webhooks on (and points easysoft's dashboard URL at it). */
export async function startFaultGateway(
  sims: Simulators,
  options: { publicUrl?: boolean | string; env?: Record<string, string>; database?: DatabaseTarget } = {},
): Promise<FaultGateway> {
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATA_DIR: `/tmp/sb-faults-${randomBytes(4).toString('hex')}`,
    WATCHER_MIN_INTERVAL_MS: '50',
    WATCHER_MAX_INTERVAL_MS: '300',
    // Above the longest transport timeout a case provokes (10 s), so reconciliation never races a call in flight.
    CALL_DEADLINE_SECONDS: '12',
    CREDENTIALS_KEY: randomBytes(32).toString('hex'),
    ...sims.env,
    ...options.env,
  };
  const publicUrl = typeof options.publicUrl === 'string' ? options.publicUrl : options.publicUrl ? `http://127.0.0.1:${port}` : null;
  if (publicUrl) {
    env.PUBLIC_URL = publicUrl;
    if (env.EASYSOFT_URL) sims.EASYSOFT.setCallbackUrl(`${publicUrl}/webhooks/easysoft/${EASYSOFT_CALLBACK_TOKEN}`);
  }
  const db = options.database ? { target: options.database, drop: async () => {} } : await freshDatabase();
  const app = await startApp(loadConfig(env), { database: db.target, logger: createLogger(env.LOG_LEVEL ?? 'silent') });
  return {
    app,
    url: app.url,
    graphqlUrl: `${app.url}/graphql`,
    stop: async () => {
      await app.stop();
      await db.drop();
    },
  };
}


/** POSTs a GraphQL document (plain text: the suite's operations are not part of the typed client). */
export async function gql<T = any>(graphqlUrl: string, query: string, variables?: Record<string, unknown>, token: string = ADMIN.token): Promise<{ data?: T; errors?: { message: string }[] }> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as never;
}

export type { SimulatorFault };
