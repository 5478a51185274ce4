import type { Config, ConfiguredProvider } from '../config.ts';
import type { ProviderId } from '../domain/provider.ts';
import type { ProviderClock, SandboxControls } from '../providers/descriptor.ts';
import { PROVIDERS } from '../providers/registry.ts';
import type { ProviderSimulator } from '../providers/shared/simulator-contract.ts';

/** Every provider simulator running in-process, and the settings that point the real adapters at them. */
export interface Sandbox {
  readonly providers: readonly ConfiguredProvider[];
  readonly simulators: ReadonlyMap<ProviderId, ProviderSimulator>;
  readonly controls: ReadonlyMap<ProviderId, SandboxControls>;
  stop(): Promise<void>;
}

/**
 * Sandbox mode (no provider credentials): every registered provider's simulator listens on loopback
 * and the gateway talks HTTP to it through the same adapter it uses in production.
 */
export async function startSandbox(config: Config, options: { clock?: ProviderClock } = {}): Promise<Sandbox> {
  const runId = Math.floor(Date.now() / 1000);
  const clock = options.clock ? { clock: options.clock } : {};
  const started = await Promise.all(PROVIDERS.map(async (descriptor) => ({ descriptor, run: await descriptor.sandbox({ resultDelayMs: config.SANDBOX_OTP_DELAY_MS, runId, ...clock }) })));
  return {
    providers: started.map(({ descriptor, run }) => ({ descriptor, settings: run.settings })),
    simulators: new Map(started.map(({ descriptor, run }) => [descriptor.id, run.simulator])),
    controls: new Map(started.map(({ descriptor, run }) => [descriptor.id, run.controls])),
    stop: async () => {
      await Promise.all(started.map(({ run }) => run.simulator.stop()));
    },
  };
}
