import type { EndpointHandler } from './endpoint-request.ts';
import { balance, buy, cancel, complete, orders, services, status } from './endpoints.ts';
import type { Otp24hrEndpoint } from './public-types.ts';

/** The path prefix of the document's base URL (`https://otp24hr.store/api/v1`). */
export const BASE_PATH = '/api/v1';

/** One documented endpoint: method, file name under /api/v1 and handler. */
export interface Route {
  method: 'GET' | 'POST';
  file: string;
  endpoint: Otp24hrEndpoint;
  handler: EndpointHandler;
}

/** The document's seven endpoints. */
export const ROUTES: readonly Route[] = [
  { method: 'GET', file: 'services.php', endpoint: 'services', handler: services },
  { method: 'GET', file: 'balance.php', endpoint: 'balance', handler: balance },
  { method: 'POST', file: 'buy.php', endpoint: 'buy', handler: buy },
  { method: 'GET', file: 'status.php', endpoint: 'status', handler: status },
  { method: 'POST', file: 'cancel.php', endpoint: 'cancel', handler: cancel },
  { method: 'POST', file: 'complete.php', endpoint: 'complete', handler: complete },
  { method: 'GET', file: 'orders.php', endpoint: 'orders', handler: orders },
];

/** The route of a path, if it names one of the documented files (whatever the method). */
export function routeOf(path: string): Route | undefined {
  if (!path.startsWith(`${BASE_PATH}/`)) return undefined;
  const file = path.slice(BASE_PATH.length + 1);
  return ROUTES.find((r) => r.file === file);
}
