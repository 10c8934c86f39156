import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { AppError } from '../errors.js';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Requires `Authorization: Bearer <token>`, compared as SHA-256 digests in constant time. Throws a
 * 404 naming `feature` when no token is configured (the admin route is then disabled), and a 401
 * with `WWW-Authenticate` for a missing or wrong token.
 */
export function requireAdmin(c: Context, token: string | undefined, feature: string): void {
  if (!token) throw new AppError('not_found', `${feature} is disabled: set ADMIN_TOKEN to enable it`);
  const given = /^Bearer[ \t]+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (given === undefined || !timingSafeEqual(digest(given), digest(token))) {
    c.header('WWW-Authenticate', 'Bearer realm="citecheck"');
    throw new AppError('unauthorized', 'A valid "Authorization: Bearer <ADMIN_TOKEN>" header is required');
  }
}
