import type { ProviderAdapter, ProviderId } from '../domain/provider.ts';
import type { Logger } from '../logging/logger.ts';
import type { ProviderSimulator } from './shared/simulator-contract.ts';

/**
 * What a provider folder exports from its index.ts: everything the gateway needs to configure,
 * create and sandbox it (docs/architecture.md, "Adding a provider"). The registry is a list of these.
 */
export interface ProviderDescriptor<Settings = unknown> {
  readonly id: ProviderId;
  readonly name: string;
  /** Every environment variable it reads, and which of them hold secrets (never echoed or logged). */
  readonly variables: readonly string[];
  readonly secretVariables: readonly string[];
  /**
   * Its settings from the environment: null when none of its credentials is set; throws
   * ProviderSettingsError naming the variable when only some are set or a value is malformed.
   */
  settings(env: NodeJS.ProcessEnv): Settings | null;
  create(settings: Settings, deps: ProviderDeps): ProviderAdapter;
  /** Starts its simulator on loopback and answers the settings that point the real adapter at it. */
  sandbox(options: SandboxOptions): Promise<SandboxProvider<Settings>>;
}

/**
 * A clock a provider's request budget and its simulator may run on instead of real time. Tests only
 * (e.g. one running 20× real time, so a 60/minute budget is exercised in seconds); production passes none.
 */
export interface ProviderClock {
  /** ms since epoch on this clock. */
  now(): number;
  /** Waits `ms` of this clock's time unless `signal` aborts first (then rejects with its reason). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** What the core lends every adapter. */
export interface ProviderDeps {
  readonly logger: Logger;
  /** Tests only: the clock of the adapter's request budget (absent: real time). */
  readonly clock?: ProviderClock;
  /**
   * The callback URL of this provider on this gateway (null without PUBLIC_URL); unsigned providers
   * pass their secret path token. docs/architecture.md, "Webhooks".
   */
  callbackUrl(pathToken?: string): string | null;
}

export interface SandboxOptions {
  /** Real-time delay of simulated OTP/top-up results. */
  readonly resultDelayMs: { readonly minDelayMs: number; readonly maxDelayMs: number };
  /** Unique per sandbox start (orders persist across runs, simulators do not): seeds order id ranges. */
  readonly runId: number;
  /** Tests only: the clock the simulator runs on (absent: real time); the adapter gets the same one. */
  readonly clock?: ProviderClock;
}

/** Demo hooks a simulator offers the sandbox sub-graph. */
export interface SandboxControls {
  /** An SMS arrives for this provider order now (random code when null). */
  deliverOtp?(providerRef: string, code: string | null): Promise<void>;
}

export interface SandboxProvider<Settings> {
  readonly settings: Settings;
  readonly simulator: ProviderSimulator;
  readonly controls: SandboxControls;
}

/** A provider's settings are incomplete or malformed; the message names the variable, never a secret value. */
export class ProviderSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProviderSettingsError';
  }
}
