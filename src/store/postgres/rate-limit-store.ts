import type { ClientRateLimitInfo, HonoConfigType, Store } from 'hono-rate-limiter';
import type { Queryable } from './sql.js';
import { everyAtMost } from './sweep.js';
import { orUnavailable } from './unavailable.js';

/**
 * One hit, atomically: a new key or an expired window starts a window of `$2` ms at 1 hit, anything
 * else adds one. Row locking serialises concurrent hits on a key, from any replica.
 */
const INCREMENT_SQL = `
INSERT INTO rate_limit_hits AS r (key, hits, reset_at)
VALUES ($1, 1, now() + make_interval(secs => $2::double precision / 1000))
ON CONFLICT (key) DO UPDATE SET
  hits = CASE WHEN r.reset_at <= now() THEN 1 ELSE r.hits + 1 END,
  reset_at = CASE WHEN r.reset_at <= now() THEN EXCLUDED.reset_at ELSE r.reset_at END
RETURNING hits, reset_at`;

/** How often expired windows are deleted, at most. */
const SWEEP_INTERVAL_MS = 5 * 60_000;

interface HitsRow {
  hits: number;
  reset_at: Date;
}

/**
 * A hono-rate-limiter `Store` counting fixed windows in the shared PostgreSQL table
 * `rate_limit_hits`, so the limit holds across replicas. Keys are stored as `prefix + key`; give each
 * budget its own prefix. Expired windows are deleted now and then, in the background. Rejects with
 * `store_unavailable` when the database cannot be reached.
 */
export class PostgresRateLimitStore implements Store {
  /** Counters are shared with every process using the same database. */
  readonly localKeys = false;
  private windowMs = 60_000;
  private readonly sweep: () => void;

  /**
   * @param db the shared pool (not closed by {@link shutdown}).
   * @param prefix prepended to every key, e.g. `rl:answering:`.
   */
  constructor(
    private readonly db: Queryable,
    readonly prefix: string,
  ) {
    this.sweep = everyAtMost(SWEEP_INTERVAL_MS, () =>
      this.db.query('DELETE FROM rate_limit_hits WHERE reset_at <= now()'),
    );
  }

  /** Takes the window length from the middleware's options. */
  init(options: HonoConfigType): void {
    this.windowMs = options.windowMs;
  }

  /** The client's hits in the current window, if it has one. */
  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const { rows } = await this.run(
      'reading a rate limit',
      'SELECT hits, reset_at FROM rate_limit_hits WHERE key = $1 AND reset_at > now()',
      [this.prefix + key],
    );
    return rows[0] ? info(rows[0]) : undefined;
  }

  /** Counts one hit; resolves to the hits so far in this window and when it ends. */
  async increment(key: string): Promise<ClientRateLimitInfo> {
    const { rows } = await this.run('counting a request', INCREMENT_SQL, [this.prefix + key, this.windowMs]);
    this.sweep();
    return info(rows[0]!);
  }

  /** Takes back one hit of the current window (never below zero). */
  async decrement(key: string): Promise<void> {
    await this.run(
      'counting a request',
      'UPDATE rate_limit_hits SET hits = hits - 1 WHERE key = $1 AND hits > 0 AND reset_at > now()',
      [this.prefix + key],
    );
  }

  /** Forgets the client's window. */
  async resetKey(key: string): Promise<void> {
    await this.run('resetting a rate limit', 'DELETE FROM rate_limit_hits WHERE key = $1', [this.prefix + key]);
  }

  /** Forgets every window under this prefix. */
  async resetAll(): Promise<void> {
    const pattern = `${this.prefix.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    await this.run('resetting rate limits', 'DELETE FROM rate_limit_hits WHERE key LIKE $1', [pattern]);
  }

  private run(what: string, sql: string, params: unknown[]) {
    return orUnavailable(what, () => this.db.query<HitsRow>(sql, params));
  }
}

function info(row: HitsRow): ClientRateLimitInfo {
  return { totalHits: Number(row.hits), resetTime: new Date(row.reset_at) };
}
