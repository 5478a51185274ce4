import type { JsonValue } from '../../shared/simulator-kit/exact-json.ts';
import type { Otp24hrErrorStatusMode } from './public-types.ts';

/**
 * The document's error table: code → its Thai description (used verbatim as `message`) and the HTTP status the
 * simulator answers it with in `conventional` mode (the document gives no statuses).
 */
export const DOCUMENTED_ERRORS = {
  NO_API_KEY: { message: 'ไม่ได้ส่ง API key มา', status: 401 },
  INVALID_API_KEY: { message: 'API key ไม่ถูกต้อง', status: 401 },
  API_KEY_DISABLED: { message: 'API key ถูกปิดใช้งาน', status: 403 },
  IP_NOT_ALLOWED: { message: 'IP ไม่อยู่ใน whitelist', status: 403 },
  RATE_LIMIT: { message: 'ส่ง request เกินขีดจำกัดต่อนาที', status: 429 },
  SERVICE_REQUIRED: { message: 'ไม่ได้ระบุ service', status: 400 },
  SERVICE_NOT_FOUND: { message: 'ไม่พบ service code', status: 404 },
  INSUFFICIENT_BALANCE: { message: 'ยอดในกระเป๋าไม่พอ', status: 402 },
  PROVIDER_ERROR: { message: 'provider ปลายทางมีปัญหา', status: 502 },
  ORDER_NOT_FOUND: { message: 'ไม่พบออเดอร์ที่ระบุ', status: 404 },
  FORBIDDEN: { message: 'ออเดอร์นี้ไม่ใช่ของ key คุณ', status: 403 },
  EARLY_CANCEL_DENIED: { message: 'ยังยกเลิกไม่ได้ (ต้องผ่าน 2 นาที)', status: 409 },
} as const;

/**
 * Codes the document does not list but a faithful server still needs (the simulator's own choice, see the
 * report): an action the order's status no longer allows (cancel of a finished order, complete without an
 * OTP), an unknown path, a documented path with the wrong method.
 */
export const SIMULATOR_ERRORS = {
  INVALID_ORDER_STATUS: { message: 'สถานะออเดอร์ไม่อนุญาตให้ทำรายการนี้', status: 409 },
  NOT_FOUND: { message: 'ไม่พบ endpoint ที่ระบุ', status: 404 },
  METHOD_NOT_ALLOWED: { message: 'method ไม่ถูกต้องสำหรับ endpoint นี้', status: 405 },
} as const;

/** A documented error code. */
export type DocumentedErrorCode = keyof typeof DOCUMENTED_ERRORS;
/** Any code the simulator answers with. */
export type ErrorCode = DocumentedErrorCode | keyof typeof SIMULATOR_ERRORS;

const ALL_ERRORS: Record<ErrorCode, { message: string; status: number }> = { ...DOCUMENTED_ERRORS, ...SIMULATOR_ERRORS };

/** The Thai message of a code, if the simulator knows it. */
export function errorMessage(code: string): string | undefined {
  return (ALL_ERRORS as Record<string, { message: string } | undefined>)[code]?.message;
}

/** An error answered with `{ok:false, error, message}`. */
export class ApiError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message?: string) {
    super(message ?? ALL_ERRORS[code].message);
    this.name = 'ApiError';
    this.code = code;
  }

  /** The HTTP status of this error under the configured mode. */
  httpStatus(mode: Otp24hrErrorStatusMode): number {
    return mode === 'always200' ? 200 : ALL_ERRORS[this.code].status;
  }
}

/** `{ok:false, error, message}`. */
export function errorBody(code: string, message: string): JsonValue {
  return { ok: false, error: code, message };
}
