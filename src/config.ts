import { z } from 'zod';
import type { ProviderDescriptor } from './providers/descriptor.ts';
import { ProviderSettingsError } from './providers/descriptor.ts';
import { PROVIDERS } from './providers/registry.ts';
import { CURRENCIES, isCurrency, type Currency } from './domain/money.ts';

/** Parses "true/false/1/0/yes/no" the way operators write flags in environment files. */
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const url = (protocols: string[]) =>
  z
    .string()
    .refine((v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `a URL starting with ${protocols.join(' or ')}`);

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
    .pipe(url(protocols).optional());

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? String(fallback) : v.trim()))
    .pipe(z.string().regex(/^\d+$/, 'a whole number').transform(Number));

/** `USD/THB=32.50,USD/IDR=16250`: operator-configured rates, `quote` units per one `base`. */
const rateList = z
  .string()
  .regex(
    /^\s*([A-Z]{3}\/[A-Z]{3}=\d+(\.\d+)?\s*)(,\s*[A-Z]{3}\/[A-Z]{3}=\d+(\.\d+)?\s*)*$/,
    'a list such as USD/THB=32.50,USD/IDR=16250',
  )
  .refine((v) => v.split(',').every((entry) => /[1-9]/.test(entry.split('=')[1] ?? '')), 'every rate greater than zero')
  .transform((v) =>
    v.split(',').map((entry) => {
      const [pair = '', rate = ''] = entry.trim().split('=');
      const [base = '', quote = ''] = pair.split('/');
      return { base, quote, rate };
    }),
  );

/** `name:token,name:token`: API clients allowed to call the gateway; unset means single-tenant. */
const clientList = z
  .string()
  .regex(/^[\w.-]+:[^,:\s]{16,}(,[\w.-]+:[^,:\s]{16,})*$/, 'name:token pairs (tokens at least 16 characters), comma-separated')
  .transform((v) => v.split(',').map((entry) => ({ name: entry.slice(0, entry.indexOf(':')), token: entry.slice(entry.indexOf(':') + 1) })));

/** `120/minute`: requests (and spending fields, one point each) per client per window; `off` for none. */
export const RATE_WINDOWS = { second: 1, minute: 60, hour: 3600 } as const;
export type RateWindow = keyof typeof RATE_WINDOWS;
export interface RateLimit {
  readonly points: number;
  readonly window: RateWindow;
}
export function parseRateLimit(text: string): RateLimit | null {
  const v = text.trim();
  if (v === 'off') return null;
  const m = /^(\d+)\/(second|minute|hour)$/.exec(v);
  if (!m || Number(m[1]) < 1) throw new RangeError('a rate such as 120/minute (per second, minute or hour), or off');
  return { points: Number(m[1]), window: m[2] as RateWindow };
}

/** `THB:5000/day`: what one client may spend per calendar period (UTC) in one currency; `off` for no limit. */
export const SPEND_PERIODS = ['hour', 'day', 'week', 'month'] as const;
export type SpendPeriod = (typeof SPEND_PERIODS)[number];
export interface SpendLimit {
  readonly currency: Currency;
  /** Exact decimal text. */
  readonly amount: string;
  readonly period: SpendPeriod;
}
export function parseSpendLimit(text: string): SpendLimit | null {
  const v = text.trim();
  if (v === 'off') return null;
  const m = /^([A-Z]{3}):(\d+(?:\.\d+)?)\/(hour|day|week|month)$/.exec(v);
  if (!m || !isCurrency(m[1]!)) throw new RangeError(`a limit such as THB:5000/day (currency ${CURRENCIES.join(', ')}; period hour, day, week or month), or off`);
  return { currency: m[1] as Currency, amount: m[2]!, period: m[3] as SpendPeriod };
}

const limitSetting = <T>(parse: (text: string) => T, fallback: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return parse(v === undefined || v.trim() === '' ? fallback : v);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    });

/** `https://app.example.com,http://localhost:5173`: browser origins allowed to call the gateway cross-origin. */
const originList = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((o) => o.trim()).filter(Boolean))
  .pipe(
    z.array(
      z.string().refine((o) => {
        try {
          const u = new URL(o);
          return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === o.replace(/\/$/, '');
        } catch {
          return false;
        }
      }, 'origins such as https://app.example.com (scheme, host and optional port; no path), comma-separated'),
    ),
  )
  .transform((list) => list.map((o) => o.replace(/\/$/, '')));

/** `2000-6000`: a range of milliseconds. */
const msRange = z
  .string()
  .regex(/^\d+-\d+$/, 'a range in milliseconds such as 2000-6000')
  .transform((v) => {
    const [min = 0, max = 0] = v.split('-').map(Number);
    return { minDelayMs: Math.min(min, max), maxDelayMs: Math.max(min, max) };
  });

const env = z.object({
  PORT: positiveInt(4000).pipe(z.number().int().min(0).max(65535)),
  HOST: z.string().default('0.0.0.0'),
  // Prometheus scrapes (docs/metrics.md): unset → /metrics on PORT for ADMIN clients only; set → also
  // served without a token on this port of the same host, for a scraper on a private network.
  METRICS_PORT: optionalText.pipe(z.string().regex(/^\d+$/, 'a port number').transform(Number).pipe(z.number().int().min(1).max(65535)).optional()),
  PUBLIC_URL: optionalUrl(['http:', 'https:']),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  DATA_DIR: z.string().default('./data'),
  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  SANDBOX: flag.default(false),
  SANDBOX_OTP_DELAY_MS: msRange.default({ minDelayMs: 2000, maxDelayMs: 6000 }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_TOKENS: clientList.optional(),
  // Per-client limits (README "API clients"): a client's own override, stored with it, wins.
  RATE_LIMIT: limitSetting(parseRateLimit, '600/minute'),
  SPEND_LIMIT: limitSetting(parseSpendLimit, 'off'),

  FX_RATES: rateList.default([
    { base: 'USD', quote: 'THB', rate: '32.50' },
    { base: 'USD', quote: 'IDR', rate: '16250' },
  ]),
  FX_MAX_AGE_SECONDS: positiveInt(3600),
  FX_REFRESH_SECONDS: positiveInt(300),
  // How long each provider's offers are served before the next catalog read loads them again.
  CATALOG_TTL_MS: positiveInt(30000),

  WATCHER_MIN_INTERVAL_MS: positiveInt(1000),
  WATCHER_MAX_INTERVAL_MS: positiveInt(15000),
  SHUTDOWN_TIMEOUT_MS: positiveInt(8000),
  // How long a provider call may be in flight before reconciliation may ask about its order (timeouts plus a margin).
  CALL_DEADLINE_SECONDS: positiveInt(60),

  // Edge limits (README "Configuration"): browsers, request size, operation shape, sockets.
  CORS_ORIGINS: originList,
  MAX_BODY_BYTES: positiveInt(64 * 1024).pipe(z.number().int().min(1024)),
  INTROSPECTION: flag.default(true),
  // Public answers (catalog, countries, fxRates, convert) served from their cached bytes; false executes every request.
  ANSWER_CACHE: flag.default(true),
  GRAPHQL_MAX_DEPTH: positiveInt(12).pipe(z.number().int().min(1)),
  GRAPHQL_MAX_ALIASES: positiveInt(15),
  GRAPHQL_MAX_TOKENS: positiveInt(1000).pipe(z.number().int().min(100)),
  GRAPHQL_MAX_DIRECTIVES: positiveInt(10),
  GRAPHQL_MAX_COST: positiveInt(500).pipe(z.number().int().min(1)),
  WS_MAX_PAYLOAD_BYTES: positiveInt(64 * 1024).pipe(z.number().int().min(1024)),
  WS_INIT_TIMEOUT_MS: positiveInt(3000).pipe(z.number().int().min(100)),
  WS_KEEPALIVE_MS: positiveInt(30000).pipe(z.number().int().min(1000)),
  WS_MAX_SOCKETS_PER_CLIENT: positiveInt(100).pipe(z.number().int().min(1)),
  WS_MAX_SUBSCRIPTIONS_PER_SOCKET: positiveInt(50).pipe(z.number().int().min(1)),
  WS_MAX_SUBSCRIPTIONS_PER_CLIENT: positiveInt(500).pipe(z.number().int().min(1)),

  // Optional tracing (docs/metrics.md, "Tracing"): either OTLP/HTTP endpoint turns it on; unset → nothing of
  // OpenTelemetry is loaded. The traces URL wins as it is; the base URL gets /v1/traces appended.
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(['http:', 'https:']),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalUrl(['http:', 'https:']),
  OTEL_SERVICE_NAME: optionalText.pipe(z.string().regex(/^[\w.:/-]{1,100}$/, 'a service name of letters, digits and . _ : / - (at most 100)').default('switchboard')),

  // Seals premium app credentials at rest: 64 hex characters or base64 of 32 bytes (sandbox keeps one in DATA_DIR).
  CREDENTIALS_KEY: optionalText.pipe(z.string().regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, '64 hex characters or base64 of 32 bytes').optional()),
});

type ParsedEnv = z.infer<typeof env>;

/** A provider whose credentials are set, with its parsed settings. */
export interface ConfiguredProvider {
  readonly descriptor: ProviderDescriptor<unknown>;
  readonly settings: unknown;
}

export interface Config extends ParsedEnv {
  /** True when no provider credentials are set (or SANDBOX=true): simulators run in-process. */
  readonly sandbox: boolean;
  /** Outside sandbox: every provider whose credentials are set (the others are absent). Empty in sandbox. */
  readonly providers: readonly ConfiguredProvider[];
  /** True when HOST was set (otherwise a sandbox without API clients listens on loopback only). */
  readonly hostExplicit: boolean;
}

// Variables whose values must never be echoed, even in a configuration error.
const SECRET_VARIABLES = new Set([
  ...PROVIDERS.flatMap((p) => p.secretVariables),
  'CLIENT_TOKENS',
  'CREDENTIALS_KEY',
  'DATABASE_URL',
  'REDIS_URL',
  // A collector URL may carry a key in its path or query.
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
]);

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses every setting once; a bad value throws one line naming the variable, the expected form and what was received. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const result = env.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const raw = source[name];
    const shown = SECRET_VARIABLES.has(name) ? '(hidden)' : JSON.stringify(raw ?? '');
    throw new ConfigError(`Invalid ${name}: expected ${describeExpectation(issue)}, received ${shown}`);
  }
  const parsed = result.data;
  const configured: ConfiguredProvider[] = [];
  for (const descriptor of PROVIDERS) {
    try {
      const settings = descriptor.settings(source);
      if (settings !== null) configured.push({ descriptor, settings });
    } catch (error) {
      if (error instanceof ProviderSettingsError) throw new ConfigError(error.message);
      throw error;
    }
  }
  // Sandbox is all simulators or none: never a simulator beside a live provider.
  const sandbox = parsed.SANDBOX || configured.length === 0;
  return { ...parsed, sandbox, providers: sandbox ? [] : configured, hostExplicit: (source.HOST ?? '').trim() !== '' };
}

function describeExpectation(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'too_small' || issue.code === 'too_big') return `a number ${issue.message.replace(/^Too (small|big): expected number to (be|have) /, '')}`;
  return issue.message.replace(/^Invalid input: /, '').replace(/^Invalid string: /, '');
}
