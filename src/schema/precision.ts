import { builder } from './builder.ts';

export const PrecisionEnum = builder.enumType('Precision', {
  description: 'How a converted amount is rounded.',
  values: {
    TOTAL: { value: 'TOTAL', description: 'A total or balance: 2 decimals.' },
    UNIT: { value: 'UNIT', description: 'A unit price: 4 decimals.' },
  } as const,
});
