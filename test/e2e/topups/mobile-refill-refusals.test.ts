import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gqlData } from '../../support/clients.ts';
import { TopupOrder, TopupRefill } from './documents.ts';
import { newKey, startSandboxGateway, type SandboxGateway } from './support.ts';

/**
 * Top-up issue, Done when 2: what easysoft refuses, what the gateway refuses before sending, and
 * refills whose answer never arrived — through GraphQL, checked against the easysoft simulator's
 * request log and ledger.
 */
describe('mobile refill refusals and lost answers (easysoft)', () => {
  let gw: SandboxGateway;
  beforeAll(async () => {
    gw = await startSandboxGateway();
    // PENGUIN (network 7) is closed before the gateway first reads online=1.
    gw.easysoft.setNetworkOnline(7, false);
  });
  afterAll(async () => {
    await gw?.stop();
  });
  afterEach(() => gw.easysoft.clearFaults());

  const refills = () => gw.easysoft.requests.filter((r) => r.endpoint === 'refill').length;
  const refill = (input: { network: string; phoneNumber: string; amount: string }, idempotencyKey = newKey('refusal')) =>
    gqlData(gw.graphqlUrl, TopupRefill, { input: { ...input, idempotencyKey } }).then((d) => d.refillMobile);
  const AIS = { network: 'AIS', phoneNumber: '0812345678', amount: '50' };

  it('STATUS 0 with a DETAIL → a typed ProviderError carrying the DETAIL, nothing charged', async () => {
    const ledger = gw.easysoft.ledger.length;
    const balance = gw.easysoft.balanceOf();
    // (Not containing the sandbox username: credentials are redacted from every upstream text.)
    const detail = 'ยอดเงินคงเหลือไม่เพียงพอ (refusal 42)';
    gw.easysoft.injectFault({ endpoint: 'refill', kind: 'error', status: 200, code: 'REFUSED', message: detail });
    const result = await refill(AIS);
    expect(result).toMatchObject({ __typename: 'ProviderError', provider: 'EASYSOFT', providerCode: 'STATUS_0' });
    expect(result.__typename === "ProviderError" && result.message).toBe(`easysoft refill refused: ${detail}`);
    expect(gw.easysoft.ledger.length).toBe(ledger);
    expect(gw.easysoft.balanceOf()).toBe(balance);
  });

  it.each([
    ['an unknown network', { ...AIS, network: 'NOKIA' }, 'network'],
    ['a non-Thai phone number', { ...AIS, phoneNumber: '+6281234567890' }, 'phoneNumber'],
    ['a Thai landline', { ...AIS, phoneNumber: '021234567' }, 'phoneNumber'],
    ['an amount outside the allowed ones', { ...AIS, amount: '55' }, 'amount'],
    ['an amount with satang', { ...AIS, amount: '50.50' }, 'amount'],
    ['a TOT3G amount only other networks take', { ...AIS, network: 'TOT3G', amount: '10' }, 'amount'],
  ])('%s → ValidationError naming the field, nothing sent', async (_label, input, field) => {
    const before = refills();
    const result = await refill(input);
    expect(result).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', field });
    expect(refills()).toBe(before);
  });

  it('an offline network → ServiceUnavailable, nothing sent', async () => {
    const before = refills();
    const result = await refill({ network: 'PENGUIN', phoneNumber: '0912345678', amount: '50' });
    expect(result).toMatchObject({ __typename: 'ServiceUnavailable', provider: 'EASYSOFT', providerCode: 'NETWORK_OFFLINE' });
    expect(refills()).toBe(before);
  });

  it.each(['malformedAfterCommit', 'dropAfterCommit'] as const)('%s on the refill → UNKNOWN (never FAILED), never re-sent, charged once', async (kind) => {
    const before = refills();
    const charges = gw.easysoft.ledger.filter((e) => e.kind === 'charge').length;
    gw.easysoft.injectFault({ endpoint: 'refill', kind });
    const key = newKey(kind);
    const result = await refill(AIS, key);
    if (result.__typename !== 'RefillMobilePayload') throw new Error(JSON.stringify(result));
    expect(result.order.status).toBe('UNKNOWN');
    // easysoft did take it: one refill, one charge.
    expect(gw.easysoft.ledger.filter((e) => e.kind === 'charge').length).toBe(charges + 1);

    // Several watcher passes (and the background watcher meanwhile): easysoft cannot be asked by our
    // orderid, so the order stays UNKNOWN for an operator, and the refill is never sent again.
    for (let i = 0; i < 4; i++) await gw.app.services.watcher.pollOnce('EASYSOFT');
    await new Promise((r) => setTimeout(r, 300));
    // The client retries with the same key: the same order, nothing sent.
    const again = await refill(AIS, key);
    expect(again.__typename === 'RefillMobilePayload' && again.order.id).toBe(result.order.id);
    expect(refills() - before).toBe(1);
    const order = (await gqlData(gw.graphqlUrl, TopupOrder, { id: result.order.id })).order!;
    expect(order.status).toBe('UNKNOWN');
    expect(order.statusHistory.map((c) => c.to)).toEqual(['PENDING', 'UNKNOWN']);
  });
});
