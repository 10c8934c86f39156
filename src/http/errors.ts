import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { AppError, type ErrorCode, isAppError } from '../errors.js';

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

/** The body of every failed request outside `/v1/`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/** The body of every failed `/v1/` request, in OpenAI's shape. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; code: string | null; param: string | null };
}

/** A status and the body to send with it. */
export interface ErrorResponse<B> {
  status: ContentfulStatusCode;
  body: B;
}

/** Builds `{error:{code,message}}`. Pure. */
export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

/** Builds OpenAI's `{error:{message,type,code,param}}`. Pure. */
export function openaiErrorBody(
  message: string,
  type: string,
  code: string | null,
  param: string | null = null,
): OpenAIErrorBody {
  return { error: { message, type, code, param } };
}

/** OpenAI's error `type` for a status. */
function openaiErrorType(status: number): string {
  if (status === 429) return 'rate_limit_error';
  return status >= 500 ? 'server_error' : 'invalid_request_error';
}

function httpExceptionCode(status: number): ErrorCode {
  if (status === 413) return 'payload_too_large';
  if (status === 404) return 'not_found';
  return status >= 500 ? 'internal' : 'bad_request';
}

/**
 * Status and `{error:{code,message}}` body for any thrown value: an AppError keeps its code and
 * message, an HTTPException its status; anything else is a 500 without details. Pure.
 */
export function toErrorResponse(err: unknown): ErrorResponse<ErrorBody> {
  if (isAppError(err)) return { status: statusFor(err.code), body: errorBody(err.code, err.message) };
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return { status, body: errorBody(httpExceptionCode(status), err.message || 'Request failed') };
  }
  return { status: 500, body: errorBody('internal', 'Internal server error') };
}

/** Status and OpenAI-shaped body for any thrown value; unknown errors become a 500 without details. Pure. */
export function toOpenAIError(err: unknown): ErrorResponse<OpenAIErrorBody> {
  if (isAppError(err)) {
    const status = statusFor(err.code);
    return { status, body: openaiErrorBody(err.message, openaiErrorType(status), err.code) };
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return { status, body: openaiErrorBody(err.message || 'Request failed', openaiErrorType(status), null) };
  }
  const message = 'The server had an error while processing your request.';
  return { status: 500, body: openaiErrorBody(message, 'server_error', 'internal') };
}

/**
 * Renders any thrown value as `{error:{code,message}}` with its status (see {@link toErrorResponse});
 * an unexpected error is logged before it becomes a bare 500.
 */
export function renderError(err: unknown, c: Context, logger?: HttpLogger): Response {
  if (!isAppError(err) && !(err instanceof HTTPException)) logger?.error({ err }, 'unhandled error');
  const { status, body } = toErrorResponse(err);
  return c.json(body, status);
}

/**
 * An error response for `code` with the status it maps to, in the shape the request's clients
 * expect: OpenAI's under `/v1/`, `{error:{code,message}}` everywhere else.
 */
export function jsonError(c: Context, code: ErrorCode, message: string): Response {
  const err = new AppError(code, message);
  const { status, body } = c.req.path.startsWith('/v1/') ? toOpenAIError(err) : toErrorResponse(err);
  return c.json(body, status);
}

/** Turns a zod validation failure into a message that names each offending field. */
export function describeZodError(error: ZodError, target?: string): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const field = issue.path.length ? issue.path.join('.') : (target ?? 'body');
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
  return jsonError(c, 'bad_request', describeZodError(result.error, result.target));
}
