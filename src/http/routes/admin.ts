import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { requireAdmin } from '../admin-auth.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { ErrorSchema } from '../schemas.js';

const error = (description: string) => ({ content: { 'application/json': { schema: ErrorSchema } }, description });

const ReindexReportSchema = z.object({
  id: z.string(),
  state: z.enum(['running', 'succeeded', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  previousBuildId: z.string().optional(),
  buildId: z.string().optional(),
  error: z.string().optional(),
  ms: z.number().optional(),
});

/** Body of a 202 from `POST /api/admin/reindex`. */
export const ReindexAcceptedSchema = z
  .object({
    state: z.literal('reindexing'),
    joined: z
      .boolean()
      .openapi({ description: 'True when a rebuild was already running (on any replica) and this request joined it' }),
    servingBuildId: z.string().nullable(),
    reindex: ReindexReportSchema,
  })
  .openapi('ReindexAccepted');

const reindexRoute = createRoute({
  method: 'post',
  path: '/api/admin/reindex',
  summary:
    'Rebuild the index from CORPUS_DIR in the background (Authorization: Bearer ADMIN_TOKEN); the old index serves until the swap',
  security: [{ bearer: [] }],
  responses: {
    202: {
      content: { 'application/json': { schema: ReindexAcceptedSchema } },
      description: 'Started, or joined the running rebuild; follow it on /readyz',
    },
    401: error('Missing or wrong bearer token'),
    404: error('Admin routes disabled (ADMIN_TOKEN unset)'),
    503: error('The index is still loading, or the shared database is unreachable'),
  },
});

/** `POST /api/admin/reindex`: starts or joins a background rebuild. */
export function adminRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(reindexRoute, async (c) => {
    requireAdmin(c, deps.config.adminToken, 'Reindexing over HTTP');
    const { report, joined } = await deps.kb.startReindex();
    c.var.log.info({ reindexId: report.id, joined }, joined ? 'reindex joined' : 'reindex requested');
    c.header('Location', '/readyz');
    return c.json(
      {
        state: 'reindexing' as const,
        joined,
        servingBuildId: deps.kb.current()?.buildId ?? null,
        reindex: { ...report },
      },
      202,
    );
  });
  return app;
}
