import { randomBytes } from 'node:crypto';
import type { ProviderDescriptor } from '../descriptor.ts';
import { ProviderSettingsError } from '../descriptor.ts';
import { credentials, envValue, urlSetting } from '../shared/settings.ts';
import { createEasysoftAdapter } from './adapter.ts';
import { EASYSOFT_DEFAULT_URL } from './client.ts';
import { createEasysoftSimulator } from './simulator.ts';
import { REFILL_RESULT_MIN_MS } from './simulator.ts';
import { PATH_TOKEN, derivedCallbackToken } from './webhook.ts';

/** What easysoft needs: its one URL, the login, and the secret path token of the callback. */
export interface EasysoftSettings {
  readonly url: string;
  readonly username: string;
  readonly password: string;
  readonly callbackToken: string;
  /** The token was derived from the password (EASYSOFT_CALLBACK_TOKEN unset). */
  readonly callbackTokenDerived: boolean;
  /**
   * Sandbox only: sets the simulator's "URL ตอบกลับผลการเติมเงิน" to the gateway's callback URL, as an
   * operator does in the easysoft dashboard.
   */
  readonly configureCallbackUrl?: (url: string) => void;
}

const TOKEN_VARIABLE = 'EASYSOFT_CALLBACK_TOKEN';

/** easysoft TOPUP API V2: Thai mobile airtime, THB, one form-POST URL, XML answers, unsigned result callbacks. */
export const easysoft: ProviderDescriptor<EasysoftSettings> = {
  id: 'EASYSOFT',
  name: 'easysoft',
  variables: ['EASYSOFT_USERNAME', 'EASYSOFT_PASSWORD', 'EASYSOFT_URL', TOKEN_VARIABLE],
  secretVariables: ['EASYSOFT_PASSWORD', TOKEN_VARIABLE],
  settings(env) {
    const set = credentials(env, ['EASYSOFT_USERNAME', 'EASYSOFT_PASSWORD']);
    if (!set) return null;
    const token = envValue(env, TOKEN_VARIABLE);
    // The value is a secret: the message names the variable and the rule, never the value.
    if (token !== undefined && !PATH_TOKEN.test(token)) {
      throw new ProviderSettingsError(`Invalid ${TOKEN_VARIABLE}: expected 16 to 128 URL-safe characters (A-Z a-z 0-9 _ -)`);
    }
    return {
      username: set.EASYSOFT_USERNAME,
      password: set.EASYSOFT_PASSWORD,
      url: urlSetting(env, 'EASYSOFT_URL', EASYSOFT_DEFAULT_URL),
      // Unset: derived from the password, so the callback URL set in the dashboard survives restarts.
      callbackToken: token ?? derivedCallbackToken(set.EASYSOFT_USERNAME, set.EASYSOFT_PASSWORD),
      callbackTokenDerived: token === undefined,
    };
  },
  create(settings, deps) {
    const logger = deps.logger.child({ provider: 'EASYSOFT' });
    if (settings.callbackTokenDerived) {
      logger.info(`${TOKEN_VARIABLE} is not set: the callback path token is derived from EASYSOFT_PASSWORD (stable across restarts; it changes when the password does, and the URL in the easysoft dashboard must then be set again)`);
    }
    const url = deps.callbackUrl(settings.callbackToken);
    if (url && settings.configureCallbackUrl) settings.configureCallbackUrl(url);
    return createEasysoftAdapter({
      url: settings.url,
      username: settings.username,
      password: settings.password,
      callbackToken: settings.callbackToken,
      logger,
    });
  },
  async sandbox({ resultDelayMs, runId }) {
    const login = { username: 'sandbox', password: randomBytes(18).toString('base64url') };
    const simulator = createEasysoftSimulator({
      credentials: login,
      initialBalance: '5000.00',
      // The document's earliest result is 10 s after the refill: never sooner, even in the sandbox.
      autoResult: { delayMs: Math.max(REFILL_RESULT_MIN_MS, Math.round((resultDelayMs.minDelayMs + resultDelayMs.maxDelayMs) / 2)) },
      // Orders persist across runs but the simulator does not: a per-run range (runId is in seconds)
      // keeps ORDERIDs unique for up to a million orders a run.
      firstOrderId: (runId % 1_000_000_000) * 1_000_000,
    });
    const url = await simulator.start(0);
    return {
      settings: {
        url,
        ...login,
        callbackToken: randomBytes(24).toString('base64url'),
        callbackTokenDerived: false,
        configureCallbackUrl: (callbackUrl) => simulator.setCallbackUrl(callbackUrl),
      },
      simulator,
      // A top-up has no OTP to deliver: the simulator settles refills on its own.
      controls: {},
    };
  },
};
