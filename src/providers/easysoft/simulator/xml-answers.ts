import { XMLBuilder } from 'fast-xml-parser';

/** An answer about to be written: HTTP status, the exact body, extra headers. */
export interface TopupResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** `text/xml`, as a PHP script emitting SimpleXML-readable text would send it. */
export const XML_CONTENT_TYPE = 'text/xml; charset=UTF-8';

// The document's layout: no declaration, one element per line, children indented by five spaces.
const builder = new XMLBuilder({ format: true, indentBy: '     ', suppressEmptyNode: false, processEntities: true });

/** `<TOPUP>` with these children in this order, every value text (escaped by the builder). */
export function topupXml(children: ReadonlyArray<readonly [string, string]>): string {
  const topup: Record<string, string> = {};
  for (const [name, value] of children) topup[name] = value;
  return builder.build({ TOPUP: topup }).replace(/\n$/, '');
}

/** ข้อมูลถูกต้อง: `<STATUS>1</STATUS>` then the function's elements. */
export function okAnswer(children: ReadonlyArray<readonly [string, string]> = []): TopupResponse {
  return { status: 200, body: topupXml([['STATUS', '1'], ...children]) };
}

/** ข้อมูลไม่ถูกต้อง: `<STATUS>0</STATUS><DETAIL>…</DETAIL>` (HTTP 200 unless an injected fault says otherwise). */
export function failAnswer(detail: string, status = 200, headers?: Record<string, string>): TopupResponse {
  return { status, body: topupXml([['STATUS', '0'], ['DETAIL', detail]]), ...(headers ? { headers } : {}) };
}

/** A refusal of one function: answered with the failure shape, nothing done. */
export class TopupRefusal extends Error {
  override readonly name = 'TopupRefusal';
  readonly detail: string;
  constructor(detail: string) {
    super(detail);
    this.detail = detail;
  }
}
