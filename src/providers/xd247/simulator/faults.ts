import { FaultQueue } from '../../shared/simulator-kit/fault-queue.ts';
import type { Xd247Fault } from './public-types.ts';
import { ROUTES } from './routes.ts';

const ENDPOINTS: ReadonlySet<string> = new Set<string>(ROUTES.map((r) => r.endpoint));

/** 247xd's fault queue: each fault applies to the next request to its endpoint (a route's name). */
export function createFaultQueue(): FaultQueue<Xd247Fault> {
  return new FaultQueue<Xd247Fault>({ endpoints: ENDPOINTS, unknownEndpoint: (name) => `unknown 247xd endpoint for a fault: ${name}` });
}
