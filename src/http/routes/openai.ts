import { randomUUID } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { ChatResponse } from '../../answer/schema.js';
import {
  type CompletionMeta,
  chunkBody,
  completionBody,
  modelList,
  modelObject,
  streamTail,
} from '../../openai-compat/format.js';
import { toChatRequest } from '../../openai-compat/messages.js';
import { ChatCompletionRequestSchema, MODEL_ID } from '../../openai-compat/schema.js';
import { abortableSse } from '../abortable-sse.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { bearerMatches } from '../bearer-token.js';
import { openaiErrorBody, toOpenAIError } from '../errors.js';
import { readJson } from '../json-body.js';

const INVALID_REQUEST = 'invalid_request_error';

/** The body of a 401 for a missing or wrong API key. */
const INVALID_API_KEY = openaiErrorBody(
  'Incorrect or missing API key: send Authorization: Bearer <key>.',
  INVALID_REQUEST,
  'invalid_api_key',
);

const completionsRoute = createRoute({
  method: 'post',
  path: '/v1/chat/completions',
  summary:
    'OpenAI-compatible chat completion: the last user message is the question; the answer object is in `citecheck`',
  request: { body: { content: { 'application/json': { schema: ChatCompletionRequestSchema } }, required: true } },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({}).loose() }, 'text/event-stream': { schema: z.string() } },
      description: '`chat.completion`, or `chat.completion.chunk` events ending in `[DONE]` when `stream` is true',
    },
    400: {
      content: { 'application/json': { schema: z.object({}).loose() } },
      description: 'Invalid request, OpenAI error shape',
    },
    401: {
      content: { 'application/json': { schema: z.object({}).loose() } },
      description: 'Missing or wrong API key (when API_KEYS is set)',
    },
  },
});

const modelsRoute = createRoute({
  method: 'get',
  path: '/v1/models',
  summary: `OpenAI-compatible model list: \`${MODEL_ID}\``,
  responses: { 200: { content: { 'application/json': { schema: z.object({}).loose() } }, description: 'The models' } },
});

/**
 * `POST /v1/chat/completions` and `GET /v1/models` for OpenAI clients and SDKs. Every `/v1` error,
 * including 401 for a missing key when `API_KEYS` is set, uses OpenAI's `{error:{message,type,code}}`.
 */
export function openaiRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  const started = Math.floor(Date.now() / 1000);
  app.onError((err, c) => {
    const { status, body } = toOpenAIError(err);
    if (status >= 500) deps.logger?.error({ err }, 'openai-compatible request failed');
    return c.json(body, status);
  });
  if (deps.config.apiKeys.length) app.use('/v1/*', requireApiKey(deps.config.apiKeys));

  app.get('/v1/models', (c) => c.json(modelList(started)));
  app.get('/v1/models/:id', (c) => {
    const id = c.req.param('id');
    if (id === MODEL_ID) return c.json(modelObject(started));
    const body = openaiErrorBody(`The model '${id}' does not exist`, INVALID_REQUEST, 'model_not_found', 'model');
    return c.json(body, 404);
  });

  app.post('/v1/chat/completions', async (c) => {
    const body = await readJson(c, ChatCompletionRequestSchema);
    const request = toChatRequest(body.messages);
    const meta: CompletionMeta = {
      id: `chatcmpl-${randomUUID()}`,
      created: Math.floor(Date.now() / 1000),
      model: MODEL_ID,
    };
    if (!body.stream)
      return c.json(completionBody(await deps.chat.answer(request, { signal: c.req.raw.signal }), meta), 200);

    deps.kb.require();
    return abortableSse(
      c,
      async (write, signal) => {
        const send = (data: unknown) => write({ data: typeof data === 'string' ? data : JSON.stringify(data) });
        let streamed = '';
        send(chunkBody(meta, { role: 'assistant', content: '' }));
        const response: ChatResponse = await deps.chat.answer(request, {
          signal,
          events: {
            onToken: (text) => {
              streamed += text;
              send(chunkBody(meta, { content: text }));
            },
          },
        });
        const tail = streamTail(streamed, response);
        if (tail) send(chunkBody(meta, { content: tail }));
        send(chunkBody(meta, {}, response));
        send('[DONE]');
      },
      (err, write) => {
        const { status, body: error } = toOpenAIError(err);
        if (status >= 500) deps.logger?.error({ err }, 'openai-compatible stream failed');
        write({ data: JSON.stringify(error) });
      },
    ) as never;
  });

  app.all('/v1/*', (c) =>
    c.json(openaiErrorBody(`Unknown request URL: ${c.req.method} ${c.req.path}`, INVALID_REQUEST, 'unknown_url'), 404),
  );

  app.openAPIRegistry.registerPath(completionsRoute);
  app.openAPIRegistry.registerPath(modelsRoute);
  return app;
}

/** 401 in OpenAI's shape unless the request carries one of `keys` as a bearer token. */
function requireApiKey(keys: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (!bearerMatches(c.req.header('authorization'), keys)) {
      c.header('WWW-Authenticate', 'Bearer realm="citecheck"');
      return c.json(INVALID_API_KEY, 401);
    }
    await next();
  };
}
