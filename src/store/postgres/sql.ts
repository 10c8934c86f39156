import pg from 'pg';
import type { DatabaseConfig } from '../../config.js';

/** Rows of one statement. */
export interface SqlResult<R> {
  rows: R[];
  /** Rows inserted, updated or deleted (absent for reads on some drivers). */
  rowCount?: number | null | undefined;
}

/** Anything that runs parameterised SQL: the pool, one connection, or a transaction. */
export interface Queryable {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

/**
 * The database the stores use: node-postgres in production, PGlite in tests of the pgvector SQL.
 * `transaction` commits when `fn` resolves and rolls back when it throws; `session` holds one
 * connection for `fn` (session advisory locks, LISTEN).
 */
export interface SqlDatabase extends Queryable {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  session<T>(fn: (conn: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Idle connections are closed after this long. */
export const POOL_IDLE_TIMEOUT_MS = 30_000;

/** Wraps one node-postgres connection (or the pool) as a {@link Queryable}. */
function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    query: async <R>(text: string, params?: readonly unknown[]) => {
      const result = await client.query(text, params as unknown[] | undefined);
      return { rows: result.rows as R[], rowCount: result.rowCount };
    },
    exec: async (script) => {
      await client.query(script);
    },
  };
}

/**
 * A node-postgres pool as a {@link SqlDatabase}. Errors of idle connections (the server restarted
 * or went away) go to `onIdleError` instead of crashing the process; the pool opens fresh
 * connections on the next query, so the service recovers without a restart.
 */
export function createPool(
  config: DatabaseConfig,
  onIdleError?: (err: Error) => void,
): SqlDatabase & { pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolMax,
    connectionTimeoutMillis: config.connectTimeoutMs,
    idleTimeoutMillis: POOL_IDLE_TIMEOUT_MS,
    statement_timeout: config.statementTimeoutMs,
    application_name: 'citecheck',
  });
  pool.on('error', (err) => onIdleError?.(err));
  const session = async <T>(fn: (conn: Queryable) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      return await fn(queryable(client));
    } catch (err) {
      broken = err instanceof Error ? err : new Error(String(err));
      throw err;
    } finally {
      // A connection whose statement failed at the protocol level is discarded rather than reused.
      client.release(broken && !(broken instanceof pg.DatabaseError) ? broken : undefined);
    }
  };
  return {
    pool,
    ...queryable(pool),
    session,
    transaction: (fn) =>
      session(async (conn) => {
        await conn.query('BEGIN');
        try {
          const result = await fn(conn);
          await conn.query('COMMIT');
          return result;
        } catch (err) {
          await conn.query('ROLLBACK').catch(() => undefined);
          throw err;
        }
      }),
    close: () => pool.end(),
  };
}

/** Quotes an SQL identifier (table names made from build ids). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
