/** A JSON number written verbatim (e.g. `15.00`), which JSON.stringify would shorten to `15`. */
export class RawNumber {
  readonly text: string;

  constructor(text: string) {
    if (!/^-?(0|[1-9]\d*)(\.\d+)?$/.test(text)) throw new Error(`not a JSON number: ${text}`);
    this.text = text;
  }
}

/** A JSON value that may hold RawNumber leaves. */
export type JsonValue = null | boolean | number | string | RawNumber | JsonValue[] | { [key: string]: JsonValue | undefined };

/** JSON text of `value` like JSON.stringify (undefined members dropped), writing RawNumber text as is. */
export function jsonText(value: JsonValue): string {
  if (value instanceof RawNumber) return value.text;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('non-finite number in JSON');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  const members: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${jsonText(member)}`);
  }
  return `{${members.join(',')}}`;
}
