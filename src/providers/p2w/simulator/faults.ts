import type { P2wEndpoint, P2wFault } from './public-types.ts';

const ENDPOINTS: ReadonlySet<string> = new Set<P2wEndpoint>(['createOrder', 'getOrder']);

/** Injected faults, consumed in order: each one applies to the next request to its endpoint. */
export class FaultQueue {
  #faults: P2wFault[] = [];

  /** Queues a fault after validating it. */
  add(fault: P2wFault): void {
    if (!ENDPOINTS.has(fault.endpoint)) throw new RangeError(`unknown P2W endpoint ${fault.endpoint}`);
    if (fault.kind === 'error' && (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599)) {
      throw new RangeError(`fault status must be an HTTP status, got ${fault.status}`);
    }
    if (fault.kind === 'delay' && (!Number.isFinite(fault.ms) || fault.ms < 0)) throw new RangeError('fault delay must be >= 0 ms');
    this.#faults.push(fault);
  }

  /** Removes and returns the oldest fault for `endpoint`, if any. */
  take(endpoint: P2wEndpoint): P2wFault | undefined {
    const index = this.#faults.findIndex((f) => f.endpoint === endpoint);
    return index === -1 ? undefined : this.#faults.splice(index, 1)[0];
  }

  /** Drops every pending fault. */
  clear(): void {
    this.#faults = [];
  }
}
