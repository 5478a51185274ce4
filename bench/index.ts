/**
 * `npm run bench` (docs/performance.md): runs the sections, prints one markdown report with the date,
 * the machine and every figure, and writes it to bench/results/latest.md. Not part of `npm test`
 * (vitest only collects test/**\/*.test.ts).
 *
 *   npm run bench -- --only http,fanout,memory,otp --rounds 3 --duration 8 --connections 50 --warmup 3
 *
 * Sections: http (bench/http.ts), fanout (bench/fanout.ts, runFanout), memory (bench/memory.ts,
 * runMemory), otp (bench/otp.ts, also `npm run bench:otp`). A section whose file or export is missing
 * is skipped with a line saying so; a section that fails is reported and makes the exit code 1.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs, type BenchOptions, type Section } from './support/args.ts';
import { machineInfo, machineMarkdown } from './support/machine.ts';
import { ROOT, runNode } from './support/processes.ts';
import { genericResult } from './support/report.ts';
import { runHttp } from './http.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

interface SectionOutcome {
  readonly title: string;
  readonly markdown: string;
  readonly failed: boolean;
}

/**
 * Imports `file` (relative to bench/) and calls its `run` export; null when the file or the export
 * does not exist yet (other sections are written separately), so the report can say it was skipped.
 */
async function optionalSection(file: string, run: string, formats: readonly string[], args: Record<string, unknown>): Promise<string | null> {
  const url = new URL(file, import.meta.url);
  let module: Record<string, unknown>;
  try {
    module = (await import(url.href)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Only the section's own file missing means "not there yet"; a module it imports missing is a failure.
    if (code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).startsWith(`Cannot find module '${fileURLToPath(url)}'`)) return null;
    throw error;
  }
  const runner = module[run];
  if (typeof runner !== 'function') return null;
  const result = await (runner as (options: Record<string, unknown>) => Promise<unknown>)(args);
  // The section's own formatter (lines or markdown) when it has one; otherwise every figure of the result.
  const formatter = formats.map((name) => module[name]).find((f) => typeof f === 'function');
  if (typeof formatter === 'function') {
    const formatted = (formatter as (r: unknown) => unknown)(result);
    // Lines become a bullet list (table rows, bullets and blank lines are kept as they are).
    if (Array.isArray(formatted)) return formatted.map((l) => String(l).trim()).map((l) => (l.startsWith('|') || l.startsWith('- ') || l === '' ? l : `- ${l}`)).join('\n');
    if (typeof formatted === 'string') return formatted;
  }
  return genericResult(result);
}

async function runSection(section: Section, options: BenchOptions): Promise<SectionOutcome> {
  try {
    switch (section) {
      case 'http':
        return { title: 'HTTP: ceiling, best-tuned framework, gateway', markdown: (await runHttp(options, log)).markdown, failed: false };
      case 'fanout': {
        // The fan-out keeps its own defaults (5,000 subscribers, 200 OTPs/s; bench/fanout.ts).
        const md = await optionalSection('./fanout.ts', 'runFanout', ['formatFanout', 'describeFanout'], { log });
        return { title: 'OTP fan-out: webhook in → subscriber out', markdown: md ?? 'skipped: bench/fanout.ts (runFanout) is not there yet.', failed: false };
      }
      case 'memory': {
        // The memory section keeps its own load length (60 s of catalog load, issue 12 item 5).
        const md = await optionalSection('./memory.ts', 'runMemory', ['formatMemory', 'describeMemory'], { connections: options.connections, log });
        return { title: 'Memory', markdown: md ?? 'skipped: bench/memory.ts (runMemory) is not there yet.', failed: false };
      }
      case 'otp': {
        const out = await runNode(join(ROOT, 'bench/otp.ts'), [], process.env, (line) => line.trim() && log(`  otp: ${line}`));
        const lines = out.split('\n').map((l) => l.trim()).filter(Boolean);
        return { title: 'OTP latency and polling (bench/otp.ts)', markdown: lines.map((l) => `- ${l}`).join('\n'), failed: false };
      }
    }
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`${section}: FAILED\n${message}`);
    return { title: section, markdown: `**FAILED**:\n\n\`\`\`\n${message.slice(0, 4000)}\n\`\`\``, failed: true };
  }
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const machine = machineInfo();
  log(`bench: ${options.only.join(', ')} — ${options.rounds} × ${options.durationSeconds} s, ${options.connections} connections`);
  const outcomes: SectionOutcome[] = [];
  for (const section of options.only) {
    log(`\n== ${section} ==`);
    outcomes.push(await runSection(section, options));
  }
  const report = [
    '# Switchboard benchmark (`npm run bench`)',
    '',
    machineMarkdown(machine),
    `- command: \`npm run bench -- --only ${options.only.join(',')} --rounds ${options.rounds} --duration ${options.durationSeconds} --connections ${options.connections} --warmup ${options.warmupSeconds}${options.profile ? ' --profile' : ''}\``,
    '',
    ...outcomes.flatMap((o) => [`## ${o.title}`, '', o.markdown, '']),
  ].join('\n');
  process.stdout.write(`\n${report}`);
  const dir = join(ROOT, 'bench/results');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'latest.md'), report);
  log(`\nwritten to bench/results/latest.md`);
  process.exit(outcomes.some((o) => o.failed) ? 1 : 0);
}

await main();
