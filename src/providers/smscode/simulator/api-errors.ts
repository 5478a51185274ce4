/** The document's error codes and the HTTP status each one is answered with. */
export const ERROR_STATUS = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INSUFFICIENT_BALANCE: 409,
  VALIDATION_ERROR: 422,
  RATE_LIMIT_EXCEEDED: 429,
  INTERNAL_ERROR: 500,
  PROVIDER_ERROR: 422,
  NO_OFFER_AVAILABLE: 422,
  CANCEL_TOO_EARLY: 409,
  REQUEST_IN_PROGRESS: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  SERVICE_UNAVAILABLE: 503,
  FX_RATE_UNAVAILABLE: 503,
} as const;

/** A documented error code. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** Seconds a client is told to wait when no USD/IDR rate is available (the document gives no number). */
export const FX_RETRY_AFTER_SECONDS = 60;

/** A JSON answer about to be written: status, body, extra headers. */
export interface ApiResponse {
  status: number;
  /** Serialized with JSON.stringify, except a string, which is sent verbatim (idempotent replays). */
  body: unknown;
  headers?: Record<string, string>;
  /** Runs just before the answer leaves (or the socket is dropped): the create endpoint settles its Idempotency-Key here. */
  settle?: (status: number, rawBody: string) => void;
}

/** An error answered with the `{success:false,error:{code,message}}` envelope at its documented status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: { details?: unknown; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  /** The envelope this error is answered with. */
  toResponse(): ApiResponse {
    return { status: this.status, body: errorEnvelope(this.code, this.message, this.details), headers: this.headers };
  }
}

/** `{success:false,error:{code,message[,details]}}`. */
export function errorEnvelope(code: string, message: string, details?: unknown): unknown {
  return { success: false, error: details === undefined ? { code, message } : { code, message, details } };
}

/** `{success:true,data[,meta]}` with status 200. */
export function ok(data: unknown, meta?: Record<string, unknown>): ApiResponse {
  return { status: 200, body: meta === undefined ? { success: true, data } : { success: true, data, meta } };
}
