/** The machine a bench ran on, for the report header (figures are only comparable on one machine). */
import os from 'node:os';

export interface MachineInfo {
  readonly date: string;
  readonly cpu: string;
  readonly cores: number;
  readonly ramGiB: string;
  readonly node: string;
  readonly os: string;
  /** 1-minute load average when the bench started: a busy machine makes every figure noisy. */
  readonly loadAverage: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    ramGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' / '),
  };
}

export function machineMarkdown(m: MachineInfo): string {
  return [
    `- date: ${m.date}`,
    `- machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM`,
    `- Node ${m.node}, ${m.os}`,
    `- load average at start (1 / 5 / 15 min): ${m.loadAverage}`,
  ].join('\n');
}
