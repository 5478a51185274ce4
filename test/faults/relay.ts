import { createServer, type IncomingMessage, type Server } from 'node:http';

/** One push a simulator sent, as it arrived at the relay. */
export interface HeldPush {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * Stands where PUBLIC_URL points: simulators push here, and the relay forwards to the gateway at once
 * (`pass`) or holds the pushes (`hold`) for the test to deliver later, reordered or more than once.
 * Held pushes are answered 200, as a gateway that accepted them would.
 */
export class WebhookRelay {
  mode: 'pass' | 'hold' = 'pass';
  target = '';
  readonly held: HeldPush[] = [];
  readonly seen: HeldPush[] = [];
  private server: Server | null = null;
  url = '';

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body }) => res.writeHead(status, { 'content-type': 'text/plain' }).end(body),
        () => res.writeHead(502).end('relay error'),
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Sends a push to the gateway now; answers its status. */
  async deliver(push: HeldPush): Promise<number> {
    const response = await fetch(`${this.target}${push.path}`, { method: 'POST', headers: push.headers, body: push.body });
    await response.text();
    return response.status;
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: string }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k)) headers[k] = v;
    const push = { path: req.url ?? '/', headers, body: Buffer.concat(chunks).toString('utf8') };
    this.seen.push(push);
    if (this.mode === 'hold') {
      this.held.push(push);
      return { status: 200, body: 'OK' };
    }
    const response = await fetch(`${this.target}${push.path}`, { method: 'POST', headers: push.headers, body: push.body });
    return { status: response.status, body: await response.text() };
  }
}
