import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { openaiError } from '../openai-compat/errors.js';

/**
 * Largest JSON request body accepted on `/api/*` and `/v1/*` (413 above it). The largest valid chat
 * body, a 2,000-character question and 20 history turns of 2,000 characters, is about 41 KiB in ASCII.
 */
export const JSON_BODY_LIMIT = 64 * 1024;

const message = (max: number) => `Request body exceeds ${max} bytes`;

/** 413 `{error:{code:'payload_too_large'}}` for bodies over `maxSize` bytes (declared or streamed). */
export function jsonBodyLimit(maxSize = JSON_BODY_LIMIT): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c: Context) => c.json({ error: { code: 'payload_too_large', message: message(maxSize) } }, 413),
  });
}

/** The same limit for `/v1/*`, answering in OpenAI's error shape. */
export function openaiBodyLimit(maxSize = JSON_BODY_LIMIT): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c: Context) => c.json(openaiError(message(maxSize), 'invalid_request_error', 'payload_too_large'), 413),
  });
}
