import { createOrders } from './create-endpoint.ts';
import { exchangeRate, listCountries, listProducts, listServices } from './catalog-endpoints.ts';
import type { EndpointHandler } from './endpoint-request.ts';
import { cancel, finish, getBalance, getOrder, listActiveOrders, listOrders, resend } from './order-endpoints.ts';
import type { RateLimitGroup, SmscodeEndpoint } from './public-types.ts';
import { getWebhook, patchWebhook, testWebhook } from './webhook-endpoints.ts';

/** One documented endpoint: method, path under /v1 or /v2, rate-limit group and handler. */
export interface Route {
  method: string;
  path: string;
  endpoint: SmscodeEndpoint;
  group: RateLimitGroup;
  handler: EndpointHandler;
}

/** The document's endpoints; `/orders/active` is listed before `/orders/{id}` so it wins. */
export const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/catalog/countries', endpoint: 'countries', group: 'catalog', handler: listCountries },
  { method: 'GET', path: '/catalog/services', endpoint: 'services', group: 'catalog', handler: listServices },
  { method: 'GET', path: '/catalog/products', endpoint: 'products', group: 'catalog', handler: listProducts },
  { method: 'GET', path: '/catalog/exchange-rate', endpoint: 'exchangeRate', group: 'catalog', handler: exchangeRate },
  { method: 'GET', path: '/balance', endpoint: 'balance', group: 'balance', handler: getBalance },
  { method: 'GET', path: '/orders', endpoint: 'orders', group: 'orderQuery', handler: listOrders },
  { method: 'GET', path: '/orders/active', endpoint: 'ordersActive', group: 'orderQuery', handler: listActiveOrders },
  { method: 'GET', path: '/orders/{id}', endpoint: 'order', group: 'orderQuery', handler: getOrder },
  { method: 'POST', path: '/orders/create', endpoint: 'create', group: 'orderCreate', handler: createOrders },
  { method: 'POST', path: '/orders/cancel', endpoint: 'cancel', group: 'orderCancel', handler: cancel },
  { method: 'POST', path: '/orders/finish', endpoint: 'finish', group: 'orderAction', handler: finish },
  { method: 'POST', path: '/orders/resend', endpoint: 'resend', group: 'orderAction', handler: resend },
  { method: 'GET', path: '/webhook', endpoint: 'webhookGet', group: 'webhookConfig', handler: getWebhook },
  { method: 'PATCH', path: '/webhook', endpoint: 'webhookPatch', group: 'webhookConfig', handler: patchWebhook },
  { method: 'POST', path: '/webhook/test', endpoint: 'webhookTest', group: 'webhookTest', handler: testWebhook },
];

/** Finds the route for a method and a path relative to the version base; unknown → null (404). */
export function matchRoute(method: string, path: string): { route: Route; pathId: string | undefined } | null {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    if (route.path === path) return { route, pathId: undefined };
    if (route.path.endsWith('/{id}')) {
      const prefix = route.path.slice(0, -'{id}'.length);
      const rest = path.startsWith(prefix) ? path.slice(prefix.length) : '';
      // Only digits make an order id: GET /orders/create or /orders/abc is an unknown route (404).
      if (/^\d+$/.test(rest)) return { route, pathId: rest };
    }
  }
  return null;
}
