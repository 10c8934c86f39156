import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../app-env.js';

const PATH_RE = /(?:[A-Za-z]:)?(?:[\\/][^\\/\s'"]+)+[\\/]([^\\/\s'"]+)/g;

/** `/readyz` is public: error texts keep only file names, never server paths (the log has the details). */
function withoutPaths(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replace(PATH_RE, '…/$1') : value;
}

/** `/healthz` (process up) and `/readyz` (index loaded and the shared database reachable, 503 otherwise). */
export function healthRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const status = deps.kb.status();
    const database = deps.databaseHealth ? await deps.databaseHealth() : undefined;
    const ready = status.state === 'ready' && database?.status !== 'down';
    const state = status.state === 'ready' && !ready ? 'database_unavailable' : status.state;
    const body = { status: ready ? 'ready' : state, ...status, ...(database ? { database } : {}) };
    return c.json(JSON.parse(JSON.stringify(body, withoutPaths)) as typeof body, ready ? 200 : 503);
  });
  return app;
}
