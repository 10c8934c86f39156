import { z } from 'zod';

/** A citation as the widget shows it; only what helps reading the feedback later. */
export const FeedbackCitationSchema = z.object({
  n: z.number().int().min(1),
  docId: z.string().max(300),
  chunkId: z.string().max(200).optional(),
  title: z.string().max(1000).optional(),
  quote: z.string().max(8000).optional(),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
});

/** Body of `POST /api/feedback`. */
export const FeedbackInputSchema = z
  .object({
    rating: z.enum(['up', 'down']),
    question: z.string().max(2000, 'must be at most 2000 characters'),
    answer: z.string().max(20_000, 'must be at most 20000 characters'),
    citations: z.array(FeedbackCitationSchema).max(50, 'at most 50 citations').default([]),
    comment: z.string().max(2000, 'must be at most 2000 characters').optional(),
  })
  .strict();

/** Body of `PATCH /api/feedback/:id`: adds or replaces the comment of earlier feedback. */
export const FeedbackCommentSchema = z
  .object({ comment: z.string().max(2000, 'must be at most 2000 characters') })
  .strict();

export type FeedbackCitation = z.infer<typeof FeedbackCitationSchema>;
export type FeedbackInput = z.infer<typeof FeedbackInputSchema>;

/** A stored feedback row. */
export interface FeedbackRecord {
  id: string;
  createdAt: string;
  rating: 'up' | 'down';
  question: string;
  answer: string;
  comment: string | null;
  citations: FeedbackCitation[];
}
