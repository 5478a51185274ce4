import { Money, type Currency } from '../domain/money.ts';
import type { OrderKind } from '../domain/order-kind.ts';
import type { JsonValue } from '../domain/provider.ts';
import type { Order } from '../db/entities.ts';
import { builder } from './builder.ts';
import { MoneyRef } from './money.ts';
import { OrderRef, loadOwnedOrders } from './order.ts';

/** The Order implementations beside OtpOrder: one object type per kind, each with its own facts. */

const text = (value: JsonValue | undefined): string | null => (value === undefined || value === null ? null : String(value));
const detail = (order: Order, key: string): JsonValue | undefined => (order.details as Record<string, JsonValue> | null)?.[key];
const intentField = (order: Order, key: string): JsonValue | undefined => (order.intent as unknown as Record<string, JsonValue>)[key];

const TopUpFieldRef = builder.objectRef<{ field: string; value: string }>('TopUpField').implement({
  description: 'One field of a game account, as the package needs it (e.g. gameid, server).',
  fields: (t) => ({
    field: t.string({ description: 'Field name, as the package lists it.', resolve: (f) => f.field }),
    value: t.string({ description: 'Its value.', resolve: (f) => f.value }),
  }),
});

const ProviderResultRef = builder.objectRef<Record<string, JsonValue>>('ProviderResult').implement({
  description: "The provider's own result codes for this order, kept for support.",
  fields: (t) => ({
    name: t.string({ description: 'Result field, as the provider names it.', resolve: (r) => String(r.name) }),
    value: t.string({ nullable: true, description: 'Its raw value.', resolve: (r) => text(r.value) }),
  }),
});

function nodeOf(name: string, kind: OrderKind, description: string) {
  const ref = builder.objectRef<Order>(name);
  return { ref, kind, description };
}

const MOBILE = nodeOf('MobileRefillOrder', 'MOBILE_TOPUP', 'Airtime refilled onto a Thai mobile number.');
const GAME = nodeOf('GameTopUpOrder', 'GAME_TOPUP', 'A game account topped up with a package.');
const SOCIAL = nodeOf('SocialBoostOrder', 'SOCIAL_BOOST', 'A social media boost (followers, likes, views…) for one link.');
const PREMIUM = nodeOf('PremiumAppOrder', 'PREMIUM_APP', 'A premium app account; its credentials are shown to the order’s owner only.');

for (const { ref, kind, description } of [MOBILE, GAME, SOCIAL, PREMIUM]) {
  builder.node(ref, {
    description,
    interfaces: [OrderRef],
    isTypeOf: (o) => (o as Order).kind === kind,
    id: { resolve: (o) => o.id },
    loadMany: (ids, ctx) => loadOwnedOrders(ids, ctx.services.book, ctx.viewer.clientId, kind),
    fields: () => ({}),
  });
}

builder.objectFields(MOBILE.ref, (t) => ({
  phoneNumber: t.string({ description: 'The Thai mobile number refilled (national form, e.g. 0812345678).', resolve: (o) => String(intentField(o, 'phoneNumber') ?? '') }),
  network: t.string({ description: 'The mobile network (AIS, DTAC, TRUEH, …).', resolve: (o) => String(intentField(o, 'network') ?? '') }),
  amount: t.field({ type: MoneyRef, description: 'The face value asked for.', resolve: (o) => Money.of(String(intentField(o, 'amount') ?? '0'), o.currency as Currency) }),
  providerResult: t.field({
    type: [ProviderResultRef],
    description: "The provider's raw result fields (e.g. easysoft STATUS_REFILL / STATUS_CANCEL / DETAIL).",
    // Under `result` where an adapter nests them; easysoft keeps its raw fields (statusRefill, statusCancel, realAmount…) at the top of details.
    resolve: (o) => {
      const nested = detail(o, 'result');
      const raw = nested && typeof nested === 'object' && !Array.isArray(nested) ? nested : ((o.details ?? {}) as Record<string, JsonValue>);
      return Object.entries(raw).filter(([, value]) => value === null || typeof value !== 'object').map(([name, value]) => ({ name, value }));
    },
  }),
}));

builder.objectFields(GAME.ref, (t) => ({
  packageId: t.string({ description: "The package bought (the provider's package id).", resolve: (o) => o.offerRef }),
  game: t.string({ nullable: true, description: 'The game (and region).', resolve: (o) => text(detail(o, 'game')) }),
  topupInfo: t.field({
    type: [TopUpFieldRef],
    description: 'The game account the package was sent to.',
    resolve: (o) => Object.entries((intentField(o, 'topupInfo') as Record<string, string> | undefined) ?? {}).map(([field, value]) => ({ field, value })),
  }),
}));

builder.objectFields(SOCIAL.ref, (t) => ({
  link: t.string({ description: 'The post or profile boosted.', resolve: (o) => String(intentField(o, 'link') ?? '') }),
  quantity: t.int({ description: 'How many were ordered.', resolve: (o) => Number(intentField(o, 'quantity') ?? 0) }),
  delivered: t.int({ nullable: true, description: 'How many the provider reports delivered, when it says.', resolve: (o) => numberOrNull(detail(o, 'delivered')) }),
  remains: t.int({ nullable: true, description: 'How many are still to deliver, when the provider says.', resolve: (o) => numberOrNull(detail(o, 'remains')) }),
}));

const PremiumCredentialsRef = builder.objectRef<Record<string, JsonValue>>('PremiumCredentials').implement({
  description: 'The account delivered for a premium app order. Sensitive: shown only to the order’s owner, never logged.',
  fields: (t) => ({
    username: t.string({ nullable: true, description: 'Login (e-mail or user name).', resolve: (c) => text(c.username ?? c.email ?? c.login) }),
    password: t.string({ nullable: true, description: 'Password.', resolve: (c) => text(c.password) }),
    profile: t.string({ nullable: true, description: 'Profile to use, when the account is shared.', resolve: (c) => text(c.profile) }),
    pin: t.string({ nullable: true, description: 'Profile PIN, when there is one.', resolve: (c) => text(c.pin) }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, description: 'When the account stops working, when the provider says.', resolve: (c) => (c.expiresAt ? new Date(String(c.expiresAt)) : null) }),
  }),
});

builder.objectFields(PREMIUM.ref, (t) => ({
  app: t.string({ nullable: true, description: 'The app.', resolve: (o) => text(detail(o, 'app')) }),
  credentials: t.field({
    type: PremiumCredentialsRef,
    nullable: true,
    description: 'The delivered account (null until delivered). Orders are visible to their owner only, so only the owner ever sees this.',
    resolve: (o, _args, ctx) => {
      if (o.ownerId !== ctx.viewer.clientId) return null;
      const opened = ctx.services.book.credentialsOf(o);
      return opened && typeof opened === 'object' && !Array.isArray(opened) ? (opened as Record<string, JsonValue>) : null;
    },
  }),
}));

function numberOrNull(value: JsonValue | undefined): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;
  return n !== null && Number.isSafeInteger(n) ? n : null;
}
