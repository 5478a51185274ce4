import { PushSender } from '../../shared/simulator-kit/push-sender.ts';

/** The document names no timeout or retries: one POST, given up after 10 s. */
export const CALLBACK_TIMEOUT_MS = 10_000;

/** The fields of "URL ตอบกลับผลการเติมเงิน", in the document's order. */
export interface CallbackFields {
  orderid: string;
  status_refill: string;
  status_cancel: string;
  realamount: string;
  detail: string;
}

/** The sender of the result callbacks. */
export function createCallbackSender(): PushSender {
  return new PushSender(CALLBACK_TIMEOUT_MS);
}

/** POSTs the fields once, form-encoded; resolves the receiver's HTTP status, or null on network error / timeout. */
export function postCallback(sender: PushSender, url: string, fields: CallbackFields): Promise<number | null> {
  const body = new URLSearchParams([
    ['orderid', fields.orderid],
    ['status_refill', fields.status_refill],
    ['status_cancel', fields.status_cancel],
    ['realamount', fields.realamount],
    ['detail', fields.detail],
  ]).toString();
  return sender.post(url, body, { 'content-type': 'application/x-www-form-urlencoded' }, {
    wireHeaders: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'easysoft-topup-callback' },
  });
}
