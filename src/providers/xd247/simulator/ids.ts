import { createHash } from 'node:crypto';

/** A stable UUID (RFC 9562 version 5 layout) for a seed name, so catalog ids survive restarts. */
export function seedUuid(name: string): string {
  const bytes = createHash('sha1').update(`247xd-sandbox:${name}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Largest counter an order id can carry (12 hex digits). */
const MAX_ORDER_COUNTER = 0xffff_ffff_ffff;

/**
 * The order id ("uuid" in the document) for the n-th order: a version-4-shaped UUID whose last group is
 * the counter in hex, so ids are deterministic in tests and a sandbox restarted on a fresh range never
 * repeats one.
 */
export function orderUuid(counter: number): string {
  if (!Number.isSafeInteger(counter) || counter < 0 || counter > MAX_ORDER_COUNTER) {
    throw new RangeError(`order counter out of range: ${counter}`);
  }
  return `247d0000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

/** Whether a path segment looks like a UUID at all (anything else is simply not found). */
export function looksLikeUuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}
