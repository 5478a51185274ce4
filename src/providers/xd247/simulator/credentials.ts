import { randomInt } from 'node:crypto';
import type { PremiumService } from './catalog.ts';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const randomText = (length: number): string => Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
const digits = (length: number): string => Array.from({ length }, () => String(randomInt(10))).join('');

// Shared-screen services also hand out a profile and its PIN.
const PROFILE_SERVICES = /netflix|disney|viu|iqiyi|wetv/i;

/** A fresh account for a premium app: login, password, and profile/PIN where the app shares screens. */
export function issueCredentials(service: PremiumService, now: number): Record<string, string> {
  const slug = service.name.split(/[\s+]/)[0]?.toLowerCase().replace(/[^a-z0-9]/g, '') || 'premium';
  const credentials: Record<string, string> = {
    email: `${slug}.th${digits(6)}@247xdmail.com`,
    password: randomText(12),
  };
  if (PROFILE_SERVICES.test(service.name)) {
    credentials.profile = `จอ ${randomInt(1, 6)}`;
    credentials.pin = digits(4);
  }
  credentials.expiresAt = new Date(now + service.durationDays * 86_400_000).toISOString();
  return credentials;
}
