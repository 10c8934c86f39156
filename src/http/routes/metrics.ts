import { Hono } from 'hono';
import { AppError } from '../../errors.js';
import type { Metrics } from '../../metrics/metrics.js';
import type { AppEnv } from '../app-env.js';
import { bearerMatches } from '../bearer-token.js';

/** Path Prometheus scrapes. */
export const METRICS_PATH = '/metrics';

/**
 * `GET /metrics`: the registry in Prometheus text format, for `Authorization: Bearer <token>` only
 * (401 JSON otherwise). Mounted only when METRICS_TOKEN is set, and outside every rate limit.
 */
export function metricsRoutes(metrics: Pick<Metrics, 'scrape'>, token: string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(METRICS_PATH, async (c) => {
    if (!bearerMatches(c.req.header('authorization'), [token])) {
      c.header('WWW-Authenticate', 'Bearer realm="citecheck-metrics"');
      throw new AppError('unauthorized', 'A valid "Authorization: Bearer <METRICS_TOKEN>" header is required');
    }
    const { contentType, body } = await metrics.scrape();
    c.header('Cache-Control', 'no-store');
    return c.body(body, 200, { 'Content-Type': contentType });
  });
  return app;
}
