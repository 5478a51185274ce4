import { randomBytes } from 'node:crypto';
import { Money } from '../../domain/money.ts';
import type { ProviderDescriptor } from '../descriptor.ts';
import { ProviderSettingsError } from '../descriptor.ts';
import { credentials, envValue, urlSetting } from '../shared/settings.ts';
import { createP2wAdapter } from './adapter.ts';
import { PACKAGES_VARIABLE, parsePackageSetting } from './catalog.ts';
import type { PackageConfig } from './catalog.ts';
import { P2W_DEFAULT_BASE_URL } from './client.ts';
import { createP2wSimulator, P2W_SANDBOX_PACKAGES, P2W_SANDBOX_PARTNER_ID } from './simulator.ts';

/** What P2W needs: its `{API_PREFIX}`, the partner credentials, and the packages on sale. */
export interface P2wSettings {
  readonly baseUrl: string;
  readonly partnerId: string;
  readonly secret: string;
  readonly packages: readonly PackageConfig[];
  /** Sandbox only: the balance the simulator starts with (P2W reports its balance only in callbacks). */
  readonly initialBalance?: { readonly amount: string; readonly asOf: Date };
}

// What the sandbox account holds at start, THB.
const SANDBOX_BALANCE = '5000.00';

/** P2W game top-ups: THB, refID-keyed creates, per-order hookURL callbacks (unsigned: hints only). */
export const p2w: ProviderDescriptor<P2wSettings> = {
  id: 'P2W',
  name: 'P2W',
  variables: ['P2W_PARTNER_ID', 'P2W_SECRET', 'P2W_BASE_URL', PACKAGES_VARIABLE],
  secretVariables: ['P2W_SECRET'],
  settings(env) {
    const set = credentials(env, ['P2W_PARTNER_ID', 'P2W_SECRET']);
    if (!set) return null;
    const packages = envValue(env, PACKAGES_VARIABLE);
    // P2W has no package list endpoint: without the list there is nothing to sell.
    if (!packages) {
      throw new ProviderSettingsError(`Missing ${PACKAGES_VARIABLE}: P2W has no package list endpoint, so the packages on sale (a JSON array or the path of a JSON file) are required`);
    }
    return {
      partnerId: set.P2W_PARTNER_ID,
      secret: set.P2W_SECRET,
      baseUrl: urlSetting(env, 'P2W_BASE_URL', P2W_DEFAULT_BASE_URL),
      packages: parsePackageSetting(packages),
    };
  },
  create: (settings, deps) =>
    createP2wAdapter({
      baseUrl: settings.baseUrl,
      partnerId: settings.partnerId,
      secret: settings.secret,
      packages: settings.packages,
      callbackUrl: () => deps.callbackUrl(),
      logger: deps.logger,
      ...(settings.initialBalance ? { initialBalance: { balance: Money.of(settings.initialBalance.amount, 'THB'), at: settings.initialBalance.asOf } } : {}),
    }),
  async sandbox({ resultDelayMs, runId }) {
    const secret = randomBytes(32).toString('hex');
    const simulator = createP2wSimulator({
      partnerId: P2W_SANDBOX_PARTNER_ID,
      secret,
      initialBalance: SANDBOX_BALANCE,
      // A top-up goes processing half-way, then succeeds, within the sandbox's result delay.
      autoComplete: { delayMs: Math.round((resultDelayMs.minDelayMs + resultDelayMs.maxDelayMs) / 2) },
      // Orders persist across runs but the simulator does not: a per-run range (runId is in seconds)
      // keeps orderIDs unique for up to a million orders a run.
      firstOrderId: (runId % 1_000_000_000) * 1_000_000,
    });
    const baseUrl = await simulator.start(0);
    return {
      settings: {
        baseUrl,
        partnerId: P2W_SANDBOX_PARTNER_ID,
        secret,
        packages: P2W_SANDBOX_PACKAGES.map((p) => ({ ...p, fields: [...p.fields] })),
        // Known from the start here; from then on the callbacks report it, as with the real P2W.
        initialBalance: { amount: SANDBOX_BALANCE, asOf: new Date(simulator.now()) },
      },
      simulator,
      // A top-up has no OTP to deliver: the simulator completes orders on its own.
      controls: {},
    };
  },
};
