import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderId } from '../../src/domain/provider.ts';
import { gql, startFaultGateway, startSimulators, type FaultGateway, type Simulators } from './harness.ts';

/**
 * Bad input never reaches a provider (issue item 5): random inputs to every spending mutation either
 * fail validation with a typed ValidationError naming an input field and NO spending request at any
 * simulator, or reach the provider with a request it does not refuse as malformed (400/422).
 */
const SPENDING_ENDPOINTS: Record<ProviderId, readonly string[]> = {
  SMSCODE: ['create'],
  OTP24HR: ['buy'],
  XD247: ['otpCreate', 'socialCreate', 'premiumCreate'],
  EASYSOFT: ['refill'],
  P2W: ['createOrder'],
};
const PROVIDERS = Object.keys(SPENDING_ENDPOINTS) as ProviderId[];

let sims: Simulators;
let gw: FaultGateway;
let socialOptions: string[] = [];
let premiumApps: string[] = [];
let counter = 0;

beforeAll(async () => {
  sims = await startSimulators();
  gw = await startFaultGateway(sims);
  const catalog = await gql(gw.graphqlUrl, `{ catalog(first: 300) { edges { node { key kind } } } }`);
  const keys = (kind: string) => (catalog.data?.catalog.edges ?? []).filter((e: { node: { kind: string } }) => e.node.kind === kind).map((e: { node: { key: string } }) => e.node.key);
  socialOptions = keys('SOCIAL_BOOST');
  premiumApps = keys('PREMIUM_APP');
}, 120_000);
afterAll(async () => {
  await gw?.stop();
  await sims?.stop();
});

/** Text a client might send: valid-looking, empty, blank, control and non-ASCII characters, long. */
const noise = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', '\t', '\n', '\u0000', '../../etc', '%00', "'; drop table orders; --", '<x>', '0', '-1', '1e9', 'NaN', 'ＡＩＳ', '🙂'),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ minLength: 300, maxLength: 400 }),
);
/** A value a real client would send, weighted as much as all the noise together. */
const valid = <T,>(...values: T[]) => ({ weight: 3, arbitrary: fc.constantFrom(...values) });
const key = fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: noise }).map((k) => k ?? `prop-${process.pid}-${Date.now()}-${++counter}`);
const decimalText = fc.oneof(valid('10', '50', '100', '10.00', '0', '-10', '10.001', '1e2', ' 10 ', '99999999999'), noise);

interface Call {
  readonly mutation: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/** Built once the catalog is known (after beforeAll): valid values weigh as much as noise, so both paths are exercised. */
const callsFor = (): Record<string, fc.Arbitrary<Call>> => ({
  buyNumber: fc
    .record({
      service: fc.oneof(valid('facebook', 'whatsapp', 'Facebook', 'facebook '), noise),
      country: fc.oneof(valid('ID', 'TH', 'id', 'IDN', 'ZZ'), noise),
      provider: fc.option(fc.constantFrom('SMSCODE', 'OTP24HR', 'XD247'), { nil: undefined }),
      maxPrice: fc.option(fc.record({ amount: decimalText, currency: fc.constantFrom('THB', 'IDR', 'USD') }), { nil: undefined }),
      idempotencyKey: key,
    })
    .map((input) => ({ mutation: 'buyNumber', query: `mutation ($input: BuyNumberInput!) { buyNumber(input: $input) { __typename ... on ValidationError { field message } } }`, variables: { input } })),
  refillMobile: fc
    .record({
      network: fc.oneof(valid('DTAC', 'AIS', 'ais', 'TRUE-H', 'TRUEH'), noise),
      phoneNumber: fc.oneof(valid('0812345678', '+66812345678', '66812345678', '081-234-5678', '0212345678', '08123456789'), fc.stringMatching(/^\+?\d{0,14}$/), noise),
      amount: decimalText,
      idempotencyKey: key,
    })
    .map((input) => ({ mutation: 'refillMobile', query: `mutation ($input: RefillMobileInput!) { refillMobile(input: $input) { __typename ... on ValidationError { field message } } }`, variables: { input } })),
  topUpGame: fc
    .record({
      packageId: fc.oneof(valid('FFTH_A01_P001', 'ffth_a01_p001', 'GSHTH_A01_P001', 'game:ffth_a01_p001', 'NOPE_P1'), noise),
      topupInfo: fc.oneof(valid([{ field: 'gameid', value: '51234567' }], [{ field: 'gameid', value: '51234567' }, { field: 'server', value: 'asia' }]), fc.array(fc.record({ field: fc.oneof(valid('gameid', 'server', 'zoneid', 'game id'), noise), value: fc.oneof(valid('51234567', 'asia', ''), noise) }), { maxLength: 4 })),
      idempotencyKey: key,
    })
    .map((input) => ({ mutation: 'topUpGame', query: `mutation ($input: TopUpGameInput!) { topUpGame(input: $input) { __typename ... on ValidationError { field message } } }`, variables: { input } })),
  orderSocialBoost: fc
    .record({
      optionId: fc.oneof(valid(...(socialOptions.length ? socialOptions : ['social:x'])), noise),
      link: fc.oneof(valid('https://www.tiktok.com/@someone/video/1', 'http://instagram.com/p/abc', 'javascript:alert(1)', 'ftp://x.y/z', 'https://localhost/x', 'tiktok.com/@x'), fc.webUrl(), noise),
      quantity: fc.oneof(valid(0, 1, 100, 1000, 10_000), fc.integer({ min: -2_147_483_648, max: 2_147_483_647 })),
      idempotencyKey: key,
    })
    .map((input) => ({ mutation: 'orderSocialBoost', query: `mutation ($input: OrderSocialBoostInput!) { orderSocialBoost(input: $input) { __typename ... on ValidationError { field message } } }`, variables: { input } })),
  buyPremiumApp: fc
    .record({ serviceId: fc.oneof(valid(...(premiumApps.length ? premiumApps : ['premium:x'])), noise), idempotencyKey: key })
    .map((input) => ({ mutation: 'buyPremiumApp', query: `mutation ($input: BuyPremiumAppInput!) { buyPremiumApp(input: $input) { __typename ... on ValidationError { field message } } }`, variables: { input } })),
});
const MUTATIONS = ['buyNumber', 'refillMobile', 'topUpGame', 'orderSocialBoost', 'buyPremiumApp'];

const INPUT_FIELDS: Record<string, RegExp> = {
  buyNumber: /^(service|platform|country|provider|preferProvider|maxPrice|idempotencyKey|routing)$/,
  refillMobile: /^(network|phoneNumber|amount|idempotencyKey)$/,
  topUpGame: /^(packageId|idempotencyKey|topupInfo(\..+)?)$/,
  orderSocialBoost: /^(optionId|link|quantity|idempotencyKey)$/,
  buyPremiumApp: /^(serviceId|idempotencyKey)$/,
};

function spendingRequests(): { provider: ProviderId; endpoint: string; status: number; path: string }[] {
  return PROVIDERS.flatMap((p) => sims.get(p).requests.filter((r) => SPENDING_ENDPOINTS[p].includes(r.endpoint)).map((r) => ({ provider: p, endpoint: r.endpoint, status: r.status, path: r.path })));
}

const tally: Record<string, Record<string, number>> = {};
afterAll(() => console.table(tally));

describe('bad input never reaches a provider', () => {
  for (const mutation of MUTATIONS) {
    it(`${mutation}: ValidationError naming the field and nothing sent, or a well-formed request`, async () => {
      const arbitrary = callsFor()[mutation]!;
      await fc.assert(
        fc.asyncProperty(arbitrary, async (call) => {
          const before = spendingRequests().length;
          const result = await gql(gw.graphqlUrl, call.query, call.variables);
          // Give a request the gateway may have sent a moment to be logged.
          await new Promise((r) => setTimeout(r, 5));
          const sent = spendingRequests().slice(before);
          const payload = result.data?.[call.mutation];
          const outcome = payload ? (payload.__typename === 'ValidationError' ? `ValidationError(${payload.field})` : payload.__typename) : 'GraphQL error';
          const row = (tally[call.mutation] ??= {});
          row[outcome] = (row[outcome] ?? 0) + 1;
          if (sent.length) row['reached a provider'] = (row['reached a provider'] ?? 0) + 1;
          if (payload && payload.__typename !== 'ValidationError') row['past validation'] = (row['past validation'] ?? 0) + 1;
          if (!payload) {
            // Refused by GraphQL itself (wrong type, Int out of range): no resolver ran.
            expect(result.errors?.length, JSON.stringify(result)).toBeGreaterThan(0);
            expect(sent).toEqual([]);
            return;
          }
          if (payload.__typename === 'ValidationError') {
            expect(payload.field, payload.message).toMatch(INPUT_FIELDS[call.mutation]!);
            expect(sent, `${JSON.stringify(call.variables)} → ValidationError ${payload.field}, yet sent`).toEqual([]);
            return;
          }
          for (const request of sent) expect([400, 422], `${JSON.stringify(call.variables)} reached ${request.provider} ${request.endpoint} as ${request.status}`).not.toContain(request.status);
        }),
        { numRuns: 60, interruptAfterTimeLimit: 40_000 },
      );
      // The property is not vacuous: some inputs got past validation (to a provider, or to its request budget).
      expect(tally[mutation]!['past validation'] ?? 0, JSON.stringify(tally[mutation])).toBeGreaterThan(0);
    }, 90_000);
  }
});
