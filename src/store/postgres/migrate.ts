import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Queryable, SqlDatabase } from './sql.js';

/** One numbered schema change (`migrations/0001_name.sql`). */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Advisory lock key every replica takes while migrating, so one applies and the others wait. */
export const MIGRATION_LOCK_KEY = 7_315_001;

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const FILE_RE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** The migrations shipped with the code, in version order. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await fs.readdir(dir)).filter((f) => FILE_RE.test(f)).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const [, version, name] = FILE_RE.exec(file)!;
    migrations.push({ version: Number(version), name: name!, sql: await fs.readFile(`${dir}/${file}`, 'utf8') });
  }
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migrations must be numbered 1, 2, 3, ...: ${m.version} found at position ${i + 1}`);
  });
  return migrations;
}

/** Outcome of {@link migrate}. */
export interface MigrateResult {
  /** Versions applied by this call. */
  applied: number[];
  /** The schema version afterwards. */
  version: number;
}

/**
 * Brings the schema up to date: under a session advisory lock (one replica migrates, the others wait
 * and then find nothing to do), each migration newer than `schema_version` runs in its own
 * transaction together with its `schema_version` row. A database newer than the code is refused.
 */
export async function migrate(db: SqlDatabase, migrations?: readonly Migration[]): Promise<MigrateResult> {
  const list = migrations ?? (await readMigrations());
  return db.session(async (conn) => {
    await conn.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await conn.exec(
        'CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const current = await schemaVersion(conn);
      const latest = list.at(-1)?.version ?? 0;
      if (current > latest)
        throw new Error(
          `the database schema is version ${current}, newer than this code's ${latest}; upgrade citecheck`,
        );
      const applied: number[] = [];
      for (const m of list.filter((x) => x.version > current)) {
        await conn.exec('BEGIN');
        try {
          await conn.exec(m.sql);
          await conn.query('INSERT INTO schema_version (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await conn.exec('COMMIT');
        } catch (err) {
          await conn.exec('ROLLBACK').catch(() => undefined);
          throw new Error(`migration ${m.version} (${m.name}) failed: ${(err as Error).message}`);
        }
        applied.push(m.version);
      }
      return { applied, version: Math.max(current, latest) };
    } finally {
      await conn.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  });
}

async function schemaVersion(conn: Queryable): Promise<number> {
  const { rows } = await conn.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
  return rows[0]?.v ?? 0;
}
