import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { FeedbackRepository } from './repository.js';
import type { FeedbackCitation, FeedbackInput, FeedbackRecord } from './schema.js';

export type { FeedbackRepository } from './repository.js';

interface Row {
  id: string;
  created_at: string;
  rating: 'up' | 'down';
  question: string;
  answer: string;
  comment: string | null;
  citations: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS feedback (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  comment TEXT,
  citations TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS feedback_created ON feedback (created_at);
`;

/**
 * Answer ratings in SQLite (WAL mode), for a single process. The database file is opened on first
 * use, so creating a store costs nothing for processes that never record feedback. SQLite writes
 * synchronously, so each promise settles after the row is on disk.
 */
export class SqliteFeedbackStore implements FeedbackRepository {
  private db: Database.Database | undefined;

  /** @param file path of the SQLite file, e.g. `DATA_DIR/feedback.sqlite`. */
  constructor(readonly file: string) {}

  /** Records one rating; returns its id. */
  async add(input: FeedbackInput, now = new Date()): Promise<string> {
    const id = randomUUID();
    this.open()
      .prepare(
        'INSERT INTO feedback (id, created_at, rating, question, answer, comment, citations) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        now.toISOString(),
        input.rating,
        input.question,
        input.answer,
        input.comment ?? null,
        JSON.stringify(input.citations),
      );
    return id;
  }

  /** Sets the comment of an earlier rating; false when the id is unknown. */
  async setComment(id: string, comment: string): Promise<boolean> {
    return this.open().prepare('UPDATE feedback SET comment = ? WHERE id = ?').run(comment, id).changes > 0;
  }

  /** Every rating, oldest first. */
  async list(): Promise<FeedbackRecord[]> {
    const rows = this.open().prepare('SELECT * FROM feedback ORDER BY created_at, rowid').all() as Row[];
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      rating: r.rating,
      question: r.question,
      answer: r.answer,
      comment: r.comment,
      citations: parseCitations(r.citations),
    }));
  }

  /** Closes the database (reopened on next use). */
  async close(): Promise<void> {
    this.db?.close();
    this.db = undefined;
  }

  private open(): Database.Database {
    if (this.db) return this.db;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const db = new Database(this.file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    this.db = db;
    return db;
  }
}

function parseCitations(json: string): FeedbackCitation[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as FeedbackCitation[]) : [];
  } catch {
    return [];
  }
}
