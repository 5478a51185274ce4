/** A JSON number written verbatim (e.g. `15.00`), which JSON.stringify could not produce from a JS number. */
export class RawNumber {
  readonly text: string;

  constructor(text: string) {
    if (!/^-?(0|[1-9]\d*)(\.\d+)?$/.test(text)) throw new Error(`not a JSON number: ${text}`);
    this.text = text;
  }
}

/** A JSON value the serializer accepts: plain JSON plus RawNumber leaves. */
export type JsonValue = null | boolean | number | string | RawNumber | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

/** JSON.stringify for JsonValue: RawNumber leaves keep their exact text; undefined object members are skipped. */
export function toJsonText(value: JsonValue): string {
  if (value instanceof RawNumber) return value.text;
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number in JSON');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item: JsonValue) => toJsonText(item)).join(',')}]`;
  const members: string[] = [];
  for (const [key, member] of Object.entries(value as { readonly [key: string]: JsonValue | undefined })) {
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${toJsonText(member)}`);
  }
  return `{${members.join(',')}}`;
}
