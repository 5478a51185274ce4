import { ROUTES } from './routes.ts';
import type { Xd247Endpoint, Xd247Fault } from './public-types.ts';

const ENDPOINTS = new Set<string>(ROUTES.map((r) => r.endpoint));

/** Injected faults, consumed in order: each one applies to the next request to its endpoint. */
export class FaultQueue {
  #faults: Xd247Fault[] = [];

  /** Queues a fault after validating it. */
  add(fault: Xd247Fault): void {
    if (!ENDPOINTS.has(fault.endpoint)) throw new RangeError(`unknown 247xd endpoint for a fault: ${fault.endpoint}`);
    if (fault.kind === 'error' && (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599)) {
      throw new RangeError(`fault status must be an HTTP status, got ${fault.status}`);
    }
    if (fault.kind === 'delay' && (!Number.isFinite(fault.ms) || fault.ms < 0)) throw new RangeError('fault delay must be >= 0 ms');
    this.#faults.push(fault);
  }

  /** Removes and returns the oldest fault for `endpoint`, if any. */
  take(endpoint: Xd247Endpoint): Xd247Fault | undefined {
    const index = this.#faults.findIndex((f) => f.endpoint === endpoint);
    return index === -1 ? undefined : this.#faults.splice(index, 1)[0];
  }

  /** Drops every pending fault. */
  clear(): void {
    this.#faults = [];
  }
}
