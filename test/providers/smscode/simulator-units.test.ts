import { describe, expect, it } from 'vitest';
import { projectUsd } from '../../../src/providers/smscode/simulator/money-projection.ts';
import { ProviderHistory } from '../../../src/providers/smscode/simulator/offer-routing.ts';
import { RateLimiter, DEFAULT_RATE_LIMITS } from '../../../src/providers/smscode/simulator/rate-limits.ts';

describe('projectUsd', () => {
  it('matches the document examples', () => {
    expect(projectUsd(15000, 16250, 'unit').amount).toBe('0.9231');
    expect(projectUsd(500000, 16250, 'total').amount).toBe('30.77');
    expect(projectUsd(515000, 16250, 'total').amount).toBe('31.69');
  });

  it('rounds half up, and never shows a positive amount as zero', () => {
    expect(projectUsd(5, 20000, 'unit').amount).toBe('0.0003');
    expect(projectUsd(5, 200, 'total').amount).toBe('0.03');
    expect(projectUsd(1, 16250, 'unit').amount).toBe('0.0001');
    expect(projectUsd(1, 16250, 'total').amount).toBe('0.01');
    expect(projectUsd(0, 16250, 'total').amount).toBe('0.00');
  });

  it('refuses non-integer IDR', () => {
    expect(() => projectUsd(1.5, 16250, 'unit')).toThrow(RangeError);
  });
});

describe('RateLimiter', () => {
  it('fixed 60 s windows with whole-second Retry-After', () => {
    const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMITS, webhookTest: 1 });
    expect(limiter.take('webhookTest', 0)).toEqual({ allowed: true });
    expect(limiter.take('webhookTest', 59_001)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('webhookTest', 60_000)).toEqual({ allowed: true });
  });
});

describe('ProviderHistory', () => {
  it('scores the last 30 complete UTC days in 10% buckets, neutral under 20 orders', () => {
    const history = new ProviderHistory();
    const now = Date.parse('2026-02-25T10:00:00Z');
    for (let i = 0; i < 20; i++) history.record('p', Date.parse('2026-02-24T12:00:00Z'), i < 13);
    expect(history.successBucket('p', now)).toBe(6);
    // Today's orders are not in a complete day yet.
    for (let i = 0; i < 20; i++) history.record('q', now - 1000, true);
    expect(history.successBucket('q', now)).toBe(5);
    for (let i = 0; i < 20; i++) history.record('r', Date.parse('2026-01-25T12:00:00Z'), true);
    expect(history.successBucket('r', now)).toBe(5);
  });
});
