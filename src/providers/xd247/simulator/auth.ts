import { ApiError } from './api-errors.ts';
import type { Account, SimulatorContext } from './context.ts';
import { API_KEY_PATTERN } from '../wire.ts';

/** The sandbox's default API key: `247xd_` and 40 letters/digits, as section 2 prescribes. */
export const XD247_SANDBOX_API_KEY = '247xd_sandbox0a1b2c3d4e5f60718293a4b5c6d7e8f9a';

/** Throws unless `key` has the documented form `247xd_` + 40 characters. */
export function assertApiKeyFormat(key: string): void {
  if (!API_KEY_PATTERN.test(key)) throw new RangeError(`a 247xd API key is "247xd_" followed by 40 letters or digits, got ${JSON.stringify(key)}`);
}

/**
 * The account of `Authorization: Bearer 247xd_…` (section 2). Missing header, another scheme, a key not of
 * the form `247xd_` + exactly 40 characters, an unknown key and an expired key are all 401 UNAUTHORIZED.
 */
export function authenticate(ctx: SimulatorContext, header: string | undefined): Account {
  if (header === undefined || header.trim() === '') throw new ApiError('UNAUTHORIZED', 'ไม่ได้ระบุ API Key');
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new ApiError('UNAUTHORIZED', 'ส่วนหัว Authorization ต้องเป็น Bearer <API Key>');
  const key = match[1] ?? '';
  if (!API_KEY_PATTERN.test(key)) throw new ApiError('UNAUTHORIZED', 'API Key ไม่ถูกต้อง (รูปแบบ 247xd_ ตามด้วย 40 ตัวอักษร)');
  const account = ctx.accounts.get(key);
  if (!account || account.expired) throw new ApiError('UNAUTHORIZED', 'API Key ไม่ถูกต้องหรือหมดอายุ');
  return account;
}
