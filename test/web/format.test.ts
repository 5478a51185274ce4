import { describe, expect, it } from 'vitest';
import { describeError, describeRequestError, formatMoney, groupDigits, padMinorUnits, thaiMobileProblem } from '../../web/src/format.ts';

// The storefront's wording: every typed error the API can answer becomes a sentence a shopper understands.
describe('storefront error messages', () => {
  const cases: Array<[Parameters<typeof describeError>[0], RegExp]> = [
    [{ __typename: 'RateLimited', provider: 'SMSCODE', retryAfterSeconds: 17 }, /smscode\.gg is busy.*17 s/],
    [{ __typename: 'ServiceUnavailable', provider: 'OTP24HR', unavailableForSeconds: 60 }, /OTP24HR is temporarily unavailable\. Nothing was charged\. Try again in 60 s/],
    [{ __typename: 'ServiceUnavailable', provider: 'OTP24HR', unavailableForSeconds: null }, /Try again shortly/],
    [{ __typename: 'InsufficientBalance', provider: 'XD247' }, /247xd account does not have enough balance.*Nothing was charged/],
    [{ __typename: 'NoOfferAvailable', provider: 'SMSCODE' }, /No provider can sell this right now/],
    [{ __typename: 'CancelTooEarly', provider: 'SMSCODE', secondsRemaining: 93 }, /does not allow cancelling yet\. You can cancel in 93 s/],
    [{ __typename: 'FxRateUnavailable', pair: 'IDR/USD' }, /no fresh exchange rate for IDR\/USD/],
    [{ __typename: 'IdempotencyKeyReused' }, /already made with different details/],
    [{ __typename: 'RequestInProgress' }, /still being processed/],
    [{ __typename: 'NotFound', resource: 'order' }, /That order could not be found/],
    [{ __typename: 'ValidationError', field: 'phoneNumber', message: 'not a Thai mobile number' }, /Please check phoneNumber: not a Thai mobile number/],
    [{ __typename: 'Unsupported', provider: 'P2W', operation: 'cancel' }, /P2W does not support cancel/],
    [{ __typename: 'ProviderError', provider: 'EASYSOFT', message: 'network offline' }, /easysoft refused the request: network offline/],
  ];
  it.each(cases)('%o', (error, expected) => {
    const text = describeError(error);
    expect(text).toMatch(expected);
    expect(text).not.toMatch(/undefined|null|\[object/);
  });

  it('explains a missing key and an unreachable gateway', () => {
    expect(describeRequestError({ graphQLErrors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] })).toMatch(/API key is missing or not valid/);
    expect(describeRequestError({ networkError: new Error('Failed to fetch'), graphQLErrors: [] })).toMatch(/Cannot reach the gateway/);
    expect(describeRequestError(undefined)).toBeNull();
  });
});

describe('storefront money display', () => {
  it('groups digits and pads to the minor unit without ever touching the exact digits', () => {
    expect(groupDigits('1234567.8901')).toBe('1,234,567.8901');
    expect(padMinorUnits('17464.3', 'THB')).toBe('17464.30');
    expect(padMinorUnits('0.0615', 'USD')).toBe('0.0615');
    expect(padMinorUnits('4000', 'IDR')).toBe('4000');
    expect(formatMoney({ amount: '17464.3', currency: 'THB' })).toBe('฿17,464.30');
    expect(formatMoney({ amount: '4000', currency: 'IDR' })).toBe('Rp4,000');
    expect(formatMoney(null)).toBe('—');
  });
});

describe('Thai mobile number as typed', () => {
  it.each([
    ['', /Enter the Thai mobile number/],
    ['08a', /digits only/],
    ['0212345678', /start with 06, 08 or 09/],
    ['12345', /Start with 0/],
    ['081234567', /1 more digit needed/],
    ['0812', /6 more digits needed/],
    ['08123456789', /Too many digits/],
  ])('%s', (input, expected) => expect(thaiMobileProblem(input)).toMatch(expected));

  it.each(['0812345678', '081 234 5678', '081-234-5678', '+66812345678', '66912345678', '0612345678'])('accepts %s', (input) => expect(thaiMobileProblem(input)).toBeNull());
});
