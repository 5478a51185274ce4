import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/errors.ts';
import { IdempotencyStore } from '../../src/services/idempotency.ts';

/** smscode's documented Idempotency-Key format: A-Z a-z 0-9 _ -, at most 128 characters. */
const SMSCODE_KEY = /^[A-Za-z0-9_-]{1,128}$/;

describe('IdempotencyStore.hash', () => {
  const input = { platform: 'whatsapp', country: 'ID', provider: 'SMSCODE', policy: 'CHEAPEST', maxPrice: { amount: '0.9', currency: 'USD' } };

  it('is a sha256 hex digest and deterministic', () => {
    expect(IdempotencyStore.hash(input)).toMatch(/^[0-9a-f]{64}$/);
    expect(IdempotencyStore.hash(input)).toBe(IdempotencyStore.hash(structuredClone(input)));
  });

  it('ignores object key order, at every depth', () => {
    const reordered = { maxPrice: { currency: 'USD', amount: '0.9' }, policy: 'CHEAPEST', provider: 'SMSCODE', country: 'ID', platform: 'whatsapp' };
    expect(IdempotencyStore.hash(reordered)).toBe(IdempotencyStore.hash(input));
  });

  it('ignores fields that are undefined, as JSON would', () => {
    expect(IdempotencyStore.hash({ ...input, provider: undefined })).toBe(IdempotencyStore.hash({ ...input, provider: undefined, extra: undefined }));
    const { provider: _dropped, ...withoutProvider } = input;
    expect(IdempotencyStore.hash({ ...input, provider: undefined })).toBe(IdempotencyStore.hash(withoutProvider));
  });

  it('but null is a value, different from a missing field', () => {
    const { provider: _dropped, ...withoutProvider } = input;
    expect(IdempotencyStore.hash({ ...withoutProvider, provider: null })).not.toBe(IdempotencyStore.hash(withoutProvider));
  });

  it('changes with any value', () => {
    const base = IdempotencyStore.hash(input);
    const variants: unknown[] = [
      { ...input, platform: 'telegram' },
      { ...input, country: 'TH' },
      { ...input, provider: 'OTP24HR' },
      { ...input, policy: 'BEST_SUCCESS' },
      { ...input, maxPrice: { amount: '0.91', currency: 'USD' } },
      { ...input, maxPrice: { amount: '0.9', currency: 'THB' } },
      { ...input, maxPrice: null },
      { ...input, extra: 1 },
    ];
    const hashes = variants.map((v) => IdempotencyStore.hash(v));
    for (const h of hashes) expect(h).not.toBe(base);
    expect(new Set(hashes).size).toBe(variants.length);
  });

  it('distinguishes types that print alike', () => {
    expect(IdempotencyStore.hash({ n: 1 })).not.toBe(IdempotencyStore.hash({ n: '1' }));
    expect(IdempotencyStore.hash({ b: true })).not.toBe(IdempotencyStore.hash({ b: 'true' }));
    expect(IdempotencyStore.hash([1, 2])).not.toBe(IdempotencyStore.hash([2, 1]));
    expect(IdempotencyStore.hash({ a: [1] })).not.toBe(IdempotencyStore.hash({ a: 1 }));
  });

  it('cannot be fooled by a key that contains JSON punctuation', () => {
    expect(IdempotencyStore.hash({ 'a":1,"b': 2 })).not.toBe(IdempotencyStore.hash({ a: 1, b: 2 }));
  });
});

describe('IdempotencyStore.upstreamKey', () => {
  it("matches smscode's documented key format", () => {
    for (const [owner, key] of [
      ['client-1', 'order-123'],
      ['', 'x'],
      ['ทดสอบ', 'üñí©ødé'],
      ['owner with spaces', '~!@#$%^&*()+={}[]|\\:;"\'<>,.?/'],
      ['o', 'k'.repeat(128)],
    ]) {
      expect(IdempotencyStore.upstreamKey(owner!, key!)).toMatch(SMSCODE_KEY);
    }
  });

  it('is deterministic, so a retry reaches smscode with the same key', () => {
    expect(IdempotencyStore.upstreamKey('client-1', 'order-123')).toBe(IdempotencyStore.upstreamKey('client-1', 'order-123'));
  });

  it('differs between two owners using the same key', () => {
    expect(IdempotencyStore.upstreamKey('client-1', 'order-123')).not.toBe(IdempotencyStore.upstreamKey('client-2', 'order-123'));
  });

  it('differs between two keys of the same owner', () => {
    expect(IdempotencyStore.upstreamKey('client-1', 'order-123')).not.toBe(IdempotencyStore.upstreamKey('client-1', 'order-124'));
  });

  it('does not collide when owner and key shift characters between them', () => {
    expect(IdempotencyStore.upstreamKey('ab', 'c')).not.toBe(IdempotencyStore.upstreamKey('a', 'bc'));
  });

  it('does not reveal the client key upstream', () => {
    expect(IdempotencyStore.upstreamKey('client-1', 'order-123')).not.toContain('order-123');
    expect(IdempotencyStore.upstreamKey('client-1', 'order-123')).not.toContain('client-1');
  });
});

describe('IdempotencyStore.validateKey', () => {
  it.each(['a', 'order-123', 'A_b.c~!@#$%^&*()', 'k'.repeat(128), '!', '~'])('accepts %j', (key) => {
    expect(() => IdempotencyStore.validateKey(key)).not.toThrow();
  });

  it.each([
    ['empty', ''],
    ['129 characters', 'k'.repeat(129)],
    ['a space', 'has space'],
    ['a tab', 'tab\t'],
    ['a newline', 'line\nbreak'],
    ['non-ASCII', 'clé'],
    ['DEL', 'x\x7f'],
  ])('rejects a key with %s as a ValidationError on idempotencyKey', (_label, key) => {
    try {
      IdempotencyStore.validateKey(key);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('idempotencyKey');
      expect((error as ValidationError).code).toBe('VALIDATION');
    }
  });
});
