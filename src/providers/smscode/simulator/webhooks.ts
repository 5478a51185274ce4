import { createHmac, randomBytes } from 'node:crypto';
import { PushSender } from '../../shared/simulator-kit/push-sender.ts';
import type { SmscodeWebhookDelivery } from './public-types.ts';

/** Document: fire-and-forget, 3 s timeout, no retries. */
export const WEBHOOK_TIMEOUT_MS = 3000;

/** Lowercase hex HMAC-SHA256 of the exact raw body, keyed with the webhook_secret. */
export function signWebhookBody(rawBody: string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}

/** A new webhook_secret, as generated when a URL is first set without one. */
export function generateWebhookSecret(): string {
  return randomBytes(32).toString('hex');
}

/** Sends signed webhook POSTs through the kit's push sender, keeping smscode's own record of each beside the contract's. */
export class WebhookDispatcher {
  /** smscode's own view: event and signature as fields. */
  readonly deliveries: SmscodeWebhookDelivery[] = [];
  /** Sends the POSTs and holds the shared contract's view of them (the exact headers sent). */
  readonly sender = new PushSender(WEBHOOK_TIMEOUT_MS);

  /** POSTs `payload` once; resolves the receiver's HTTP status, or null on network error / timeout. */
  post(url: string, secret: string, event: string, payload: unknown): Promise<number | null> {
    const body = JSON.stringify(payload);
    const signature = signWebhookBody(body, secret);
    const delivery: SmscodeWebhookDelivery = { url, event, body, signature, status: null };
    this.deliveries.push(delivery);
    const headers = { 'Content-Type': 'application/json', 'X-Webhook-Signature': signature };
    return this.sender.post(url, body, headers, { onAnswer: (status) => (delivery.status = status) });
  }
}
