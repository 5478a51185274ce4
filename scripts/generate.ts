/**
 * Regenerates schema.graphql (printed, sorted, from the Pothos schema) and the typed documents in
 * test/gql. With --check, writes nothing and exits 1 when either is stale (CI drift check).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { printSchema } from 'graphql';
import { generate } from '@graphql-codegen/cli';
import { buildSchema } from '../src/schema/schema.ts';
import codegenConfig from '../codegen.ts';

const check = process.argv.includes('--check');
const root = resolve(import.meta.dirname, '..');
const stale: string[] = [];

function sync(path: string, content: string): void {
  const absolute = resolve(root, path);
  let current: string | null = null;
  try {
    current = readFileSync(absolute, 'utf8');
  } catch {
    current = null;
  }
  if (current === content) return;
  stale.push(path);
  if (!check) {
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
}

sync('schema.graphql', printSchema(buildSchema({ sandbox: false })) + '\n');
if (!check) process.chdir(root);
// Codegen reads schema.graphql from disk, so in --check mode it must see the freshly printed one.
const outputs = await generate({ ...codegenConfig, cwd: root, schema: check ? printSchema(buildSchema({ sandbox: false })) : resolve(root, 'schema.graphql') }, false);
for (const file of outputs) sync(file.filename.startsWith('/') ? file.filename.slice(root.length + 1) : file.filename, file.content);

if (check && stale.length) {
  process.stderr.write(`Generated files are stale: ${stale.join(', ')}. Run \`npm run generate\` and commit the result.\n`);
  process.exit(1);
}
process.stdout.write(check ? 'schema.graphql and test/gql are up to date\n' : `generated: ${stale.length ? stale.join(', ') : 'nothing changed'}\n`);
