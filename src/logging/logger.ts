import { pino, type Logger } from 'pino';

export type { Logger };

// Any field with one of these names is censored wherever it appears in a log line.
const REDACT = [
  '*.token', '*.apiToken', '*.apiKey', '*.secret', '*.password', '*.authorization', '*.Authorization',
  '*.webhookSecret', '*.credentials', 'headers.authorization', 'req.headers.authorization',
  'token', 'apiToken', 'apiKey', 'secret', 'password', 'authorization', 'webhookSecret', 'credentials',
];

/** One JSON logger for the process; secrets are redacted by field name. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'switchboard' } }, destination as never);
}
