import { Dec } from '../../domain/money.ts';
import type { JsonValue } from '../../domain/provider.ts';

/**
 * Tolerant readers for the parts of 247xd's answers the document does not show.
 *
 * The document fixes the envelope, the balance (`coins`), the three create answers and the request
 * bodies; the service lists, the order status answers and the cancel/refund answers are shown as
 * `{ ... }` or not at all. Our simulator (wire.ts) is one reading of them; other implementations of the
 * same document will name things differently. So every undocumented field is looked up under the names
 * such an API plausibly uses, and whatever cannot be read is never guessed: an item without a readable
 * id or price is left out of the catalog, an order whose status word is unknown is "cannot tell now".
 * Answers are parsed with parseJsonExact, so amounts arrive as their exact source text.
 */

export type Obj = Readonly<Record<string, unknown>>;

/** `value` as a plain object, or null. */
export function asObject(value: unknown): Obj | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : null;
}

/** The first member of `o` under one of `names` that is neither undefined nor null. */
export function pick(o: Obj | null, names: readonly string[]): unknown {
  if (!o) return undefined;
  for (const name of names) {
    const value = o[name];
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/** A non-empty string (numbers as their text), trimmed; null otherwise. */
export function readText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** An identifier: a non-empty string or a safe integer, as text (kept opaque). */
export function readId(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}

const AMOUNT = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * An exact amount (JSON number kept as source text, or a decimal string) as plain decimal text, as the
 * provider wrote it (`15.00` stays `15.00`; only an exponent is expanded); null otherwise.
 */
export function readAmount(value: unknown): string | null {
  const text = typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : null) : typeof value === 'string' ? value.trim() : null;
  if (text === null || !AMOUNT.test(text)) return null;
  return /[eE]/.test(text) ? new Dec(text).toFixed() : text;
}

/** A non-negative whole count (a number or digits); null otherwise. */
export function readCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** A timestamp: ISO 8601 text, or Unix seconds / milliseconds; null otherwise. */
export function readTime(value: unknown): Date | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return new Date(value < 1e12 ? value * 1000 : value);
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return readTime(Number(text));
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** A list: `data` itself when it is an array, else the first array member under one of `names`. */
export function readList(data: unknown, names: readonly string[]): unknown[] | null {
  if (Array.isArray(data)) return data;
  const value = pick(asObject(data), names);
  return Array.isArray(value) ? value : null;
}

/** A status word, lower-cased with spaces and dashes as `_` (`Waiting SMS` → `waiting_sms`). */
export function readStatusWord(value: unknown): string | null {
  const text = readText(value);
  return text === null ? null : text.toLowerCase().replace(/[\s-]+/g, '_');
}

/** Any JSON value as the core can store it (undefined members dropped); null for what JSON cannot hold. */
export function toJsonValue(value: unknown, depth = 0): JsonValue | undefined {
  if (depth > 8) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) return value.map((v) => toJsonValue(v, depth + 1) ?? null);
  const o = asObject(value);
  if (!o) return undefined;
  const out: Record<string, JsonValue> = {};
  for (const [key, member] of Object.entries(o)) {
    const json = toJsonValue(member, depth + 1);
    if (json !== undefined) out[key] = json;
  }
  return out;
}

/**
 * A slug of a provider's own name, for keys: lower case, letters (any script, Thai included, with their
 * marks) and digits, runs of anything else as one `-`; at most `max` characters. Empty for a name with none.
 */
export function slug(name: string, max = 80): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** The name squeezed for table look-ups: lower case, letters and digits only (`Google / Gmail` → `googlegmail`). */
export function squeeze(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
}
