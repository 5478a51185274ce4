import { NoOfferAvailableError, ValidationError, InsufficientBalanceError, type ProviderFailure } from '../domain/errors.ts';
import type { Money } from '../domain/money.ts';
import type { ProviderId, RoutingPolicy } from '../domain/provider.ts';
import type { Order } from '../db/entities.ts';
import { otpServiceKey, type Catalog } from './catalog.ts';
import { IdempotencyStore } from './idempotency.ts';
import type { OfferRouter } from './offer-router.ts';
import type { OtpStats } from './otp-stats.ts';
import type { SpendingPipeline } from './spending/spending-pipeline.ts';

export interface BuyNumberInput {
  readonly platform: string;
  readonly country: string;
  readonly provider: ProviderId | null;
  readonly preferProvider: ProviderId | null;
  readonly routing: RoutingPolicy;
  readonly maxPrice: Money | null;
  readonly idempotencyKey: string;
}

const PLATFORM = /^[a-z0-9][a-z0-9_.-]{0,39}$/;
const COUNTRY = /^[A-Z]{2}$/;

/** Buying OTP numbers: validation and offer routing, then the one spending pipeline. */
export class OtpOrders {
  private readonly catalog: Catalog;
  private readonly router: OfferRouter;
  private readonly pipeline: SpendingPipeline;
  private readonly stats: OtpStats;

  constructor(deps: { catalog: Catalog; router: OfferRouter; pipeline: SpendingPipeline; stats: OtpStats }) {
    this.catalog = deps.catalog;
    this.router = deps.router;
    this.pipeline = deps.pipeline;
    this.stats = deps.stats;
  }

  async buyNumber(ownerId: string, input: BuyNumberInput): Promise<Order> {
    validateBuyInput(input);
    const { idempotencyKey, ...request } = input;
    return this.pipeline.spend({
      ownerId,
      idempotencyKey,
      fingerprint: { ...request, maxPrice: input.maxPrice?.toJSON() ?? null },
      kind: 'OTP_NUMBER',
      serviceKey: otpServiceKey(input.platform, input.country),
      // A provider that routes among its own upstreams (smscode) is asked to follow the same policy.
      intent: { kind: 'OTP_NUMBER', policy: input.routing },
      details: {},
      route: async () => {
        const offers = await this.catalog.offers({ kind: 'OTP_NUMBER', platform: input.platform, country: input.country, provider: input.provider ?? undefined });
        const successRates = input.routing === 'BEST_SUCCESS' ? await this.stats.successRates() : undefined;
        return this.router.route(offers, { maxPrice: input.maxPrice, routing: input.routing, preferProvider: input.preferProvider ?? undefined, successRates });
      },
      // Only a refusal that spent nothing and says "not here" lets us try the next provider.
      failover: (error: ProviderFailure) => error instanceof NoOfferAvailableError || error instanceof InsufficientBalanceError,
      noOffer: (attempts) =>
        new NoOfferAvailableError({
          provider: input.provider ?? 'SMSCODE',
          providerCode: 'NO_OFFER_AVAILABLE',
          message: `No offer for ${input.platform} in ${input.country}${input.maxPrice ? ` at or under ${input.maxPrice.toString()} ${input.maxPrice.currency}` : ''}`,
          attempts,
        }),
    });
  }
}

function validateBuyInput(input: BuyNumberInput): void {
  IdempotencyStore.validateKey(input.idempotencyKey);
  if (!PLATFORM.test(input.platform)) throw new ValidationError('platform must be a lower-case platform key such as "whatsapp"', 'platform');
  if (!COUNTRY.test(input.country)) throw new ValidationError('country must be an ISO 3166-1 alpha-2 code such as "ID"', 'country');
  if (input.maxPrice && !input.maxPrice.isPositive()) throw new ValidationError('maxPrice must be greater than zero', 'maxPrice');
}
