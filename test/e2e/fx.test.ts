import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '../../src/domain/money.ts';
import { graphql } from '../gql/index.ts';
import { gql, gqlData, sseSubscribe, wsSubscribe } from '../support/clients.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';

const FxRates = graphql(`
  query FxRates {
    fxRates { pair base quote rate source asOf stale }
  }
`);

const Convert = graphql(`
  query Convert($amount: Decimal!, $from: Currency!, $to: Currency!) {
    convert(amount: $amount, from: $from, to: $to) { amount currency minorUnits original { amount currency } fx { pair rate source asOf } }
  }
`);

const RatesChanged = graphql(`
  subscription RatesChanged {
    fxRatesChanged { pair rate source }
  }
`);

describe('FX over HTTP, WebSocket and SSE', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ env: { FX_RATES: 'USD/THB=32.50,USD/IDR=16000' } });
  });
  afterAll(async () => {
    await gw.stop();
  });

  it('lists configured rates and the rate smscode publishes', async () => {
    const { fxRates } = await gqlData(gw.graphqlUrl, FxRates);
    expect(fxRates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pair: 'USD/THB', rate: '32.5', source: 'CONFIG', stale: false }),
        expect.objectContaining({ pair: 'USD/IDR', rate: '16000', source: 'CONFIG' }),
        expect.objectContaining({ pair: 'USD/IDR', rate: '16250', source: 'PROVIDER:SMSCODE' }),
      ]),
    );
  });

  it('converts exactly, rounds totals to 2 decimals and discloses the rate', async () => {
    const { convert } = await gqlData(gw.graphqlUrl, Convert, { amount: '15', from: 'THB', to: 'USD' });
    expect(convert).toMatchObject({ amount: '0.46', currency: 'USD', minorUnits: 2, original: { amount: '15', currency: 'THB' } });
    expect(convert.fx.pair).toBe('THB/USD');
    expect(new Dec(convert.fx.rate).times('32.5').toDecimalPlaces(6).toFixed()).toBe('1');
  });

  it('triangulates IDR→THB through USD with the provider rate and never rounds a positive amount to zero', async () => {
    const { convert } = await gqlData(gw.graphqlUrl, Convert, { amount: '15000', from: 'IDR', to: 'THB' });
    // 15000 IDR / 16250 (smscode, fresher than config) × 32.5 = 30 THB
    expect(convert.amount).toBe('30');
    expect(convert.fx.source).toBe('PROVIDER:SMSCODE × CONFIG');
    const tiny = await gqlData(gw.graphqlUrl, Convert, { amount: '1', from: 'IDR', to: 'USD' });
    expect(tiny.convert.amount).toBe('0.01');
  });

  it('rejects a float-looking or malformed amount with a clear error', async () => {
    const result = await gql(gw.graphqlUrl, Convert, { amount: '1e3', from: 'THB', to: 'USD' });
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/Decimal must be a string of digits/);
  });

  it('answers FX_RATE_UNAVAILABLE (typed, with the pair) when the only rate for a pair is too old', async () => {
    const other = await startGateway({ env: { FX_RATES: 'USD/THB=32.50', FX_MAX_AGE_SECONDS: '3600' } });
    try {
      const fresh = await gql(other.graphqlUrl, Convert, { amount: '15000', from: 'IDR', to: 'USD' });
      expect(fresh.data?.convert.amount).toBe('0.92');
      // The provider's rate ages past FX_MAX_AGE_SECONDS (replaced by the same source with an old timestamp).
      other.app.services.fx.setRate({ base: 'USD', quote: 'IDR', rate: new Dec('16250'), source: 'PROVIDER:SMSCODE', asOf: new Date(Date.now() - 2 * 3600_000) });
      const stale = await gql(other.graphqlUrl, Convert, { amount: '15000', from: 'IDR', to: 'USD' });
      expect(stale.data ?? null).toBeNull();
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'FX_RATE_UNAVAILABLE', pair: 'IDR/USD' });
      const { fxRates } = await gqlData(other.graphqlUrl, FxRates);
      expect(fxRates.find((r) => r.pair === 'USD/IDR')?.stale).toBe(true);
    } finally {
      await other.stop();
    }
  });

  it('pushes fxRatesChanged to graphql-ws and SSE subscribers when a rate is set', async () => {
    const ws = await wsSubscribe(gw.graphqlUrl, RatesChanged);
    const sse = await sseSubscribe(gw.graphqlUrl, RatesChanged);
    await gw.app.services.fxRefresher.refresh();
    const [viaWs, viaSse] = await Promise.all([ws.next(), sse.next()]);
    for (const event of [viaWs, viaSse]) {
      expect(event.data?.fxRatesChanged).toEqual(expect.arrayContaining([expect.objectContaining({ pair: 'USD/IDR', source: 'PROVIDER:SMSCODE' })]));
    }
    await ws.close();
    await sse.close();
  });
});
