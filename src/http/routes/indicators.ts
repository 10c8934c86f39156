import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { buildIndicators, filterIndicators, type IndicatorRecord } from '../../indicators/indicators.js';
import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { validationHook } from '../errors.js';
import { ErrorSchema } from '../schemas.js';

const IndicatorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    text: z.string(),
    value: z.number(),
    unit: z.string(),
    scale: z.string().nullable(),
    currency: z.string().optional(),
    qualifier: z.string().optional(),
    years: z.array(z.number()),
    region: z.string().nullable(),
    speaker: z.string().nullable(),
    docId: z.string(),
    chunkId: z.string().nullable(),
    start: z.number().int(),
    end: z.number().int(),
    context: z.string(),
    series: z.string().optional().describe('Table cells: the row label, with the section row above it'),
    period: z.string().nullable().optional().describe("Table cells: the column's header"),
  })
  .openapi('Indicator');

const route = createRoute({
  method: 'get',
  path: '/api/indicators',
  summary: 'Every figure in the corpus, optionally filtered by words in its name or sentence',
  request: { query: z.object({ q: z.string().max(200).optional() }) },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ indicators: z.array(IndicatorSchema) }) } },
      description: 'Matching indicators',
    },
    400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Invalid query' },
    503: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Index not loaded yet' },
  },
});

const cache = new WeakMap<KnowledgeSnapshot, IndicatorRecord[]>();

/** Indicators of a snapshot, extracted once. */
export function snapshotIndicators(snapshot: KnowledgeSnapshot): IndicatorRecord[] {
  let records = cache.get(snapshot);
  if (!records) {
    records = buildIndicators(snapshot.docs, snapshot.chunks);
    cache.set(snapshot, records);
  }
  return records;
}

/** `GET /api/indicators?q=`. */
export function indicatorRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(route, (c) => {
    const { q } = c.req.valid('query');
    const all = snapshotIndicators(deps.kb.require());
    return c.json({ indicators: q?.trim() ? filterIndicators(all, q) : all }, 200);
  });
  return app;
}
