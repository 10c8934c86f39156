import { randomBytes } from 'node:crypto';

/** State of one background rebuild, as `/readyz` and the admin route report it. */
export interface ReindexReport {
  id: string;
  state: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  finishedAt?: string;
  /** Build served when the rebuild started (kept on failure). */
  previousBuildId?: string;
  /** The new build, once swapped in. */
  buildId?: string;
  error?: string;
  ms?: number;
}

/** A started rebuild: its report (updated in place) and its completion. */
export interface ReindexRun {
  report: ReindexReport;
  done: Promise<ReindexReport>;
}

/** Runs at most one rebuild at a time and remembers the latest one. */
export class ReindexTracker {
  private active: ReindexRun | undefined;
  private last: ReindexReport | undefined;

  /** True while a rebuild runs. */
  get running(): boolean {
    return this.active !== undefined;
  }

  /** The running rebuild, if any. */
  current(): ReindexRun | undefined {
    return this.active;
  }

  /** A copy of the running or most recent report. */
  latest(): ReindexReport | undefined {
    const report = this.active?.report ?? this.last;
    return report ? { ...report } : undefined;
  }

  /**
   * Starts `work` (which resolves with the new build id) unless one is running, in which case the
   * running one is returned. The returned `done` never rejects: failures end in state `failed`.
   * `seed` gives the id and start time of a rebuild another process runs, which this one follows.
   */
  start(
    previousBuildId: string | undefined,
    work: (report: Readonly<ReindexReport>) => Promise<string>,
    seed?: Pick<ReindexReport, 'id' | 'startedAt'>,
  ): ReindexRun {
    if (this.active) return this.active;
    const started = seed ? Date.now() - Date.parse(seed.startedAt) : 0;
    const t0 = performance.now() - started;
    const report: ReindexReport = {
      id: seed?.id ?? randomBytes(6).toString('hex'),
      state: 'running',
      startedAt: seed?.startedAt ?? new Date().toISOString(),
      ...(previousBuildId ? { previousBuildId } : {}),
    };
    const finish = (patch: Partial<ReindexReport>): ReindexReport => {
      Object.assign(report, patch, { finishedAt: new Date().toISOString(), ms: Math.round(performance.now() - t0) });
      this.last = report;
      this.active = undefined;
      return report;
    };
    const done = Promise.resolve()
      .then(() => work({ ...report }))
      .then(
        (buildId) => finish({ state: 'succeeded', buildId }),
        (err: unknown) =>
          finish({ state: 'failed', error: err instanceof Error ? err.message.slice(0, 500) : String(err) }),
      );
    this.active = { report, done };
    return this.active;
  }
}
