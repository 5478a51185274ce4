import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

/** The error loadConfig throws for `env`; fails the test if it does not throw a ConfigError. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig defaults', () => {
  it('starts on port 4000 in sandbox mode when no provider credentials are set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.DATA_DIR).toBe('./data');
    expect(config.SANDBOX).toBe(false);
    expect(config.sandbox).toBe(true);
    expect(config.PUBLIC_URL).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.CLIENT_TOKENS).toBeUndefined();
    expect(config.FX_MAX_AGE_SECONDS).toBe(3600);
    expect(config.FX_RATES).toEqual([
      { base: 'USD', quote: 'THB', rate: '32.50' },
      { base: 'USD', quote: 'IDR', rate: '16250' },
    ]);
    expect(config.SANDBOX_OTP_DELAY_MS).toEqual({ minDelayMs: 2000, maxDelayMs: 6000 });
  });

  it('leaves sandbox mode when a provider credential is set', () => {
    expect(loadConfig({ SMSCODE_API_TOKEN: 'sk_live_abc' }).sandbox).toBe(false);
  });

  it('a credential that is only whitespace does not count', () => {
    expect(loadConfig({ SMSCODE_API_TOKEN: '   ' }).sandbox).toBe(true);
  });

  it('lists exactly the providers whose credentials are set, none in sandbox mode', () => {
    expect(loadConfig({ SMSCODE_API_TOKEN: 'sk_live_abc' }).providers.map((p) => p.descriptor.id)).toEqual(['SMSCODE']);
    expect(loadConfig({}).providers).toEqual([]);
    expect(loadConfig({ SANDBOX: 'true', SMSCODE_API_TOKEN: 'sk_live_abc' }).providers).toEqual([]);
  });

  it('refuses a bad provider setting with one line naming the variable', () => {
    expect(() => loadConfig({ SMSCODE_API_TOKEN: 'sk_live_abc', SMSCODE_BASE_URL: 'ftp://x' })).toThrow(/^Invalid SMSCODE_BASE_URL: expected a URL/);
  });

  it.each(['true', '1', 'yes'])('SANDBOX=%s forces sandbox even with credentials', (flag) => {
    const config = loadConfig({ SANDBOX: flag, SMSCODE_API_TOKEN: 'sk_live_abc' });
    expect(config.SANDBOX).toBe(true);
    expect(config.sandbox).toBe(true);
  });

  it('SANDBOX=false does not force anything', () => {
    expect(loadConfig({ SANDBOX: 'false', SMSCODE_API_TOKEN: 'sk_live_abc' }).sandbox).toBe(false);
  });

  it('parses the documented forms', () => {
    const config = loadConfig({
      PORT: ' 8080 ',
      PUBLIC_URL: 'https://gw.example.com',
      FX_RATES: 'USD/THB=36.10, USD/IDR=16300',
      CLIENT_TOKENS: 'shop:0123456789abcdef,ops:fedcba9876543210',
      SANDBOX_OTP_DELAY_MS: '6000-2000',
    });
    expect(config.PORT).toBe(8080);
    expect(config.PUBLIC_URL).toBe('https://gw.example.com');
    expect(config.FX_RATES).toEqual([
      { base: 'USD', quote: 'THB', rate: '36.10' },
      { base: 'USD', quote: 'IDR', rate: '16300' },
    ]);
    expect(config.CLIENT_TOKENS).toEqual([
      { name: 'shop', token: '0123456789abcdef' },
      { name: 'ops', token: 'fedcba9876543210' },
    ]);
    expect(config.SANDBOX_OTP_DELAY_MS).toEqual({ minDelayMs: 2000, maxDelayMs: 6000 });
  });
});

describe('loadConfig errors', () => {
  it.each([
    { env: { PORT: 'abc' }, variable: 'PORT', expected: 'a whole number', received: '"abc"' },
    { env: { PORT: '70000' }, variable: 'PORT', expected: '65535', received: '"70000"' },
    { env: { PORT: '-1' }, variable: 'PORT', expected: 'a whole number', received: '"-1"' },
    { env: { SANDBOX: 'maybe' }, variable: 'SANDBOX', expected: 'one of "', received: '"maybe"' },
    { env: { PUBLIC_URL: 'ftp://x' }, variable: 'PUBLIC_URL', expected: 'a URL starting with http: or https:', received: '"ftp://x"' },
    { env: { FX_RATES: 'USD-THB' }, variable: 'FX_RATES', expected: 'USD/THB=32.50', received: '"USD-THB"' },
    { env: { LOG_LEVEL: 'loud' }, variable: 'LOG_LEVEL', expected: 'one of "fatal"', received: '"loud"' },
  ])('$variable=$received: one line naming the variable, the expected form and the value', ({ env, variable, expected, received }) => {
    const error = configError(env);
    expect(error.name).toBe('ConfigError');
    expect(error.message).not.toContain('\n');
    expect(error.message.startsWith(`Invalid ${variable}: expected `)).toBe(true);
    expect(error.message).toContain(expected);
    expect(error.message.endsWith(`received ${received}`)).toBe(true);
  });

  it('the exact messages for the common mistakes', () => {
    expect(configError({ PORT: 'abc' }).message).toBe('Invalid PORT: expected a whole number, received "abc"');
    expect(configError({ PUBLIC_URL: 'ftp://x' }).message).toBe('Invalid PUBLIC_URL: expected a URL starting with http: or https:, received "ftp://x"');
    expect(configError({ FX_RATES: 'USD-THB' }).message).toBe(
      'Invalid FX_RATES: expected a list such as USD/THB=32.50,USD/IDR=16250, received "USD-THB"',
    );
  });

  it('CLIENT_TOKENS=bad names the form but never echoes the value', () => {
    const error = configError({ CLIENT_TOKENS: 'bad' });
    expect(error.message).toBe(
      'Invalid CLIENT_TOKENS: expected name:token pairs (tokens at least 16 characters), comma-separated, received (hidden)',
    );
  });

  it('a secret is hidden even when it is only almost right (CLIENT_TOKENS=a:short)', () => {
    const error = configError({ CLIENT_TOKENS: 'a:short' });
    expect(error.message).toContain('Invalid CLIENT_TOKENS');
    expect(error.message).toContain('received (hidden)');
    expect(error.message).not.toContain('short');
    expect(error.message).not.toContain('a:');
  });

  it('a connection URL with a password is hidden too', () => {
    const error = configError({ DATABASE_URL: 'mysql://admin:hunter2@db.internal/app' });
    expect(error.message).toContain('Invalid DATABASE_URL');
    expect(error.message).toContain('received (hidden)');
    expect(error.message).not.toContain('hunter2');
  });

  it('reports the offending variable, not a valid neighbour', () => {
    const error = configError({ PORT: '4000', SMSCODE_API_TOKEN: 'sk_live_secret', SANDBOX: 'maybe' });
    expect(error.message).toContain('SANDBOX');
    expect(error.message).not.toContain('sk_live_secret');
  });
});

describe('loadConfig FX_RATES values', () => {
  // the FX_RATES pattern accepts a zero rate; createServices then crashes at
  // start-up with `RangeError: Rate USD/THB must be positive` instead of a ConfigError naming FX_RATES.
  it('a zero rate is a ConfigError naming FX_RATES', () => {
    const error = configError({ FX_RATES: 'USD/THB=0' });
    expect(error.message).toContain('Invalid FX_RATES');
  });
});
