import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadJob, LoadSummary } from './load-child.js';

const CHILD = fileURLToPath(new URL('./load-child.ts', import.meta.url));

/**
 * Runs one autocannon job in a child process, so the load generator neither competes with the
 * server's event loop nor counts towards the server's memory.
 */
export function runLoadInChild(job: LoadJob): Promise<LoadSummary> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let settled = false;
    child.once('message', (msg: { summary?: LoadSummary; error?: string }) => {
      settled = true;
      if (msg.summary) resolve(msg.summary);
      else reject(new Error(`load generator failed: ${msg.error ?? 'unknown error'}`));
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`load generator exited with code ${code}`));
    });
    child.send(job);
  });
}
