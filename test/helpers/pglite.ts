import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite/vector';
import type { Queryable, SqlDatabase } from '../../src/store/postgres/sql.js';

/**
 * An in-process PGlite database with pgvector, as a {@link SqlDatabase}: one connection, so a
 * session is the database itself and transactions are serialised by PGlite.
 */
export async function pgliteDatabase(): Promise<SqlDatabase & { pglite: PGlite }> {
  const pglite = await PGlite.create({ extensions: { vector } });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async <R>(text: string, params?: readonly unknown[]) => {
      const r = await q.query<R>(text, params as unknown[] | undefined);
      return { rows: r.rows, rowCount: r.affectedRows };
    },
    exec: async (script) => {
      await q.exec(script);
    },
  });
  const conn = wrap(pglite);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    pglite,
    ...conn,
    session: (fn) => serial(() => fn(conn)),
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    close: () => pglite.close(),
  };
}
