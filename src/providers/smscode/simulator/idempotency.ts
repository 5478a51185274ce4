/** The document's Idempotency-Key alphabet and length. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** What a create request finds under its Idempotency-Key. */
export type IdempotencyLookup =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; body: string }
  | { kind: 'reused' }
  | { kind: 'inProgress' };

type IdempotencyRecord =
  | { fingerprint: string; state: 'inProgress' }
  | { fingerprint: string; state: 'done'; status: number; body: string };

/** One account's Idempotency-Keys: in progress, or done with the exact status and body to replay. */
export class IdempotencyStore {
  readonly #records = new Map<string, IdempotencyRecord>();

  /** Looks the key up; when new, reserves it as in progress for `fingerprint`. */
  begin(key: string, fingerprint: string): IdempotencyLookup {
    const record = this.#records.get(key);
    if (!record) {
      this.#records.set(key, { fingerprint, state: 'inProgress' });
      return { kind: 'new' };
    }
    if (record.fingerprint !== fingerprint) return { kind: 'reused' };
    if (record.state === 'inProgress') return { kind: 'inProgress' };
    return { kind: 'replay', status: record.status, body: record.body };
  }

  /** Stores the outcome to replay for every later request with the same key and body. */
  complete(key: string, status: number, body: string): void {
    const record = this.#records.get(key);
    if (record) this.#records.set(key, { fingerprint: record.fingerprint, state: 'done', status, body });
  }

  /** Forgets the key: side-effect-free failures let the client retry with the same key. */
  release(key: string): void {
    this.#records.delete(key);
  }
}

/** "Same body" means the same parsed JSON whatever the key order; the API version is part of the request. */
export function requestFingerprint(version: string, body: unknown): string {
  return `${version}:${canonicalJson(body)}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
