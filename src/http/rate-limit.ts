import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Env, Hono, MiddlewareHandler } from 'hono';
import { rateLimiter, type Store } from 'hono-rate-limiter';
import { isAppError } from '../errors.js';
import type { RateLimitBudget } from '../metrics/labels.js';
import type { Metrics } from '../metrics/metrics.js';
import { jsonError } from './errors.js';
import type { RequestLogger } from './request-context.js';

const WINDOW_MS = 60_000;

/** The client's socket address; `'local'` for in-process requests (`app.request()`), which have none. */
export function clientKey(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/** The hit-counter store of one budget (a fresh instance per call, counting under the budget's own prefix). */
export type RateLimitStoreFactory = (budget: RateLimitBudget) => Store;

/** Options of {@link perIpRateLimit}. */
export interface PerIpRateLimitOptions {
  /** Requests that neither count nor are limited. */
  skip?: ((c: Context) => boolean) | undefined;
  /** Called for each refused request. */
  onRefused?: (() => void) | undefined;
  /** Where hits are counted; this process's memory (hono-rate-limiter's MemoryStore) when omitted. */
  store?: Store | undefined;
}

/**
 * Per-IP limit of `perMinute` requests a minute (each call makes its own counter unless given a
 * shared `store`). Over it: 429 `{error:{code:'rate_limited'}}` (OpenAI's error shape under `/v1/`)
 * with `Retry-After` and `RateLimit-*` headers. When the store cannot count the request (the shared
 * database or Redis is unreachable), the request is refused with 503 `store_unavailable` in the same
 * shapes rather than let through uncounted. Behind a proxy every client shares the proxy's address,
 * so limit there instead.
 */
export function perIpRateLimit(perMinute: number, options: PerIpRateLimitOptions = {}): MiddlewareHandler {
  const { skip, onRefused, store } = options;
  const limiter = rateLimiter({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: 'draft-6',
    keyGenerator: clientKey,
    ...(skip ? { skip } : {}),
    ...(store ? { store } : {}),
    handler: (c) => {
      onRefused?.();
      const retry = c.res.headers.get('Retry-After') ?? '60';
      const message = `Too many requests: at most ${perMinute} a minute. Try again in ${retry} s.`;
      return jsonError(c, 'rate_limited', message);
    },
  }) as MiddlewareHandler;
  return async (c, next) => {
    let passed = false;
    try {
      return await limiter(c, async () => {
        passed = true;
        await next();
      });
    } catch (err) {
      if (passed) throw err;
      return storeUnavailable(c, err);
    }
  };
}

/** 503 for a request whose hit could not be counted. */
function storeUnavailable(c: Context, err: unknown): Response {
  const log = c.get('log') as RequestLogger | undefined;
  log?.warn({ err }, 'rate-limit store unavailable');
  const known = isAppError(err) && err.code === 'store_unavailable';
  const message = known ? err.message : 'The rate-limit store is unavailable; try again shortly';
  c.header('Retry-After', '5');
  return jsonError(c, 'store_unavailable', message);
}

const isChat = (path: string) => path === '/api/chat' || path.startsWith('/api/chat/');
const isFeedbackWrite = (c: Context) =>
  (c.req.method === 'POST' || c.req.method === 'PATCH') && /^\/api\/feedback(?:\/|$)/.test(c.req.path);

/**
 * Installs three per-IP budgets of `perMinute` each (none when 0): answering (`/api/chat*` and
 * `/v1/chat/completions`), feedback writes, and every other `/api/*` request (search, documents,
 * calculator, indicators, exports, admin). `/healthz`, `/readyz`, `/metrics`, `/widget.js` and `/`
 * stay unlimited. Refusals are counted by budget in `metrics` when given. With `stores`, each
 * budget counts in the store made for it (shared between replicas), else in this process's memory.
 */
export function installRateLimits<E extends Env>(
  app: Hono<E>,
  perMinute: number,
  metrics?: Pick<Metrics, 'recordRateLimited'>,
  stores?: RateLimitStoreFactory,
): void {
  if (perMinute <= 0) return;
  const budget = (name: RateLimitBudget, skip?: (c: Context) => boolean) =>
    perIpRateLimit(perMinute, {
      skip,
      onRefused: metrics ? () => metrics.recordRateLimited(name) : undefined,
      store: stores?.(name),
    });
  const answering = budget('answering');
  // `/x/*` also matches `/x`.
  app.use('/api/chat/*', answering);
  app.on(['POST'], '/v1/chat/completions', answering);
  app.on(['POST', 'PATCH'], '/api/feedback/*', budget('feedback'));
  app.use(
    '/api/*',
    budget('api', (c) => isChat(c.req.path) || isFeedbackWrite(c)),
  );
}
