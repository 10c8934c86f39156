import { createHash, timingSafeEqual } from 'node:crypto';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isAppError } from '../errors.js';
import { statusFor } from '../http/errors.js';

/** An error body in OpenAI's shape. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; code: string | null; param: string | null };
}

/** Builds `{error:{message,type,code,param}}`. Pure. */
export function openaiError(message: string, type: string, code: string | null, param: string | null = null): OpenAIErrorBody {
  return { error: { message, type, code, param } };
}

/** Status and OpenAI-shaped body for any thrown value; unknown errors become a 500 without details. Pure. */
export function toOpenAIError(err: unknown): { status: ContentfulStatusCode; body: OpenAIErrorBody } {
  if (isAppError(err)) {
    const status = statusFor(err.code);
    return { status, body: openaiError(err.message, errorType(status), err.code) };
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return { status, body: openaiError(err.message || 'Request failed', errorType(status), null) };
  }
  return { status: 500, body: openaiError('The server had an error while processing your request.', 'server_error', 'internal') };
}

function errorType(status: number): string {
  if (status === 429) return 'rate_limit_error';
  return status >= 500 ? 'server_error' : 'invalid_request_error';
}

/** The body of a 401 for a missing or wrong API key. */
export const INVALID_API_KEY = openaiError(
  'Incorrect or missing API key: send Authorization: Bearer <key>.',
  'invalid_request_error',
  'invalid_api_key',
);

/**
 * True when an `Authorization` header carries one of `keys` as a bearer token. Keys are compared
 * as SHA-256 digests in constant time, and every key is compared.
 */
export function bearerKeyMatches(header: string | undefined, keys: readonly string[]): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const given = digest(match[1]!);
  let ok = false;
  for (const key of keys) ok = timingSafeEqual(given, digest(key)) || ok;
  return ok;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
