import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import SubGraphPlugin from '@pothos/plugin-sub-graph';
import type { Services } from '../services/services.ts';
import type { Dec } from '../domain/money.ts';

/** Who is calling: the API client that owns the orders it creates. */
export interface Viewer {
  readonly clientId: string;
  /** May register provider webhooks and see every provider's configuration. */
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
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Decimal: { Input: string; Output: string | Dec };
    ID: { Input: string; Output: string };
  };
}>({
  plugins: [SubGraphPlugin, ErrorsPlugin, RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  subGraphs: { defaultForTypes: ['public', 'sandbox'], fieldsInheritFromTypes: true },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: { description: 'Fetches any object that has a global id (an order, for instance).' },
    nodesQueryOptions: { description: 'Fetches several objects by global id, in order; null where an id resolves to nothing.' },
  },
  errors: {
    defaultResultOptions: { name: ({ fieldName }) => `${upperFirst(fieldName)}Payload` },
    defaultUnionOptions: { name: ({ fieldName }) => `${upperFirst(fieldName)}Result` },
  },
});

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
