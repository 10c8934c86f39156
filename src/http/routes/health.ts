import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, AppDeps } from '../app-env.js';

const PATH_RE = /(?:[A-Za-z]:)?(?:[\\/][^\\/\s'"]+)+[\\/]([^\\/\s'"]+)/g;

/** `/readyz` is public: error texts keep only file names, never server paths (the log has the details). */
function withoutPaths(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replace(PATH_RE, '…/$1') : value;
}

/** `/healthz` (process up) and `/readyz` (index loaded, 503 before). */
export function healthRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', (c) => {
    const status = deps.kb.status();
    const body = { status: status.state === 'ready' ? 'ready' : status.state, ...status };
    return c.json(JSON.parse(JSON.stringify(body, withoutPaths)) as typeof body, status.state === 'ready' ? 200 : 503);
  });
  return app;
}
