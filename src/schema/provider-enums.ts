import { PROVIDERS } from '../providers/registry.ts';
import type { Capability } from '../services/provider-directory.ts';
import { ORDER_STATUSES } from '../domain/order-status.ts';
import { ORDER_KINDS } from '../domain/order-kind.ts';
import { builder } from './builder.ts';

/** Enum values with a description each, keeping the literal types Pothos needs for arguments. */
function described<T extends string>(values: readonly T[], describe: (value: T) => string): { [K in T]: { value: K; description: string } } {
  return Object.fromEntries(values.map((v) => [v, { value: v, description: describe(v) }])) as { [K in T]: { value: K; description: string } };
}

/** One value per registered provider (src/providers/registry.ts). */
export const ProviderIdEnum = builder.enumType('ProviderId', {
  description: 'An upstream provider this build can talk to.',
  values: described(
    PROVIDERS.map((d) => d.id),
    (id) => PROVIDERS.find((d) => d.id === id)!.name,
  ),
});

export const CapabilityEnum = builder.enumType('Capability', {
  description: 'What a provider can do.',
  values: {
    OTP_NUMBER: { description: 'Rents virtual numbers that receive OTP codes.' },
    MOBILE_TOPUP: { description: 'Refills mobile airtime.' },
    GAME_TOPUP: { description: 'Tops up game accounts.' },
    SOCIAL_BOOST: { description: 'Sells social media boosts.' },
    PREMIUM_APP: { description: 'Sells premium app accounts.' },
    CANCEL: { description: 'Can cancel an order that is still processing (refunded).' },
    REFUND: { description: 'Can refund an order after the fact.' },
    OTP_RESEND: { description: 'Can ask for an SMS to be sent again.' },
    OTP_FINISH: { description: 'Can mark an OTP order complete early.' },
    WEBHOOK: { description: 'Pushes order updates to a webhook.' },
    FX_RATES: { description: 'Publishes exchange rates.' },
  } satisfies Record<Capability, { description: string }>,
});

const STATUS_DESCRIPTIONS: Record<(typeof ORDER_STATUSES)[number], string> = {
  PENDING: 'Intent recorded; the provider has not answered yet.',
  UNKNOWN: 'The provider outcome was ambiguous; being reconciled from the provider.',
  ACTIVE: 'Live at the provider: waiting for a code, or processing.',
  OTP_RECEIVED: 'At least one SMS/code arrived.',
  COMPLETED: 'Done.',
  CANCELED: 'Canceled; the price was refunded to the provider balance.',
  EXPIRED: 'Ran out of time without a code; refunded.',
  FAILED: 'The provider refused; nothing was charged (or it was returned).',
  REFUNDED: 'Refunded after completion.',
};

export const OrderStatusEnum = builder.enumType('OrderStatus', {
  description: 'The one monotonic status machine every order follows; a status never moves backwards.',
  values: described(ORDER_STATUSES, (s) => STATUS_DESCRIPTIONS[s]),
});

export const OrderKindEnum = builder.enumType('OrderKind', {
  description: 'What an order buys.',
  values: described(ORDER_KINDS, (k) => `A ${k.toLowerCase().replace('_', ' ')} order.`),
});

export const RoutingPolicyEnum = builder.enumType('RoutingPolicy', {
  description: 'How offers of several providers are ranked for a purchase.',
  values: {
    CHEAPEST: { value: 'CHEAPEST', description: 'Cheapest first after conversion into one currency (default).' },
    BEST_SUCCESS: { value: 'BEST_SUCCESS', description: "By this gateway's OTP success rate per provider and service over the last 30 complete days, in 10% steps (neutral below 20 orders), then cheapest." },
  } as const,
});
