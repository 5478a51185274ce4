import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import SubGraphPlugin from '@pothos/plugin-sub-graph';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { ClientScope } from '../db/entities.ts';
import type { Services } from '../services/services.ts';
import type { Dec } from '../domain/money.ts';

/** Who is calling: the API client that owns the orders it creates. */
export interface Viewer {
  readonly clientId: string;
  /** What the client may do: CATALOG_READ, ORDERS_READ, BUY, ADMIN (enforced on fields through authScopes). */
  readonly scopes: readonly ClientScope[];
  /** Has the ADMIN scope: may register provider webhooks, manage clients and see every provider's configuration. */
  readonly isAdmin: boolean;
}

export interface GraphQLContext {
  readonly viewer: Viewer;
  readonly services: Services;
}

/** `public` is the production API; `sandbox` adds demo-only fields such as sandboxDeliverOtp. */
export type SubGraph = 'public' | 'sandbox';

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  SubGraphs: SubGraph;
  AuthScopes: Record<ClientScope, boolean>;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Decimal: { Input: string; Output: string | Dec };
    ID: { Input: string; Output: string };
  };
}>({
  plugins: [ScopeAuthPlugin, SubGraphPlugin, ErrorsPlugin, RelayPlugin, DataloaderPlugin],
  scopeAuth: {
    authScopes: (ctx) => ({
      CATALOG_READ: ctx.viewer.scopes.includes('CATALOG_READ'),
      ORDERS_READ: ctx.viewer.scopes.includes('ORDERS_READ'),
      BUY: ctx.viewer.scopes.includes('BUY'),
      ADMIN: ctx.viewer.scopes.includes('ADMIN'),
    }),
    // Subscriptions are checked when they start, not only per event.
    authorizeOnSubscribe: true,
    // One GraphQL error with a code and no data: the field resolves to nothing.
    unauthorizedError: (_parent, _ctx, info) =>
      new GraphQLError(`Not allowed: this API client lacks the scope ${info.parentType.name}.${info.fieldName} needs`, { extensions: { code: 'FORBIDDEN' } }),
  },
  defaultFieldNullability: false,
  subGraphs: { defaultForTypes: ['public', 'sandbox'], fieldsInheritFromTypes: true },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: { description: 'Fetches any object that has a global id (an order, for instance).', authScopes: { ORDERS_READ: true } },
    nodesQueryOptions: { description: 'Fetches several objects by global id, in order; null where an id resolves to nothing.', authScopes: { ORDERS_READ: true } },
  },
  errors: {
    defaultResultOptions: { name: ({ fieldName }) => `${upperFirst(fieldName)}Payload` },
    defaultUnionOptions: { name: ({ fieldName }) => `${upperFirst(fieldName)}Result` },
  },
});

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
