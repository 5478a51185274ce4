import { PROVIDERS } from '../../src/providers/registry.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { gqlData, wsSubscribe } from '../support/clients.ts';
import { freshDatabase } from '../support/database.ts';
import { BuyNumber, OtpReceived, Providers } from './documents.ts';

// sandboxDeliverOtp exists only in the sandbox sub-graph, so it is not in schema.graphql / codegen.
const SANDBOX_DELIVER = `mutation Deliver($orderId: ID!, $code: String) {
  sandboxDeliverOtp(orderId: $orderId, code: $code) { __typename ... on SandboxDeliverOtpPayload { order { id } } ... on Error { code message } }
}`;

async function rawGql(url: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
}

describe('sandbox mode (no provider credentials)', () => {
  let app: RunningApp;
  let drop: () => Promise<void>;
  let url: string;
  beforeAll(async () => {
    const db = await freshDatabase();
    drop = db.drop;
    app = await startApp(loadConfig({ PORT: '0', HOST: '127.0.0.1', SANDBOX_OTP_DELAY_MS: '100-300', WATCHER_MIN_INTERVAL_MS: '50', WATCHER_MAX_INTERVAL_MS: '200' }), {
      database: db.target,
      logger: createLogger('silent'),
    });
    url = `${app.url}/graphql`;
  });
  afterAll(async () => {
    await app.stop();
    await drop();
  });

  it('runs the in-process simulator behind the real adapter', async () => {
    expect(app.services.config.sandbox).toBe(true);
    expect(app.sandbox?.simulators.get('SMSCODE')?.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const { providers } = await gqlData(url, Providers);
    // Sandbox runs every registered provider's simulator.
    expect(providers.map((p) => p.id).sort()).toEqual(PROVIDERS.map((d) => d.id).sort());
  });

  it('delivers a code on its own after the configured delay, so a person in GraphiQL sees one arrive', async () => {
    const codes = await wsSubscribe(url, OtpReceived, {});
    const { buyNumber } = await gqlData(url, BuyNumber, { input: { service: 'telegram', country: 'ID', idempotencyKey: `sandbox-auto-${Date.now()}` } });
    if (buyNumber.__typename !== 'BuyNumberPayload') throw new Error(JSON.stringify(buyNumber));
    const event = await codes.next(15_000);
    expect(event.data?.otpReceived.order.id).toBe(buyNumber.order.id);
    expect(event.data?.otpReceived.code).toMatch(/^\d{4,6}$/);
    await codes.close();
  });

  it('offers sandboxDeliverOtp for demos, and validates its input', async () => {
    const { buyNumber } = await gqlData(url, BuyNumber, { input: { service: 'whatsapp', country: 'ID', idempotencyKey: `sandbox-demo-${Date.now()}` } });
    if (buyNumber.__typename !== 'BuyNumberPayload') throw new Error(JSON.stringify(buyNumber));
    const codes = await wsSubscribe(url, OtpReceived, { orderId: buyNumber.order.id });
    const bad = await rawGql(url, SANDBOX_DELIVER, { orderId: buyNumber.order.id, code: 'no spaces!' });
    expect(bad.data?.sandboxDeliverOtp).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    const ok = await rawGql(url, SANDBOX_DELIVER, { orderId: buyNumber.order.id, code: '424242' });
    expect(ok.data?.sandboxDeliverOtp).toMatchObject({ __typename: 'SandboxDeliverOtpPayload' });
    // The automatic delivery may land first; the demo code must arrive either way.
    let seen: string | null | undefined;
    for (let i = 0; i < 3 && seen !== '424242'; i++) seen = (await codes.next()).data?.otpReceived.code;
    expect(seen).toBe('424242');
    await codes.close();
  });
});

describe('outside sandbox mode', () => {
  it('has no sandboxDeliverOtp in the schema', async () => {
    const { buildSchema } = await import('../../src/schema/schema.ts');
    expect(buildSchema({ sandbox: false }).getMutationType()?.getFields().sandboxDeliverOtp).toBeUndefined();
    expect(buildSchema({ sandbox: true }).getMutationType()?.getFields().sandboxDeliverOtp).toBeDefined();
  });
});
