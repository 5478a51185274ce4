import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

const KEY_STORAGE = 'switchboard.apiKey';

/** The API key lives in sessionStorage only: gone when the tab closes, never in a cookie. */
export function loadApiKey(): string {
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? '';
  } catch {
    return '';
  }
}

export function saveApiKey(key: string): void {
  try {
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    else sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // storage disabled: the key lives for this page only
  }
}

export interface GatewayClient {
  readonly client: Client;
  dispose(): void;
}

/**
 * One urql client per API key: HTTP to /graphql on this origin with `Authorization: Bearer <key>`, and
 * subscriptions over graphql-ws on the same path with `connectionParams.authorization`.
 */
export function createGatewayClient(apiKey: string): GatewayClient {
  const authorization = apiKey ? `Bearer ${apiKey}` : undefined;
  const wsUrl = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
  const ws: WsClient = createWsClient({
    url: wsUrl,
    lazy: true,
    connectionParams: () => (authorization ? { authorization } : {}),
    retryAttempts: Infinity,
    // Reconnect after a network drop or a gateway restart (otpReceived replays what was missed), but not when the
    // gateway refused the key or the Origin (4403, 4401, 4400): retrying would only be refused again.
    shouldRetry: (event) => !(event instanceof CloseEvent && [4400, 4401, 4403].includes(event.code)),
  });
  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({
      headers: {
        // Yoga's CSRF prevention: a header a cross-site form cannot send.
        'x-graphql-yoga-csrf': '1',
        ...(authorization ? { authorization } : {}),
      },
    }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, dispose: () => void ws.dispose() };
}
