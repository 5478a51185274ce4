import { ProviderSettingsError } from '../descriptor.ts';
import type { ProviderDescriptor } from '../descriptor.ts';
import { envValue, urlSetting } from '../shared/settings.ts';
import { createXd247Adapter } from './adapter.ts';
import { CoinRate, DEFAULT_COIN_THB } from './coin-rate.ts';
import { XD247_DEFAULT_BASE_URL } from './client.ts';
import { createXd247Simulator, XD247_SANDBOX_API_KEY } from './simulator.ts';

/** What 247xd needs: its base URL, the API key, and what one coin is worth in THB. */
export interface Xd247Settings {
  readonly baseUrl: string;
  readonly apiKey: string;
  /** THB per coin, decimal text ("1" unless XD247_COIN_THB says otherwise). */
  readonly coinThb: string;
}

/**
 * Section 2: "247xd_ followed by 40 characters". The document does not say which characters: any 40
 * visible ASCII characters are accepted (its example is hex), so a real key is never refused here.
 */
export const XD247_API_KEY_FORMAT = /^247xd_[\x21-\x7e]{40}$/;

const OPTIONAL_VARIABLES = ['XD247_BASE_URL', 'XD247_COIN_THB'] as const;
// Coins every sandbox account starts with.
const SANDBOX_COINS = '5000.00';
// The simulator's order ids carry a 12-hex-digit counter: a per-run range of 100,000 orders (runId is in seconds).
const SANDBOX_ORDERS_PER_RUN = 100_000;

function coinThbSetting(env: NodeJS.ProcessEnv): string {
  const value = envValue(env, 'XD247_COIN_THB') ?? DEFAULT_COIN_THB;
  try {
    return new CoinRate(value).thbPerCoin;
  } catch {
    throw new ProviderSettingsError(`Invalid XD247_COIN_THB: expected the value of one 247xd coin in THB as a positive decimal number (e.g. 1 or 0.35), received ${JSON.stringify(value)}`);
  }
}

/** 247xd: OTP numbers (Thai), social boosts and premium app accounts; coins shown as THB; polling only. */
export const xd247: ProviderDescriptor<Xd247Settings> = {
  id: 'XD247',
  name: '247xd',
  variables: ['XD247_API_KEY', ...OPTIONAL_VARIABLES],
  secretVariables: ['XD247_API_KEY'],
  settings(env) {
    const apiKey = envValue(env, 'XD247_API_KEY');
    if (apiKey === undefined) {
      // A half-configured provider never starts: its other settings without the key name the key.
      const others = OPTIONAL_VARIABLES.filter((name) => envValue(env, name) !== undefined);
      if (others.length > 0) throw new ProviderSettingsError(`Missing XD247_API_KEY: ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} set, so XD247_API_KEY is required too`);
      return null;
    }
    // Never echo the value: it is the credential.
    if (!XD247_API_KEY_FORMAT.test(apiKey)) throw new ProviderSettingsError('Invalid XD247_API_KEY: a 247xd API key is "247xd_" followed by 40 characters');
    return { apiKey, baseUrl: urlSetting(env, 'XD247_BASE_URL', XD247_DEFAULT_BASE_URL), coinThb: coinThbSetting(env) };
  },
  // A test clock (deps.clock) runs the request budget: its waits and its 60/minute window.
  create: (settings, { logger, clock }) =>
    createXd247Adapter({ ...settings, logger, ...(clock ? { now: () => new Date(clock.now()), sleep: (ms, signal) => clock.sleep(ms, signal) } : {}) }),
  async sandbox({ resultDelayMs, runId, clock }) {
    const simulator = createXd247Simulator({
      // The same clock as the adapter's budget, so both count the same 60 seconds.
      ...(clock ? { now: () => clock.now() } : {}),
      apiKeys: [XD247_SANDBOX_API_KEY],
      initialCoins: SANDBOX_COINS,
      autoOtp: resultDelayMs,
      // Boosts start within the result delay and finish a little later, as a real panel would.
      autoProgress: { processingAfterMs: resultDelayMs.minDelayMs, completedAfterMs: resultDelayMs.maxDelayMs * 2 },
      // Orders persist across runs but the simulator does not: a fresh id range per run.
      firstOrderId: (runId % 2_000_000_000) * SANDBOX_ORDERS_PER_RUN,
    });
    const baseUrl = await simulator.start(0);
    return {
      settings: { baseUrl, apiKey: XD247_SANDBOX_API_KEY, coinThb: DEFAULT_COIN_THB },
      simulator,
      controls: { deliverOtp: (providerRef, code) => simulator.deliverOtp(providerRef, code ?? undefined) },
    };
  },
};
