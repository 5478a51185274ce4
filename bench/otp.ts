/**
 * Measures the live OTP pipeline (run: `npm run bench:otp`, or the otp section of `npm run bench`):
 *  1. time from the simulator receiving an SMS to a graphql-ws subscriber holding the code,
 *     in webhook mode and in polling mode (default watcher intervals);
 *  2. upstream calls per minute while 50 orders are active in polling mode.
 * Not part of `npm test`: timings belong here, not in pass/fail tests.
 */
import { graphql } from '../test/gql/index.ts';
import { gqlData, TEST_ADMIN_TOKEN, wsSubscribe } from '../test/support/clients.ts';
import { startGateway, type TestGateway } from '../test/support/gateway.ts';
import { BuyNumber, RegisterWebhook } from '../test/e2e/documents.ts';

const OtpCodes = graphql(`
  subscription BenchOtpCodes { otpReceived { code order { id } } }
`);

const SAMPLES = 20;

async function buy(gw: TestGateway, key: string): Promise<{ id: string; providerRef: string }> {
  const { buyNumber } = await gqlData(gw.graphqlUrl, BuyNumber, { input: { service: 'whatsapp', country: 'ID', idempotencyKey: key } });
  if (buyNumber.__typename !== 'BuyNumberPayload') throw new Error(JSON.stringify(buyNumber));
  return { id: buyNumber.order.id, providerRef: buyNumber.order.providerRef! };
}

async function latency(label: string, gw: TestGateway): Promise<void> {
  const stream = await wsSubscribe(gw.graphqlUrl, OtpCodes);
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const order = await buy(gw, `bench-${label.replace(/\W+/g, "-")}-${Date.now()}-${i}`);
    const code = String(100000 + i);
    const sent = performance.now();
    void gw.sim.deliverOtp(Number(order.providerRef), code);
    for (;;) {
      const event = await stream.next(30_000);
      if (event.data?.otpReceived.code === code) break;
    }
    samples.push(performance.now() - sent);
  }
  await stream.close();
  samples.sort((a, b) => a - b);
  const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!.toFixed(1);
  console.log(`${label}: SMS at simulator → code at graphql-ws subscriber, ${SAMPLES} orders: median ${pct(50)} ms, p95 ${pct(95)} ms, max ${samples.at(-1)!.toFixed(1)} ms`);
}

async function pollingLoad(): Promise<void> {
  const gw = await startGateway({ simulator: { initialBalance: 10_000_000 }, env: { WATCHER_MIN_INTERVAL_MS: '1000', WATCHER_MAX_INTERVAL_MS: '15000' } });
  try {
    for (let i = 0; i < 50; i++) await buy(gw, `bench-load-${Date.now()}-${i}`);
    const windowMs = 60_000;
    const start = Date.now();
    const before = gw.sim.requests.length;
    await new Promise((r) => setTimeout(r, windowMs));
    const calls = gw.sim.requests.slice(before);
    const byPath = new Map<string, number>();
    for (const c of calls) byPath.set(`${c.method} ${c.path.replace(/\/\d+$/, '/{id}')}`, (byPath.get(`${c.method} ${c.path.replace(/\/\d+$/, '/{id}')}`) ?? 0) + 1);
    const perMinute = (calls.length * 60_000) / (Date.now() - start);
    console.log(`polling, 50 active orders, no SMS arriving: ${perMinute.toFixed(1)} upstream calls/minute (${[...byPath].map(([k, v]) => `${k} ×${v}`).join(', ')}); smscode's order-query budget is 5000/minute`);
  } finally {
    await gw.stop();
  }
}

const webhookGw = await startGateway({ publicUrl: true, env: { WATCHER_MIN_INTERVAL_MS: '600000', WATCHER_MAX_INTERVAL_MS: '600000' } });
// Registering a provider webhook needs the ADMIN scope (README, API clients).
await gqlData(webhookGw.graphqlUrl, RegisterWebhook, { provider: 'SMSCODE' }, TEST_ADMIN_TOKEN);
await latency('webhook mode', webhookGw);
await webhookGw.stop();

const pollingGw = await startGateway({ env: { WATCHER_MIN_INTERVAL_MS: '1000', WATCHER_MAX_INTERVAL_MS: '15000' } });
await latency('polling mode (1 s → 15 s adaptive interval)', pollingGw);
await pollingGw.stop();

await pollingLoad();
process.exit(0);
