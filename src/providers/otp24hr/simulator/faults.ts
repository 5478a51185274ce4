import type { SimulatorFault } from '../../shared/simulator-contract.ts';
import { FaultQueue } from '../../shared/simulator-kit/fault-queue.ts';
import { OTP24HR_ENDPOINTS } from './public-types.ts';
import type { Otp24hrFault } from './public-types.ts';

const ENDPOINTS: ReadonlySet<string> = new Set(OTP24HR_ENDPOINTS);

/** OTP24HR's fault queue: takes any contract fault naming one of its endpoints. */
export type Otp24hrFaultQueue = FaultQueue<SimulatorFault | Otp24hrFault, Otp24hrFault>;

/** An empty queue; unknown endpoint names are refused, so a typo cannot go unnoticed. */
export function createFaultQueue(): Otp24hrFaultQueue {
  return new FaultQueue<SimulatorFault | Otp24hrFault, Otp24hrFault>({
    endpoints: ENDPOINTS,
    unknownEndpoint: (name) => `unknown OTP24HR endpoint ${name}; one of ${OTP24HR_ENDPOINTS.join(', ')}`,
  });
}
