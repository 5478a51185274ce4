import { ProviderSettingsError } from '../descriptor.ts';
import type { ProviderDescriptor } from '../descriptor.ts';
import { credentials, envValue, urlSetting } from '../shared/settings.ts';
import { createOtp24hrAdapter } from './adapter.ts';
import { OTP24HR_DEFAULT_BASE_URL, OTP24HR_DEFAULT_RATE_LIMIT_PER_MINUTE } from './client.ts';
import { createOtp24hrSimulator } from './simulator.ts';

/** What OTP24HR needs: its base URL, the API key, and the per-minute request budget of that key. */
export interface Otp24hrSettings {
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Every call of the key shares it (the document names a per-minute limit but no number). */
  readonly rateLimitPerMinute: number;
}

const SANDBOX_KEY = 'sandbox-otp24hr-key';
// The simulator's own limit; the sandbox adapter keeps exactly inside it.
const SANDBOX_RATE_LIMIT_PER_MINUTE = 120;

/** A positive whole number of requests per minute, or the default; anything else names the variable. */
function rateLimitSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = envValue(env, name);
  if (value === undefined) return fallback;
  if (!/^[1-9]\d{0,6}$/.test(value)) throw new ProviderSettingsError(`Invalid ${name}: expected a positive whole number of requests per minute, received ${JSON.stringify(value)}`);
  return Number(value);
}

/** OTP24HR: OTP numbers (sms-activate codes and countries), THB wallet, polling only (it pushes nothing). */
export const otp24hr: ProviderDescriptor<Otp24hrSettings> = {
  id: 'OTP24HR',
  name: 'OTP24HR',
  variables: ['OTP24HR_API_KEY', 'OTP24HR_BASE_URL', 'OTP24HR_RATE_LIMIT_PER_MINUTE'],
  secretVariables: ['OTP24HR_API_KEY'],
  settings(env) {
    const set = credentials(env, ['OTP24HR_API_KEY']);
    if (!set) {
      // A half-configured provider never starts: its other settings without the key name the key.
      const others = ['OTP24HR_BASE_URL', 'OTP24HR_RATE_LIMIT_PER_MINUTE'].filter((name) => envValue(env, name) !== undefined);
      if (others.length > 0) throw new ProviderSettingsError(`Missing OTP24HR_API_KEY: ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} set, so OTP24HR_API_KEY is required too`);
      return null;
    }
    return {
      apiKey: set.OTP24HR_API_KEY,
      baseUrl: urlSetting(env, 'OTP24HR_BASE_URL', OTP24HR_DEFAULT_BASE_URL),
      rateLimitPerMinute: rateLimitSetting(env, 'OTP24HR_RATE_LIMIT_PER_MINUTE', OTP24HR_DEFAULT_RATE_LIMIT_PER_MINUTE),
    };
  },
  create: (settings, deps) => createOtp24hrAdapter({ ...settings, logger: deps.logger }),
  async sandbox({ resultDelayMs, runId }) {
    const simulator = createOtp24hrSimulator({
      apiKeys: [SANDBOX_KEY],
      autoOtp: resultDelayMs,
      rateLimitPerMinute: SANDBOX_RATE_LIMIT_PER_MINUTE,
      // Orders persist across runs but the simulator does not: a time-based range keeps order ids unique.
      firstOrderId: runId * 10,
    });
    const baseUrl = await simulator.start(0);
    return {
      settings: { baseUrl, apiKey: SANDBOX_KEY, rateLimitPerMinute: SANDBOX_RATE_LIMIT_PER_MINUTE },
      simulator,
      controls: {
        async deliverOtp(providerRef, code) {
          simulator.deliverOtp(Number(providerRef), code ?? undefined);
        },
      },
    };
  },
};
