import type { SimulatorFault } from '../../shared/simulator-contract.ts';

/** Rate-limit groups of the smscode API, one per row of the document's "速率限制" table. */
export type RateLimitGroup =
  | 'catalog'
  | 'balance'
  | 'orderQuery'
  | 'orderCreate'
  | 'orderCancel'
  | 'orderAction'
  | 'webhookConfig'
  | 'webhookTest';

/** Every documented endpoint, named for fault injection and request accounting. */
export type SmscodeEndpoint =
  | 'countries'
  | 'services'
  | 'products'
  | 'exchangeRate'
  | 'balance'
  | 'orders'
  | 'order'
  | 'ordersActive'
  | 'create'
  | 'cancel'
  | 'finish'
  | 'resend'
  | 'webhookGet'
  | 'webhookPatch'
  | 'webhookTest';

/**
 * A scripted misbehaviour of the next request to `endpoint`; faults are consumed in injection order.
 * The shared contract's kinds (`error`, `dropBeforeCommit`, `dropAfterCommit`, `malformedAfterCommit`, `delay`),
 * plus the older `status` spelling of `error`.
 */
export type SmscodeFault =
  | (SimulatorFault & { endpoint: SmscodeEndpoint })
  /** Same as `error`: answer with this error envelope without doing the work. */
  | { endpoint: SmscodeEndpoint; kind: 'status'; status: number; code: string; message?: string; retryAfterSeconds?: number };

/** Outcome of one attempt to buy a number from a hidden upstream provider (values from the document's PROVIDER_ERROR row). */
export type SmscodeAttemptResult =
  | 'ok'
  | 'no_numbers'
  | 'insufficient_balance'
  | 'price_rejected'
  | 'provider_unavailable'
  | 'provider_account_balance'
  | 'provider_error';

/** Order statuses of the document. */
export type SmscodeOrderStatus = 'ACTIVE' | 'OTP_RECEIVED' | 'COMPLETED' | 'CANCELED' | 'EXPIRED';

/** Webhook events of the document's "事件列表". */
export type SmscodeWebhookEvent = 'order.otp_received' | 'order.completed' | 'order.expired' | 'order.canceled';

/** One request the simulator received (`status` 0 when the socket was dropped without an answer). */
export interface SmscodeRequestRecord {
  /** The endpoint the route matched, `unknown` for a path or method the document does not list. */
  endpoint: SmscodeEndpoint | 'unknown';
  method: string;
  path: string;
  group: RateLimitGroup | null;
  status: number;
  at: number;
}

/** One webhook POST the simulator sent: the exact raw body and X-Webhook-Signature (`status` null until / unless answered). */
export interface SmscodeWebhookDelivery {
  url: string;
  event: string;
  body: string;
  signature: string;
  status: number | null;
}
