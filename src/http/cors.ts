import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/** Response headers a cross-origin caller may read (rate-limit state, request id). */
const EXPOSED = [
  'X-Request-Id',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
];

/**
 * CORS for the API: the server's own origin and the configured widget origins (`'*'` for any)
 * may call it; other origins get no `Access-Control-Allow-Origin`, so browsers refuse them.
 * Only `Content-Type` may be sent cross-origin, which keeps the bearer-protected export same-origin.
 */
export function apiCors(origins: readonly string[]): MiddlewareHandler {
  const any = origins.includes('*');
  const allowed = new Set(origins);
  return cors({
    origin: (origin, c) =>
      origin && (any || allowed.has(origin) || origin === new URL(c.req.url).origin) ? origin : null,
    allowMethods: ['GET', 'POST', 'PATCH'],
    allowHeaders: ['Content-Type'],
    exposeHeaders: EXPOSED,
    maxAge: 600,
  });
}
