import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../app-env.js';
import { validationHook } from '../errors.js';
import { toPassage } from '../passages.js';
import { ErrorSchema, SearchQuerySchema, SearchResponseSchema } from '../schemas.js';

const searchRoute = createRoute({
  method: 'get',
  path: '/api/search',
  summary: 'Hybrid (vector + BM25) passage search',
  request: { query: SearchQuerySchema },
  responses: {
    200: { content: { 'application/json': { schema: SearchResponseSchema } }, description: 'Ranked passages' },
    400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Invalid query' },
    503: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Index not loaded yet' },
  },
});

/** `GET /api/search?q=&k=`. */
export function searchRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(searchRoute, async (c) => {
    const { q, k } = c.req.valid('query');
    const snapshot = deps.kb.require();
    const hits = await snapshot.retriever.search(q, { k });
    return c.json({ results: hits.map(toPassage) }, 200);
  });
  return app;
}
