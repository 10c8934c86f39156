import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { freePort, startPostgres } from '../../src/bench/store/postgres-server.js';

/**
 * Vitest global set-up: gives the tests a PostgreSQL and a Redis server on loopback. A server named
 * by `PG_TEST_URL` / `REDIS_TEST_URL` (CI starts them) is used as is; otherwise one is started here
 * from the installed binaries and stopped at the end. Tests that need a missing server skip, unless
 * `REQUIRE_POSTGRES` / `REQUIRE_REDIS` is set, when they fail.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  if (!process.env.PG_TEST_URL) {
    const pg = await startPostgres({ fsync: 'off', max_connections: '200' }).catch((err: Error) => {
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

async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (which.status !== 0) throw new Error('redis-server is not installed');
  const port = await freePort();
  const child = spawn(
    which.stdout.trim(),
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  await waitForPort(port, child, 'redis-server');
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopChild(child, 'SIGTERM') };
}
