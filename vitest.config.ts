import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql-jit's ESM build loads its own CJS files, which require graphql's CJS entry; every import of
  // graphql takes that entry too (as plain Node does, the package having no exports map), so one copy runs.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The e2e files each start real servers; two workers match the machine's two cores.
    maxWorkers: 2,
    // Tests never write the GraphiQL page's disk cache into node_modules/.cache (src/server/graphiql-page.ts).
    env: { SWITCHBOARD_CACHE_DIR: join(tmpdir(), 'switchboard-test-cache') },
    server: {
      deps: {
        // graphql ships CJS and ESM builds; inlining the GraphQL libraries makes every import see one copy.
        inline: [/@pothos\//, /graphql-yoga/, /@graphql-yoga\//, /graphql-scalars/, /graphql-ws/, /@envelop\//, /@graphql-tools\//, /graphql-jit/],
      },
    },
  },
});
