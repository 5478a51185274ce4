/**
 * The gateway as an operator runs it (`node src/main.ts`), in its own process, in sandbox mode (no
 * provider credentials: all five simulators in-process), NODE_ENV=production, auth on, for the bench
 * sections to load from outside.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, freePort, ROOT, spawnServer, type ServerProcess } from './processes.ts';

/** The bench's API clients (CLIENT_TOKENS): `bench` has every scope but ADMIN, `admin` every scope. */
export const BENCH_TOKEN = 'bench-client-key-0123456789abcdef';
export const BENCH_ADMIN_TOKEN = 'bench-admin-key-0123456789abcdef';

/**
 * Raised so no load is refused with 429: the limiter still counts every request (the real plugin
 * runs), it just never reaches the limit. The format is src/config.ts's parseRateLimit.
 */
export const BENCH_RATE_LIMIT = '100000000/minute';

export interface BenchGateway extends ServerProcess {
  /** …/graphql */
  readonly graphqlUrl: string;
  /** Headers every request of the bench client carries (Authorization: Bearer). */
  readonly authHeaders: Record<string, string>;
  readonly dataDir: string;
}

export interface BenchGatewayOptions {
  /** PostgreSQL instead of PGlite (e.g. postgres://postgres@127.0.0.1:5432/test). */
  readonly databaseUrl?: string;
  readonly redisUrl?: string;
  /** Sets PUBLIC_URL to the gateway's own address (webhook mode). */
  readonly publicUrl?: boolean;
  /** Any other variable (wins over the defaults above). */
  readonly env?: Record<string, string>;
  /** Node flags for the gateway process (e.g. --cpu-prof). */
  readonly nodeArgs?: readonly string[];
}

/** The Node flags `npm start` gives src/main.ts (package.json's start script), so the bench runs what operators run. */
export function startScriptFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const words = (pkg.scripts?.start ?? '').split(/\s+/).filter(Boolean);
  return words.slice(1, words.indexOf('src/main.ts') === -1 ? undefined : words.indexOf('src/main.ts')).filter((w) => w.startsWith('--'));
}

/** Starts `node [npm start's flags] src/main.ts` on a free port with a fresh DATA_DIR and waits for its "ready" line. */
export async function spawnGateway(options: BenchGatewayOptions = {}): Promise<BenchGateway> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sb-bench-'));
  const port = await freePort();
  const env = cleanEnv({
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    SANDBOX: 'true',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    CLIENT_TOKENS: `bench:${BENCH_TOKEN},admin:${BENCH_ADMIN_TOKEN}`,
    RATE_LIMIT: BENCH_RATE_LIMIT,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    PUBLIC_URL: options.publicUrl ? `http://127.0.0.1:${port}` : undefined,
    ...options.env,
  });
  let server: ServerProcess;
  try {
    const nodeArgs = [...startScriptFlags(), ...(options.nodeArgs ?? [])];
    server = await spawnServer({ script: 'src/main.ts', env, ready: /ready: (http:\/\/\S+?)\/graphql/, timeoutMs: 120_000, nodeArgs });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...server,
    graphqlUrl: `${server.url}/graphql`,
    authHeaders: { authorization: `Bearer ${BENCH_TOKEN}` },
    dataDir,
    stop: async (graceMs?: number) => {
      await server.stop(graceMs);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
