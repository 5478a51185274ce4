import type { SimulatorDelivery } from '../../shared/simulator-contract.ts';

/** The document says nothing about timeouts or retries: one attempt, answered within 10 s or counted as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** Sends webhook POSTs, records every one, and lets the owner wait for or abort those in flight. */
export class WebhookDispatcher {
  readonly deliveries: SimulatorDelivery[] = [];
  readonly #inFlight = new Set<Promise<unknown>>();
  #stop = new AbortController();

  /** POSTs `body` once to `url` with `headers`; the delivery is recorded before this returns. */
  post(url: string, body: string, headers: Record<string, string>): Promise<number | null> {
    const delivery: SimulatorDelivery = { url, body, headers: { 'content-type': 'application/json', ...headers }, status: null };
    this.deliveries.push(delivery);
    const sending = this.#send(delivery);
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

  async #send(delivery: SimulatorDelivery): Promise<number | null> {
    try {
      const res = await fetch(delivery.url, {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(WEBHOOK_TIMEOUT_MS), this.#stop.signal]),
      });
      await res.body?.cancel().catch(() => undefined);
      delivery.status = res.status;
      return res.status;
    } catch {
      return null;
    }
  }
}
