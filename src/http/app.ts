import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { SqliteFeedbackStore } from '../feedback/store.js';
import { Metrics } from '../metrics/metrics.js';
import { createSlackBot } from '../slack/slack-bot.js';
import type { AppDeps, AppEnv } from './app-env.js';
import { JSON_BODY_LIMIT, jsonBodyLimit } from './body-limit.js';
import { apiCors } from './cors.js';
import { jsonError, renderError, validationHook } from './errors.js';
import { httpMetrics } from './http-metrics.js';
import { installRateLimits } from './rate-limit.js';
import { requestContext } from './request-context.js';
import { adminRoutes } from './routes/admin.js';
import { calcRoutes } from './routes/calc.js';
import { chatRoutes } from './routes/chat.js';
import { demoRoutes } from './routes/demo.js';
import { documentRoutes } from './routes/documents.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';
import { indicatorRoutes } from './routes/indicators.js';
import { metricsRoutes } from './routes/metrics.js';
import { openaiRoutes } from './routes/openai.js';
import { searchRoutes } from './routes/search.js';
import { slackRoutes } from './routes/slack.js';
import { widgetRoutes } from './routes/widget.js';
import { WidgetBundle } from './widget-bundle.js';

export type { AppDeps } from './app-env.js';

/** Largest JSON request body accepted on `/api/*` and `/v1/*` (413 above it). */
export const MAX_BODY_BYTES = JSON_BODY_LIMIT;

/** Builds the HTTP application from its dependencies; serve it with @hono/node-server or call `app.request()`. */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError((err, c) => renderError(err, c, c.get('log') ?? deps.logger));
  app.notFound((c) => jsonError(c, 'not_found', `No route for ${c.req.method} ${c.req.path.slice(0, 200)}`));
  app.use('*', requestContext(deps.logger));
  const metrics = deps.metrics ?? (deps.config.metricsToken ? new Metrics() : undefined);
  if (metrics) app.use('*', httpMetrics(metrics));
  app.use('/api/*', apiCors(deps.config.widgetOrigins));
  installRateLimits(app, deps.config.rateLimitPerMin, metrics, deps.rateLimitStore);
  app.use('/api/*', jsonBodyLimit());
  app.use('/v1/*', jsonBodyLimit());

  app.route('/', healthRoutes(deps));
  app.route('/', searchRoutes(deps));
  app.route('/', documentRoutes(deps));
  app.route('/', chatRoutes(deps));
  app.route('/', calcRoutes(deps));
  app.route('/', indicatorRoutes(deps));
  const feedback = deps.feedback ?? new SqliteFeedbackStore(path.join(deps.config.dataDir, 'feedback.sqlite'));
  app.route('/', feedbackRoutes(feedback, deps.config.adminToken));
  app.route('/', adminRoutes(deps));
  app.route('/', widgetRoutes(deps.widget ?? new WidgetBundle()));
  app.route('/', demoRoutes(deps));
  if (deps.config.slack) {
    const bot = deps.slack ?? createSlackBot(deps.config.slack, deps.chat, deps.logger, metrics, deps.seenKeys);
    app.route('/', slackRoutes(bot, deps.config.slack.signingSecret));
  }
  app.route('/', openaiRoutes(deps));
  if (metrics && deps.config.metricsToken) app.route('/', metricsRoutes(metrics, deps.config.metricsToken));

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'citecheck',
      version: '0.1.0',
      description: 'Cited, number-checked answers over a document corpus.',
    },
  });
  return app;
}
