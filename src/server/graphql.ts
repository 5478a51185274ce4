import { GraphQLError, type GraphQLSchema } from 'graphql';
import { createYoga, maskError as defaultMaskError, type YogaServerInstance } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { SwitchboardError } from '../domain/errors.ts';
import type { GraphQLContext } from '../schema/builder.ts';
import type { Services } from '../services/services.ts';
import type { IncomingMessage } from 'node:http';
import { viewerOf } from './viewer.ts';
import { clientRateLimitPlugin } from './request-guard.ts';
import { operationLimitPlugins } from './operation-limits.ts';
import { operationMetricsPlugin } from './operation-metrics.ts';

/** Header a non-browser client may send on a GET (a browser cannot add it cross-site without a preflight). */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

export const GRAPHQL_PATH = '/graphql';

/** GraphQL over HTTP (GET/POST) and SSE, GraphiQL served from the installed bundle (no CDN). */
export function createGraphQLHandler(schema: GraphQLSchema, services: Services): YogaServerInstance<Record<string, unknown>, GraphQLContext> {
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    graphiql: {
      title: 'Switchboard',
      subscriptionsProtocol: 'WS',
      defaultQuery: DEFAULT_QUERY,
    },
    renderGraphiQL,
    // CORS only for allow-listed origins (CORS_ORIGINS), never with credentials: tokens travel in
    // Authorization, so no cookie or ambient credential is ever needed cross-origin.
    cors: (request) => {
      const origin = request.headers.get('origin');
      if (!origin || !services.config.CORS_ORIGINS.includes(origin)) return false;
      return { origin, credentials: false, methods: ['GET', 'POST'], allowedHeaders: ['content-type', 'authorization', 'accept', CSRF_HEADER], maxAge: 600 };
    },
    plugins: [useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }), operationMetricsPlugin(services.metrics), ...operationLimitPlugins(services.config), clientRateLimitPlugin(services.limits)],
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
