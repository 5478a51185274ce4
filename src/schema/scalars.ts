import { GraphQLError, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { builder } from './builder.ts';

builder.addScalarType('DateTime', DateTimeResolver, {});

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
/** Digits a Decimal may have in all (money math runs at 40 significant digits); longer input is refused, not echoed. */
export const MAX_DECIMAL_DIGITS = 30;

function parseDecimal(value: unknown): string {
  if (typeof value === 'string' && value.length > MAX_DECIMAL_DIGITS + 8) throw decimalTooLong(`${value.length} characters`);
  if (typeof value === 'string' && DECIMAL_TEXT.test(value.trim())) {
    const digits = value.trim().replace(/\D/g, '').length;
    if (digits > MAX_DECIMAL_DIGITS) throw decimalTooLong(`${digits} digits`);
    return value.trim();
  }
  const shown = JSON.stringify(value) ?? String(value);
  throw new GraphQLError(`Decimal must be a string of digits such as "15" or "0.9231" (no floats, no exponent); received ${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}`, { extensions: { code: 'VALIDATION' } });
}

function decimalTooLong(received: string): GraphQLError {
  return new GraphQLError(`Decimal has at most ${MAX_DECIMAL_DIGITS} digits; received ${received}`, { extensions: { code: 'VALIDATION' } });
}

// Decimals are immutable: one catalog price is written to the wire far more often than it changes,
// so its text is kept with it (docs/performance.md, "The catalog hot path").
const decimalText = new WeakMap<object, string>();

function decimalToWire(value: { toFixed(): string }): string {
  let text = decimalText.get(value);
  if (text === undefined) decimalText.set(value, (text = value.toFixed()));
  return text;
}

// A string on the wire: a JSON float would already have lost the exactness money needs.
builder.scalarType('Decimal', {
  description: 'An exact decimal number written as a string, e.g. "15.00" or "0.9231". Never a float.',
  serialize: (value) => (typeof value === 'string' ? value : decimalToWire(value)),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Decimal literals must be quoted strings, e.g. "15.00"');
    return parseDecimal(ast.value);
  },
});
