import { timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Viewer } from '../schema/builder.ts';

/** The client every request acts as when CLIENT_TOKENS is unset (single-tenant, e.g. sandbox). */
export const DEFAULT_VIEWER: Viewer = { clientId: 'default', isAdmin: true };

/**
 * Resolves the calling API client from `Authorization: Bearer <token>`. Returns null for an
 * unknown token. Tokens are compared in constant time; the admin client is the one named "admin".
 */
export function resolveViewer(config: Config, authorization: string | null | undefined): Viewer | null {
  const clients = config.CLIENT_TOKENS;
  if (!clients) return DEFAULT_VIEWER;
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return null;
  const presented = Buffer.from(token);
  for (const client of clients) {
    const expected = Buffer.from(client.token);
    if (expected.length === presented.length && timingSafeEqual(expected, presented)) {
      return { clientId: client.name, isAdmin: client.name === 'admin' };
    }
  }
  return null;
}
