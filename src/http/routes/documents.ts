import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../errors.js';
import type { Chunk, SourceDocument } from '../../types.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { validationHook } from '../errors.js';
import { DocumentSchema, DocumentSummarySchema, ErrorSchema } from '../schemas.js';

const listRoute = createRoute({
  method: 'get',
  path: '/api/documents',
  summary: 'Documents in the index',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ documents: z.array(DocumentSummarySchema) }) } },
      description: 'All indexed documents',
    },
    503: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Index not loaded yet' },
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/documents/{docId}',
  summary: 'One document with its full text and passage offsets',
  request: { params: z.object({ docId: z.string().min(1).max(300) }) },
  responses: {
    200: { content: { 'application/json': { schema: DocumentSchema } }, description: 'The document' },
    404: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Unknown document' },
    503: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Index not loaded yet' },
  },
});

function summary(doc: SourceDocument, chunks: readonly Chunk[]) {
  return {
    docId: doc.docId,
    title: doc.title,
    path: doc.path,
    format: doc.format,
    source: doc.source ?? null,
    date: doc.date ?? null,
    language: doc.language ?? null,
    chunks: chunks.length,
    characters: doc.text.length,
  };
}

/** `GET /api/documents` and `GET /api/documents/:docId` (docIds may contain `/`). */
export function documentRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(listRoute, (c) => {
    const snap = deps.kb.require();
    return c.json({ documents: snap.docs.map((d) => summary(d, snap.chunksByDoc.get(d.docId) ?? [])) }, 200);
  });
  app.openapi(getRoute, (c) => c.json(documentBody(c.req.valid('param').docId), 200));
  // Documents in corpus sub-folders have ids with `/` (`sub/report-2021`): same handler, unencoded path.
  app.get('/api/documents/:docId{.+/.+}', (c) => c.json(documentBody(c.req.param('docId')), 200));

  /** Hono has already percent-decoded the id; decoding again would make a literal `%` a URIError. */
  function documentBody(docId: string) {
    const snap = deps.kb.require();
    const doc = snap.docById.get(docId);
    if (!doc) throw new AppError('not_found', `No document with docId '${docId}'`);
    const chunks = snap.chunksByDoc.get(doc.docId) ?? [];
    return {
      ...summary(doc, chunks),
      text: doc.text,
      passages: chunks.map((ch) => ({
        chunkId: ch.id,
        ordinal: ch.ordinal,
        section: ch.section,
        speaker: ch.speaker,
        start: ch.start,
        end: ch.end,
      })),
    };
  }
  return app;
}
