import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';

const WINDOW_MS = 60_000;

/** The client's socket address; `'local'` for in-process requests (`app.request()`), which have none. */
export function clientKey(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/**
 * Per-IP limit of `perMinute` requests a minute (each call makes its own counter). Over it: 429
 * `{error:{code:'rate_limited'}}` with `Retry-After` and `RateLimit-*` headers. Behind a proxy
 * every client shares the proxy's address, so limit there instead.
 */
export function perIpRateLimit(perMinute: number): MiddlewareHandler {
  return rateLimiter({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: 'draft-6',
    keyGenerator: clientKey,
    handler: (c) => {
      const retry = c.res.headers.get('Retry-After') ?? '60';
      return c.json(
        { error: { code: 'rate_limited', message: `Too many requests: at most ${perMinute} a minute. Try again in ${retry} s.` } },
        429,
      );
    },
  }) as MiddlewareHandler;
}
