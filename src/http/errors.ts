import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { AppError, isAppError, type ErrorCode } from '../errors.js';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  invalid_argument: 400,
  unauthorized: 401,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  upstream_error: 502,
  not_ready: 503,
  store_unavailable: 503,
};

/** HTTP status for an application error code. */
export function statusFor(code: ErrorCode): ContentfulStatusCode {
  return STATUS[code];
}

/** Minimal logger surface the HTTP layer needs. */
export interface HttpLogger {
  error(obj: object, msg?: string): void;
}

/** Renders any thrown value as `{error:{code,message}}` with the right status; unknown errors become a 500. */
export function renderError(err: unknown, c: Context, logger?: HttpLogger): Response {
  if (isAppError(err)) {
    return c.json({ error: { code: err.code, message: err.message } }, statusFor(err.code));
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code: ErrorCode = status === 413 ? 'payload_too_large' : status === 404 ? 'not_found' : status >= 500 ? 'internal' : 'bad_request';
    return c.json({ error: { code, message: err.message || 'Request failed' } }, status);
  }
  logger?.error({ err }, 'unhandled error');
  return c.json({ error: { code: 'internal', message: 'Internal server error' } }, 500);
}

/** Turns a zod validation failure into a message that names each offending field. */
export function describeZodError(error: ZodError, target?: string): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const field = issue.path.length ? issue.path.join('.') : target ?? 'body';
      const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
      return `${field}: ${missing ? 'is required' : issue.message}`;
    })
    .join('; ');
}

/** Validation hook for OpenAPIHono: 400 naming the field instead of zod's raw output. */
export function validationHook(
  result: { success: true; data: unknown; target: string } | { success: false; error: ZodError; target: string },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const err = new AppError('bad_request', describeZodError(result.error, result.target));
  return c.json({ error: { code: err.code, message: err.message } }, 400);
}
