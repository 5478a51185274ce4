import { describe, expect, it } from 'vitest';
import { Coins, coinText, parseCoins, remainsRefund, socialPrice } from '../../../src/providers/xd247/simulator/coins.ts';
import { orderUuid, seedUuid } from '../../../src/providers/xd247/simulator/ids.ts';
import { jsonText, RawNumber } from '../../../src/providers/xd247/simulator/json-text.ts';
import { RateWindow } from '../../../src/providers/xd247/simulator/rate-limit.ts';
import { parseJsonExact } from '../../../src/providers/shared/json-amounts.ts';

describe('jsonText', () => {
  it('writes raw numbers verbatim and everything else as JSON.stringify would', () => {
    const value = { a: new RawNumber('15.00'), b: [1, 'x', null, true], c: undefined, d: { e: new RawNumber('0.10') }, 'ไทย': 'ข้อความ' };
    const text = jsonText(value);
    expect(text).toBe('{"a":15.00,"b":[1,"x",null,true],"d":{"e":0.10},"ไทย":"ข้อความ"}');
    expect(parseJsonExact(text)).toEqual({ a: '15.00', b: [1, 'x', null, true], d: { e: '0.10' }, 'ไทย': 'ข้อความ' });
  });

  it('refuses text that is not a JSON number, and non-finite numbers', () => {
    for (const bad of ['1e5', '01', '.5', '1.', 'NaN', '']) expect(() => new RawNumber(bad)).toThrow();
    expect(() => jsonText(Number.NaN)).toThrow();
  });
});

describe('coins', () => {
  it('parses at most two decimals and renders two', () => {
    expect(coinText(parseCoins('500'))).toBe('500.00');
    expect(coinText(parseCoins('0.1'))).toBe('0.10');
    for (const bad of ['1.001', '-1', 'abc', '1e2', '']) expect(() => parseCoins(bad)).toThrow(RangeError);
  });

  it('social prices round up, partial refunds round down, never through a float', () => {
    expect(coinText(socialPrice(new Coins('50.00'), 1000))).toBe('50.00');
    expect(coinText(socialPrice(new Coins('37.50'), 333))).toBe('12.49');
    expect(coinText(socialPrice(new Coins('0.01'), 1))).toBe('0.01');
    expect(coinText(remainsRefund(new Coins('12.49'), 333, 233))).toBe('8.73');
    expect(coinText(remainsRefund(new Coins('0.10'), 3, 1))).toBe('0.03');
    expect(coinText(remainsRefund(new Coins('50.00'), 1000, 1000))).toBe('50.00');
  });
});

describe('ids', () => {
  it('seed ids are stable UUIDs; order ids carry the counter', () => {
    expect(seedUuid('otp:shopee')).toBe(seedUuid('otp:shopee'));
    expect(seedUuid('otp:shopee')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(orderUuid(255)).toBe('247d0000-0000-4000-8000-0000000000ff');
    expect(() => orderUuid(-1)).toThrow(RangeError);
    expect(() => orderUuid(2 ** 48)).toThrow(RangeError);
  });
});

describe('RateWindow', () => {
  it('counts per clock minute and reports the window end in Unix seconds', () => {
    const window = new RateWindow(2);
    const t = Date.parse('2024-03-01T16:59:00.000Z');
    expect(window.take(t).headers).toEqual({ 'X-RateLimit-Limit': '2', 'X-RateLimit-Remaining': '1', 'X-RateLimit-Reset': '1709312400' });
    expect(window.take(t + 59_999).allowed).toBe(true);
    const refused = window.take(t + 59_999);
    expect(refused.allowed).toBe(false);
    expect(refused.headers['X-RateLimit-Remaining']).toBe('0');
    expect(window.take(t + 60_000)).toEqual({ allowed: true, headers: { 'X-RateLimit-Limit': '2', 'X-RateLimit-Remaining': '1', 'X-RateLimit-Reset': '1709312460' } });
  });
});
