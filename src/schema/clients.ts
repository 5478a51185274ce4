import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { CLIENT_SCOPES, type ClientScope } from '../db/entities.ts';
import { SPEND_PERIODS, type SpendPeriod } from '../config.ts';
import type { ApiClientView } from '../services/api-clients.ts';
import type { SpendingView } from '../services/client-limits.ts';
import { builder } from './builder.ts';
import { CurrencyEnum, MoneyRef } from './money.ts';

const ClientScopeEnum = builder.enumType('ClientScope', {
  description: 'What an API client may do.',
  values: {
    CATALOG_READ: { value: 'CATALOG_READ', description: 'catalog, countries, providers, fxRates, convert, fxRatesChanged.' },
    ORDERS_READ: { value: 'ORDERS_READ', description: 'Its own orders: order, orders, activeOrders, node(s), otpReceived, orderUpdated.' },
    BUY: { value: 'BUY', description: 'Every spending mutation and every action on its own orders (cancel, complete, resend, refund).' },
    ADMIN: { value: 'ADMIN', description: 'Balances, provider balances and health details, webhook registration, client management, reconciliation reports.' },
  } as const satisfies Record<ClientScope, unknown>,
});

const SpendPeriodEnum = builder.enumType('SpendPeriod', {
  description: 'A calendar period in UTC (weeks start on Monday).',
  values: Object.fromEntries(SPEND_PERIODS.map((p) => [p.toUpperCase(), { value: p }])) as Record<Uppercase<SpendPeriod>, { value: SpendPeriod }>,
});

const ApiClientRef = builder.objectRef<ApiClientView>('ApiClient').implement({
  description: 'An API client stored by the gateway. Its key is shown once, when created or rotated; only its SHA-256 is kept.',
  fields: (t) => ({
    name: t.string({ description: 'Unique name; it owns the client’s orders and is never reused, even after revocation.', resolve: (c) => c.name }),
    keyPrefix: t.string({ description: 'The first characters of the current key (sbk_…), to recognise it.', resolve: (c) => c.keyPrefix }),
    scopes: t.field({ type: [ClientScopeEnum], description: 'What it may do.', resolve: (c) => [...c.scopes] }),
    rateLimit: t.string({ nullable: true, description: 'Its own request rate (e.g. 120/minute, off); null follows RATE_LIMIT.', resolve: (c) => c.rateLimit }),
    spendLimit: t.string({ nullable: true, description: 'Its own spend limit (e.g. THB:5000/day, off); null follows SPEND_LIMIT.', resolve: (c) => c.spendLimit }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was created.', resolve: (c) => c.createdAt }),
    rotatedAt: t.field({ type: 'DateTime', nullable: true, description: 'When its key was last rotated.', resolve: (c) => c.rotatedAt }),
    revokedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was revoked (its key is refused from then on).', resolve: (c) => c.revokedAt }),
  }),
});

const IssuedKeyRef = builder.objectRef<{ client: ApiClientView; key: string }>('IssuedApiKey').implement({
  description: 'A new key and its client. The key is shown this once: store it now.',
  fields: (t) => ({
    client: t.field({ type: ApiClientRef, description: 'The client.', resolve: (r) => r.client }),
    key: t.string({ description: 'The key to send as Authorization: Bearer <key>.', resolve: (r) => r.key }),
  }),
});

const SpendingRef = builder.objectRef<SpendingView>('Spending').implement({
  description: "The calling client's spending in the current period: every order placed in it but FAILED ones (charged or possibly charged).",
  fields: (t) => ({
    period: t.field({ type: SpendPeriodEnum, description: "The period: the spend limit's, or the one asked for.", resolve: (s) => s.period }),
    periodStart: t.field({ type: 'DateTime', description: 'Start of the period (UTC).', resolve: (s) => s.periodStart }),
    resetsAt: t.field({ type: 'DateTime', description: 'When the period ends.', resolve: (s) => s.resetsAt }),
    spent: t.field({ type: MoneyRef, description: 'Spent so far, converted into the requested currency with the disclosed rates (rounded up to 2 decimals).', resolve: (s) => s.spent }),
    limit: t.field({ type: MoneyRef, nullable: true, description: 'The spend limit for this period, in its own currency; null when none applies.', resolve: (s) => s.limit }),
    remaining: t.field({ type: MoneyRef, nullable: true, description: "What may still be spent, in the limit's currency; null without a limit.", resolve: (s) => s.remaining }),
  }),
});

const CLIENT_ERRORS = [ValidationError, NotFoundError];

builder.queryFields((t) => ({
  apiClients: t.field({
    type: [ApiClientRef],
    authScopes: { ADMIN: true },
    description: 'ADMIN: every stored API client (CLIENT_TOKENS clients are configuration, not listed), revoked ones included.',
    resolve: (_root, _args, ctx) => ctx.services.clients.list(),
  }),
  mySpending: t.field({
    type: SpendingRef,
    authScopes: { $any: { ORDERS_READ: true, BUY: true } },
    description: "Your own spending in the current period of your spend limit (or of `period`), and what is left of the limit.",
    args: {
      currency: t.arg({ type: CurrencyEnum, required: true, description: 'Currency to express what was spent in.' }),
      period: t.arg({ type: SpendPeriodEnum, description: "Period to sum over; default: your spend limit's, or DAY." }),
    },
    resolve: (_root, args, ctx) => ctx.services.limits.spending(ctx.viewer.clientId, args.currency, args.period ?? undefined),
  }),
}));

builder.mutationFields((t) => ({
  createApiClient: t.field({
    type: IssuedKeyRef,
    authScopes: { ADMIN: true },
    description: 'ADMIN: creates an API client with a gateway-generated key (sbk_…), returned this once.',
    errors: { types: CLIENT_ERRORS, dataField: { name: 'issued', description: 'The client and its key.' } },
    args: {
      name: t.arg.string({ required: true, description: 'Unique name (letters, digits, . - _); never reused.' }),
      scopes: t.arg({ type: [ClientScopeEnum], required: true, description: 'What it may do.' }),
      rateLimit: t.arg.string({ description: 'Its own request rate, e.g. 120/minute or off (default: RATE_LIMIT).' }),
      spendLimit: t.arg.string({ description: 'Its own spend limit, e.g. THB:5000/day or off (default: SPEND_LIMIT).' }),
    },
    resolve: (_root, args, ctx) =>
      ctx.services.clients.create(args.name, args.scopes.filter((s): s is ClientScope => (CLIENT_SCOPES as readonly string[]).includes(s)), {
        rateLimit: args.rateLimit ?? null,
        spendLimit: args.spendLimit ?? null,
      }),
  }),
  rotateApiClientKey: t.field({
    type: IssuedKeyRef,
    authScopes: { ADMIN: true },
    description: 'ADMIN: gives the client a new key (returned this once); the old key is refused from now on, on HTTP and WebSocket.',
    errors: { types: CLIENT_ERRORS, dataField: { name: 'issued', description: 'The client and its new key.' } },
    args: { name: t.arg.string({ required: true, description: 'The client.' }) },
    resolve: (_root, args, ctx) => ctx.services.clients.rotate(args.name),
  }),
  revokeApiClient: t.field({
    type: ApiClientRef,
    authScopes: { ADMIN: true },
    description: 'ADMIN: refuses the client’s key from now on. Its orders stay; its name is never given to another client.',
    errors: { types: CLIENT_ERRORS, dataField: { name: 'client', description: 'The revoked client.' } },
    args: { name: t.arg.string({ required: true, description: 'The client.' }) },
    resolve: (_root, args, ctx) => ctx.services.clients.revoke(args.name),
  }),
}));
