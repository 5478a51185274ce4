import type { SimulatorFault } from '../../shared/simulator-contract.ts';
import { FaultQueue } from '../../shared/simulator-kit/fault-queue.ts';
import type { SmscodeEndpoint, SmscodeFault } from './public-types.ts';
import { ROUTES } from './routes.ts';

/** A queued fault, the older `status` spelling already turned into `error`. */
export type QueuedFault = SimulatorFault & { endpoint: SmscodeEndpoint };

/** smscode's fault queue: takes its own faults (with the older `status` kind) or contract ones naming a SmscodeEndpoint. */
export type SmscodeFaultQueue = FaultQueue<SmscodeFault | SimulatorFault, QueuedFault>;

const FAULT_KINDS: ReadonlySet<string> = new Set<string>(['error', 'status', 'dropBeforeCommit', 'dropAfterCommit', 'malformedAfterCommit', 'delay']);

/** An empty queue; endpoint names are the SmscodeEndpoint ones (the routes' names). */
export function createFaultQueue(): SmscodeFaultQueue {
  return new FaultQueue<SmscodeFault | SimulatorFault, QueuedFault>({
    endpoints: (name) => ROUTES.some((route) => route.endpoint === name),
    kinds: FAULT_KINDS,
    unknownEndpoint: (name) => `unknown smscode endpoint ${JSON.stringify(name)}`,
    normalize: (fault) => {
      const endpoint = fault.endpoint as SmscodeEndpoint;
      return fault.kind === 'status' ? { ...fault, kind: 'error', endpoint } : { ...fault, endpoint };
    },
  });
}
