/** A JSON number whose exact source text is written as is (`1000`, `899.50`), never through a float. */
export class RawNumber {
  readonly text: string;

  constructor(text: string) {
    if (!/^-?(0|[1-9]\d*)(\.\d+)?$/.test(text)) throw new RangeError(`not a JSON number: ${text}`);
    this.text = text;
  }
}

/** A JSON value that may hold {@link RawNumber}s. */
export type JsonValue = string | number | boolean | null | RawNumber | JsonValue[] | { [key: string]: JsonValue | undefined };

/** JSON.stringify for {@link JsonValue}: keys in insertion order, `undefined` members left out, raw numbers verbatim. */
export function stringifyJson(value: JsonValue): string {
  if (value instanceof RawNumber) return value.text;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stringifyJson).join(',')}]`;
  const members: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${stringifyJson(member)}`);
  }
  return `{${members.join(',')}}`;
}
