import type { IncomingMessage } from 'node:http';

/** What readBody does with a body over its limit: throw, or keep reading and ignore the excess (what PHP's input cap does). */
export type BodyOverflow = 'throw' | 'truncate';

/** The raw request body, at most `maxBytes` of it; a larger one throws or is cut off at a chunk boundary, by `overflow`. */
export async function readBody(req: IncomingMessage, maxBytes: number, overflow: BodyOverflow = 'throw'): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      if (overflow === 'throw') throw new Error('body too large');
      continue;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** A request body read as JSON: the value, or why there is none (`empty`: blank body; `malformed`: not JSON). */
export type JsonBody = { ok: true; value: unknown } | { ok: false; reason: 'empty' | 'malformed' };

/** Parses a raw body as JSON without throwing; each provider answers `empty` and `malformed` in its own words. */
export function parseJsonBody(raw: string): JsonBody {
  if (raw.trim() === '') return { ok: false, reason: 'empty' };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}
