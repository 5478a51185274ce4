import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for the operations the tests (and examples) run; regenerate with `npm run generate`. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['test/**/*.ts', 'bench/**/*.ts', '!test/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'test/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        importExtension: '.ts',
        scalars: { DateTime: 'string', Decimal: 'string', ID: 'string' },
      },
    },
  },
};

export default config;
