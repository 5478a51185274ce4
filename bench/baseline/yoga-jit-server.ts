/**
 * The best-tuned framework (docs/performance.md): bare graphql-yoga + Pothos + graphql-jit through
 * @envelop/graphql-jit, no body limit (`maxRequestBodySize: false`), no GraphiQL, no logging,
 * answering the catalog from memory (bench/baseline/catalog-schema.ts).
 *
 * Usage: node bench/baseline/yoga-jit-server.ts <catalog-answer.json> [port]
 * Prints "ready: http://127.0.0.1:<port>" once listening.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createYoga } from 'graphql-yoga';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { buildCatalogSchema, type CatalogAnswer } from './catalog-schema.ts';

const [answerPath, portText = '0'] = process.argv.slice(2);
if (!answerPath) throw new Error('usage: yoga-jit-server.ts <catalog-answer.json> [port]');
const answer = JSON.parse(readFileSync(answerPath, 'utf8')) as { data: { catalog: CatalogAnswer } };
const schema = buildCatalogSchema(answer.data.catalog, fileURLToPath(new URL('../../schema.graphql', import.meta.url)));

const yoga = createYoga({
  schema,
  graphiql: false,
  landingPage: false,
  logging: false,
  maxRequestBodySize: false,
  plugins: [useGraphQlJit()],
});

const server = createServer({ keepAliveTimeout: 65_000 }, yoga);
server.listen(Number(portText), '127.0.0.1', () => {
  process.stdout.write(`ready: http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
