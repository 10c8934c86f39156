import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Vitest global set-up: gives the tests a PostgreSQL and a Redis server on loopback. A server named
 * by `PG_TEST_URL` / `REDIS_TEST_URL` (CI starts them) is used as is; otherwise one is started here
 * from the installed binaries and stopped at the end. Tests that need a missing server skip, unless
 * `REQUIRE_POSTGRES` / `REQUIRE_REDIS` is set, when they fail.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  if (!process.env.PG_TEST_URL) {
    const pg = await startPostgres().catch((err: Error) => {
      console.warn(`PostgreSQL tests skipped: ${err.message}`);
      return undefined;
    });
    if (pg) {
      process.env.PG_TEST_URL = pg.url;
      stops.push(pg.stop);
    }
  }
  if (!process.env.REDIS_TEST_URL) {
    const redis = await startRedis().catch((err: Error) => {
      console.warn(`Redis tests skipped: ${err.message}`);
      return undefined;
    });
    if (redis) {
      process.env.REDIS_TEST_URL = redis.url;
      stops.push(redis.stop);
    }
  }
  return async () => {
    for (const stop of stops) await stop();
  };
}

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not listen on ${port} within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/** initdb into a temporary folder (as the `postgres` user when root, which initdb refuses) and start on a free loopback port. */
async function startPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (!fs.existsSync(path.join(PG_BIN, 'initdb'))) throw new Error(`no PostgreSQL binaries in ${PG_BIN}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citecheck-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) fs.chownSync(dir, ...postgresIds());
  const wrap = (cmd: string, args: string[]) => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] as const : [cmd, args] as const);
  const [initCmd, initArgs] = wrap(path.join(PG_BIN, 'initdb'), ['-D', path.join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.error?.message}`);
  const port = await freePort();
  const [cmd, args] = wrap(path.join(PG_BIN, 'postgres'), [
    '-D', path.join(dir, 'data'), '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200',
  ]);
  const child = spawn(cmd, args, { stdio: 'ignore' });
  await waitForPort(port, child, 'postgres');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await stopChild(child, 'SIGINT');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresIds(): [number, number] {
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (id.status !== 0) throw new Error('no postgres user to run initdb as');
  return [Number(id.stdout.trim()), Number(gid.stdout.trim())];
}

async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (which.status !== 0) throw new Error('redis-server is not installed');
  const port = await freePort();
  const child = spawn(which.stdout.trim(), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await waitForPort(port, child, 'redis-server');
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopChild(child, 'SIGTERM') };
}
