import { PushSender } from '../../shared/simulator-kit/push-sender.ts';

/** The document says nothing about timeouts or retries: one attempt, answered within 10 s or counted as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** The sender of the order callbacks. */
export function createWebhookSender(): PushSender {
  return new PushSender(WEBHOOK_TIMEOUT_MS);
}

/** POSTs a JSON callback `body` once to `url` with `headers` (content-type added); recorded before this returns. */
export function postWebhook(sender: PushSender, url: string, body: string, headers: Record<string, string>): Promise<number | null> {
  return sender.post(url, body, { 'content-type': 'application/json', ...headers });
}
