import type { Queryable } from './sql.js';

/** Longest `/readyz` waits for the database to answer before calling it down. */
export const HEALTH_TIMEOUT_MS = 2_000;

/** How long one answer is reused, so a burst of probes costs one query. */
export const HEALTH_CACHE_MS = 1_000;

/** Whether the database answered, and why not when it did not. */
export interface DatabaseHealth {
  status: 'up' | 'down';
  reason?: string;
}

/** A `SELECT 1` probe of the database with a time limit, its answer reused for {@link HEALTH_CACHE_MS}. */
export function databaseHealth(db: Queryable, now: () => number = Date.now): () => Promise<DatabaseHealth> {
  let last: { at: number; result: Promise<DatabaseHealth> } | undefined;
  const probe = async (): Promise<DatabaseHealth> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
    });
    try {
      await Promise.race([db.query('SELECT 1'), timeout]);
      return { status: 'up' };
    } catch (err) {
      // `/readyz` is public: the reason names the failure, never the server's address.
      const code = (err as { code?: unknown }).code;
      const what =
        typeof code === 'string'
          ? code
          : (err as Error).message.includes('no answer within')
            ? 'timeout'
            : 'connection failed';
      return { status: 'down', reason: `the database is unreachable (${what})` };
    } finally {
      clearTimeout(timer);
    }
  };
  return () => {
    const t = now();
    if (!last || t - last.at >= HEALTH_CACHE_MS) last = { at: t, result: probe() };
    return last.result;
  };
}
