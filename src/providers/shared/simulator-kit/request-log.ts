import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { SimulatorRequest } from '../simulator-contract.ts';

/** A log record as the dispatcher fills it in: every field writable (status and provider fields come later). */
export type Writable<R> = { -readonly [K in keyof R]: R[K] };

/** Method, parsed URL and path of a request; `trimSlashes` drops trailing slashes (`/a/` → `/a`, `/` stays). */
export function requestTarget(req: IncomingMessage, options: { trimSlashes?: boolean } = {}): { method: string; url: URL; path: string } {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  const path = options.trimSlashes ? url.pathname.replace(/\/+$/, '') || '/' : url.pathname;
  return { method, url, path };
}

/** One request being answered: its log record, and the two ways out, each noting the status in the record. */
export class Exchange<R extends { status: number }> {
  /** The record in the log; the dispatcher may fill in more fields as it learns them. */
  readonly record: R;
  readonly #req: IncomingMessage;
  readonly #res: ServerResponse;

  /** Binds a logged record to the request and its response. */
  constructor(record: R, req: IncomingMessage, res: ServerResponse) {
    this.record = record;
    this.#req = req;
    this.#res = res;
  }

  /** Writes the whole answer (status, headers, body) and notes the status. */
  send(status: number, headers: OutgoingHttpHeaders, body: string | Buffer): void {
    this.record.status = status;
    this.#res.writeHead(status, headers);
    this.#res.end(body);
  }

  /** Destroys the socket without an answer; the record keeps status 0. */
  drop(): void {
    this.record.status = 0;
    this.#req.socket.destroy();
  }
}

/** Every request a simulator received, in arrival order (the contract's `requests`). */
export class RequestLog<R extends SimulatorRequest> {
  /** The records, oldest first. */
  readonly entries: R[] = [];

  /** Logs a request that has just arrived (`record.status` 0 until answered) and returns its exchange. */
  open(record: Writable<R>, req: IncomingMessage, res: ServerResponse): Exchange<Writable<R>> {
    this.entries.push(record as R);
    return new Exchange(record, req, res);
  }
}
