import { SEEN_TTL_MS, type SeenKeyStore } from '../../slack/dedupe.js';
import type { Queryable } from './sql.js';
import { everyAtMost } from './sweep.js';
import { orUnavailable } from './unavailable.js';

/**
 * Records all keys in one statement and returns those that were new: inserted, or present but
 * expired (then renewed). A key another transaction is inserting waits for it and then counts as
 * seen, so concurrent deliveries sharing a key cannot both come out new; the keys are locked in
 * sorted order, so two deliveries never wait on each other in a cycle.
 */
const RECORD_SQL = `
INSERT INTO slack_seen (key, expires_at)
SELECT k, now() + make_interval(secs => $2::double precision / 1000)
FROM unnest($1::text[]) WITH ORDINALITY AS t (k, i)
ORDER BY i
ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE slack_seen.expires_at <= now()
RETURNING key`;

/** How often expired keys are deleted, at most. */
const SWEEP_INTERVAL_MS = 10 * 60_000;

/**
 * Slack dedupe keys in the shared PostgreSQL table `slack_seen` (primary key, `ON CONFLICT`), so a
 * retry that lands on another replica is recognised. A delivery is new only when none of its keys
 * is remembered; all its keys are recorded either way (except ones still remembered, whose expiry
 * is left as it was). Expired rows are deleted now and then, in the background.
 * Rejects with `store_unavailable` when the database cannot be reached; wrap it in
 * `FallbackSeenKeys` for the Slack bot.
 */
export class PostgresSeenKeys implements SeenKeyStore {
  private readonly sweep: () => void;

  /**
   * @param db the shared pool (not closed by {@link close}).
   * @param ttlMs how long a key is remembered.
   */
  constructor(
    private readonly db: Queryable,
    private readonly ttlMs = SEEN_TTL_MS,
  ) {
    this.sweep = everyAtMost(SWEEP_INTERVAL_MS, () =>
      this.db.query('DELETE FROM slack_seen WHERE expires_at <= now()'),
    );
  }

  /** Records the keys; true when none of them was remembered (atomically, across replicas). */
  async firstTime(...keys: string[]): Promise<boolean> {
    const unique = [...new Set(keys)].sort();
    if (unique.length === 0) return true;
    const { rows } = await orUnavailable('recording a Slack delivery', () =>
      this.db.query<{ key: string }>(RECORD_SQL, [unique, this.ttlMs]),
    );
    this.sweep();
    return rows.length === unique.length;
  }

  /** Nothing to release: the pool belongs to its creator. */
  async close(): Promise<void> {}
}
