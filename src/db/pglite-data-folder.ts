import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A new PGlite data folder is created (initdb) in a short-lived child process, and the gateway then opens
 * the existing folder (docs/performance.md, "Memory"). Creating a cluster instantiates PostgreSQL's
 * WebAssembly twice (initdb, then the server) and compiles it each time: done in the gateway's own process
 * this left 350-800 MiB resident at "ready" (the WebAssembly memories until a garbage collection happens to
 * free them, and the compilers' malloc arenas for good). A child process gives all of it back when it
 * exits; the one-time cost is a few seconds on the first start with a new DATA_DIR.
 */
export function isPgliteDataFolder(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

/** Runs initdb for `dir` in a child process with the same PostgreSQL start parameters the gateway uses. */
export async function createPgliteDataFolder(dir: string, startParams: readonly string[]): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, [fileURLToPath(import.meta.url), dir, JSON.stringify(startParams)], { maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`PGlite could not create its data folder ${dir}: ${stderr.trim() || error.message}`));
      else resolve();
    });
  });
  if (!isPgliteDataFolder(dir)) throw new Error(`PGlite did not create its data folder ${dir}`);
}

// The child: create the cluster, close it cleanly (a checkpoint), exit.
if (import.meta.main) {
  const [dir, params] = process.argv.slice(2);
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create({ dataDir: dir!, startParams: JSON.parse(params!) as string[] });
  await pglite.close();
}
