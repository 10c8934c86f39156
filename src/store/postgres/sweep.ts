/**
 * A trigger for background housekeeping (deleting expired rows): the returned function starts `task`
 * when the last start was at least `intervalMs` ago, and otherwise does nothing. The task runs
 * unawaited; its failures are ignored, since the next trigger after the interval retries it.
 */
export function everyAtMost(
  intervalMs: number,
  task: () => Promise<unknown>,
  now: () => number = Date.now,
): () => void {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const t = now();
    if (t - last < intervalMs) return;
    last = t;
    task().catch(() => undefined);
  };
}
