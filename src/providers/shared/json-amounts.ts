import { z } from 'zod';

/**
 * JSON.parse that keeps every number's exact source text where a float could change it: a number
 * with a fraction or an exponent, or an integer beyond 2^53, arrives as its source string; safe
 * integers stay numbers. Uses the reviver's `context.source` (Node 24, TC39 "JSON.parse source text
 * access"), so no amount ever passes through a float, whatever its length.
 */
export function parseJsonExact(text: string): unknown {
  return JSON.parse(text, function revive(this: unknown, _key: string, value: unknown, context?: { source?: string }) {
    if (typeof value !== 'number') return value;
    // Without source text (a runtime older than Node 24) an amount could silently round: refuse instead.
    if (typeof context?.source !== 'string') throw new Error('parseJsonExact needs JSON.parse source text access (Node 24 or later)');
    const source = context.source;
    if (/^-?\d+$/.test(source) && Number.isSafeInteger(value)) return value;
    return source;
  });
}

/**
 * An amount on the wire, read by `parseJsonExact`: a JSON number (kept as its source text or a safe
 * integer) or a decimal string. Always yields the exact decimal text; anything else is refused.
 */
export const amountText = z
  .union([z.number().int(), z.string()])
  .transform((v) => String(v).trim())
  .refine((v) => /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v), 'a decimal amount');
