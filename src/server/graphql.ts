import { GraphQLError, Kind, getOperationAST, getVariableValues, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { createYoga, maskError as defaultMaskError, type YogaServerInstance } from 'graphql-yoga';
import { renderGraphiQLPage } from './graphiql-renderer.ts';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { SwitchboardError } from '../domain/errors.ts';
import type { GraphQLContext } from '../schema/builder.ts';
import type { Services } from '../services/services.ts';
import type { IncomingMessage } from 'node:http';
import { viewerOf } from './viewer.ts';
import { clientRateLimitPlugin } from './request-guard.ts';
import { operationLimitPlugins } from './operation-limits.ts';
import { operationMetricsPlugin } from './operation-metrics.ts';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
import { isPublicQuery } from './public-response-cache.ts';
import { loadTrustedDocuments, persistedDocumentId } from './trusted-documents.ts';
import { tracingOf } from './tracing.ts';

/** Header a non-browser client may send on a GET (a browser cannot add it cross-site without a preflight). */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

export const GRAPHQL_PATH = '/graphql';

/** GraphQL over HTTP (GET/POST) and SSE, GraphiQL served from the installed bundle (no CDN). */
export function createGraphQLHandler(schema: GraphQLSchema, services: Services): YogaServerInstance<Record<string, unknown>, GraphQLContext> {
  const trusted = loadTrustedDocuments(services.logger);
  const tracing = tracingOf(services);
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    // The request guard already bounded the body (MAX_BODY_BYTES: declared size before reading, a
    // running count for chunked uploads); Yoga's own limit would wrap every body in a stream pipeline.
    maxRequestBodySize: false,
    graphiql: {
      title: 'Switchboard',
      subscriptionsProtocol: 'WS',
      defaultQuery: DEFAULT_QUERY,
    },
    renderGraphiQL: renderGraphiQLPage,
    // CORS only for allow-listed origins (CORS_ORIGINS), never with credentials: tokens travel in
    // Authorization, so no cookie or ambient credential is ever needed cross-origin.
    cors: (request) => {
      const origin = request.headers.get('origin');
      if (!origin || !services.config.CORS_ORIGINS.includes(origin)) return false;
      return { origin, credentials: false, methods: ['GET', 'POST'], allowedHeaders: ['content-type', 'authorization', 'accept', CSRF_HEADER], maxAge: 600 };
    },
    plugins: [
      // Optional tracing (docs/metrics.md, "Tracing"): first, so its span covers every plugin after it.
      ...(tracing ? [tracing.plugin] : []),
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      // Trusted documents by id (GET /graphql?documentId=sha256:…); any other document is still accepted.
      usePersistedOperations({
        allowArbitraryOperations: true,
        extractPersistedOperationId: (params, request) => persistedDocumentId(params as never, request),
        getPersistedOperation: (id) => trusted.get(id) ?? null,
      }),
      operationMetricsPlugin(services.metrics),
      ...operationLimitPlugins(services.config),
      clientRateLimitPlugin(services.limits),
      // Queries run compiled (graphql-jit, compiled once per document); mutations and subscriptions run
      // on the reference executor, where a compile per rare document would cost more than it saves.
      variableErrorsPlugin(),
      useGraphQlJit({}, { enableIf: (args) => operationOf(args.document, args.operationName) === 'query' }),
      publicAnswerPlugin(),
    ],
    logging: {
      debug: (...args) => services.logger.debug({ yoga: args.map(String) }),
      info: (...args) => services.logger.info({ yoga: args.map(String) }),
      warn: (...args) => services.logger.warn({ yoga: args.map(String) }),
      error: (...args) => services.logger.error({ yoga: args.map(String) }),
    },
    maskedErrors: { maskError: exposeDomainErrors },
    // The request guard (HTTP) or the socket's connection_init (WebSocket) authenticated the caller once.
    context: (initial) => {
      const viewer = viewerOf((initial as { req?: IncomingMessage }).req);
      if (!viewer) {
        throw new GraphQLError('A valid client token is required (Authorization: Bearer <token>)', {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
        });
      }
      return { viewer, services };
    },
  });
}

const publicAnswers = new WeakSet<IncomingMessage>();

/** True once the request's operation was a public query (PUBLIC_ROOT_FIELDS) that ran without an error: its bytes may be cached. */
export function isPublicAnswer(req: IncomingMessage): boolean {
  return publicAnswers.has(req);
}

/** Marks a request whose result may be shared, after it completed without errors (a refused or stopped execution is never marked). */
function publicAnswerPlugin(): Plugin<GraphQLContext> {
  return {
    onExecute({ args }) {
      const req = (args.contextValue as { req?: IncomingMessage }).req;
      if (!req || !isPublicQuery(args.document, args.operationName)) return;
      return {
        onExecuteDone({ result }) {
          const single = result as ExecutionResult;
          if (Symbol.asyncIterator in (result as object) || single.errors?.length) return;
          publicAnswers.add(req);
        },
      };
    },
  };
}

/**
 * Coerces a query's variables with graphql-js before the compiled query runs, so a bad value gets the
 * reference executor's error (the scalar's own message, e.g. "Decimal must be a string of digits"),
 * never graphql-jit's generic "Expected type" one that echoes the value.
 */
function variableErrorsPlugin(): Plugin<GraphQLContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'query' || !operation.variableDefinitions?.length) return;
      const coerced = getVariableValues(args.schema, operation.variableDefinitions, (args.variableValues ?? {}) as Record<string, unknown>, { maxErrors: 50 });
      if (coerced.errors) setResultAndStopExecution({ errors: coerced.errors });
    },
  };
}

function operationOf(document: DocumentNode, operationName: string | null | undefined): string | null {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  return operation?.kind === Kind.OPERATION_DEFINITION ? operation.operation : null;
}

/** Domain errors thrown by queries become GraphQL errors with a code; anything unexpected stays masked. */
function exposeDomainErrors(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof SwitchboardError && error instanceof GraphQLError) {
    const { name: _name, message: _message, stack: _stack, ...fields } = original as unknown as Record<string, unknown>;
    return new GraphQLError(original.message, { nodes: error.nodes, path: error.path, extensions: { ...fields, code: original.code } });
  }
  return defaultMaskError(error, message, isDev);
}

const DEFAULT_QUERY = `# Welcome to Switchboard. Try:
query Rates {
  fxRates { pair rate source asOf }
  convert(amount: "15", from: THB, to: USD) { amount currency fx { rate source asOf } }
}

# Then buy a number and watch the code arrive (in sandbox mode the simulator sends one within seconds):
# mutation Buy { buyNumber(input: { service: "whatsapp", country: "ID", idempotencyKey: "demo-1" }) {
#   ... on BuyNumberPayload { order { id status phoneNumber } } ... on Error { code message } } }
# subscription Codes { otpReceived { code text order { id status } } }
`;
