import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { UNMATCHED_ROUTE } from '../metrics/labels.js';
import type { Metrics } from '../metrics/metrics.js';

/** Method of routes added with `use` or `all` (middleware and catch-all 404s), as opposed to endpoints. */
const ANY_METHOD = 'ALL';

/**
 * The pattern of the last route registered for the request's method that matched it (e.g.
 * `/api/documents/:docId`; endpoints are registered after their middleware), or
 * {@link UNMATCHED_ROUTE} when none did (unknown paths). Never the raw URL.
 */
export function routeLabel(c: Context): string {
  const route = matchedRoutes(c).findLast((r) => r.method !== ANY_METHOD);
  return route?.path ?? UNMATCHED_ROUTE;
}

/** Counts every response and observes its latency by method, matched route and status. */
export function httpMetrics(metrics: Pick<Metrics, 'observeHttp'>): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      metrics.observeHttp(c.req.method, routeLabel(c), c.res.status, (performance.now() - started) / 1000);
    }
  };
}
