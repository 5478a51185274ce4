/**
 * Requests per second of one simple query against gateways started from different checkouts, in
 * one run on one machine (an autocannon-like loop: C concurrent fetch loops for T seconds, after a
 * warm-up). Not a test; run by hand:
 *
 *   node test/security/throughput.ts /path/to/old/checkout /work/main
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const QUERY = JSON.stringify({ query: '{ fxRates { pair rate source } }' });
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const SECONDS = Number(process.env.SECONDS ?? 8);

async function start(checkout: string): Promise<{ url: string; child: ChildProcess; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'sb-throughput-'));
  const child = spawn(join(checkout, 'node_modules/.bin/node'), ['src/main.ts'], {
    cwd: checkout,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'error', SANDBOX_OTP_DELAY_MS: '600000-600000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /ready: (http:\/\/\S+\/graphql)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return { url, child, dir };
}

async function hammer(url: string, seconds: number): Promise<{ rps: number; p50: number; p99: number }> {
  const until = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`status ${response.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.floor(latencies.length * q)]! * 10) / 10;
  return { rps: Math.round(latencies.length / seconds), p50: at(0.5), p99: at(0.99) };
}

const checkouts = process.argv.slice(2);
const gateways = [];
for (const checkout of checkouts) gateways.push({ checkout, ...(await start(checkout)) });
try {
  for (const g of gateways) await hammer(g.url, 2); // warm-up
  // Two alternating rounds, so drift on the machine hits both alike.
  for (let round = 1; round <= 2; round++) {
    for (const g of gateways) console.log(`round ${round} ${g.checkout}: ${JSON.stringify(await hammer(g.url, SECONDS))}`);
  }
} finally {
  for (const g of gateways) {
    g.child.kill('SIGTERM');
    await rm(g.dir, { recursive: true, force: true });
  }
}
