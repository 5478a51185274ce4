import type { SimulatorDelivery } from '../../shared/simulator-contract.ts';

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

/** Sends the result callbacks (form-encoded POST), records every one, and lets the owner wait for or abort those in flight. */
export class CallbackDispatcher {
  readonly deliveries: SimulatorDelivery[] = [];
  readonly #inFlight = new Set<Promise<unknown>>();
  #stop = new AbortController();

  /** POSTs the fields once; resolves the receiver's HTTP status, or null on network error / timeout. */
  post(url: string, fields: CallbackFields): Promise<number | null> {
    const body = new URLSearchParams([
      ['orderid', fields.orderid],
      ['status_refill', fields.status_refill],
      ['status_cancel', fields.status_cancel],
      ['realamount', fields.realamount],
      ['detail', fields.detail],
    ]).toString();
    const delivery: SimulatorDelivery = { url, body, headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: null };
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
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'easysoft-topup-callback' },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(CALLBACK_TIMEOUT_MS), this.#stop.signal]),
      });
      await res.body?.cancel().catch(() => undefined);
      delivery.status = res.status;
      return res.status;
    } catch {
      return null;
    }
  }
}
