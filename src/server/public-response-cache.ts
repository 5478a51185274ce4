import { createHash, randomUUID } from 'node:crypto';
import { Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { Catalog } from '../services/catalog.ts';
import type { EventBus } from '../services/event-bus.ts';
import type { FxService } from '../services/fx.ts';
import type { Logger } from '../logging/logger.ts';

/**
 * Root fields whose answer is the same for every client allowed to read them (each needs CATALOG_READ
 * and nothing else): a query made only of these may be answered from cached bytes. Per-client data
 * (orders, balances, spending, clients) is never in this list (docs/performance.md, "HTTP caching").
 */
export const PUBLIC_ROOT_FIELDS: ReadonlySet<string> = new Set(['catalog', 'countries', 'fxRates', 'convert']);

/** The scope every public root field requires; a cache hit checks it as the field's resolver would. */
export const PUBLIC_SCOPE = 'CATALOG_READ';

export interface CachedAnswer {
  readonly body: Buffer;
  readonly contentType: string;
  /** A strong validator: the same bytes always have the same ETag, on every instance. */
  readonly etag: string;
  readonly until: number;
}

const MAX_ENTRIES = 512;
/**
 * What the kept answers may hold together, bodies and keys (a key is the request itself, up to
 * MAX_BODY_BYTES): 512 catalog pages with their request bodies could otherwise hold tens of MiB
 * (docs/performance.md, "Memory"). Past either cap the oldest answer goes first.
 */
const MAX_BYTES = 16 * 1024 * 1024;

/**
 * Serialized answers to public queries, keyed by the exact request (query string of a GET, body of a
 * POST, plus the Accept header). An answer is kept while nothing it rests on has changed: it is dropped
 * the moment the catalog changes on any instance (offers reloaded, stock sold; carried on the event bus,
 * so through Redis when REDIS_URL is set) or a rate changes, and it expires when the first cached
 * provider offer list or provider rate it was computed from would have to be loaded again.
 */
export class PublicResponseCache {
  readonly #entries = new Map<string, CachedAnswer>();
  readonly #instance = randomUUID();
  readonly #catalog: Catalog;
  readonly #fx: FxService;
  readonly #now: () => number;
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  #bytes = 0;
  #generation = 0;
  #stop: Array<() => void> = [];

  constructor(deps: { catalog: Catalog; fx: FxService; events: EventBus; logger: Logger; now?: () => number; maxEntries?: number; maxBytes?: number }) {
    this.#catalog = deps.catalog;
    this.#fx = deps.fx;
    this.#now = deps.now ?? Date.now;
    this.#maxEntries = deps.maxEntries ?? MAX_ENTRIES;
    this.#maxBytes = deps.maxBytes ?? MAX_BYTES;
    // Local changes drop local answers at once, then go on the bus for the other instances.
    this.#stop.push(
      deps.catalog.onChange(() => {
        this.invalidate();
        try {
          deps.events.publish('catalog.changed', { instance: this.#instance });
        } catch (error) {
          deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'catalog change not announced to other instances');
        }
      }),
    );
    void this.#follow(deps.events.subscribe('catalog.changed'), (e) => e.instance !== this.#instance);
    void this.#follow(deps.events.subscribe('fx.ratesChanged'), () => true);
  }

  /** Changes whenever cached answers are dropped: an answer computed across a change is not stored. */
  get generation(): number {
    return this.#generation;
  }

  /** Answers kept now, and the bytes they hold (bodies and keys). */
  get size(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.#entries.size, bytes: this.#bytes };
  }

  get(key: string): CachedAnswer | null {
    const entry = this.#entries.get(key);
    if (!entry) return null;
    if (this.#now() >= entry.until) {
      this.#drop(key, entry);
      return null;
    }
    return entry;
  }

  /** Keeps `body` as the answer to `key` unless something changed since `generation` was read. */
  set(key: string, generation: number, body: Buffer, contentType: string): CachedAnswer {
    const answer: CachedAnswer = { body, contentType, etag: etagOf(body), until: Math.min(this.#catalog.validUntil(), this.#fx.validUntil()) };
    if (generation !== this.#generation || answer.until <= this.#now()) return answer;
    const bytes = bytesOf(key, answer);
    if (bytes > this.#maxBytes) return answer;
    const previous = this.#entries.get(key);
    if (previous) this.#drop(key, previous);
    // Oldest first (a Map iterates in insertion order).
    while (this.#entries.size > 0 && (this.#entries.size >= this.#maxEntries || this.#bytes + bytes > this.#maxBytes)) {
      const [oldestKey, oldest] = this.#entries.entries().next().value!;
      this.#drop(oldestKey, oldest);
    }
    this.#entries.set(key, answer);
    this.#bytes += bytes;
    return answer;
  }

  invalidate(): void {
    this.#generation += 1;
    this.#entries.clear();
    this.#bytes = 0;
  }

  #drop(key: string, entry: CachedAnswer): void {
    this.#entries.delete(key);
    this.#bytes -= bytesOf(key, entry);
  }

  close(): void {
    for (const stop of this.#stop) stop();
    this.#stop = [];
  }

  async #follow<T>(events: AsyncIterable<T>, applies: (event: T) => boolean): Promise<void> {
    const iterator = events[Symbol.asyncIterator]();
    this.#stop.push(() => void iterator.return?.());
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      if (applies(next.value)) this.invalidate();
    }
  }
}

/** An entry's weight: its body, and its key at one byte per character (requests are mostly ASCII). */
function bytesOf(key: string, answer: CachedAnswer): number {
  return answer.body.length + key.length;
}

export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** True when If-None-Match names this ETag (or is `*`). */
export function matchesETag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

const publicByDocument = new WeakMap<DocumentNode, Map<string, boolean>>();

/** Whether the operation to run is a query made only of public root fields (fragments expanded); remembered per parsed document. */
export function isPublicQuery(document: DocumentNode, operationName: string | null | undefined): boolean {
  let byName = publicByDocument.get(document);
  if (!byName) publicByDocument.set(document, (byName = new Map()));
  const name = operationName ?? '';
  let known = byName.get(name);
  if (known === undefined) byName.set(name, (known = decidePublic(document, operationName)));
  return known;
}

function decidePublic(document: DocumentNode, operationName: string | null | undefined): boolean {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query') return false;
  if (operation.directives?.length) return false;
  return onlyPublic(document, operation.selectionSet, new Set());
}

function onlyPublic(document: DocumentNode, selectionSet: SelectionSetNode, visiting: Set<string>): boolean {
  let some = false;
  for (const selection of selectionSet.selections) {
    if (selection.directives?.length) return false; // @include/@skip/@defer: keep it simple, execute
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === '__typename') continue;
      if (!PUBLIC_ROOT_FIELDS.has(selection.name.value)) return false;
      some = true;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!onlyPublic(document, selection.selectionSet, visiting)) return false;
      some = true;
    } else {
      if (visiting.has(selection.name.value)) return false;
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind !== Kind.FRAGMENT_DEFINITION) return false;
      visiting.add(selection.name.value);
      const ok = onlyPublic(document, fragment.selectionSet, visiting);
      visiting.delete(selection.name.value);
      if (!ok) return false;
      some = true;
    }
  }
  return some;
}
