import { randomUUID } from 'node:crypto';
import type { FeedbackRepository } from '../../feedback/repository.js';
import type { FeedbackCitation, FeedbackInput, FeedbackRecord } from '../../feedback/schema.js';
import type { Queryable } from './sql.js';
import { orUnavailable } from './unavailable.js';

interface Row {
  id: string;
  created_at: Date;
  rating: 'up' | 'down';
  question: string;
  answer: string;
  comment: string | null;
  citations: unknown;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Answer ratings in the shared PostgreSQL table `feedback`, so every replica records into and
 * exports from the same rows. Each write is one autocommitted statement: its promise resolves after
 * the commit. A database that cannot be reached rejects with `store_unavailable`.
 */
export class PostgresFeedbackStore implements FeedbackRepository {
  /** @param db the shared pool (not closed by {@link close}). */
  constructor(private readonly db: Queryable) {}

  /** Records one rating; resolves to its id once committed. */
  async add(input: FeedbackInput, now = new Date()): Promise<string> {
    const id = randomUUID();
    await orUnavailable('storing feedback', () =>
      this.db.query(
        'INSERT INTO feedback (id, created_at, rating, question, answer, comment, citations) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)',
        [
          id,
          now.toISOString(),
          input.rating,
          input.question,
          input.answer,
          input.comment ?? null,
          JSON.stringify(input.citations),
        ],
      ),
    );
    return id;
  }

  /** Sets the comment of an earlier rating; false when the id is unknown (or not a UUID). */
  async setComment(id: string, comment: string): Promise<boolean> {
    if (!UUID_RE.test(id)) return false;
    const result = await orUnavailable('updating feedback', () =>
      this.db.query('UPDATE feedback SET comment = $1 WHERE id = $2', [comment, id]),
    );
    return (result.rowCount ?? 0) > 0;
  }

  /** Every rating from every replica, oldest first (ties in insertion order). */
  async list(): Promise<FeedbackRecord[]> {
    const { rows } = await orUnavailable('reading feedback', () =>
      this.db.query<Row>(
        'SELECT id, created_at, rating, question, answer, comment, citations FROM feedback ORDER BY created_at, seq',
      ),
    );
    return rows.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at).toISOString(),
      rating: r.rating,
      question: r.question,
      answer: r.answer,
      comment: r.comment,
      citations: Array.isArray(r.citations) ? (r.citations as FeedbackCitation[]) : [],
    }));
  }

  /** Nothing to release: the pool belongs to its creator. */
  async close(): Promise<void> {}
}
