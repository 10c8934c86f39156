import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';

/** The test PostgreSQL server (see `servers-global.ts`), or undefined when none could be started. */
export const pgTestUrl = process.env.PG_TEST_URL;

/** `describe` for suites that need PostgreSQL: skipped without a server, failing under `REQUIRE_POSTGRES`. */
export const describePg = pgTestUrl || process.env.REQUIRE_POSTGRES ? describe : describe.skip;

/** A new, empty database on the test server, and how to drop it. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!pgTestUrl) throw new Error('PG_TEST_URL is not set and no PostgreSQL server could be started');
  const name = `citecheck_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgTestUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgTestUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: pgTestUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
