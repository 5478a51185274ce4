/** Display helpers: exact decimal strings (never floats for money), durations, provider names, typed errors. */

export const PROVIDER_NAMES: Record<string, string> = {
  SMSCODE: 'smscode.gg',
  OTP24HR: 'OTP24HR',
  XD247: '247xd',
  EASYSOFT: 'easysoft',
  P2W: 'P2W',
};

export function providerName(id: string | null | undefined): string {
  if (!id) return 'The provider';
  return PROVIDER_NAMES[id] ?? id;
}

const SYMBOLS: Record<string, string> = { THB: '฿', IDR: 'Rp', USD: '$' };

/** "12345.5000" → "12,345.5000" (string arithmetic only: the amount stays exact). */
export function groupDigits(amount: string): string {
  const negative = amount.startsWith('-');
  const [int = '0', frac] = (negative ? amount.slice(1) : amount).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** ISO 4217 minor units: amounts show at least this many decimals (never fewer digits than the exact value has). */
const MINOR_UNITS: Record<string, number> = { THB: 2, IDR: 0, USD: 2 };

export function padMinorUnits(amount: string, currency: string): string {
  const minor = MINOR_UNITS[currency] ?? 2;
  const [int, frac = ''] = amount.split('.');
  if (frac.length >= minor) return amount;
  return `${int}.${frac.padEnd(minor, '0')}`;
}

export function formatMoney(money: { amount: string; currency: string } | null | undefined): string {
  if (!money) return '—';
  const symbol = SYMBOLS[money.currency];
  const amount = groupDigits(padMinorUnits(money.amount, money.currency));
  return symbol ? `${symbol}${amount}` : `${amount} ${money.currency}`;
}

/** "3 min ago", "just now", "2 h ago". */
export function age(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 10) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

/** 125 → "2:05". */
export function clock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export function sourceLabel(source: string): string {
  return source
    .split('×')
    .map((raw) => raw.trim())
    .map((part) => (part === 'CONFIG' ? 'operator rate' : part === 'IDENTITY' ? 'same currency' : part.startsWith('PROVIDER:') ? `published by ${providerName(part.slice(9))}` : part))
    .join(' × ');
}

export const KIND_LABELS: Record<string, string> = {
  OTP_NUMBER: 'OTP numbers',
  MOBILE_TOPUP: 'Mobile refill',
  GAME_TOPUP: 'Game top-up',
  SOCIAL_BOOST: 'Social boost',
  PREMIUM_APP: 'Premium apps',
};

export const STATUS_LABELS: Record<string, string> = {
  PENDING: 'Pending',
  UNKNOWN: 'Being checked',
  ACTIVE: 'Active',
  OTP_RECEIVED: 'Code received',
  COMPLETED: 'Completed',
  CANCELED: 'Canceled',
  EXPIRED: 'Expired',
  FAILED: 'Failed',
  REFUNDED: 'Refunded',
};

/** Any member of the typed error unions (the fields each may carry). */
export interface TypedError {
  readonly __typename: string;
  readonly code?: string;
  readonly message?: string;
  readonly provider?: string;
  readonly retryAfterSeconds?: number | null;
  /** ServiceUnavailable.retryAfterSeconds (nullable there, so aliased apart from RateLimited's). */
  readonly unavailableForSeconds?: number | null;
  readonly secondsRemaining?: number;
  readonly pair?: string;
  readonly field?: string | null;
  readonly operation?: string;
  readonly resource?: string;
}

/** A sentence a shopper understands for every typed error the API can answer. */
export function describeError(error: TypedError): string {
  const who = providerName(error.provider);
  switch (error.__typename) {
    case 'RateLimited':
      return `${who} is busy right now. Try again in ${error.retryAfterSeconds ?? 1} s.`;
    case 'ServiceUnavailable':
      return `${who} is temporarily unavailable. Nothing was charged.${error.unavailableForSeconds ? ` Try again in ${error.unavailableForSeconds} s.` : ' Try again shortly.'}`;
    case 'InsufficientBalance':
      return `The ${who} account does not have enough balance for this. Nothing was charged.`;
    case 'NoOfferAvailable':
      return 'No provider can sell this right now (out of stock or above your price limit). Nothing was charged.';
    case 'CancelTooEarly':
      return `${who} does not allow cancelling yet. You can cancel in ${error.secondsRemaining ?? 0} s.`;
    case 'FxRateUnavailable':
      return `There is no fresh exchange rate for ${error.pair ?? 'this currency'} right now. Try another currency.`;
    case 'IdempotencyKeyReused':
      return 'This purchase was already made with different details. Start a new purchase.';
    case 'RequestInProgress':
      return 'This purchase is still being processed. Wait a moment, then check your orders.';
    case 'NotFound':
      return `That ${error.resource ?? 'item'} could not be found (or it is not yours).`;
    case 'ValidationError':
      return error.field ? `Please check ${error.field}: ${error.message}` : (error.message ?? 'Please check the form.');
    case 'Unsupported':
      return `${who} does not support ${error.operation ?? 'this'} for this order.`;
    case 'ProviderError':
      return `${who} refused the request: ${error.message ?? 'unknown reason'}. Nothing was charged.`;
    default:
      return error.message ?? 'Something went wrong.';
  }
}

/** Transport and GraphQL-level errors (no key, gateway down, limits). */
export function describeRequestError(error: { networkError?: Error; graphQLErrors: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> } | undefined): string | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  if (code === 'UNAUTHENTICATED') return 'The API key is missing or not valid. Enter your key at the top of the page.';
  if (code === 'FX_RATE_UNAVAILABLE') return 'There is no fresh exchange rate for this currency right now. Try another currency.';
  if (first) return first.message;
  if (error.networkError) {
    const message = error.networkError.message;
    if (/401/.test(message)) return 'The API key is missing or not valid. Enter your key at the top of the page.';
    return 'Cannot reach the gateway. Check your connection and try again.';
  }
  return 'Something went wrong.';
}

/** A fresh key per purchase click (crypto.randomUUID needs a secure context; loopback is one). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return `web-${crypto.randomUUID()}`;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Thai mobile numbers: 0 then 6, 8 or 9 then 8 digits; +66 / 66 for the leading 0. */
export function thaiMobileProblem(raw: string): string | null {
  const value = raw.replace(/[\s-]/g, '');
  if (value === '') return 'Enter the Thai mobile number to refill.';
  if (!/^\+?\d+$/.test(value)) return 'Use digits only (spaces and dashes are fine).';
  const national = value.startsWith('+66') ? `0${value.slice(3)}` : value.startsWith('66') ? `0${value.slice(2)}` : value;
  if (!national.startsWith('0')) return 'Start with 0 (e.g. 081 234 5678) or +66.';
  if (!/^0[689]/.test(national)) return 'Thai mobile numbers start with 06, 08 or 09.';
  if (national.length < 10) return `${10 - national.length} more digit${national.length === 9 ? '' : 's'} needed.`;
  if (national.length > 10) return 'Too many digits: a Thai mobile number has 10.';
  return null;
}
