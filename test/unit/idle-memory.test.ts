import { afterEach, describe, expect, it } from 'vitest';
import { startIdleMemory, type IdleMemory } from '../../src/idle-memory.ts';

// src/idle-memory.ts: one memory-reducing collection once the process is quiet and has grown, never while busy.

let running: IdleMemory | null = null;
afterEach(() => {
  running?.stop();
  running = null;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Keeps the event loop busy (utilisation near 1) for `ms`, in short synchronous slices. */
async function busyFor(ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const slice = Date.now() + 20;
    while (Date.now() < slice) Math.sqrt(Math.random());
    await new Promise((r) => setImmediate(r));
  }
}

describe('idle memory release', () => {
  it('reaches the collector, and release() runs one collection at once', () => {
    running = startIdleMemory({ growthBytes: Number.MAX_SAFE_INTEGER });
    expect(running).not.toBeNull();
    running!.release();
    expect(running!.releases).toBe(1);
  });

  it('collects after a quiet spell once the resident set has grown, not while the loop is busy', async () => {
    running = startIdleMemory({ quietMs: 300, sampleMs: 50, growthBytes: 8 * 1024 * 1024 });
    running!.release();
    // 32 MiB more resident (kept alive to the end of the test), then a busy spell.
    const held = Buffer.alloc(32 * 1024 * 1024, 1);
    await busyFor(800);
    expect(running!.releases).toBe(1);
    await sleep(1_000);
    expect(running!.releases).toBe(2);
    expect(held[held.length - 1]).toBe(1);
  });

  it('does not collect again while the resident set stays under the growth threshold', async () => {
    running = startIdleMemory({ quietMs: 100, sampleMs: 25, growthBytes: 1024 * 1024 * 1024 });
    running!.release();
    await sleep(600);
    expect(running!.releases).toBe(1);
  });
});
