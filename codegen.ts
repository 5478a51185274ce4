import type { CodegenConfig } from '@graphql-codegen/cli';

const scalars = { DateTime: 'string', Decimal: 'string', ID: 'string' };

/** Typed documents for the operations the tests (and examples) and the storefront run; regenerate with `npm run generate`. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'test/gql/': {
      documents: ['test/**/*.ts', 'bench/**/*.ts', '!test/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        importExtension: '.ts',
        scalars,
      },
    },
    // The storefront (web/): DocumentNode documents, the form urql takes typed (TypedDocumentNode),
    // and persisted-documents.json, the trusted documents the gateway answers by hash (GET ?documentId=).
    'web/src/gql/': {
      documents: ['web/src/**/*.tsx', '!web/src/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars,
      },
    },
  },
};

export default config;
