import { NotFoundError } from '../domain/errors.ts';
import type { ProviderAdapter, ProviderId } from '../domain/provider.ts';

/** The configured providers. Built from src/providers/registry.ts. */
export class ProviderRegistry {
  private readonly adapters: ReadonlyMap<ProviderId, ProviderAdapter>;

  constructor(adapters: readonly ProviderAdapter[]) {
    this.adapters = new Map(adapters.map((a) => [a.id, a]));
  }

  all(): ProviderAdapter[] {
    return [...this.adapters.values()];
  }

  get(id: ProviderId): ProviderAdapter | undefined {
    return this.adapters.get(id);
  }

  require(id: ProviderId): ProviderAdapter {
    const adapter = this.adapters.get(id);
    if (!adapter) throw new NotFoundError('Provider', id);
    return adapter;
  }
}
