import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { type ChatRequest, ChatRequestSchema, ChatResponseSchema } from '../../answer/schema.js';
import { isAppError } from '../../errors.js';
import { abortableSse } from '../abortable-sse.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { readJson } from '../json-body.js';
import type { RequestLogger } from '../request-context.js';
import { ErrorSchema } from '../schemas.js';

/** Questions are user content: logged only at debug, never in the info-level access line. */
function logQuestion(log: RequestLogger, request: ChatRequest): void {
  log.debug({ question: request.question, historyTurns: request.history?.length ?? 0, k: request.k }, 'chat question');
}

const errors = {
  400: {
    content: { 'application/json': { schema: ErrorSchema } },
    description: 'Invalid request (the message names the field)',
  },
  413: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Body too large' },
  415: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Body is not JSON' },
  503: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Index not loaded yet' },
};
const body = { content: { 'application/json': { schema: ChatRequestSchema } }, required: true };

const chatRoute = createRoute({
  method: 'post',
  path: '/api/chat',
  summary: 'Answer a question with citations and checked numbers',
  request: { body },
  responses: {
    200: { content: { 'application/json': { schema: ChatResponseSchema } }, description: 'The answer' },
    ...errors,
  },
});

const streamRoute = createRoute({
  method: 'post',
  path: '/api/chat/stream',
  summary: 'Same as /api/chat, streamed as Server-Sent Events: meta, token, check, done, error',
  request: { body },
  responses: {
    200: { content: { 'text/event-stream': { schema: ChatResponseSchema } }, description: 'Event stream' },
    ...errors,
  },
});

/** `POST /api/chat` and `POST /api/chat/stream`. Bodies are read by {@link readJson} (415/400 rules). */
export function chatRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi({ ...chatRoute, request: {}, hide: true }, async (c) => {
    const request = await readJson(c, ChatRequestSchema);
    logQuestion(c.var.log, request);
    const response = await deps.chat.answer(request, { signal: c.req.raw.signal, logger: c.var.log });
    return c.json(response, 200);
  });

  app.openapi({ ...streamRoute, request: {}, hide: true }, async (c) => {
    const request = await readJson(c, ChatRequestSchema);
    logQuestion(c.var.log, request);
    deps.kb.require();
    return abortableSse(
      c,
      async (write, signal) => {
        const send = (event: string, data: unknown) => write({ event, data: JSON.stringify(data) });
        const response = await deps.chat.answer(request, {
          signal,
          logger: c.var.log,
          events: {
            onMeta: (passages) => send('meta', { passages }),
            onToken: (text) => send('token', { text }),
            onCheck: (check) => send('check', check),
          },
        });
        send('done', response);
      },
      (err, write) => {
        const code = isAppError(err) ? err.code : 'internal';
        const message = isAppError(err) ? err.message : 'The answer could not be produced';
        if (!isAppError(err)) c.var.log.error({ err }, 'stream failed');
        write({ event: 'error', data: JSON.stringify({ code, message }) });
      },
    ) as never;
  });

  // Document the request bodies in OpenAPI without double-validating them.
  app.openAPIRegistry.registerPath({ ...chatRoute, request: { body } });
  app.openAPIRegistry.registerPath({ ...streamRoute, request: { body } });
  return app;
}
