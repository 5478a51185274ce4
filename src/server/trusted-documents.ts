import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Logger } from '../logging/logger.ts';

/** The storefront's trusted documents, written by `npm run generate` (the codegen client preset's persisted-documents manifest). */
export const STOREFRONT_MANIFEST = resolve(import.meta.dirname, '../../web/src/gql/persisted-documents.json');

/**
 * Trusted documents by id: `sha256:<hex>` (GraphQL over HTTP's documentId) and the bare hex
 * (Apollo's persistedQuery.sha256Hash) both name one document. An entry whose hash does not match
 * its text is left out, so an id always means exactly the document it hashes.
 */
export function loadTrustedDocuments(logger: Logger, paths: readonly string[] = [STOREFRONT_MANIFEST]): Map<string, string> {
  const documents = new Map<string, string>();
  for (const path of paths) {
    let manifest: Record<string, unknown>;
    try {
      manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      logger.warn({ path, err: error instanceof Error ? error.message : String(error) }, 'trusted documents not loaded');
      continue;
    }
    for (const [id, text] of Object.entries(manifest)) {
      const hex = id.replace(/^sha256:/, '');
      if (typeof text !== 'string' || createHash('sha256').update(text).digest('hex') !== hex) {
        logger.warn({ path, id }, 'trusted document left out: its id is not the SHA-256 of its text');
        continue;
      }
      documents.set(`sha256:${hex}`, text);
      documents.set(hex, text);
    }
  }
  return documents;
}

/** The document id a request names: `documentId` (query string or JSON body) or Apollo's extensions.persistedQuery. */
export function persistedDocumentId(params: { documentId?: unknown; extensions?: Record<string, unknown> }, request: Request): string | null {
  if (typeof params.documentId === 'string') return params.documentId;
  const apollo = params.extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
  if (apollo?.version === 1 && typeof apollo.sha256Hash === 'string') return apollo.sha256Hash;
  // Yoga's GET parser keeps only query/variables/operationName/extensions: read documentId from the URL.
  if (request.method === 'GET') {
    const query = request.url.indexOf('?');
    return query < 0 ? null : new URLSearchParams(request.url.slice(query + 1)).get('documentId');
  }
  return null;
}

