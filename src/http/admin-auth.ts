import type { Context } from 'hono';
import { AppError } from '../errors.js';
import { bearerMatches } from './bearer-token.js';

/**
 * Requires `Authorization: Bearer <token>`, compared as SHA-256 digests in constant time. Throws a
 * 404 naming `feature` when no token is configured (the admin route is then disabled), and a 401
 * with `WWW-Authenticate` for a missing or wrong token.
 */
export function requireAdmin(c: Context, token: string | undefined, feature: string): void {
  if (!token) throw new AppError('not_found', `${feature} is disabled: set ADMIN_TOKEN to enable it`);
  if (!bearerMatches(c.req.header('authorization'), [token])) {
    c.header('WWW-Authenticate', 'Bearer realm="citecheck"');
    throw new AppError('unauthorized', 'A valid "Authorization: Bearer <ADMIN_TOKEN>" header is required');
  }
}
