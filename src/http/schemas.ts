import { z } from '@hono/zod-openapi';
import { RelatedPassageSchema } from '../answer/schema.js';

/** `{error:{code,message}}` body of every failed request. */
export const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).openapi('Error');

export const ScoresSchema = z.object({
  vector: z
    .number()
    .nullable()
    .openapi({ description: 'Cosine similarity of the vector match (null if not in vector candidates)' }),
  bm25: z.number().nullable().openapi({ description: 'BM25 score (null if not in lexical candidates)' }),
});

/** A search result: the passage shape responses use, plus each retriever's own score. */
export const PassageSchema = RelatedPassageSchema.extend({ scores: ScoresSchema }).openapi('Passage');

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
  k: z.coerce.number().int().min(1).max(50).default(5),
});

export const SearchResponseSchema = z.object({ results: z.array(PassageSchema) }).openapi('SearchResponse');

export const DocumentSummarySchema = z
  .object({
    docId: z.string(),
    title: z.string(),
    path: z.string(),
    format: z.enum(['md', 'txt', 'html', 'pdf']),
    source: z.string().nullable(),
    date: z.string().nullable(),
    language: z.string().nullable(),
    chunks: z.number().int(),
    characters: z.number().int(),
  })
  .openapi('DocumentSummary');

export const DocumentSchema = DocumentSummarySchema.extend({
  text: z.string(),
  passages: z.array(
    z.object({
      chunkId: z.string(),
      ordinal: z.number().int(),
      section: z.string().nullable(),
      speaker: z.string().nullable(),
      start: z.number().int(),
      end: z.number().int(),
    }),
  ),
}).openapi('Document');
