import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, Kind, type DocumentNode, type ExecutionResult, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import type { GraphQLContext } from '../schema/builder.ts';
import type { ApiClients } from '../services/api-clients.ts';
import type { ClientLimits } from '../services/client-limits.ts';
import { rememberViewer, resolveViewer } from './viewer.ts';

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

export async function checkRequestHead(config: Config, req: IncomingMessage, clients: ApiClients): Promise<Refusal | null> {
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') return null; // CORS preflight: Yoga answers it from the allow-list
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  if (method === 'POST' && FORM_TYPES.some((t) => contentType.startsWith(t))) {
    return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Form-encoded requests are not accepted; send application/json', headers: { accept: 'application/json, application/graphql-response+json' } };
  }
  if (!isGraphiQLPage(req)) {
    const viewer = await resolveViewer(clients, req.headers.authorization);
    if (viewer === null) {
      return { status: 401, code: 'UNAUTHENTICATED', message: 'A valid client token is required (Authorization: Bearer <token>)', headers: { 'www-authenticate': 'Bearer' } };
    }
    rememberViewer(req, viewer);
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

/**
 * Reads the body, counting bytes as they arrive (chunked uploads have no Content-Length); null once
 * over the limit. With a Content-Length (already checked against the limit by checkRequestHead) the
 * bytes go straight into one buffer of that size: no stream iterator, no concatenation.
 */
export async function readLimitedBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && !req.headers['transfer-encoding']) {
    // The declared size is refused before a buffer of it is made, whoever calls this.
    const length = Number(declared);
    return Number.isSafeInteger(length) && length >= 0 && length <= limit ? readDeclaredBody(req, length) : null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function readDeclaredBody(req: IncomingMessage, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const body = Buffer.allocUnsafe(length);
    let filled = 0;
    req.on('data', (chunk: Buffer) => {
      // Node's parser never delivers more than Content-Length; the guard keeps a bad peer from overrunning anyway.
      filled += chunk.copy(body, filled);
    });
    req.once('end', () => resolve(filled === length ? body : body.subarray(0, filled)));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('the client went away before sending the whole body'));
    });
  });
}

/** Writes a refusal as a GraphQL-shaped JSON error, with CORS headers so an allowed browser app can read it. */
export function sendRefusal(config: Config, req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...corsHeaders(config, req), ...refusal.headers };
  // The rest of an oversized or refused body is not read: close the connection instead of draining it.
  if (!req.complete) headers.connection = 'close';
  res.writeHead(refusal.status, headers);
  res.end(JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] }));
}

/** The CORS headers an answer to an allow-listed browser origin carries (none for anyone else). */
export function corsHeaders(config: Config, req: IncomingMessage): Record<string, string> {
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

/**
 * The per-client request rate (RATE_LIMIT), for HTTP and WebSocket operations alike (both run
 * through Yoga's execute/subscribe): one point per query or subscription, one per root field of a
 * mutation (17 aliased purchases cost 17), taken before anything executes. When the limiter's store
 * (Redis) cannot answer, reads go on (fail open: they spend nothing) and mutations are refused
 * (fail safe: a purchase never goes through unmetered).
 */
export function clientRateLimitPlugin(limits: ClientLimits): Plugin<GraphQLContext> {
  const check = async (args: { document: DocumentNode; operationName?: string | null; contextValue: unknown }): Promise<ExecutionResult | null> => {
    const viewer = (args.contextValue as GraphQLContext).viewer;
    const operation = args.document.definitions.find(
      (d) => d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
    );
    if (!viewer || !operation || operation.kind !== Kind.OPERATION_DEFINITION) return null;
    const spending = operation.operation === 'mutation';
    const points = spending ? rootFieldCount(args.document, operation.selectionSet, new Set()) : 1;
    const decision = await limits.consume(viewer.clientId, points);
    if (decision.kind === 'allowed' || (decision.kind === 'unavailable' && !spending)) return null;
    if (decision.kind === 'limited') {
      const { retryAfterSeconds, limit } = decision;
      return {
        errors: [
          new GraphQLError(`Rate limited: this client may make ${limit.points} requests per ${limit.window} (a mutation counts each of its fields; this one ${points}). Retry after ${retryAfterSeconds} s.`, {
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds, http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } } },
          }),
        ],
      };
    }
    return {
      errors: [
        new GraphQLError('The rate limiter is unavailable, so mutations are refused for now (reads still work). Nothing was done; retry shortly.', {
          extensions: { code: 'LIMITS_UNAVAILABLE', retryAfterSeconds: 5, http: { status: 503, headers: { 'retry-after': '5' } } },
        }),
      ],
    };
  };
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const refused = await check(args);
      if (refused) setResultAndStopExecution(refused);
    },
    async onSubscribe({ args, setResultAndStopExecution }) {
      const refused = await check(args);
      if (refused) setResultAndStopExecution(refused);
    },
  };
}

/** Root fields of an operation, fragments expanded (a cycle counts once; validation refuses it anyway). */
function rootFieldCount(document: DocumentNode, selectionSet: SelectionSetNode, visiting: Set<string>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) count += 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += rootFieldCount(document, selection.selectionSet, visiting);
    } else if (!visiting.has(selection.name.value)) {
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind !== Kind.FRAGMENT_DEFINITION) continue;
      visiting.add(selection.name.value);
      count += rootFieldCount(document, fragment.selectionSet, visiting);
      visiting.delete(selection.name.value);
    }
  }
  return count;
}
