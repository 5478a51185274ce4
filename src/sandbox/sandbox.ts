import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import type { ProviderEndpoints } from '../providers/registry.ts';
import { createSmscodeSimulator, type SmscodeSimulator } from '../providers/smscode/simulator.ts';
import type { SandboxControls } from '../services/services.ts';

/** Every provider simulator running in-process, and the endpoints the real adapters use to reach them. */
export interface Sandbox {
  readonly endpoints: ProviderEndpoints;
  readonly controls: SandboxControls;
  readonly smscode: SmscodeSimulator;
  stop(): Promise<void>;
}

const SANDBOX_TOKEN = 'sandbox-token';

/**
 * Sandbox mode (no provider credentials): the simulators listen on loopback and the gateway talks
 * HTTP to them through the same adapters it uses in production.
 */
export async function startSandbox(config: Config): Promise<Sandbox> {
  const smscode = createSmscodeSimulator({
    apiTokens: [SANDBOX_TOKEN],
    autoOtp: config.SANDBOX_OTP_DELAY_MS,
    allowInsecureWebhookUrls: true,
    // Orders persist across runs but the simulator does not: a time-based range keeps order ids unique.
    firstOrderId: Math.floor(Date.now() / 1000) * 10,
  });
  const baseUrl = await smscode.start(0);
  const webhookSecret = config.SMSCODE_WEBHOOK_SECRET ?? randomBytes(32).toString('hex');
  return {
    endpoints: { smscode: { baseUrl, apiToken: SANDBOX_TOKEN, webhookSecret } },
    controls: {
      deliverOtp: async (provider, providerRef, code) => {
        if (provider !== 'SMSCODE') throw new Error(`No sandbox simulator delivers SMS for ${provider}`);
        await smscode.deliverOtp(Number(providerRef), code ?? undefined);
      },
    },
    smscode,
    stop: () => smscode.stop(),
  };
}
