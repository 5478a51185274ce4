import { randomBytes } from 'node:crypto';
import type { ProviderDescriptor } from '../descriptor.ts';
import { credentials, envValue, urlSetting } from '../shared/settings.ts';
import { createSmscodeAdapter } from './adapter.ts';
import { createSmscodeSimulator } from './simulator.ts';

/** What smscode needs: its v1 base URL, the API token, and the secret it signs webhooks with. */
export interface SmscodeSettings {
  readonly baseUrl: string;
  readonly apiToken: string;
  readonly webhookSecret: string | undefined;
}

const SANDBOX_TOKEN = 'sandbox-token';

/** smscode.gg: OTP numbers in many countries, IDR ledger, signed webhooks (docs/architecture.md). */
export const smscode: ProviderDescriptor<SmscodeSettings> = {
  id: 'SMSCODE',
  name: 'smscode.gg',
  variables: ['SMSCODE_API_TOKEN', 'SMSCODE_BASE_URL', 'SMSCODE_WEBHOOK_SECRET'],
  secretVariables: ['SMSCODE_API_TOKEN', 'SMSCODE_WEBHOOK_SECRET'],
  settings(env) {
    const set = credentials(env, ['SMSCODE_API_TOKEN']);
    if (!set) return null;
    return {
      apiToken: set.SMSCODE_API_TOKEN,
      baseUrl: urlSetting(env, 'SMSCODE_BASE_URL', 'https://api.smscode.gg/v1'),
      webhookSecret: envValue(env, 'SMSCODE_WEBHOOK_SECRET'),
    };
  },
  create: (settings) => createSmscodeAdapter(settings),
  async sandbox({ resultDelayMs, runId }) {
    const simulator = createSmscodeSimulator({
      apiTokens: [SANDBOX_TOKEN],
      autoOtp: resultDelayMs,
      allowInsecureWebhookUrls: true,
      // Orders persist across runs but the simulator does not: a time-based range keeps order ids unique.
      firstOrderId: runId * 10,
    });
    const baseUrl = await simulator.start(0);
    return {
      settings: { baseUrl, apiToken: SANDBOX_TOKEN, webhookSecret: randomBytes(32).toString('hex') },
      simulator,
      controls: { deliverOtp: (providerRef, code) => simulator.deliverOtp(Number(providerRef), code ?? undefined) },
    };
  },
};
