import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * Compresses the GraphiQL page in a short-lived child process (docs/performance.md, "Memory"). Dense brotli on
 * this 8.7 MB page takes 120 MiB at its peak, and done in the gateway's own process it left about 65 MiB
 * resident for good (the encoders' malloc arenas on libuv's threads); a child process gives all of it back when
 * it exits, and never touches the gateway's event loop or thread pool. It runs at the gateway's own CPU priority:
 * at a lower one (nice 10) the first pass took 35 s instead of 25 s on a machine busy with other work, while a
 * visitor waited for it.
 *
 * The child sends gzip first (half a second), then each brotli pass as it finishes, then exits.
 */

/** The brotli passes, in order: quality 10 (about 1.47 MB in 8-20 s), then quality 11 (about 1.44 MB, 1.5-2 times longer). */
export const BROTLI_PASSES: readonly number[] = [10, constants.BROTLI_MAX_QUALITY];

/** One compressed form, as the child sends it. */
export interface CompressedForm {
  readonly encoding: 'gzip' | 'br';
  /** Brotli quality; gzip level for gzip. */
  readonly quality: number;
  readonly bytes: Buffer;
}

const MAX_STDERR_CHARS = 2000;

/** The PIDs of the compression children alive now (the tests check that a stop leaves none). */
export const runningCompressors = new Set<number>();

/**
 * Starts the child on `page` and calls `onForm` for each form it sends (gzip, then each brotli pass). Resolves
 * once every form has arrived, rejects if the child fails first. The child does not keep the gateway alive: it
 * exits when the gateway does, and at once (SIGKILL) when `signal` aborts (the gateway stopping while it still
 * runs in the same process, as the tests do). Its PID is in `runningCompressors` while it runs.
 */
export function compressInChild(page: Buffer, onForm: (form: CompressedForm) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    // SIGKILL: the brotli pass in progress runs on the child's thread pool, which a SIGTERM handler would wait for.
    const child = fork(fileURLToPath(import.meta.url), [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'], signal, killSignal: 'SIGKILL' });
    if (child.pid !== undefined) runningCompressors.add(child.pid);
    child.once('exit', () => {
      if (child.pid !== undefined) runningCompressors.delete(child.pid);
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < MAX_STDERR_CHARS) stderr += chunk.slice(0, MAX_STDERR_CHARS - stderr.length);
    });
    let expected = 1 + BROTLI_PASSES.length;
    child.on('message', (message: { encoding: 'gzip' | 'br'; quality: number; bytes: Uint8Array }) => {
      onForm({ encoding: message.encoding, quality: message.quality, bytes: Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength) });
      if (--expected === 0) resolve();
    });
    child.once('error', (error) => reject(signal?.aborted ? signal.reason : error));
    // 'close', not 'exit': it comes after the IPC channel has delivered every message.
    child.once('close', (code, signal) => {
      if (expected > 0) reject(new Error(`GraphiQL page compression stopped (${signal ?? `exit ${code}`}) before it sent every form${stderr ? `: ${stderr.trim()}` : ''}`));
    });
    child.send(page);
    child.unref();
    (child.channel as { unref?: () => void } | undefined)?.unref?.();
  });
}

/** Brotli parameters for a pass: the largest window RFC 7932 allows (the page is larger than 8 MB), text mode, the size known. */
export function brotliOptions(size: number, quality: number) {
  return {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: size,
    },
  };
}

// The child: one page in, gzip and every brotli pass out (asynchronous zlib, so each message leaves while the next pass runs).
if (import.meta.main) {
  const gzipAsync = promisify(gzip);
  const brotliAsync = promisify(brotliCompress);
  const send = (form: { encoding: 'gzip' | 'br'; quality: number; bytes: Buffer }) => new Promise<void>((resolve, reject) => process.send!(form, undefined, {}, (error) => (error ? reject(error) : resolve())));
  // The gateway gone (its channel closed), the work is for nobody: stop at once.
  // process.exit would wait for the brotli pass in progress on the thread pool (a minute); SIGKILL does not, and
  // the child holds nothing that needs an orderly end.
  const stop = () => process.kill(process.pid, 'SIGKILL');
  process.once('disconnect', stop);
  process.once('message', (message: Uint8Array) => {
    const page = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    void (async () => {
      await send({ encoding: 'gzip', quality: 9, bytes: await gzipAsync(page, { level: 9 }) });
      for (const quality of BROTLI_PASSES) await send({ encoding: 'br', quality, bytes: await brotliAsync(page, brotliOptions(page.length, quality)) });
      // Done: this disconnect is ours, and the process ends by itself.
      process.off('disconnect', stop);
      process.disconnect();
    })().catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
  });
}
