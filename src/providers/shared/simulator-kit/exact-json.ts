/** A JSON number written verbatim (e.g. `15.00`), which JSON.stringify would shorten to `15`. */
export class RawNumber {
  readonly text: string;

  /** Keeps `text`, which must be a JSON number without exponent (RangeError otherwise). */
  constructor(text: string) {
    if (!/^-?(0|[1-9]\d*)(\.\d+)?$/.test(text)) throw new RangeError(`not a JSON number: ${text}`);
    this.text = text;
  }
}

/** A JSON value that may hold RawNumber leaves. */
export type JsonValue = null | boolean | number | string | RawNumber | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

/** JSON text of `value` like JSON.stringify (keys in insertion order, undefined members dropped), RawNumber text as is; non-finite numbers throw. */
export function jsonText(value: JsonValue): string {
  if (value instanceof RawNumber) return value.text;
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number in JSON');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item: JsonValue) => jsonText(item)).join(',')}]`;
  const members: string[] = [];
  for (const [key, member] of Object.entries(value as { readonly [key: string]: JsonValue | undefined })) {
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${jsonText(member)}`);
  }
  return `{${members.join(',')}}`;
}
