import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import { describeZodError } from './errors.js';

/**
 * Reads a JSON request body and validates it: 415 unless the content type is JSON, 400 for
 * malformed JSON (naming the problem) or a schema violation (naming the field).
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError(
      'unsupported_media_type',
      `Content-Type must be application/json (got ${type ? `'${type.slice(0, 60)}'` : 'none'})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(await c.req.text());
  } catch (err) {
    throw new AppError(
      'bad_request',
      `Body is not valid JSON: ${err instanceof Error ? err.message.slice(0, 120) : 'parse error'}`,
    );
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new AppError('bad_request', describeZodError(parsed.error, 'body'));
  return parsed.data;
}
