import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { WidgetBundle } from '../widget-bundle.js';

/**
 * `GET /widget.js`: the embeddable widget, loadable from any origin (CORP cross-origin, CORS `*`),
 * cached briefly and revalidated by ETag.
 */
export function widgetRoutes(bundle: WidgetBundle): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/widget.js', async (c) => {
    const script = await bundle.load();
    c.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=86400');
    c.header('ETag', script.etag);
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('X-Content-Type-Options', 'nosniff');
    if (
      c.req
        .header('if-none-match')
        ?.split(/\s*,\s*/)
        .includes(script.etag)
    )
      return c.body(null, 304);
    c.header('Content-Type', 'application/javascript; charset=utf-8');
    return c.body(script.body, 200);
  });
  return app;
}
