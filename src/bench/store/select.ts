import { type DatabaseConfig, loadConfig } from '../../config.js';
import { BENCH_STORES, type BenchStore } from '../types.js';
import { createBenchDatabase, type PostgresServer, startPostgres } from './postgres-server.js';

/** `--store`: `embedded` when absent; undefined for anything but a known store. */
export function parseBenchStore(value: string | undefined): BenchStore | undefined {
  const v = (value ?? 'embedded').trim().toLowerCase();
  return BENCH_STORES.find((s) => s === v);
}

/** The PostgreSQL server the postgres store is measured on. */
export interface BenchPostgres {
  /** `DATABASE_URL` when it was given, else a throwaway server started for this run. */
  source: 'DATABASE_URL' | 'started';
  /** Runs `fn` with a new, empty database on the server, dropped afterwards (also when `fn` throws). */
  withDatabase<T>(fn: (database: DatabaseConfig) => Promise<T>): Promise<T>;
  /** Stops the server if this run started it. */
  close(): Promise<void>;
}

/**
 * The server for `--store postgres`: the one `configured` names (`DATABASE_URL`, with its pool
 * settings; its role must be allowed to create databases), or else one started with
 * {@link startPostgres} and stopped by `close`. Every database made on it is used for one
 * measurement and dropped, so nothing is left behind on a shared server.
 */
export async function openBenchPostgres(
  configured: DatabaseConfig | undefined,
  log: (line: string) => void = () => undefined,
): Promise<BenchPostgres> {
  let server: PostgresServer | undefined;
  let admin = configured;
  if (!admin) {
    log('postgres: no DATABASE_URL, starting a throwaway server');
    server = await startPostgres();
    admin = loadConfig({ DATABASE_URL: server.url }).database;
    if (!admin) {
      await server.stop();
      throw new Error(`no database configuration for ${server.url}`);
    }
    log(`postgres: listening at ${new URL(server.url).host}`);
  }
  const base = admin;
  return {
    source: server ? 'started' : 'DATABASE_URL',
    async withDatabase(fn) {
      const db = await createBenchDatabase(base.url);
      try {
        return await fn({ ...base, url: db.url });
      } finally {
        await db.drop();
      }
    },
    close: async () => {
      await server?.stop();
    },
  };
}
