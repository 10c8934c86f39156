/** Machine-readable error codes; http maps each to a status. */
export type ErrorCode =
  | 'bad_request'
  | 'invalid_argument'
  | 'not_found'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unauthorized'
  | 'rate_limited'
  | 'not_ready'
  | 'store_unavailable'
  | 'upstream_error'
  | 'internal';

/** An expected failure with a stable code; rendered as `{error:{code,message}}` by the HTTP layer. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** True when `err` is an AppError (also across module copies). */
export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError || (err instanceof Error && err.name === 'AppError' && 'code' in err);
}
