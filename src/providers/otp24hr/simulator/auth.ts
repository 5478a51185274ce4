import type { IncomingHttpHeaders } from 'node:http';

/**
 * The API key, looked for in the document's order: 1) `X-API-Key` header, 2) `Authorization: Bearer`,
 * 3) `?api_key=`, 4) JSON body field `api_key`. The first one present wins; empty values count as absent.
 */
export function apiKeyOf(headers: IncomingHttpHeaders, query: URLSearchParams, body: Record<string, unknown>): string | undefined {
  const header = headers['x-api-key'];
  const fromHeader = (Array.isArray(header) ? header[0] : header)?.trim();
  if (fromHeader) return fromHeader;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
  if (bearer) return bearer;
  const fromQuery = query.get('api_key')?.trim();
  if (fromQuery) return fromQuery;
  const fromBody = body.api_key;
  if (typeof fromBody === 'string' && fromBody.trim() !== '') return fromBody.trim();
  return undefined;
}
