import type { SimulatorFault } from '../../shared/simulator-contract.ts';
import { OTP24HR_ENDPOINTS } from './public-types.ts';
import type { Otp24hrEndpoint, Otp24hrFault } from './public-types.ts';

/** Injected faults, consumed in order: each one applies to the next request to its endpoint. */
export class FaultQueue {
  #faults: Otp24hrFault[] = [];

  /** Queues a fault after validating it (unknown endpoint names are refused, so a typo cannot go unnoticed). */
  add(fault: SimulatorFault): void {
    if (!(OTP24HR_ENDPOINTS as readonly string[]).includes(fault.endpoint)) {
      throw new RangeError(`unknown OTP24HR endpoint ${fault.endpoint}; one of ${OTP24HR_ENDPOINTS.join(', ')}`);
    }
    if (fault.kind === 'error' && (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599)) {
      throw new RangeError(`fault status must be an HTTP status, got ${fault.status}`);
    }
    if (fault.kind === 'delay' && (!Number.isFinite(fault.ms) || fault.ms < 0)) throw new RangeError('fault delay must be >= 0 ms');
    this.#faults.push(fault as Otp24hrFault);
  }

  /** Removes and returns the oldest fault for `endpoint`, if any. */
  take(endpoint: Otp24hrEndpoint): Otp24hrFault | undefined {
    const index = this.#faults.findIndex((f) => f.endpoint === endpoint);
    return index === -1 ? undefined : this.#faults.splice(index, 1)[0];
  }

  /** Drops every pending fault. */
  clear(): void {
    this.#faults = [];
  }
}
