import { FaultQueue } from '../../shared/simulator-kit/fault-queue.ts';
import type { P2wEndpoint, P2wFault } from './public-types.ts';

const ENDPOINTS: ReadonlySet<string> = new Set<P2wEndpoint>(['createOrder', 'getOrder']);

/** P2W's fault queue: each fault applies to the next authenticated request to its endpoint. */
export function createFaultQueue(): FaultQueue<P2wFault> {
  return new FaultQueue<P2wFault>({ endpoints: ENDPOINTS, unknownEndpoint: (name) => `unknown P2W endpoint ${name}` });
}
