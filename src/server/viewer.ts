import type { IncomingMessage } from 'node:http';
import type { Viewer } from '../schema/builder.ts';
import type { ApiClients } from '../services/api-clients.ts';

/**
 * Resolves the calling API client from `Authorization: Bearer <key>`: a CLIENT_TOKENS client
 * (compared in constant time), a stored client (by the SHA-256 of its key, revoked ones refused),
 * or — in a sandbox with no client at all — the `default` client with every scope. Null otherwise.
 */
export async function resolveViewer(clients: ApiClients, authorization: string | null | undefined): Promise<Viewer | null> {
  const client = await clients.authenticate(authorization);
  return client ? { clientId: client.clientId, scopes: client.scopes, isAdmin: client.scopes.includes('ADMIN') } : null;
}

// The viewer found for a raw request (HTTP) or a socket's upgrade request (WebSocket), so the
// GraphQL context and validation use the one authentication the request guard made.
const viewers = new WeakMap<IncomingMessage, Viewer>();

export function rememberViewer(req: IncomingMessage, viewer: Viewer): void {
  viewers.set(req, viewer);
}

export function viewerOf(req: IncomingMessage | undefined): Viewer | null {
  return req ? (viewers.get(req) ?? null) : null;
}
