/**
 * Builds the storefront into web/dist unless a build newer than every source is already there. Runs before
 * `npm start` (prestart) and before the browser tests; offline, from the installed packages only.
 *
 *   node web/ensure-built.ts          build when missing or stale
 *   node web/ensure-built.ts --force  always build
 *
 * The build goes to a temporary folder that is then renamed into place, so a gateway serving web/dist never
 * sees half a build and two concurrent callers cannot interleave files.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const WEB_ROOT = import.meta.dirname;
export const DIST = resolve(WEB_ROOT, 'dist');
// package-lock.json: an upgraded React or urql makes the old bundle stale too.
const INPUTS = ['index.html', 'vite.config.ts', 'src', 'public', '../package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when web/dist/index.html exists and is newer than every source file. */
export function isBuildFresh(): boolean {
  const index = join(DIST, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return INPUTS.every((input) => newestMtime(join(WEB_ROOT, input)) <= built);
}

export async function ensureBuilt(options: { force?: boolean; quiet?: boolean } = {}): Promise<{ built: boolean; ms: number }> {
  const started = performance.now();
  if (!options.force && isBuildFresh()) return { built: false, ms: 0 };
  const { build } = await import('vite');
  const staging = resolve(WEB_ROOT, `.dist-${process.pid}-${Date.now()}`);
  try {
    // A caller's NODE_ENV (vitest sets "test") would make Vite bundle React's development build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ mode: 'production', configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: options.quiet ? 'warn' : 'info', build: { outDir: staging, emptyOutDir: true } });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
    const old = `${DIST}.old-${process.pid}`;
    if (existsSync(DIST)) renameSync(DIST, old);
    try {
      renameSync(staging, DIST);
    } catch (error) {
      // Another build won the race: keep its (equally fresh) result.
      if (!existsSync(DIST)) throw error;
    }
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { built: true, ms: Math.round(performance.now() - started) };
}

if (import.meta.main) {
  const { built, ms } = await ensureBuilt({ force: process.argv.includes('--force') });
  process.stdout.write(built ? `storefront built into web/dist in ${ms} ms\n` : 'storefront up to date (web/dist)\n');
}
