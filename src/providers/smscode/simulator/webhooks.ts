import { createHmac, randomBytes } from 'node:crypto';
import type { SimulatorDelivery } from '../../shared/simulator-contract.ts';
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

/** Sends signed webhook POSTs, records every one, and lets the owner wait for or abort those in flight. */
export class WebhookDispatcher {
  /** smscode's own view: event and signature as fields. */
  readonly deliveries: SmscodeWebhookDelivery[] = [];
  /** The shared contract's view of the same POSTs: the exact headers sent. */
  readonly sent: SimulatorDelivery[] = [];
  readonly #inFlight = new Set<Promise<unknown>>();
  #stop = new AbortController();

  /** POSTs `payload` once; resolves the receiver's HTTP status, or null on network error / timeout. */
  post(url: string, secret: string, event: string, payload: unknown): Promise<number | null> {
    const body = JSON.stringify(payload);
    const signature = signWebhookBody(body, secret);
    const delivery: SmscodeWebhookDelivery = { url, event, body, signature, status: null };
    const sent: SimulatorDelivery = { url, body, headers: { 'Content-Type': 'application/json', 'X-Webhook-Signature': signature }, status: null };
    this.deliveries.push(delivery);
    this.sent.push(sent);
    const sending = this.#send(delivery, sent);
    this.#inFlight.add(sending);
    void sending.finally(() => this.#inFlight.delete(sending));
    return sending;
  }

  /** Resolves once every delivery started so far has been answered or has failed. */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** Aborts every delivery in flight (simulator stop); later deliveries go out normally. */
  abortAll(): void {
    this.#stop.abort();
    this.#stop = new AbortController();
  }

  async #send(delivery: SmscodeWebhookDelivery, sent: SimulatorDelivery): Promise<number | null> {
    try {
      const res = await fetch(sent.url, {
        method: 'POST',
        headers: sent.headers,
        body: sent.body,
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(WEBHOOK_TIMEOUT_MS), this.#stop.signal]),
      });
      await res.body?.cancel().catch(() => undefined);
      delivery.status = res.status;
      sent.status = res.status;
      return res.status;
    } catch {
      return null;
    }
  }
}
