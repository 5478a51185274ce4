import { API_PREFIX } from '../wire.ts';
import { createOrder } from './create-order.ts';
import type { EndpointHandler } from './endpoint-request.ts';
import { getOrder } from './get-order.ts';
import type { P2wEndpoint } from './public-types.ts';

/** One documented endpoint. */
export interface Route {
  readonly method: 'GET' | 'POST';
  readonly endpoint: P2wEndpoint;
  readonly handler: EndpointHandler;
}

const CREATE: Route = { method: 'POST', endpoint: 'createOrder', handler: createOrder };
const GET: Route = { method: 'GET', endpoint: 'getOrder', handler: getOrder };

/** Matches `POST {API_PREFIX}/orders` and `GET {API_PREFIX}/orders/:id`; anything else is null (404). */
export function matchRoute(method: string, path: string): { route: Route; pathId: string | undefined } | null {
  if (!path.startsWith(`${API_PREFIX}/`)) return null;
  const rest = path.slice(API_PREFIX.length);
  if (rest === '/orders') return method === 'POST' ? { route: CREATE, pathId: undefined } : null;
  const id = /^\/orders\/([^/]+)$/.exec(rest)?.[1];
  if (id === undefined || method !== 'GET') return null;
  let pathId: string;
  try {
    pathId = decodeURIComponent(id);
  } catch {
    return null;
  }
  return { route: GET, pathId };
}
