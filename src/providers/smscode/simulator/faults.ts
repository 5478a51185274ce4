import type { SimulatorFault } from '../../shared/simulator-contract.ts';
import type { SmscodeEndpoint, SmscodeFault } from './public-types.ts';
import { ROUTES } from './routes.ts';

/** A queued fault, the older `status` spelling already turned into `error`. */
export type QueuedFault = SimulatorFault & { endpoint: SmscodeEndpoint };

const FAULT_KINDS = new Set<string>(['error', 'status', 'dropBeforeCommit', 'dropAfterCommit', 'malformedAfterCommit', 'delay']);

/** Injected faults, consumed in order: each one applies to the next request to its endpoint. */
export class FaultQueue {
  #faults: QueuedFault[] = [];

  /** Queues a fault after validating it (endpoint names are the SmscodeEndpoint ones). */
  add(fault: SmscodeFault | SimulatorFault): void {
    if (!isEndpoint(fault.endpoint)) throw new RangeError(`unknown smscode endpoint ${JSON.stringify(fault.endpoint)}`);
    if (!FAULT_KINDS.has(fault.kind)) throw new RangeError(`unknown fault kind ${JSON.stringify(fault.kind)}`);
    if ((fault.kind === 'status' || fault.kind === 'error') && (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599)) {
      throw new RangeError(`fault status must be an HTTP status, got ${fault.status}`);
    }
    if (fault.kind === 'delay' && (!Number.isFinite(fault.ms) || fault.ms < 0)) throw new RangeError('fault delay must be >= 0 ms');
    this.#faults.push(fault.kind === 'status' ? { ...fault, kind: 'error', endpoint: fault.endpoint } : { ...fault, endpoint: fault.endpoint });
  }

  /** Removes and returns the oldest fault for `endpoint`, if any. */
  take(endpoint: SmscodeEndpoint): QueuedFault | undefined {
    const index = this.#faults.findIndex((f) => f.endpoint === endpoint);
    return index === -1 ? undefined : this.#faults.splice(index, 1)[0];
  }

  /** Drops every pending fault. */
  clear(): void {
    this.#faults = [];
  }
}

function isEndpoint(name: string): name is SmscodeEndpoint {
  return ROUTES.some((route) => route.endpoint === name);
}
