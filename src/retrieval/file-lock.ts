import fs from 'node:fs/promises';
import { pidAlive } from './durable-fs.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function isStale(lockFile: string, holder: number): Promise<boolean> {
  if (Number.isNaN(holder)) {
    const st = await fs.stat(lockFile).catch(() => undefined);
    return st !== undefined && Date.now() - st.mtimeMs > 10_000;
  }
  return holder !== process.pid && !pidAlive(holder);
}

/**
 * Runs `fn` while holding an exclusive lock file (created with O_EXCL, holding our pid).
 * A lock left by a dead process is taken over; a live holder is waited for up to `timeoutMs`.
 */
export async function withFileLock<T>(lockFile: string, fn: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 10;
  for (;;) {
    try {
      const fh = await fs.open(lockFile, 'wx');
      try {
        await fh.writeFile(String(process.pid));
      } finally {
        await fh.close();
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt((await fs.readFile(lockFile, 'utf8').catch(() => '')).trim(), 10);
      if (await isStale(lockFile, holder)) {
        await fs.rm(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for lock ${lockFile} held by pid ${holder}`);
      await sleep(delay);
      delay = Math.min(delay * 2, 500);
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lockFile, { force: true });
  }
}
