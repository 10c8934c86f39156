import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from './app-env.js';
import { renderError, validationHook } from './errors.js';
import { documentRoutes } from './routes/documents.js';
import { healthRoutes } from './routes/health.js';
import { searchRoutes } from './routes/search.js';
import { calcRoutes } from './routes/calc.js';
import { chatRoutes } from './routes/chat.js';
import { indicatorRoutes } from './routes/indicators.js';

export type { AppDeps } from './app-env.js';

/** Builds the HTTP application from its dependencies; serve it with @hono/node-server or call `app.request()`. */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError((err, c) => renderError(err, c, deps.logger));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` } }, 404));

  app.route('/', healthRoutes(deps));
  app.route('/', searchRoutes(deps));
  app.route('/', documentRoutes(deps));
  app.route('/', chatRoutes(deps));
  app.route('/', calcRoutes(deps));
  app.route('/', indicatorRoutes(deps));

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'citecheck', version: '0.1.0', description: 'Cited, number-checked answers over a document corpus.' },
  });
  return app;
}
