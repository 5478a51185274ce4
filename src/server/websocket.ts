import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { ExecutionArgs } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { GraphQLContext } from '../schema/builder.ts';
import { GRAPHQL_PATH } from './graphql.ts';

interface EnvelopedRoot {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

/** graphql-ws on the same port and path as HTTP, running through Yoga's envelop pipeline. */
export function attachWebSockets(server: Server, yoga: YogaServerInstance<Record<string, unknown>, GraphQLContext>): WebSocketServer {
  const wss = new WebSocketServer({ server, path: GRAPHQL_PATH });
  useServer(
    {
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args) as never,
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args) as never,
      onSubscribe: async (ctx, _id, params) => {
        const request = ctx.extra.request;
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: request,
          socket: ctx.extra.socket,
          params,
          request: new Request(`http://localhost${GRAPHQL_PATH}`, { headers: new Headers(request.headers as Record<string, string>) }),
          connectionParams: ctx.connectionParams,
        });
        const args = {
          schema,
          operationName: params.operationName,
          document: parse(params.query),
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
        return args as ExecutionArgs;
      },
    },
    wss,
  );
  return wss;
}
