import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TypedDocumentString } from '../gql/graphql.ts';

/**
 * The bootstrap clients every test gateway gets (test/support/gateway.ts): `default` (every scope
 * but ADMIN, the owner tests have always used) and `admin` (every scope). The helpers below send
 * the default client's key unless a test passes another token ('' sends none).
 */
export const TEST_CLIENT_TOKEN = 'test-default-client-key-0123456789';
export const TEST_ADMIN_TOKEN = 'test-admin-client-key-0123456789';
export const TEST_CLIENT_TOKENS = `default:${TEST_CLIENT_TOKEN},admin:${TEST_ADMIN_TOKEN}`;

function bearer(token: string | undefined): Record<string, string> {
  const chosen = token === undefined ? TEST_CLIENT_TOKEN : token;
  return chosen ? { authorization: `Bearer ${chosen}` } : {};
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** POSTs a typed document to the gateway, as a frontend app would. */
export async function gql<R, V>(url: string, document: TypedDocumentString<R, V>, variables?: V, token?: string): Promise<GraphQLResponse<R>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...bearer(token) },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  return (await response.json()) as GraphQLResponse<R>;
}

/** gql() that fails the test on any GraphQL error and returns data. */
export async function gqlData<R, V>(url: string, document: TypedDocumentString<R, V>, variables?: V, token?: string): Promise<R> {
  const result = await gql(url, document, variables, token);
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** A pull-based view of a subscription: `next()` resolves with the next event. */
export interface EventStream<T> {
  next(timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

function queue<T>(): { push(value: T): void; fail(error: unknown): void; next(timeoutMs?: number): Promise<T> } {
  const values: T[] = [];
  const waiters: { resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
  let failure: unknown = null;
  return {
    push(value) {
      const waiter = waiters.shift();
      if (waiter) waiter.resolve(value);
      else values.push(value);
    },
    fail(error) {
      failure = error;
      for (const w of waiters.splice(0)) w.reject(error);
    },
    next(timeoutMs = 10_000) {
      if (values.length) return Promise.resolve(values.shift()!);
      if (failure) return Promise.reject(failure);
      return new Promise<T>((resolve, reject) => {
        // A waiter that timed out leaves the queue, so it cannot swallow the next event.
        const timer = setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index !== -1) waiters.splice(index, 1);
          reject(new Error(`no event within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter: { resolve: (v: T) => void; reject: (e: unknown) => void } = {
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        };
        waiters.push(waiter);
      });
    },
  };
}

/** Subscribes with the real graphql-ws client over a real WebSocket; resolves once the server acknowledged. */
export async function wsSubscribe<R, V>(url: string, document: TypedDocumentString<R, V>, variables?: V, token?: string): Promise<EventStream<GraphQLResponse<R>> & { client: Client }> {
  const events = queue<GraphQLResponse<R>>();
  let acknowledged!: () => void;
  const ready = new Promise<void>((resolve) => (acknowledged = resolve));
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: bearer(token),
    on: { connected: () => acknowledged() },
  });
  client.subscribe<R>({ query: document.toString(), variables: variables as Record<string, unknown> }, {
    next: (value) => events.push(value as GraphQLResponse<R>),
    error: (error) => events.fail(error),
    complete: () => {},
  });
  await ready;
  // The subscribe message is sent right after the ack; give the server a tick to register the listener.
  await new Promise((r) => setTimeout(r, 50));
  return { client, next: events.next, close: () => client.dispose() as Promise<void> };
}

/** Subscribes over Server-Sent Events (GraphQL over SSE, distinct connections mode). */
export async function sseSubscribe<R, V>(url: string, document: TypedDocumentString<R, V>, variables?: V, token?: string): Promise<EventStream<GraphQLResponse<R>>> {
  const events = queue<GraphQLResponse<R>>();
  const abort = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...bearer(token) },
    body: JSON.stringify({ query: document.toString(), variables }),
    signal: abort.signal,
  });
  if (!response.ok || !response.body) throw new Error(`SSE subscribe failed: ${response.status}`);
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let boundary: number;
        while ((boundary = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event === 'next' && data) events.push(JSON.parse(data) as GraphQLResponse<R>);
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) events.fail(error);
    }
  })();
  // Yoga registers the subscription before streaming; a short pause avoids racing the first event.
  await new Promise((r) => setTimeout(r, 50));
  return { next: events.next, close: async () => abort.abort() };
}
