import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** Where Debian's PostgreSQL 15 server binaries live; without them, `initdb` and `postgres` are taken from the PATH. */
export const PG_BIN_DIR = '/usr/lib/postgresql/15/bin';

/** A PostgreSQL server the bench started, and how to stop it (which also removes its data). */
export interface PostgresServer {
  /** Connection string of its `postgres` database, as the `postgres` superuser (trust auth, loopback only). */
  url: string;
  stop(): Promise<void>;
}

const binary = (name: string) => (fs.existsSync(path.join(PG_BIN_DIR, name)) ? path.join(PG_BIN_DIR, name) : name);

/** A TCP port free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` accepts a query; rejects when the server exits or `timeoutMs` passes. */
async function waitForServer(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited with code ${child.exitCode}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (err) {
      if (Date.now() > deadline)
        throw new Error(`postgres did not accept connections within ${timeoutMs} ms: ${(err as Error).message}`);
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      // The server (a grandchild under runuser) may still hold the pipe for a moment; let go of it.
      child.stderr?.destroy();
      resolve();
    });
    // SIGINT is PostgreSQL's "fast" shutdown: open sessions are ended, no waiting for clients.
    child.kill('SIGINT');
  });
}

/** Uid and gid of the `postgres` user, which initdb and the server run as when this process is root. */
function postgresIds(): [number, number] {
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0)
    throw new Error('running as root, but there is no postgres user to run initdb and the server as');
  return [Number(uid.stdout.trim()), Number(gid.stdout.trim())];
}

/**
 * Starts a throwaway PostgreSQL server: `initdb` into a new temporary folder (as the `postgres`
 * user when root, since initdb refuses root) and `postgres` on a free loopback port with its
 * socket in that folder. Server settings are the defaults (fsync on), so writes cost what they
 * would on a real server of the same disk, unless `settings` (`-c name=value`) say otherwise.
 * `stop` shuts it down and deletes the folder. The tests' global set-up starts theirs with it too.
 */
export async function startPostgres(settings: Readonly<Record<string, string>> = {}): Promise<PostgresServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citecheck-pg-'));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const asRoot = process.getuid?.() === 0;
    if (asRoot) fs.chownSync(dir, ...postgresIds());
    const wrap = (cmd: string, args: string[]): [string, string[]] =>
      asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    const data = path.join(dir, 'data');
    const [initCmd, initArgs] = wrap(binary('initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
    if (init.status !== 0)
      throw new Error(`initdb failed: ${init.stderr || init.error?.message || `exit code ${init.status}`}`);
    const port = await freePort();
    const options = Object.entries({ listen_addresses: '127.0.0.1', ...settings }).flatMap(([k, v]) => [
      '-c',
      `${k}=${v}`,
    ]);
    const [cmd, args] = wrap(binary('postgres'), ['-D', data, '-p', String(port), '-k', dir, ...options]);
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (b: Buffer) => {
      stderr = (stderr + b.toString()).slice(-4000);
    });
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    try {
      await waitForServer(url, child);
    } catch (err) {
      await stopChild(child);
      throw new Error(`${(err as Error).message}\n${stderr.trim()}`);
    }
    return {
      url,
      stop: async () => {
        // runuser does not pass signals on, so the server is told to stop by the pid in its lock file.
        const pidFile = path.join(data, 'postmaster.pid');
        const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
        if (Number.isInteger(pid) && pid > 0) {
          try {
            process.kill(pid, 'SIGINT');
          } catch {
            // already gone
          }
        }
        for (let i = 0; i < 100 && fs.existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
        await stopChild(child);
        remove();
      },
    };
  } catch (err) {
    remove();
    throw err;
  }
}

/** A database made for one measurement, and how to drop it. */
export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty database named `citecheck_bench_<random>` on the server of `adminUrl` (whose
 * role needs CREATEDB) and returns its connection string; `drop` removes it, ending any session
 * still open on it.
 */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `citecheck_bench_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
