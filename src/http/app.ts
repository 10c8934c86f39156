import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from './app-env.js';
import { renderError, validationHook } from './errors.js';
import { documentRoutes } from './routes/documents.js';
import { healthRoutes } from './routes/health.js';
import { searchRoutes } from './routes/search.js';
import { calcRoutes } from './routes/calc.js';
import { chatRoutes } from './routes/chat.js';
import { indicatorRoutes } from './routes/indicators.js';
import { FeedbackStore } from '../feedback/store.js';
import { apiCors } from './cors.js';
import { perIpRateLimit } from './rate-limit.js';
import { demoRoutes } from './routes/demo.js';
import { feedbackRoutes } from './routes/feedback.js';
import { widgetRoutes } from './routes/widget.js';
import { WidgetBundle } from './widget-bundle.js';
import { createSlackBot } from '../slack/slack-bot.js';
import { openaiRoutes } from './routes/openai.js';
import { slackRoutes } from './routes/slack.js';

export type { AppDeps } from './app-env.js';

/**
 * Largest request body accepted (413 above it). The largest valid chat body (a 2,000-character
 * question and 20 history turns of 8,000 characters, every character \u-escaped) is under 1 MiB.
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Builds the HTTP application from its dependencies; serve it with @hono/node-server or call `app.request()`. */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError((err, c) => renderError(err, c, deps.logger));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` } }, 404));
  app.use('/api/*', apiCors(deps.config.widgetOrigins));
  if (deps.config.rateLimitPerMin > 0) {
    // `/x/*` also matches `/x`.
    app.use('/api/chat/*', perIpRateLimit(deps.config.rateLimitPerMin));
    app.on(['POST', 'PATCH'], '/api/feedback/*', perIpRateLimit(deps.config.rateLimitPerMin));
  }
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json({ error: { code: 'payload_too_large', message: `Request body exceeds ${MAX_BODY_BYTES} bytes` } }, 413),
    }),
  );

  app.route('/', healthRoutes(deps));
  app.route('/', searchRoutes(deps));
  app.route('/', documentRoutes(deps));
  app.route('/', chatRoutes(deps));
  app.route('/', calcRoutes(deps));
  app.route('/', indicatorRoutes(deps));
  const feedback = deps.feedback ?? new FeedbackStore(path.join(deps.config.dataDir, 'feedback.sqlite'));
  app.route('/', feedbackRoutes(feedback, deps.config.adminToken));
  app.route('/', widgetRoutes(deps.widget ?? new WidgetBundle()));
  app.route('/', demoRoutes(deps));
  if (deps.config.slack) {
    const bot = deps.slack ?? createSlackBot(deps.config.slack, deps.chat, deps.logger);
    app.route('/', slackRoutes(bot, deps.config.slack.signingSecret));
  }
  app.route('/', openaiRoutes(deps));

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'citecheck', version: '0.1.0', description: 'Cited, number-checked answers over a document corpus.' },
  });
  return app;
}
