import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookRejectedError } from '../../domain/provider.ts';
import type { WebhookRequest, WebhookResult } from '../../domain/provider.ts';
import { snapshotOfEvent } from './order-snapshots.ts';
import { ORDER_EVENTS, OrderEventPayload, WebhookHead } from './wire.ts';

/** Header smscode puts the body signature in. */
export const SIGNATURE_HEADER = 'x-webhook-signature';

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** Lowercase hex HMAC-SHA256 of the exact raw body, keyed with the webhook secret (as smscode signs). */
export function signSmscodeBody(rawBody: string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}

/** Whether `signature` (hex, optionally `sha256=`-prefixed) is the body's HMAC; compared in constant time. */
export function verifySmscodeSignature(rawBody: string, signature: string | null, secret: string): boolean {
  if (signature === null) return false;
  const hex = signature.trim().replace(/^sha256=/i, '').toLowerCase();
  if (!HEX_SHA256.test(hex)) return false;
  const expected = Buffer.from(signSmscodeBody(rawBody, secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(hex, 'hex'));
}

/**
 * Verifies and parses one smscode push. Throws WebhookRejectedError when the body is not authentic
 * (no secret configured, signature missing or wrong) or not a payload of the document; an authentic
 * event that is not about an order (e.g. the /webhook/test event) yields no update. smscode only
 * wants a 2xx back.
 */
export function parseSmscodeWebhook(request: WebhookRequest, secret: string | undefined): WebhookResult {
  const { rawBody, headers } = request;
  if (!secret) throw new WebhookRejectedError('smscode webhook secret is not configured');
  if (!verifySmscodeSignature(rawBody, headers.get(SIGNATURE_HEADER), secret)) {
    throw new WebhookRejectedError('smscode webhook signature is missing or wrong');
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new WebhookRejectedError('smscode webhook body is not JSON');
  }
  const head = WebhookHead.safeParse(json);
  if (!head.success) throw new WebhookRejectedError('smscode webhook body has no event');
  const reply = { status: 200, body: '{"received":true}', contentType: 'application/json' };
  // Authentic but not about an order (the /webhook/test event): accepted, nothing to apply.
  if (!(ORDER_EVENTS as readonly string[]).includes(head.data.event)) return { updates: [], reply: { ...reply, status: 202 } };
  const payload = OrderEventPayload.safeParse(json);
  if (!payload.success) throw new WebhookRejectedError(`smscode ${head.data.event} payload does not match the document`);
  return {
    updates: [
      {
        // Same bytes → same id, so a replayed delivery is applied once; a second SMS for the order differs in body.
        deliveryId: createHash('sha256').update(rawBody, 'utf8').digest('hex'),
        event: payload.data.event,
        providerRef: String(payload.data.data.order_id),
        reference: null,
        snapshot: snapshotOfEvent(payload.data),
        // Signed by smscode: applied as it says.
        confirm: false,
      },
    ],
    reply,
  };
}
