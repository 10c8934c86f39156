import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../errors.js';
import { feedbackToCsv } from '../../feedback/csv.js';
import type { FeedbackRepository } from '../../feedback/repository.js';
import { FeedbackCitationSchema, FeedbackCommentSchema, FeedbackInputSchema } from '../../feedback/schema.js';
import { requireAdmin } from '../admin-auth.js';
import type { AppEnv } from '../app-env.js';
import { validationHook } from '../errors.js';
import { readJson } from '../json-body.js';
import { ErrorSchema } from '../schemas.js';

const error = (description: string) => ({ content: { 'application/json': { schema: ErrorSchema } }, description });
const IdSchema = z.object({ id: z.string() });
const RecordSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  rating: z.enum(['up', 'down']),
  question: z.string(),
  answer: z.string(),
  comment: z.string().nullable(),
  citations: z.array(FeedbackCitationSchema),
});

const postRoute = createRoute({
  method: 'post',
  path: '/api/feedback',
  summary: 'Rate an answer (thumbs up or down, optional comment)',
  request: { body: { content: { 'application/json': { schema: FeedbackInputSchema } }, required: true } },
  responses: {
    201: { content: { 'application/json': { schema: IdSchema } }, description: 'Stored (committed)' },
    400: error('Invalid request (the message names the field)'),
    415: error('Body is not JSON'),
    503: error('The shared store is unavailable; nothing was stored'),
  },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/api/feedback/{id}',
  summary: 'Add a comment to an earlier rating',
  request: {
    params: z.object({ id: z.string().uuid() }),
    body: { content: { 'application/json': { schema: FeedbackCommentSchema } }, required: true },
  },
  responses: {
    200: { content: { 'application/json': { schema: IdSchema } }, description: 'Updated' },
    400: error('Invalid request'),
    404: error('Unknown id'),
    503: error('The shared store is unavailable'),
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/feedback',
  summary: 'Export all feedback as JSON or CSV (Authorization: Bearer ADMIN_TOKEN)',
  security: [{ bearer: [] }],
  request: { query: z.object({ format: z.enum(['json', 'csv']).default('json') }) },
  responses: {
    200: {
      content: {
        'application/json': { schema: z.object({ feedback: z.array(RecordSchema) }) },
        'text/csv': { schema: z.string() },
      },
      description: 'All feedback, oldest first',
    },
    401: error('Missing or wrong bearer token'),
    404: error('Export disabled (ADMIN_TOKEN unset)'),
    503: error('The shared store is unavailable'),
  },
});

/**
 * `POST /api/feedback`, `PATCH /api/feedback/:id` and the admin export `GET /api/feedback`. A write
 * is answered only after the store has committed it; a store that cannot be reached gives 503
 * `store_unavailable`.
 */
export function feedbackRoutes(store: FeedbackRepository, adminToken: string | undefined): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi({ ...postRoute, request: {}, hide: true }, async (c) => {
    const input = await readJson(c, FeedbackInputSchema);
    return c.json({ id: await store.add(input) }, 201);
  });

  app.openapi({ ...patchRoute, request: { params: patchRoute.request.params }, hide: true }, async (c) => {
    const { id } = c.req.valid('param');
    const { comment } = await readJson(c, FeedbackCommentSchema);
    if (!(await store.setComment(id, comment))) throw new AppError('not_found', `No feedback with id '${id}'`);
    return c.json({ id }, 200);
  });

  app.openapi(exportRoute, async (c) => {
    requireAdmin(c, adminToken, 'Feedback export');
    const records = await store.list();
    if (c.req.valid('query').format === 'csv') {
      c.header('Content-Disposition', 'attachment; filename="feedback.csv"');
      return c.body(feedbackToCsv(records), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    return c.json({ feedback: records }, 200);
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerPath(postRoute);
  app.openAPIRegistry.registerPath(patchRoute);
  return app;
}
