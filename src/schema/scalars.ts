import { GraphQLError, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { builder } from './builder.ts';

builder.addScalarType('DateTime', DateTimeResolver, {});

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

function parseDecimal(value: unknown): string {
  if (typeof value === 'string' && DECIMAL_TEXT.test(value.trim())) return value.trim();
  throw new GraphQLError(`Decimal must be a string of digits such as "15" or "0.9231" (no floats, no exponent); received ${JSON.stringify(value)}`);
}

// A string on the wire: a JSON float would already have lost the exactness money needs.
builder.scalarType('Decimal', {
  description: 'An exact decimal number written as a string, e.g. "15.00" or "0.9231". Never a float.',
  serialize: (value) => (typeof value === 'string' ? value : value.toFixed()),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Decimal literals must be quoted strings, e.g. "15.00"');
    return parseDecimal(ast.value);
  },
});
