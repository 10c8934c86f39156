import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { jsonError } from './errors.js';

/**
 * Largest JSON request body accepted on `/api/*` and `/v1/*` (413 above it). The largest valid chat
 * body, a 2,000-character question and 20 history turns of 2,000 characters, is about 41 KiB in ASCII.
 */
export const JSON_BODY_LIMIT = 64 * 1024;

/**
 * 413 `payload_too_large` for bodies over `maxSize` bytes (declared or streamed), in OpenAI's error
 * shape under `/v1/` and `{error:{code,message}}` elsewhere.
 */
export function jsonBodyLimit(maxSize = JSON_BODY_LIMIT): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c: Context) => jsonError(c, 'payload_too_large', `Request body exceeds ${maxSize} bytes`),
  });
}
