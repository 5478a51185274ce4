import { ok } from './api-errors.ts';
import { coinJson } from './coins.ts';
import type { EndpointHandler } from './endpoint-request.ts';
import { cancelOtp, createOtpOrder, getOtpOrder, listOtpServices, refundOtp } from './otp-endpoints.ts';
import { createPremiumOrder, getPremiumOrder, listPremiumServices } from './premium-endpoints.ts';
import type { Xd247Endpoint } from './public-types.ts';
import { createSocialOrder, getSocialOrder, listSocialServices, refundSocial } from './social-endpoints.ts';

/** One documented endpoint: method, path under /api/v1 (`:orderId` a segment), name and handler. */
export interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly endpoint: Xd247Endpoint;
  readonly handler: EndpointHandler;
}

/** GET /balance: the account's coins. */
const getBalance: EndpointHandler = ({ account }) => ok({ coins: coinJson(account.coins) });

/** Sections 5–8 of the document. */
export const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/balance', endpoint: 'balance', handler: getBalance },
  { method: 'GET', path: '/otp/services', endpoint: 'otpServices', handler: listOtpServices },
  { method: 'POST', path: '/otp/orders', endpoint: 'otpCreate', handler: createOtpOrder },
  { method: 'GET', path: '/otp/orders/:orderId', endpoint: 'otpOrder', handler: getOtpOrder },
  { method: 'POST', path: '/otp/orders/:orderId/cancel', endpoint: 'otpCancel', handler: cancelOtp },
  { method: 'POST', path: '/otp/orders/:orderId/refund', endpoint: 'otpRefund', handler: refundOtp },
  { method: 'GET', path: '/social/services', endpoint: 'socialServices', handler: listSocialServices },
  { method: 'POST', path: '/social/orders', endpoint: 'socialCreate', handler: createSocialOrder },
  { method: 'GET', path: '/social/orders/:orderId', endpoint: 'socialOrder', handler: getSocialOrder },
  { method: 'POST', path: '/social/orders/:orderId/refund', endpoint: 'socialRefund', handler: refundSocial },
  { method: 'GET', path: '/premium/services', endpoint: 'premiumServices', handler: listPremiumServices },
  { method: 'POST', path: '/premium/orders', endpoint: 'premiumCreate', handler: createPremiumOrder },
  { method: 'GET', path: '/premium/orders/:orderId', endpoint: 'premiumOrder', handler: getPremiumOrder },
];

/** The route for a method and a path below /api/v1, with its `:orderId`; null when none matches (404). */
export function matchRoute(method: string, path: string): { route: Route; orderId: string | undefined } | null {
  const segments = path.split('/');
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    let orderId: string | undefined;
    const matches = pattern.every((part, i) => {
      const segment = segments[i] ?? '';
      if (part === ':orderId') {
        orderId = decodeSegment(segment);
        return segment !== '';
      }
      return part === segment;
    });
    if (matches) return { route, orderId };
  }
  return null;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
