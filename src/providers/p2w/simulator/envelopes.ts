import { ERROR_STATUS } from '../wire.ts';
import type { ErrorCode } from '../wire.ts';
import { jsonText } from '../../shared/simulator-kit/exact-json.ts';
import type { JsonValue } from '../../shared/simulator-kit/exact-json.ts';

/** A JSON answer about to be written: HTTP status, exact raw body, extra headers. */
export interface ApiResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** Answer for a path or method the document does not name (the document gives no code; 404 NOT_FOUND). */
export const UNKNOWN_ROUTE_CODE = 'NOT_FOUND';

/** The document's timestamp form, `2026-03-22T05:42:20.429Z`. */
export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}

/** `{success:false, statusCode, code, message, timestamp}`, as the REF_ID_EXISTS example. */
export function errorBody(status: number, code: string, message: string, now: number): string {
  return jsonText({ success: false, statusCode: status, code, message, timestamp: isoTimestamp(now) });
}

/** `{success:true, statusCode, code, data, timestamp}`. */
export function success(status: number, code: string, data: JsonValue, now: number): ApiResponse {
  return { status, body: jsonText({ success: true, statusCode: status, code, data, timestamp: isoTimestamp(now) }) };
}

/** A documented error, answered at its documented HTTP status. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: ErrorCode | typeof UNKNOWN_ROUTE_CODE, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = code === UNKNOWN_ROUTE_CODE ? 404 : ERROR_STATUS[code];
  }

  /** The error envelope, stamped with the simulator clock. */
  toResponse(now: number): ApiResponse {
    return { status: this.status, body: errorBody(this.status, this.code, this.message, now) };
  }
}
