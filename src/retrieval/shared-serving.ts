import type { KbLogger, KnowledgeBaseOptions, OpenResult, ServeInfo } from './knowledge-base-types.js';
import type { ReindexReport } from './reindex-tracker.js';
import type { SharedBuilds } from './shared-builds.js';
import { followJob } from './shared-jobs.js';
import { type KnowledgeSnapshot, snapshotOfSharedBuild } from './snapshot.js';

/** What {@link SharedServing} needs of the knowledge base it serves builds for. */
export interface ServingHost {
  /** The snapshot being served, if any. */
  current(): KnowledgeSnapshot | undefined;
  /** True while the knowledge base opens (a build announced meanwhile is not loaded). */
  isOpening(): boolean;
  /** Reports that a build has started (state `building` when nothing is served yet). */
  building(): void;
  /** Swaps `snapshot` in and reports it. */
  serve(snapshot: KnowledgeSnapshot, info: ServeInfo): OpenResult;
}

/** A reindex run with shared builds: its work for the reindex tracker and the recording of its outcome. */
export interface SharedReindexJob {
  /**
   * Runs `rebuild` as job `report` when this process gets the build lock at once (recording the job
   * first), else follows the rebuild the lock holder runs and serves its build.
   */
  run(report: Readonly<ReindexReport>, rebuild: () => Promise<string>): Promise<string>;
  /** Records the final report once `done` resolves, if this process recorded the job. */
  record(done: Promise<ReindexReport>): void;
}

/**
 * Serving builds shared by several replicas: opens the current build from the database (building it
 * under the build lock when there is none), follows builds made current anywhere and rebuilds run by
 * other replicas.
 */
export class SharedServing {
  private watcher: { stop: () => Promise<void> } | undefined;
  private adopting: Promise<void> = Promise.resolve();
  /** A rebuild this process runs, whose own announcement must not make it load the build again. */
  private localBuild: Promise<unknown> | undefined;

  constructor(
    private readonly shared: SharedBuilds,
    private readonly opts: Pick<KnowledgeBaseOptions, 'embedder' | 'hnsw' | 'logger'>,
    private readonly host: ServingHost,
  ) {}

  private get log(): KbLogger | undefined {
    return this.opts.logger;
  }

  /**
   * Serves the current build from the database, or else (and with `force`) takes the build lock and
   * serves the build another replica finished meanwhile or the one `build` makes. Then follows new builds.
   */
  async open(force: boolean, started: number, build: () => Promise<KnowledgeSnapshot>): Promise<OpenResult> {
    const { shared } = this;
    const { embedder, hnsw } = this.opts;
    let reason = 'forced rebuild';
    if (!force) {
      const loaded = await shared.loadCurrent(embedder, hnsw);
      if (loaded.status === 'ok')
        return this.serve(snapshotOfSharedBuild(loaded.build), { rebuilt: false, ms: performance.now() - started });
      reason = `${loaded.status}: ${loaded.reason}`;
      this.log?.info({ reason }, 'no usable build in the database; building');
    }
    this.host.building();
    const outcome = await shared.exclusive(
      async () => {
        if (!force) {
          const again = await shared.loadCurrent(embedder, hnsw);
          if (again.status === 'ok') return { snapshot: snapshotOfSharedBuild(again.build), rebuilt: false };
        }
        return { snapshot: await build(), rebuilt: true };
      },
      { wait: true },
    );
    if (!outcome.ran) throw new Error('the build lock was not granted');
    const { snapshot, rebuilt } = outcome.value;
    return this.serve(snapshot, { rebuilt, ...(rebuilt ? { reason } : {}), ms: performance.now() - started });
  }

  /** The reindex job running on any replica, if any. */
  runningJob(): Promise<ReindexReport | undefined> {
    return this.shared.runningJob();
  }

  /** A reindex run that records its job in the database, or follows the one another replica runs. */
  reindexJob(): SharedReindexJob {
    const { shared } = this;
    let recorded = false;
    return {
      run: async (report, rebuild) => {
        const own = await shared.exclusive(
          async () => {
            await shared.recordJob(report);
            recorded = true;
            return rebuild();
          },
          { wait: false },
        );
        return own.ran ? own.value : this.followRemote(report.id);
      },
      record: (done) => {
        void done
          .then((final) => (recorded ? shared.recordJob(final) : undefined))
          .catch((err: Error) => this.log?.warn({ err: err.message }, 'could not record the reindex job'));
      },
    };
  }

  /** Marks `work` as this process's own rebuild until it settles, so its announcement is not loaded again. */
  async ownBuild<T>(work: Promise<T>): Promise<T> {
    this.localBuild = work;
    try {
      return await work;
    } finally {
      this.localBuild = undefined;
    }
  }

  /** Waits for the rebuild another replica runs (`jobId`, or the one it is about to record), then serves its build. */
  async followRemote(ownId: string, jobId?: string): Promise<string> {
    const final = await followJob(this.shared, ownId, jobId);
    if (final.state === 'failed' || !final.buildId)
      throw new Error(final.error ?? 'the rebuild on another replica failed');
    await this.adopt(final.buildId);
    return final.buildId;
  }

  /** Stops following builds made current by other replicas. */
  async close(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = undefined;
    await watcher?.stop();
  }

  private serve(snapshot: KnowledgeSnapshot, info: ServeInfo): OpenResult {
    const result = this.host.serve(snapshot, info);
    this.watcher ??= this.shared.watch(
      (buildId) => void this.adopt(buildId),
      (err) => this.log?.warn({ err: err.message }, 'watching for new builds failed; retrying'),
    );
    return result;
  }

  /** Serves build `buildId` from the database unless it already is; one load at a time. */
  private adopt(buildId: string): Promise<void> {
    const { host, log } = this;
    this.adopting = this.adopting
      .then(async () => {
        await this.localBuild?.catch(() => undefined);
        if (host.current()?.buildId === buildId || host.isOpening()) return;
        const started = performance.now();
        const loaded = await this.shared.load(buildId, this.opts.embedder, this.opts.hnsw);
        if (loaded.status !== 'ok') return log?.warn({ buildId, reason: loaded.reason }, 'cannot serve the new build');
        if (host.current()?.buildId === buildId) return;
        host.serve(snapshotOfSharedBuild(loaded.build), {
          rebuilt: false,
          reason: 'new build in the database',
          ms: performance.now() - started,
        });
      })
      .catch((err: Error) => log?.warn({ buildId, err: err.message }, 'loading the new build failed'));
    return this.adopting;
  }
}
