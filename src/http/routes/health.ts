import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, AppDeps } from '../app-env.js';

/** `/healthz` (process up) and `/readyz` (index loaded, 503 before). */
export function healthRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', (c) => {
    const status = deps.kb.status();
    const body = { status: status.state === 'ready' ? 'ready' : status.state, ...status };
    return c.json(body, status.state === 'ready' ? 200 : 503);
  });
  return app;
}
