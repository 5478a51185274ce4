import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Context } from 'graphql-ws';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { GraphQLContext, Viewer } from '../schema/builder.ts';
import type { Services } from '../services/services.ts';
import { GRAPHQL_PATH } from './graphql.ts';
import { originAllowed } from './request-guard.ts';
import { rememberViewer, resolveViewer } from './viewer.ts';

interface EnvelopedRoot {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

/** Close codes beyond graphql-ws's own (4403 Forbidden, 4408 init timeout, 4400 bad request). */
export const CLOSE_TOO_MANY_SOCKETS = 4429;

/**
 * graphql-ws on the same port and path as HTTP, running through Yoga's envelop pipeline (so every
 * operation limit applies), with the socket's own bounds: an allowed Origin at the upgrade, a
 * token in connection_init when CLIENT_TOKENS is set (4403 otherwise, 4408 when init never comes),
 * a frame size (WS_MAX_PAYLOAD_BYTES), sockets per client and operations per socket and per
 * client. A refused or malformed operation gets an error message for its own id; the socket and
 * its other subscriptions live on.
 */
export function attachWebSockets(server: Server, yoga: YogaServerInstance<Record<string, unknown>, GraphQLContext>, services: Services): WebSocketServer {
  const { config } = services;
  const wss = new WebSocketServer({
    server,
    path: GRAPHQL_PATH,
    maxPayload: config.WS_MAX_PAYLOAD_BYTES,
    // Browsers send Origin on every WebSocket and apply no CORS to it: refuse cross-site pages here.
    verifyClient: (info, done) => (originAllowed(config, info.origin || undefined, info.req.headers.host) ? done(true) : done(false, 403, 'Origin not allowed')),
  });
  const viewers = new WeakMap<Context, Viewer>();
  // The credential each socket presented: every operation re-checks it, so a revoked or rotated key stops at once.
  const credentials = new WeakMap<Context, string | undefined>();
  const socketsByClient = new Map<string, Set<Context>>();

  const refuse = (message: string, code: string) => [new GraphQLError(message, { extensions: { code } })];
  const asErrors = (error: unknown) => [error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : String(error))];

  useServer(
    {
      connectionInitWaitTimeout: config.WS_INIT_TIMEOUT_MS,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const header = (params.authorization as string | undefined) ?? (params.Authorization as string | undefined) ?? ctx.extra.request.headers.authorization;
        const viewer = await resolveViewer(services.clients, header);
        if (!viewer) return false; // graphql-ws closes with 4403 Forbidden
        const sockets = socketsByClient.get(viewer.clientId) ?? new Set<Context>();
        if (sockets.size >= config.WS_MAX_SOCKETS_PER_CLIENT) {
          ctx.extra.socket.close(CLOSE_TOO_MANY_SOCKETS, `Too many sockets for this client (WS_MAX_SOCKETS_PER_CLIENT=${config.WS_MAX_SOCKETS_PER_CLIENT})`);
          return false;
        }
        sockets.add(ctx);
        socketsByClient.set(viewer.clientId, sockets);
        viewers.set(ctx, viewer);
        credentials.set(ctx, header);
        rememberViewer(ctx.extra.request, viewer);
        return true;
      },
      onClose: (ctx) => {
        const viewer = viewers.get(ctx);
        if (!viewer) return;
        const sockets = socketsByClient.get(viewer.clientId);
        sockets?.delete(ctx);
        if (sockets?.size === 0) socketsByClient.delete(viewer.clientId);
      },
      execute: async (args) => {
        try {
          return (await (args.rootValue as EnvelopedRoot).execute(args)) as never;
        } catch (error) {
          return { errors: asErrors(error) } as never;
        }
      },
      subscribe: async (args) => {
        try {
          return (await (args.rootValue as EnvelopedRoot).subscribe(args)) as never;
        } catch (error) {
          return { errors: asErrors(error) } as never;
        }
      },
      onSubscribe: async (ctx, _id, params) => {
        const viewer = viewers.get(ctx);
        if (!viewer) return refuse('Not authenticated', 'UNAUTHENTICATED');
        // ctx.subscriptions already holds this operation's id.
        if (Object.keys(ctx.subscriptions).length > config.WS_MAX_SUBSCRIPTIONS_PER_SOCKET) {
          return refuse(`Too many operations on this socket (WS_MAX_SUBSCRIPTIONS_PER_SOCKET=${config.WS_MAX_SUBSCRIPTIONS_PER_SOCKET})`, 'TOO_MANY_SUBSCRIPTIONS');
        }
        let perClient = 0;
        for (const socket of socketsByClient.get(viewer.clientId) ?? []) perClient += Object.keys(socket.subscriptions).length;
        if (perClient > config.WS_MAX_SUBSCRIPTIONS_PER_CLIENT) {
          return refuse(`Too many operations for this client (WS_MAX_SUBSCRIPTIONS_PER_CLIENT=${config.WS_MAX_SUBSCRIPTIONS_PER_CLIENT})`, 'TOO_MANY_SUBSCRIPTIONS');
        }
        // After the counts (taken before any await, while ctx.subscriptions is exact): the key is checked again.
        const current = await resolveViewer(services.clients, credentials.get(ctx));
        if (!current || current.clientId !== viewer.clientId) {
          ctx.extra.socket.close(4403, 'Forbidden: this key was revoked or rotated');
          return refuse('This key was revoked or rotated', 'UNAUTHENTICATED');
        }
        rememberViewer(ctx.extra.request, current);
        // No whatwg Request in this context: nothing on a socket reads one (Yoga's GET-mutation guard skips
        // a context without it, so mutations are allowed here), and one per live subscription cost about
        // 1.5 KB of heap for as long as it lived (docs/performance.md, "OTP push").
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          connectionParams: ctx.connectionParams,
        });
        try {
          const document = parse(params.query);
          const errors = validate(schema, document);
          if (errors.length) return [...errors];
          return {
            schema,
            operationName: params.operationName,
            document,
            variableValues: params.variables,
            contextValue: await contextFactory(),
            rootValue: { execute, subscribe },
          } as ExecutionArgs;
        } catch (error) {
          return asErrors(error);
        }
      },
    },
    wss,
    // A ping per socket per interval (and a timer while its pong is awaited): graphql-ws's 12 s made 5,000
    // live order pages 416 pings a second, more than the OTPs they wait for (docs/performance.md, "OTP push").
    config.WS_KEEPALIVE_MS,
  );
  return wss;
}
