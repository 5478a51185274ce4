import type { Config } from '../config.ts';
import type { ProviderAdapter } from '../domain/provider.ts';
import { createSmscodeAdapter } from './smscode/adapter.ts';

/** Where each configured provider is reached (the real URL, or a sandbox simulator on loopback). */
export interface ProviderEndpoints {
  readonly smscode?: { baseUrl: string; apiToken: string; webhookSecret?: string };
}

/** Builds the adapters of every configured provider: adding a provider is one line here. */
export function createAdapters(endpoints: ProviderEndpoints): ProviderAdapter[] {
  const adapters: ProviderAdapter[] = [];
  if (endpoints.smscode) adapters.push(createSmscodeAdapter(endpoints.smscode));
  return adapters;
}

/** The endpoints configuration names (production: credentials set in the environment). */
export function endpointsFromConfig(config: Config): ProviderEndpoints {
  return {
    ...(config.SMSCODE_API_TOKEN
      ? { smscode: { baseUrl: config.SMSCODE_BASE_URL, apiToken: config.SMSCODE_API_TOKEN, webhookSecret: config.SMSCODE_WEBHOOK_SECRET } }
      : {}),
  };
}
