import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { SwitchboardError } from '../domain/errors.ts';
import type { GraphQLContext } from '../schema/builder.ts';
import type { Metrics, OperationType } from '../services/metrics.ts';

/**
 * GraphQL operations for /metrics (docs/metrics.md): by name, type and outcome, with their latency,
 * and the subscriptions open per transport. Hooks execute and subscribe once per operation, never a
 * resolver; label sets are bound once in Metrics, so a request costs two clock reads and a few map
 * look-ups. Placed first, so the time includes the plugins after it (the rate limit).
 */
export function operationMetricsPlugin(metrics: Metrics): Plugin<GraphQLContext> {
  return {
    onExecute({ args }) {
      const started = performance.now();
      const { type, name } = operationOf(args.document, args.operationName);
      return {
        onExecuteDone({ result }) {
          metrics.operationEnded(type, name, outcomeOf(result), (performance.now() - started) / 1000);
        },
      };
    },
    onSubscribe({ args }) {
      const started = performance.now();
      const { type, name } = operationOf(args.document, args.operationName);
      // graphql-ws operations carry the socket in their context (src/server/websocket.ts); others are SSE.
      const transport = (args.contextValue as { socket?: unknown }).socket ? 'ws' : 'sse';
      let ended: (() => void) | null = null;
      return {
        onSubscribeResult({ result }) {
          const seconds = (performance.now() - started) / 1000;
          if (!isAsyncIterable(result)) return metrics.operationEnded(type, name, outcomeOf(result), seconds);
          metrics.operationEnded(type, name, 'ok', seconds);
          const end = metrics.subscriptionOpened(transport);
          ended = end;
          return { onEnd: end };
        },
        onSubscribeError() {
          ended?.();
        },
      };
    },
  };
}

function operationOf(document: DocumentNode, operationName: string | null | undefined): { type: OperationType; name: string } {
  const operation = getOperationAST(document, operationName);
  return { type: operation?.operation ?? 'query', name: operation?.name?.value ?? 'anonymous' };
}

// The code the client will see: the error's own, a domain error's (as exposeDomainErrors in graphql.ts
// gives it), or INTERNAL_SERVER_ERROR for anything else (masked). Only code-shaped values become labels.
function outcomeOf(result: unknown): string {
  const errors = isAsyncIterable(result) ? undefined : (result as ExecutionResult | undefined)?.errors;
  const error = errors?.[0];
  if (!error) return 'ok';
  const code = error.extensions?.code ?? (error.originalError instanceof SwitchboardError ? error.originalError.code : 'INTERNAL_SERVER_ERROR');
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,47}$/.test(code) ? code : 'ERROR';
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
