import { createHash, createHmac } from 'node:crypto';
import { WebhookRejectedError } from '../../domain/provider.ts';
import type { OrderSnapshot, WebhookRequest, WebhookResult } from '../../domain/provider.ts';
import { couldBeOurOrderId } from './intent.ts';
import { providerStatusOf, resultDetails, unifiedStatus } from './order-snapshots.ts';

/**
 * The result callback ("URL ตอบกลับผลการเติมเงิน"): a form POST of orderid, status_refill,
 * status_cancel, realamount and detail. It is not signed, so the route only hands over requests whose
 * path carries our secret token, and every update is a hint (`confirm`): the core applies only what a
 * `mobile=update` lookup then says (and never to an order it did not issue or that is already final).
 */

/** The document says nothing about what the receiver answers: 200 "OK". */
export const CALLBACK_REPLY = { status: 200, body: 'OK', contentType: 'text/plain; charset=utf-8' } as const;

/** Path tokens the gateway's callback route accepts (shared/callback-url.ts CALLBACK_PATH). */
export const PATH_TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * The path token used when EASYSOFT_CALLBACK_TOKEN is unset: HMAC-SHA256 of a fixed label keyed with
 * the password (and bound to the username), base64url, 32 characters. Stable across restarts, so the
 * URL set in the easysoft dashboard keeps working; it changes when the password does (the URL must
 * then be set again), and reveals nothing of the password.
 */
export function derivedCallbackToken(username: string, password: string): string {
  return createHmac('sha256', password).update(`switchboard/easysoft/callback-path-token\n${username}`, 'utf8').digest('base64url').slice(0, 32);
}

const MAX_ORDERID = 64;
const FIELDS = ['orderid', 'status_refill', 'status_cancel', 'realamount', 'detail'] as const;

/**
 * Reads one callback. Refused (WebhookRejectedError → 401, nothing changed): a body that is not the
 * documented form (no orderid, an orderid longer than any we send or easysoft issues, none of the
 * result fields). The orderid is, by the document, easysoft's own order id (it is the `orderid` of
 * update/return, i.e. the ORDERID of the refill answer), so it is the update's providerRef; because
 * our refills also send our reference as `orderid`, an orderid of that form is offered as the
 * reference too (the core matches the provider ref first, and confirms through the order's own
 * stored ref, so the second reading can never apply another order's result).
 */
export function parseEasysoftCallback(request: WebhookRequest): WebhookResult {
  const form = new URLSearchParams(request.rawBody);
  const field = (name: (typeof FIELDS)[number]): string => form.get(name)?.trim() ?? '';
  const orderid = field('orderid');
  if (!orderid) throw new WebhookRejectedError('easysoft callback has no orderid');
  if (orderid.length > MAX_ORDERID || /[\u0000-\u001f]/.test(orderid)) throw new WebhookRejectedError('easysoft callback orderid is not an order id');
  const statusRefill = field('status_refill');
  const statusCancel = field('status_cancel');
  if (!form.has('status_refill') && !form.has('status_cancel')) throw new WebhookRejectedError('easysoft callback carries no result (status_refill / status_cancel)');

  const snapshot: OrderSnapshot = {
    providerRef: orderid,
    status: unifiedStatus(statusRefill, statusCancel),
    providerStatus: providerStatusOf(statusRefill, statusCancel),
    // Unconfirmed, and `realamount` is labelled ยอดเงินคงเหลือ (the balance) here but is REALAMOUNT ยอดหัก
    // (deducted) in update: no money is read from a callback, its raw text is kept.
    price: null,
    refund: null,
    failedReason: null,
    details: resultDetails(statusRefill, statusCancel, { callbackRealamount: field('realamount'), callbackDetail: field('detail') }),
  };
  return {
    updates: [
      {
        // Same bytes → same id, so a replayed delivery is applied once; a later result differs in its fields.
        deliveryId: createHash('sha256').update(request.rawBody, 'utf8').digest('hex'),
        event: `easysoft.result ${providerStatusOf(statusRefill, statusCancel)}`,
        providerRef: orderid,
        reference: couldBeOurOrderId(orderid) ? orderid : null,
        snapshot,
        confirm: true,
      },
    ],
    reply: { ...CALLBACK_REPLY },
  };
}
