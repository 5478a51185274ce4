import type { EasysoftEndpoint, EasysoftFault } from './public-types.ts';

const KINDS = new Set(['error', 'dropBeforeCommit', 'dropAfterCommit', 'malformedAfterCommit', 'delay']);
const ENDPOINTS = new Set<string>(['refill', 'update', 'return', 'balance', 'online'] satisfies EasysoftEndpoint[]);

/** Injected faults, consumed in order: each one applies to the next request to its function. */
export class FaultQueue {
  #faults: EasysoftFault[] = [];

  /** Queues a fault after validating it. */
  add(fault: EasysoftFault): void {
    if (!ENDPOINTS.has(fault.endpoint)) throw new RangeError(`unknown easysoft endpoint ${JSON.stringify(fault.endpoint)}`);
    if (!KINDS.has(fault.kind)) throw new RangeError(`unknown fault kind ${JSON.stringify(fault.kind)}`);
    if (fault.kind === 'error' && (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599)) {
      throw new RangeError(`fault status must be an HTTP status, got ${fault.status}`);
    }
    if (fault.kind === 'delay' && (!Number.isFinite(fault.ms) || fault.ms < 0)) throw new RangeError('fault delay must be >= 0 ms');
    this.#faults.push(fault);
  }

  /** Removes and returns the oldest fault for `endpoint`, if any. */
  take(endpoint: EasysoftEndpoint): EasysoftFault | undefined {
    const index = this.#faults.findIndex((f) => f.endpoint === endpoint);
    return index === -1 ? undefined : this.#faults.splice(index, 1)[0];
  }

  /** Drops every pending fault. */
  clear(): void {
    this.#faults = [];
  }
}
