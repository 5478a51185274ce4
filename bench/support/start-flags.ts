import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The node flags of package.json's "start" script (`node [flags] src/main.ts`), so a bench runs the gateway as `npm start` does. */
export async function startFlags(repoRoot: string): Promise<string[]> {
  const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const words = (pkg.scripts.start ?? '').split(/\s+/).filter(Boolean);
  return words.slice(1).filter((w) => w.startsWith('--'));
}
