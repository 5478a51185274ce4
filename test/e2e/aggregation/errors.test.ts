import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderId } from '../../../src/domain/provider.ts';
import type { SimulatorFault } from '../../../src/providers/shared/simulator-contract.ts';
import { gqlData } from '../../support/clients.ts';
import { startSandboxGateway, type SandboxGateway } from '../../support/sandbox-gateway.ts';
import { AggBuy, AggCancel, AggComplete, AggOrder, AggResend } from './documents.ts';

/**
 * OTP aggregation, "Done when" item 6: each OTP provider's documented error codes reach the client as
 * typed GraphQL errors. Rows come from each adapter's client.ts error table; the simulators' `error`
 * fault answers the next request to an endpoint with that code in the provider's own error shape.
 */
let gw: SandboxGateway;
let counter = 0;
const key = () => `agg-errors-${process.pid}-${Date.now()}-${++counter}`;
const OTP_PROVIDERS = ['SMSCODE', 'OTP24HR', 'XD247'] as const;
type OtpProvider = (typeof OTP_PROVIDERS)[number];
// The create / cancel endpoint of each simulator, by its own names.
const CREATE: Record<OtpProvider, string> = { SMSCODE: 'create', OTP24HR: 'buy', XD247: 'otpCreate' };
const CANCEL: Record<OtpProvider, string> = { SMSCODE: 'cancel', OTP24HR: 'cancel', XD247: 'otpCancel' };

interface Row {
  readonly provider: OtpProvider;
  readonly status: number;
  readonly code: string;
  readonly message?: string;
  readonly retryAfterSeconds?: number;
  /**
   * How many creates get the fault (default 1). A refusal that says "not here" (no numbers, no balance) moves
   * on to the provider's next offer: 247xd has two Shopee options, so both get it.
   */
  readonly times?: number;
  /** What the client must see: the result's __typename and fields. */
  readonly expected: Record<string, unknown>;
}

// buyNumber(provider: …) with the create answered by the fault. RATE_LIMIT rows come last per provider:
// they pause that provider's budget (as they should) for what the answer says.
const BUY_ROWS: readonly Row[] = [
  // smscode (client.ts ERROR_CODES).
  { provider: 'SMSCODE', status: 409, code: 'INSUFFICIENT_BALANCE', expected: { __typename: 'InsufficientBalance', provider: 'SMSCODE', providerCode: 'INSUFFICIENT_BALANCE' } },
  { provider: 'SMSCODE', status: 404, code: 'NO_OFFER_AVAILABLE', expected: { __typename: 'NoOfferAvailable', provider: 'SMSCODE', providerCode: 'NO_OFFER_AVAILABLE' } },
  { provider: 'SMSCODE', status: 401, code: 'UNAUTHORIZED', expected: { __typename: 'ProviderError', provider: 'SMSCODE', providerCode: 'UNAUTHORIZED' } },
  { provider: 'SMSCODE', status: 403, code: 'FORBIDDEN', expected: { __typename: 'ProviderError', provider: 'SMSCODE', providerCode: 'FORBIDDEN' } },
  { provider: 'SMSCODE', status: 503, code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 7, expected: { __typename: 'ServiceUnavailable', provider: 'SMSCODE', providerCode: 'SERVICE_UNAVAILABLE', unavailableFor: 7 } },
  { provider: 'SMSCODE', status: 422, code: 'VALIDATION_ERROR', expected: { __typename: 'ValidationError', code: 'VALIDATION' } },
  { provider: 'SMSCODE', status: 429, code: 'RATE_LIMIT_EXCEEDED', retryAfterSeconds: 1, expected: { __typename: 'RateLimited', provider: 'SMSCODE', providerCode: 'RATE_LIMIT_EXCEEDED', retryAfterSeconds: 1 } },
  // OTP24HR (client.ts ERROR_TABLE), statuses as its simulator's table gives them.
  { provider: 'OTP24HR', status: 402, code: 'INSUFFICIENT_BALANCE', expected: { __typename: 'InsufficientBalance', provider: 'OTP24HR', providerCode: 'INSUFFICIENT_BALANCE' } },
  { provider: 'OTP24HR', status: 404, code: 'SERVICE_NOT_FOUND', expected: { __typename: 'NoOfferAvailable', provider: 'OTP24HR', providerCode: 'SERVICE_NOT_FOUND' } },
  { provider: 'OTP24HR', status: 502, code: 'PROVIDER_ERROR', expected: { __typename: 'NoOfferAvailable', provider: 'OTP24HR', providerCode: 'PROVIDER_ERROR' } },
  { provider: 'OTP24HR', status: 401, code: 'NO_API_KEY', expected: { __typename: 'ProviderError', provider: 'OTP24HR', providerCode: 'NO_API_KEY' } },
  { provider: 'OTP24HR', status: 401, code: 'INVALID_API_KEY', expected: { __typename: 'ProviderError', provider: 'OTP24HR', providerCode: 'INVALID_API_KEY' } },
  { provider: 'OTP24HR', status: 403, code: 'API_KEY_DISABLED', expected: { __typename: 'ProviderError', provider: 'OTP24HR', providerCode: 'API_KEY_DISABLED' } },
  { provider: 'OTP24HR', status: 403, code: 'IP_NOT_ALLOWED', expected: { __typename: 'ProviderError', provider: 'OTP24HR', providerCode: 'IP_NOT_ALLOWED' } },
  { provider: 'OTP24HR', status: 400, code: 'SERVICE_REQUIRED', expected: { __typename: 'ProviderError', provider: 'OTP24HR', providerCode: 'SERVICE_REQUIRED' } },
  { provider: 'OTP24HR', status: 429, code: 'RATE_LIMIT', retryAfterSeconds: 1, expected: { __typename: 'RateLimited', provider: 'OTP24HR', providerCode: 'RATE_LIMIT', retryAfterSeconds: 1 } },
  // 247xd (client.ts ERROR_TABLE): its table has no code for "not enough coins", read from BAD_REQUEST's message.
  { provider: 'XD247', status: 400, code: 'BAD_REQUEST', message: 'เหรียญไม่พอ', times: 2, expected: { __typename: 'InsufficientBalance', provider: 'XD247', providerCode: 'BAD_REQUEST' } },
  { provider: 'XD247', status: 400, code: 'BAD_REQUEST', message: 'สินค้าหมด', times: 2, expected: { __typename: 'NoOfferAvailable', provider: 'XD247', providerCode: 'BAD_REQUEST' } },
  { provider: 'XD247', status: 404, code: 'NOT_FOUND', times: 2, expected: { __typename: 'NoOfferAvailable', provider: 'XD247', providerCode: 'NOT_FOUND' } },
  { provider: 'XD247', status: 401, code: 'UNAUTHORIZED', expected: { __typename: 'ProviderError', provider: 'XD247', providerCode: 'UNAUTHORIZED' } },
  { provider: 'XD247', status: 403, code: 'ACCOUNT_BANNED', expected: { __typename: 'ProviderError', provider: 'XD247', providerCode: 'ACCOUNT_BANNED' } },
  { provider: 'XD247', status: 400, code: 'VALIDATION_ERROR', expected: { __typename: 'ValidationError', code: 'VALIDATION' } },
];

// Each simulator names its own endpoints; the fault shape is the shared contract's.
function inject(provider: OtpProvider, fault: Extract<SimulatorFault, { kind: 'error' }>): void {
  gw.simulator(provider as ProviderId).injectFault(fault);
}

async function buyFrom(provider: OtpProvider) {
  const { buyNumber } = await gqlData(gw.url, AggBuy, { input: { service: 'shopee', country: 'TH', provider, idempotencyKey: key() } });
  return buyNumber;
}

async function activeOrder(provider: OtpProvider): Promise<string> {
  const result = await buyFrom(provider);
  if (result.__typename !== 'BuyNumberPayload') throw new Error(`buy from ${provider}: ${JSON.stringify(result)}`);
  expect(result.order.status).toBe('ACTIVE');
  return result.order.id;
}

const charges = (provider: OtpProvider) => gw.simulator(provider as ProviderId).ledger.filter((e) => e.kind === 'charge').length;

beforeAll(async () => {
  gw = await startSandboxGateway();
});
afterAll(async () => {
  await gw?.stop();
});
afterEach(() => {
  for (const provider of OTP_PROVIDERS) gw.simulator(provider).clearFaults();
});

describe('documented provider errors reach the client typed', () => {
  it.each(BUY_ROWS.map((row) => [`${row.provider} ${row.code}${row.message ? ` (${row.message})` : ''} → ${String(row.expected.__typename)}`, row] as const))('buyNumber: %s', async (_name, row) => {
    const before = charges(row.provider);
    for (let i = 0; i < (row.times ?? 1); i++) {
      inject(row.provider, { endpoint: CREATE[row.provider], kind: 'error', status: row.status, code: row.code, ...(row.message ? { message: row.message } : {}), ...(row.retryAfterSeconds ? { retryAfterSeconds: row.retryAfterSeconds } : {}) });
    }
    const result = await buyFrom(row.provider);
    expect(result).toMatchObject(row.expected);
    // A definite refusal: nothing was charged upstream.
    expect(charges(row.provider)).toBe(before);
    // The provider asked us to wait: its budget is paused that long, so the next rows wait it out.
    if (row.retryAfterSeconds && row.code.startsWith('RATE_LIMIT')) await new Promise((r) => setTimeout(r, row.retryAfterSeconds! * 1000 + 200));
  });

});

describe('documented cancel errors and missing operations', () => {
  it('smscode and OTP24HR refuse a cancel in the first two minutes: CancelTooEarly with secondsRemaining', async () => {
    for (const provider of ['SMSCODE', 'OTP24HR'] as const) {
      const orderId = await activeOrder(provider);
      // The simulators refuse by themselves (CANCEL_TOO_EARLY / EARLY_CANCEL_DENIED), no fault needed.
      const { cancelOrder } = await gqlData(gw.url, AggCancel, { input: { orderId } });
      expect(cancelOrder, provider).toMatchObject({ __typename: 'CancelTooEarly', provider });
      const seconds = cancelOrder.__typename === 'CancelTooEarly' ? cancelOrder.secondsRemaining : 0;
      expect(seconds, provider).toBeGreaterThan(100);
      expect(seconds, provider).toBeLessThanOrEqual(120);
    }
  });

  it.each([
    ['SMSCODE', 409, 'CANCEL_TOO_EARLY', 'Order can be canceled in 42 seconds', { __typename: 'CancelTooEarly', providerCode: 'CANCEL_TOO_EARLY', secondsRemaining: 42 }],
    ['SMSCODE', 401, 'UNAUTHORIZED', undefined, { __typename: 'ProviderError', providerCode: 'UNAUTHORIZED' }],
    ['OTP24HR', 409, 'EARLY_CANCEL_DENIED', undefined, { __typename: 'CancelTooEarly', providerCode: 'EARLY_CANCEL_DENIED' }],
    ['OTP24HR', 403, 'FORBIDDEN', undefined, { __typename: 'ProviderError', providerCode: 'FORBIDDEN' }],
    ['OTP24HR', 401, 'INVALID_API_KEY', undefined, { __typename: 'ProviderError', providerCode: 'INVALID_API_KEY' }],
    ['XD247', 400, 'BAD_REQUEST', undefined, { __typename: 'ProviderError', providerCode: 'BAD_REQUEST' }],
    ['XD247', 403, 'ACCOUNT_BANNED', undefined, { __typename: 'ProviderError', providerCode: 'ACCOUNT_BANNED' }],
  ] as const)('cancelOrder: %s %s → typed', async (provider, status, code, message, expected) => {
    const orderId = await activeOrder(provider);
    inject(provider, { endpoint: CANCEL[provider], kind: 'error', status, code, ...(message ? { message } : {}) });
    const { cancelOrder } = await gqlData(gw.url, AggCancel, { input: { orderId } });
    expect(cancelOrder).toMatchObject({ ...expected, provider });
  });

  it('an operation the provider does not declare is Unsupported: resendSms on OTP24HR, completeOrder on 247xd', async () => {
    const otp24hrOrder = await activeOrder('OTP24HR');
    const { resendSms } = await gqlData(gw.url, AggResend, { input: { orderId: otp24hrOrder } });
    expect(resendSms).toMatchObject({ __typename: 'Unsupported', provider: 'OTP24HR', operation: 'resend for otp number orders' });
    const xd247Order = await activeOrder('XD247');
    const { completeOrder } = await gqlData(gw.url, AggComplete, { input: { orderId: xd247Order } });
    expect(completeOrder).toMatchObject({ __typename: 'Unsupported', provider: 'XD247', operation: 'complete for otp number orders' });
    // Refused by the gateway before any provider call: the orders are as they were.
    for (const id of [otp24hrOrder, xd247Order]) expect((await gqlData(gw.url, AggOrder, { id })).order?.status).toBe('ACTIVE');
  });
});

// Last: a 247xd RATE_LIMITED pauses the whole 247xd key (one budget) until its X-RateLimit-Reset, up to a minute.
describe('247xd answers that end the file', () => {
  it('a 5xx on a 247xd create is not a refusal: the order is UNKNOWN (it may have been charged) and stays for reconciliation', async () => {
    inject('XD247', { endpoint: CREATE.XD247, kind: 'error', status: 500, code: 'INTERNAL_ERROR' });
    const result = await buyFrom('XD247');
    expect(result).toMatchObject({ __typename: 'BuyNumberPayload', order: { status: 'UNKNOWN', provider: 'XD247' } });
  });

  it('RATE_LIMITED → RateLimited with the seconds to its X-RateLimit-Reset', async () => {
    inject('XD247', { endpoint: CREATE.XD247, kind: 'error', status: 429, code: 'RATE_LIMITED' });
    const result = await buyFrom('XD247');
    expect(result).toMatchObject({ __typename: 'RateLimited', provider: 'XD247', providerCode: 'RATE_LIMITED' });
    const seconds = result.__typename === 'RateLimited' ? result.retryAfterSeconds : 0;
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
  });
});
