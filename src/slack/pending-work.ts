/** Tracks background work started after a request was acknowledged, so it can be awaited (tests, shutdown). */
export class PendingWork {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly onError: (err: unknown) => void = () => undefined) {}

  /** Starts tracking `work`; its failure goes to `onError` and is never unhandled. */
  track(work: Promise<unknown>): void {
    const done: Promise<void> = work.then(
      () => undefined,
      (err: unknown) => this.onError(err),
    );
    const entry = done.finally(() => this.running.delete(entry));
    this.running.add(entry);
  }

  /** Work still running. */
  get size(): number {
    return this.running.size;
  }

  /** Resolves once nothing is running, including work started while waiting. */
  async drain(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }
}
