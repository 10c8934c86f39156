import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerStart } from './server.js';

const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));

/** A citecheck server running in a child process. */
export interface BenchServer {
  url: string;
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    if (child.connected) child.disconnect();
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

/** Starts the app (see `http-server.ts`) in its own process, configured by `env`, and waits until it listens. */
export function startBenchServer(env: Record<string, string>): Promise<BenchServer> {
  const child = fork(SERVER, [], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (msg: { port?: number; error?: string }) => {
      if (msg.port) resolve({ url: `http://127.0.0.1:${msg.port}`, stop: () => stopChild(child) });
      else void stopChild(child).then(() => reject(new Error(`bench server failed: ${msg.error}`)));
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited with code ${code}`)));
    child.send({ env } satisfies ServerStart);
  });
}
