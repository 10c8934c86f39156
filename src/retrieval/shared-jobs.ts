import type { ReindexReport } from './reindex-tracker.js';
import type { SharedBuilds } from './shared-builds.js';

/** How often a followed rebuild is checked. */
export const FOLLOW_POLL_MS = 400;

/** How long to wait for the holder of the build lock to record its job before giving up. */
export const JOB_APPEAR_MS = 10_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits for the rebuild another process runs to finish and returns its final report: job `jobId`, or
 * else the running one (the lock holder may record it a moment after taking the lock). `ownId` is
 * this process's attempt, reported as failed when no other job appears.
 */
export async function followJob(shared: SharedBuilds, ownId: string, jobId?: string): Promise<ReindexReport> {
  let followed = jobId;
  const appearBy = Date.now() + JOB_APPEAR_MS;
  for (;;) {
    const running = await shared.runningJob();
    if (running && running.id !== ownId) followed ??= running.id;
    if (followed && running?.id !== followed) {
      const final = await shared.job(followed);
      if (final) return final;
    }
    if (!followed && !running && Date.now() > appearBy) {
      return {
        id: ownId,
        state: 'failed',
        startedAt: new Date().toISOString(),
        error: 'another replica held the build lock but recorded no rebuild',
      };
    }
    await sleep(FOLLOW_POLL_MS);
  }
}
