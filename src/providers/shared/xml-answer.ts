import { XMLParser, XMLValidator } from 'fast-xml-parser';

// Every value stays the exact text the provider sent (amounts included): no number or boolean guessing.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  processEntities: true,
});

/**
 * Parses an XML answer into plain objects whose leaves are strings (attributes as `@_name`).
 * Undefined when the text is not well-formed XML (e.g. truncated), so callers treat it as unreadable.
 */
export function parseXmlAnswer(text: string): unknown {
  if (text.trim() === '' || XMLValidator.validate(text) !== true) return undefined;
  try {
    return parser.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
