import type { JsonValue } from '../../shared/simulator-kit/exact-json.ts';

/** The document's error table (section 9): every code and the HTTP status it comes with. */
export const ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  ACCOUNT_BANNED: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
} as const;

/** A documented error code. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** A JSON answer about to be written. */
export interface ApiResponse {
  status: number;
  body: JsonValue;
  headers?: Record<string, string>;
}

/** An error answered with `{success:false,error:{code,message}}` at its documented status. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = ERROR_STATUS[code];
  }

  toResponse(): ApiResponse {
    return { status: this.status, body: errorEnvelope(this.code, this.message) };
  }
}

/** `{success:false,error:{code,message}}`. */
export function errorEnvelope(code: string, message: string): JsonValue {
  return { success: false, error: { code, message } };
}

/** `{success:true,data}` (200, or 201 for the documented creates). */
export function ok(data: JsonValue, status = 200): ApiResponse {
  return { status, body: { success: true, data } };
}
