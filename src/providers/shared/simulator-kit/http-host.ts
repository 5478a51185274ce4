import { createServer } from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The answer a host gives when its handler throws before answering (default: a bare 500). */
export interface FailureAnswer {
  headers?: OutgoingHttpHeaders;
  body?: string;
}

/** How a simulator is served: its name for log lines, the base path of its URL, the handler and its 500. */
export interface HttpHostOptions {
  /** Logged as `[<name> simulator] request failed`. */
  name: string;
  /** Appended to `http://127.0.0.1:<port>` to make the base URL (e.g. `/api/v1`). */
  basePath: string;
  /** Answers one request. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  failureAnswer?: FailureAnswer;
}

/** A simulator's HTTP server on loopback: start() listens and resolves the base URL, stop() closes every connection. */
export class HttpHost {
  readonly #options: HttpHostOptions;
  #server: Server | null = null;
  #baseUrl = '';

  /** A host that is not listening yet. */
  constructor(options: HttpHostOptions) {
    this.#options = options;
  }

  /** `http://127.0.0.1:<port><basePath>` once started, `''` before. */
  get baseUrl(): string {
    return this.#baseUrl;
  }

  /** Whether the server is listening. */
  get running(): boolean {
    return this.#server !== null;
  }

  /** Listens on 127.0.0.1 (port 0 = any free port) and resolves the base URL; a running host resolves its URL again. */
  async start(port = 0): Promise<string> {
    if (this.#server) return this.#baseUrl;
    const { name, handle, failureAnswer } = this.#options;
    // Like a real API behind a load balancer: idle keep-alive sockets outlive the client's, so a reused
    // socket is never closed under a request in flight (which would read as an ambiguous write).
    const server = createServer({ keepAliveTimeout: 65_000, headersTimeout: 66_000 }, (req, res) => {
      handle(req, res).catch((error: unknown) => {
        console.error(`[${name} simulator] request failed`, error);
        if (res.headersSent) return;
        if (failureAnswer) res.writeHead(500, failureAnswer.headers ?? {}).end(failureAnswer.body ?? '');
        else res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.#server = server;
    this.#baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${this.#options.basePath}`;
    return this.#baseUrl;
  }

  /** Closes the server, cutting every open connection; resolves once it is closed (at once when not running). */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
