import type { SimulatorDelivery } from '../simulator-contract.ts';

/** How one push goes out beyond what is recorded: other wire headers, and who else hears the answer. */
export interface PushOptions {
  /** Headers put on the wire when they differ from the recorded ones (default: the recorded headers). */
  wireHeaders?: Record<string, string>;
  /** Called with the receiver's HTTP status as soon as it answers (not on failure). */
  onAnswer?(status: number): void;
}

/** Sends and records a simulator's pushes (webhooks, callbacks): one POST each, no retries, waitable and abortable. */
export class PushSender {
  /** Every push sent, in order, with its exact body and headers; `status` is filled in when answered. */
  readonly deliveries: SimulatorDelivery[] = [];
  readonly #timeoutMs: number;
  readonly #inFlight = new Set<Promise<unknown>>();
  #stop = new AbortController();

  /** A sender whose POSTs each time out after `timeoutMs`. */
  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
  }

  /** Records and POSTs `body` to `url` once; resolves the receiver's HTTP status, or null on network error, timeout or abort. */
  post(url: string, body: string, headers: Record<string, string>, options: PushOptions = {}): Promise<number | null> {
    const delivery: SimulatorDelivery = { url, body, headers, status: null };
    this.deliveries.push(delivery);
    const sending = this.#send(delivery, options);
    this.#inFlight.add(sending);
    void sending.finally(() => this.#inFlight.delete(sending));
    return sending;
  }

  /** Resolves once every push started so far has been answered or has failed. */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** Aborts every push in flight (simulator stop); later pushes go out normally. */
  abortAll(): void {
    this.#stop.abort();
    this.#stop = new AbortController();
  }

  async #send(delivery: SimulatorDelivery, options: PushOptions): Promise<number | null> {
    try {
      const res = await fetch(delivery.url, {
        method: 'POST',
        headers: options.wireHeaders ?? delivery.headers,
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(this.#timeoutMs), this.#stop.signal]),
      });
      await res.body?.cancel().catch(() => undefined);
      delivery.status = res.status;
      options.onAnswer?.(res.status);
      return res.status;
    } catch {
      return null;
    }
  }
}
