import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';

const BEARER_RE = /^Bearer[ \t]+(\S+)\s*$/i;

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * True when the request carries `Authorization: Bearer <token>`. The values are compared as SHA-256
 * digests in constant time, so neither their content nor their length leaks through timing.
 */
export function bearerMatches(c: Context, token: string): boolean {
  const given = BEARER_RE.exec(c.req.header('authorization') ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}
