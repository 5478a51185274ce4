import { FaultQueue } from '../../shared/simulator-kit/fault-queue.ts';
import type { EasysoftEndpoint, EasysoftFault } from './public-types.ts';

const KINDS: ReadonlySet<string> = new Set(['error', 'dropBeforeCommit', 'dropAfterCommit', 'malformedAfterCommit', 'delay']);
const ENDPOINTS: ReadonlySet<string> = new Set<string>(['refill', 'update', 'return', 'balance', 'online'] satisfies EasysoftEndpoint[]);

/** The easysoft functions' fault queue: each fault applies to the next request to its function. */
export function createFaultQueue(): FaultQueue<EasysoftFault> {
  return new FaultQueue<EasysoftFault>({
    endpoints: ENDPOINTS,
    kinds: KINDS,
    unknownEndpoint: (name) => `unknown easysoft endpoint ${JSON.stringify(name)}`,
  });
}
