import type { Decimal } from 'decimal.js';
import { RateLimiter } from './rate-limit.ts';

/** One API key: its wallet, its orders, whether it is enabled, its IP whitelist and its request budget. */
export interface Account {
  apiKey: string;
  /** THB wallet; every buy is charged here at once. */
  balance: Decimal;
  /** Ids of the orders bought with this key, in purchase order. */
  orderIds: number[];
  /** A disabled key answers API_KEY_DISABLED. */
  disabled: boolean;
  /** Client IPs allowed to use this key; null = any IP. */
  ipWhitelist: string[] | null;
  rateLimiter: RateLimiter;
}

/** Creates an account with an empty order history. */
export function openAccount(apiKey: string, balance: Decimal, rateLimitPerMinute: number | null): Account {
  return { apiKey, balance, orderIds: [], disabled: false, ipWhitelist: null, rateLimiter: new RateLimiter(rateLimitPerMinute) };
}

/** The client address as a plain IPv4 or IPv6 text (`::ffff:127.0.0.1` → `127.0.0.1`). */
export function normalizeIp(address: string | undefined): string {
  const ip = address ?? '';
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice('::ffff:'.length) : ip;
}
