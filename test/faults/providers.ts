import type { ProviderId } from '../../src/domain/provider.ts';
import type { ClientAnswer } from './invariants.ts';
import { ADMIN, gql, type Simulators } from './harness.ts';

/** What a client got back from a spending mutation. */
export interface BuyAnswer {
  readonly typename: string;
  readonly order: { id: string; status: string; providerRef: string | null } | null;
  readonly code?: string;
}

const SELECTION = (payload: string) => `__typename ... on ${payload} { order { id status providerRef } } ... on Error { code message }`;

/** One provider's spending call in the suite, and how to make it push. */
export interface FaultProvider {
  readonly id: ProviderId;
  /** The simulator endpoint of the spending call. */
  readonly createEndpoint: string;
  /** Its own spelling of the 429 and 500 codes (each simulator renders its error shape around it). */
  readonly rateLimitCode: string;
  readonly serverErrorCode: string;
  readonly query: string;
  readonly field: string;
  variables(key: string): Record<string, unknown>;
  /** Makes the simulator push an update for the order (providers that push). */
  push?(sims: Simulators, providerRef: string, step: number): Promise<void>;
}

export const FAULT_PROVIDER_TABLE: Record<ProviderId, FaultProvider> = {
  SMSCODE: {
    id: 'SMSCODE',
    createEndpoint: 'create',
    rateLimitCode: 'RATE_LIMIT_EXCEEDED',
    serverErrorCode: 'INTERNAL_ERROR',
    field: 'buyNumber',
    query: `mutation ($input: BuyNumberInput!) { buyNumber(input: $input) { ${SELECTION('BuyNumberPayload')} } }`,
    variables: (key) => ({ input: { service: 'facebook', country: 'ID', provider: 'SMSCODE', idempotencyKey: key } }),
    push: async (sims, ref, step) => {
      if (step === 0) await sims.SMSCODE.deliverOtp(Number(ref), '123456', 'Your code is 123456');
      else await sims.SMSCODE.deliverOtp(Number(ref), '654321', 'Your code is 654321');
    },
  },
  OTP24HR: {
    id: 'OTP24HR',
    createEndpoint: 'buy',
    rateLimitCode: 'RATE_LIMIT',
    serverErrorCode: 'SERVER_ERROR',
    field: 'buyNumber',
    query: `mutation ($input: BuyNumberInput!) { buyNumber(input: $input) { ${SELECTION('BuyNumberPayload')} } }`,
    variables: (key) => ({ input: { service: 'facebook', country: 'TH', provider: 'OTP24HR', idempotencyKey: key } }),
  },
  XD247: {
    id: 'XD247',
    createEndpoint: 'otpCreate',
    rateLimitCode: 'RATE_LIMITED',
    serverErrorCode: 'INTERNAL_ERROR',
    field: 'buyNumber',
    query: `mutation ($input: BuyNumberInput!) { buyNumber(input: $input) { ${SELECTION('BuyNumberPayload')} } }`,
    variables: (key) => ({ input: { service: 'facebook', country: 'TH', provider: 'XD247', idempotencyKey: key } }),
  },
  EASYSOFT: {
    id: 'EASYSOFT',
    createEndpoint: 'refill',
    rateLimitCode: 'RATE_LIMIT',
    serverErrorCode: 'SERVER_ERROR',
    field: 'refillMobile',
    query: `mutation ($input: RefillMobileInput!) { refillMobile(input: $input) { ${SELECTION('RefillMobilePayload')} } }`,
    variables: (key) => ({ input: { network: 'DTAC', phoneNumber: '0812345678', amount: '10', idempotencyKey: key } }),
    push: async (sims, ref, step) => {
      if (step === 0) {
        await sims.EASYSOFT.advanceClock(10_000);
        await sims.EASYSOFT.completeRefill(ref, 'success');
      } else {
        await sims.EASYSOFT.advanceClock(1_000);
      }
    },
  },
  P2W: {
    id: 'P2W',
    createEndpoint: 'createOrder',
    rateLimitCode: 'RATE_LIMITED',
    serverErrorCode: 'INTERNAL_ERROR',
    field: 'topUpGame',
    query: `mutation ($input: TopUpGameInput!) { topUpGame(input: $input) { ${SELECTION('TopUpGamePayload')} } }`,
    variables: (key) => ({ input: { packageId: 'FFTH_A01_P001', topupInfo: [{ field: 'gameid', value: '51234567' }], idempotencyKey: key } }),
    // P2W calls back on a final status only: one push per order.
    push: async (sims, ref, step) => {
      if (step === 0) await sims.P2W.advanceOrder(ref, 'succeeded');
    },
  },
};

let counter = 0;
export const newKey = (label: string) => `fault-${label}-${process.pid}-${Date.now()}-${++counter}`;

/** Calls the provider's spending mutation and records what the client was told. */
export async function buy(graphqlUrl: string, provider: ProviderId, answers: ClientAnswer[], key = newKey(provider.toLowerCase()), ownerId: string = ADMIN.name): Promise<BuyAnswer> {
  const p = FAULT_PROVIDER_TABLE[provider];
  let answer: BuyAnswer;
  try {
    const result = await gql(graphqlUrl, p.query, p.variables(key));
    const payload = result.data?.[p.field];
    answer = payload ? { typename: payload.__typename, order: payload.order ?? null, code: payload.code } : { typename: `errors: ${JSON.stringify(result.errors)}`, order: null };
  } catch (error) {
    answer = { typename: 'transport', order: null, code: String(error) };
  }
  answers.push({ provider, ownerId, idempotencyKey: key, typename: answer.typename });
  return answer;
}
