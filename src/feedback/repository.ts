import type { FeedbackInput, FeedbackRecord } from './schema.js';

/**
 * Where answer ratings are kept: a local SQLite file for one process, or PostgreSQL shared by every
 * replica. Each method resolves only once the change is durable (committed), so an HTTP layer that
 * awaits it never acknowledges a rating that was not stored. A store that cannot be reached rejects
 * with an AppError `store_unavailable`.
 */
export interface FeedbackRepository {
  /** Records one rating; resolves to its id once stored. */
  add(input: FeedbackInput, now?: Date): Promise<string>;
  /** Sets the comment of an earlier rating; false when the id is unknown. */
  setComment(id: string, comment: string): Promise<boolean>;
  /** Every rating, oldest first. */
  list(): Promise<FeedbackRecord[]>;
  /** Releases what the store holds open (a pool it was given is left to its owner). */
  close(): Promise<void>;
}
