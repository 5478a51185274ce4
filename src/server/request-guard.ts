import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config.ts';
import { resolveViewer } from './viewer.ts';

/**
 * Checks made on the raw HTTP request before a byte of the body is read or parsed: content type
 * (no browser form posts), the Bearer token, and the declared size. Each returns a refusal to send,
 * or null to go on.
 */
export interface Refusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly headers?: Record<string, string>;
}

// Content types a cross-site <form> can send without a CORS preflight; GraphQL never needs them.
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export function checkRequestHead(config: Config, req: IncomingMessage): Refusal | null {
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') return null; // CORS preflight: Yoga answers it from the allow-list
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  if (method === 'POST' && FORM_TYPES.some((t) => contentType.startsWith(t))) {
    return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Form-encoded requests are not accepted; send application/json', headers: { accept: 'application/json, application/graphql-response+json' } };
  }
  if (!isGraphiQLPage(req) && resolveViewer(config, req.headers.authorization) === null) {
    return { status: 401, code: 'UNAUTHENTICATED', message: 'A valid client token is required (Authorization: Bearer <token>)', headers: { 'www-authenticate': 'Bearer' } };
  }
  const declared = req.headers['content-length'];
  if (declared !== undefined && (!/^\d+$/.test(declared) || Number(declared) > config.MAX_BODY_BYTES)) {
    return /^\d+$/.test(declared)
      ? { status: 413, code: 'REQUEST_ENTITY_TOO_LARGE', message: `Request body larger than ${config.MAX_BODY_BYTES} bytes (MAX_BODY_BYTES)` }
      : { status: 400, code: 'BAD_REQUEST', message: 'Content-Length header is invalid' };
  }
  return null;
}

/** A browser GET accepting HTML: Yoga always answers it with the GraphiQL page (even with ?query=, which only pre-fills the editor), never with data. */
function isGraphiQLPage(req: IncomingMessage): boolean {
  return req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
}

/** Reads the body, counting bytes as they arrive (chunked uploads have no Content-Length); null once over the limit. */
export async function readLimitedBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Writes a refusal as a GraphQL-shaped JSON error, with CORS headers so an allowed browser app can read it. */
export function sendRefusal(config: Config, req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...corsHeaders(config, req), ...refusal.headers };
  // The rest of an oversized or refused body is not read: close the connection instead of draining it.
  if (!req.complete) headers.connection = 'close';
  res.writeHead(refusal.status, headers);
  res.end(JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] }));
}

function corsHeaders(config: Config, req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !config.CORS_ORIGINS.includes(origin)) return {};
  return { 'access-control-allow-origin': origin, vary: 'Origin' };
}

/** True for a same-origin request (Origin matches Host), a non-browser request (no Origin) or an allow-listed origin. */
export function originAllowed(config: Config, origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  if (config.CORS_ORIGINS.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
