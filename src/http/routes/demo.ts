import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv } from '../app-env.js';
import { renderDemoPage } from '../demo-page.js';

/** `GET /`: the server-rendered demo page with the widget embedded. */
export function demoRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(
    '/',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    }),
    (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.html(renderDemoPage({ snapshot: deps.kb.current(), origin: new URL(c.req.url).origin }));
    },
  );
  return app;
}
