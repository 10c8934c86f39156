import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { Metrics, RateLimitBudget } from '../metrics/metrics.js';
import { openaiError } from '../openai-compat/errors.js';

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
 * `{error:{code:'rate_limited'}}` (OpenAI's error shape under `/v1/`) with `Retry-After` and
 * `RateLimit-*` headers. Behind a proxy every client shares the proxy's address, so limit there instead.
 */
export function perIpRateLimit(perMinute: number, skip?: (c: Context) => boolean, onRefused?: () => void): MiddlewareHandler {
  return rateLimiter({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: 'draft-6',
    keyGenerator: clientKey,
    ...(skip ? { skip } : {}),
    handler: (c) => {
      onRefused?.();
      const retry = c.res.headers.get('Retry-After') ?? '60';
      const message = `Too many requests: at most ${perMinute} a minute. Try again in ${retry} s.`;
      if (c.req.path.startsWith('/v1/')) return c.json(openaiError(message, 'rate_limit_error', 'rate_limited'), 429);
      return c.json({ error: { code: 'rate_limited', message } }, 429);
    },
  }) as MiddlewareHandler;
}

const isChat = (path: string) => path === '/api/chat' || path.startsWith('/api/chat/');
const isFeedbackWrite = (c: Context) => (c.req.method === 'POST' || c.req.method === 'PATCH') && /^\/api\/feedback(?:\/|$)/.test(c.req.path);

/**
 * Installs three per-IP budgets of `perMinute` each (none when 0): answering (`/api/chat*` and
 * `/v1/chat/completions`), feedback writes, and every other `/api/*` request (search, documents,
 * calculator, indicators, exports, admin). `/healthz`, `/readyz`, `/metrics`, `/widget.js` and `/`
 * stay unlimited. Refusals are counted by budget in `metrics` when given.
 */
export function installRateLimits(app: Hono<any>, perMinute: number, metrics?: Pick<Metrics, 'recordRateLimited'>): void {
  if (perMinute <= 0) return;
  const refused = (budget: RateLimitBudget) => (metrics ? () => metrics.recordRateLimited(budget) : undefined);
  const answering = perIpRateLimit(perMinute, undefined, refused('answering'));
  // `/x/*` also matches `/x`.
  app.use('/api/chat/*', answering);
  app.on(['POST'], '/v1/chat/completions', answering);
  app.on(['POST', 'PATCH'], '/api/feedback/*', perIpRateLimit(perMinute, undefined, refused('feedback')));
  app.use('/api/*', perIpRateLimit(perMinute, (c) => isChat(c.req.path) || isFeedbackWrite(c), refused('api')));
}
