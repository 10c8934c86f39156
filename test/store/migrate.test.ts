import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { migrate, readMigrations } from '../../src/store/postgres/migrate.js';
import { createPool, type SqlDatabase } from '../../src/store/postgres/sql.js';
import { describePg, freshDatabase } from '../helpers/postgres.js';

describePg('schema migrations on PostgreSQL', () => {
  let db: SqlDatabase;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    db = createPool(loadConfig({ DATABASE_URL: fresh.url }).database!);
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  it('applies every numbered migration once, even when replicas migrate at the same time', async () => {
    const shipped = await readMigrations();
    expect(shipped.map((m) => m.version)).toEqual(shipped.map((_, i) => i + 1));
    const results = await Promise.all([migrate(db), migrate(db), migrate(db)]);
    const applied = results.flatMap((r) => r.applied).sort();
    expect(applied).toEqual(shipped.map((m) => m.version));
    expect(results.every((r) => r.version === shipped.length)).toBe(true);
    const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_version ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(shipped.map((m) => m.version));
    expect((await migrate(db)).applied).toEqual([]);
  });

  it('rolls a failing migration back whole and refuses a schema newer than the code', async () => {
    const shipped = await readMigrations();
    const broken = [
      ...shipped,
      {
        version: shipped.length + 1,
        name: 'broken',
        sql: 'CREATE TABLE half_done (x int); SELECT no_such_function();',
      },
    ];
    await expect(migrate(db, broken)).rejects.toThrow(/migration \d+ \(broken\) failed/);
    const { rows } = await db.query("SELECT to_regclass('half_done') AS t");
    expect(rows[0]).toEqual({ t: null });
    await expect(migrate(db, shipped.slice(0, 1))).rejects.toThrow(/newer than this code/);
  });
});
