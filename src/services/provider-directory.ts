import type { Money } from '../domain/money.ts';
import { supports, type ProviderAdapter, type ProviderHealth, type ProviderId } from '../domain/provider.ts';
import { TtlCache } from '../providers/shared/ttl-cache.ts';
import type { ProviderRegistry } from './provider-registry.ts';

/** What a provider can do, as shown to clients: the kinds it sells and the operations it declares. */
export type Capability =
  | 'OTP_NUMBER'
  | 'MOBILE_TOPUP'
  | 'GAME_TOPUP'
  | 'SOCIAL_BOOST'
  | 'PREMIUM_APP'
  | 'CANCEL'
  | 'REFUND'
  | 'OTP_RESEND'
  | 'OTP_FINISH'
  | 'WEBHOOK'
  | 'FX_RATES';

/** A provider as the API shows it. */
export interface ProviderView {
  readonly id: ProviderId;
  readonly name: string;
  readonly currency: ProviderAdapter['currency'];
  readonly capabilities: readonly Capability[];
  health(): ProviderHealth;
  /** The account balance, read at most once per cache period however many fields and clients ask. */
  balance(): Promise<Money>;
}

const BALANCE_TTL_MS = 15_000;

/**
 * The providers as resolvers see them. Capabilities derive from what each adapter declares (one
 * source of truth); balances are cached briefly so a dashboard cannot spend a provider's budget.
 */
export class ProviderDirectory {
  private readonly registry: ProviderRegistry;
  private readonly balances = new TtlCache<Money>({ ttlMs: BALANCE_TTL_MS });

  constructor(registry: ProviderRegistry) {
    this.registry = registry;
  }

  all(): ProviderView[] {
    return this.registry.all().map((adapter) => this.view(adapter));
  }

  balance(id: ProviderId): Promise<Money> {
    const adapter = this.registry.require(id);
    return this.balances.get(id, () => adapter.balance());
  }

  private view(adapter: ProviderAdapter): ProviderView {
    return {
      id: adapter.id,
      name: adapter.name,
      currency: adapter.currency,
      capabilities: capabilitiesOf(adapter),
      health: () => adapter.health(),
      balance: () => this.balance(adapter.id),
    };
  }
}

function capabilitiesOf(adapter: ProviderAdapter): Capability[] {
  const capabilities: Capability[] = [...adapter.kinds];
  if (supports(adapter, 'cancel')) capabilities.push('CANCEL');
  if (supports(adapter, 'refund')) capabilities.push('REFUND');
  if (supports(adapter, 'resend')) capabilities.push('OTP_RESEND');
  if (supports(adapter, 'complete')) capabilities.push('OTP_FINISH');
  if (adapter.webhook) capabilities.push('WEBHOOK');
  if (supports(adapter, 'publishedRates')) capabilities.push('FX_RATES');
  return capabilities;
}
