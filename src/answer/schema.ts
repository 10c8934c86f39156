import { z } from 'zod';

/** Longest history turn accepted; 20 of them and a question stay under the 64 KiB body limit in ASCII. */
export const MAX_HISTORY_TURN_CHARS = 2000;

/** One earlier turn of the conversation. */
export const HistoryTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(MAX_HISTORY_TURN_CHARS, `must be at most ${MAX_HISTORY_TURN_CHARS} characters`),
});

/** Body of `POST /api/chat` and `POST /api/chat/stream`. */
export const ChatRequestSchema = z
  .object({
    question: z
      .string()
      .max(2000, 'must be at most 2000 characters')
      .refine((q) => q.trim().length > 0, 'must not be empty'),
    history: z.array(HistoryTurnSchema).max(20, 'at most 20 turns').optional(),
    k: z.number().int().min(1).max(20).optional(),
  })
  .strict();

/**
 * The table a cited row belongs to: its caption, one header per column (several header rows joined
 * with " "), and the row's own cells in column order (`cells.length === headers.length`).
 */
export const TableRowRefSchema = z.object({
  caption: z.string().nullable(),
  headers: z.array(z.string()),
  cells: z.array(z.string()),
});

/** A cited, verbatim span of a document: `docText.slice(start, end) === quote`; `table` when it is a table row. */
export const CitationSchema = z.object({
  n: z.number().int().min(1),
  chunkId: z.string(),
  docId: z.string(),
  title: z.string(),
  section: z.string().nullable(),
  speaker: z.string().nullable(),
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  score: z.number(),
  table: TableRowRefSchema.optional(),
});

/** A table cell a calculation used: where it is written, and its row and column. */
export const CellRefSchema = z.object({
  docId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  series: z.string(),
  period: z.string(),
});

export const CheckStatusSchema = z.enum(['verified', 'mismatch', 'approximate', 'computed', 'unverified']);

/** A calculator result, or a number in the answer that nothing backs (`unverified`). */
export const CheckSchema = z.object({
  op: z.string(),
  args: z.record(z.string(), z.unknown()),
  value: z.number().nullable(),
  display: z.string().nullable(),
  formula: z.string().nullable(),
  claim: z.string().optional(),
  status: CheckStatusSchema,
  citation: z.number().int().optional(),
  /** The table cells the operands were read from, in argument order. */
  cells: z.array(CellRefSchema).optional(),
});

/** One sentence of the answer and whether the quotes it cites support it. */
export const ClaimSchema = z.object({
  text: z.string(),
  citations: z.array(z.number().int()),
  supported: z.boolean(),
  reason: z.string().optional(),
});

/** A retrieved passage offered as context. */
export const RelatedPassageSchema = z.object({
  chunkId: z.string(),
  docId: z.string(),
  title: z.string(),
  section: z.string().nullable(),
  speaker: z.string().nullable(),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  score: z.number(),
});

export const TimingsSchema = z.object({
  retrieveMs: z.number().min(0),
  answerMs: z.number().min(0),
  totalMs: z.number().min(0),
});

/**
 * The answer's leading span (a name, date, place, figure or named thing) as written in a cited
 * sentence: `docText.slice(start, end) === text`, where the document is citation `citation`'s.
 */
export const ShortAnswerSchema = z.object({
  text: z.string(),
  citation: z.number().int().min(1),
  start: z.number().int(),
  end: z.number().int(),
});

/** Body of a `POST /api/chat` response and of the stream's `done` event. */
export const ChatResponseSchema = z.object({
  answer: z.string(),
  citations: z.array(CitationSchema),
  checks: z.array(CheckSchema),
  claims: z.array(ClaimSchema),
  abstained: z.boolean(),
  short: ShortAnswerSchema.optional(),
  /** Every span when the answer is several (cells of several periods, the years a table covers); `short` is the first. */
  spans: z.array(ShortAnswerSchema).optional(),
  related: z.array(RelatedPassageSchema).optional(),
  mode: z.enum(['offline', 'llm']),
  notice: z.string().optional(),
  timings: TimingsSchema,
});

export type HistoryTurn = z.infer<typeof HistoryTurnSchema>;
export type ChatRequest = z.infer<typeof ChatRequestSchema>;
export type Citation = z.infer<typeof CitationSchema>;
export type TableRowRef = z.infer<typeof TableRowRefSchema>;
export type CellRef = z.infer<typeof CellRefSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type CheckStatus = z.infer<typeof CheckStatusSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type ShortAnswer = z.infer<typeof ShortAnswerSchema>;
export type RelatedPassage = z.infer<typeof RelatedPassageSchema>;
export type ChatResponse = z.infer<typeof ChatResponseSchema>;
