import { Dec, isCurrency } from '../domain/money.ts';
import type { Logger } from '../logging/logger.ts';
import { errorSummary } from './errors.ts';
import { supports } from '../domain/provider.ts';
import type { FxService } from './fx.ts';
import type { ProviderRegistry } from './provider-registry.ts';

/** Pulls the rates providers publish (smscode USD/IDR) into the FX service on a fixed period. */
export class FxRefresher {
  private readonly providers: ProviderRegistry;
  private readonly fx: FxService;
  private readonly logger: Logger;
  private readonly periodMs: number;
  private timer: NodeJS.Timeout | null = null;

  constructor(deps: { providers: ProviderRegistry; fx: FxService; logger: Logger }, periodMs: number) {
    this.providers = deps.providers;
    this.fx = deps.fx;
    this.logger = deps.logger;
    this.periodMs = periodMs;
  }

  /** Refreshes once now (so prices convert from the first request), then periodically. */
  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.periodMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async refresh(): Promise<void> {
    await Promise.all(
      this.providers.all().filter((a) => supports(a, 'publishedRates')).map(async (adapter) => {
        try {
          for (const r of await adapter.operations.publishedRates!()) {
            if (!isCurrency(r.base) || !isCurrency(r.quote)) continue;
            this.fx.setRate({ base: r.base, quote: r.quote, rate: new Dec(r.rate), source: `PROVIDER:${adapter.id}`, asOf: r.asOf });
          }
        } catch (error) {
          this.logger.warn({ provider: adapter.id, err: errorSummary(error) }, 'fx: could not refresh published rates');
        }
      }),
    );
  }
}
