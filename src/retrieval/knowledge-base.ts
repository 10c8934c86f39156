import { AppError } from '../errors.js';
import { loadIndex } from './index-store.js';
import type {
  KnowledgeBaseOptions,
  KnowledgeBaseStatus,
  OpenResult,
  ReindexStart,
  ServeInfo,
} from './knowledge-base-types.js';
import { reportReindex } from './reindex-log.js';
import { ReindexTracker } from './reindex-tracker.js';
import { fromStored } from './retriever.js';
import { SharedServing } from './shared-serving.js';
import { type KnowledgeSnapshot, makeSnapshot } from './snapshot.js';
import { buildSnapshot, readCorpus } from './snapshot-build.js';

export type { KbLogger, KnowledgeBaseOptions, KnowledgeBaseStatus, OpenResult } from './knowledge-base-types.js';
export { type KnowledgeSnapshot, makeSnapshot, type SnapshotOrigin } from './snapshot.js';

/**
 * Owns the corpus and its persisted indexes: loads the stored build when its manifest matches the
 * corpus and embedder, otherwise rebuilds (atomically) and serves the new build.
 */
export class KnowledgeBase {
  private snapshot: KnowledgeSnapshot | undefined;
  private state: KnowledgeBaseStatus['state'] = 'starting';
  private error: string | undefined;
  private opening = false;
  private readonly reindexes = new ReindexTracker();
  /** Builds shared with other replicas (`opts.shared`), if any. */
  private readonly sharing: SharedServing | undefined;

  constructor(private readonly opts: KnowledgeBaseOptions) {
    this.sharing = opts.shared
      ? new SharedServing(opts.shared, opts, {
          current: () => this.snapshot,
          isOpening: () => this.opening,
          building: () => {
            if (!this.snapshot) this.state = 'building';
          },
          serve: (snapshot, info) => this.serve(snapshot, info),
        })
      : undefined;
  }

  /** Current lifecycle state, the served build and any background rebuild. */
  status(): KnowledgeBaseStatus {
    const s = this.snapshot;
    const reindex = this.reindexes.latest();
    return {
      state: this.state,
      ...(s ? { buildId: s.buildId, docs: s.docs.length, chunks: s.chunks.length, origin: s.origin } : {}),
      ...(this.error ? { error: this.error } : {}),
      reindexing: this.reindexes.running,
      ...(reindex ? { reindex } : {}),
    };
  }

  /** The snapshot being served, if any. */
  current(): KnowledgeSnapshot | undefined {
    return this.snapshot;
  }

  /** The snapshot being served; throws `not_ready` before the first load. */
  require(): KnowledgeSnapshot {
    if (!this.snapshot) throw new AppError('not_ready', `The index is not ready yet (state: ${this.state})`);
    return this.snapshot;
  }

  /** Loads the stored index if it matches the corpus, else rebuilds it. `force` always rebuilds. */
  async open(options: { force?: boolean } = {}): Promise<OpenResult> {
    const started = performance.now();
    const log = this.opts.logger;
    this.opening = true;
    try {
      this.state = this.snapshot ? this.state : 'loading';
      if (this.sharing) return await this.sharing.open(options.force ?? false, started, () => this.buildFromCorpus());
      const corpus = await readCorpus(this.opts.corpusDir, log);
      let reason = 'forced rebuild';
      if (!options.force) {
        const { embedder, hnsw } = this.opts;
        const loaded = await loadIndex(this.opts.dataDir, {
          corpusHash: corpus.corpusHash,
          embedderId: embedder.id,
          hnsw,
        });
        if (loaded.status === 'ok') {
          const retriever = fromStored(loaded.index, embedder);
          const snapshot = makeSnapshot(retriever, loaded.index.buildId, corpus.corpusHash, 'disk', corpus.warnings);
          return this.serve(snapshot, { rebuilt: false, ms: performance.now() - started });
        }
        reason = `${loaded.status}: ${loaded.reason}`;
        if (loaded.status === 'corrupt' || loaded.status === 'mismatch')
          log?.warn({ reason }, 'stored index unusable; rebuilding');
        else log?.info({ reason }, 'no stored index; building');
      }
      if (!this.snapshot) this.state = 'building';
      const snapshot = await buildSnapshot(corpus, this.opts);
      return this.serve(snapshot, { rebuilt: true, reason, ms: performance.now() - started });
    } catch (err) {
      if (!this.snapshot) {
        this.state = 'failed';
        this.error = err instanceof Error ? err.message : String(err);
      }
      throw err;
    } finally {
      this.opening = false;
    }
  }

  /**
   * Rebuilds the index from the corpus in the background while the current snapshot keeps serving,
   * then swaps the new one in with a single assignment. A request while a rebuild runs joins it.
   * A failed rebuild (unreadable or empty corpus, write error) is logged and reported; the served
   * snapshot is never cleared. Throws `not_ready` while the first load is still in progress.
   * `done` resolves with the final report and never rejects.
   */
  reindex(): ReindexStart {
    const running = this.reindexes.current();
    if (running) return { ...running, joined: true };
    if (this.opening && !this.snapshot)
      throw new AppError('not_ready', 'The index is still loading; try the reindex again when /readyz is ready');
    const previous = this.snapshot?.buildId;
    const job = this.sharing?.reindexJob();
    const run = this.reindexes.start(previous, (report) => {
      const started = performance.now();
      const rebuild = () => this.rebuildFromCorpus(started);
      return job ? job.run(report, rebuild) : rebuild();
    });
    job?.record(run.done);
    reportReindex(run, previous, this.opts);
    return { ...run, joined: false };
  }

  /**
   * What `npm run ingest` does: {@link open} (rebuilding when `force`). With shared builds the build in
   * the database is kept only when it was made from this corpus; otherwise (or with `force`) a new one
   * is built here as a reindex job, recorded like one asked over HTTP, and made current for every replica.
   */
  async ingest(options: { force?: boolean } = {}): Promise<OpenResult> {
    if (!this.sharing) return this.open(options);
    const started = performance.now();
    const opened = await this.open();
    if (opened.rebuilt) return opened;
    const { corpusHash } = await readCorpus(this.opts.corpusDir, this.opts.logger);
    if (!options.force && opened.snapshot.corpusHash === corpusHash) return opened;
    const run = await this.startReindex();
    const report = await run.done;
    if (report.state !== 'succeeded') throw new Error(`the rebuild failed: ${report.error ?? 'unknown error'}`);
    const reason = options.force ? 'forced rebuild' : 'corpus changed since the build in the database';
    return { snapshot: this.require(), rebuilt: true, reason, ms: performance.now() - started };
  }

  /**
   * {@link reindex}, which with shared builds also joins a rebuild that another replica is running:
   * the report is that rebuild's, and this replica serves its build when it is current.
   */
  async startReindex(): Promise<ReindexStart> {
    const sharing = this.sharing;
    // Without shared builds, while a local rebuild runs, or before the first load (`not_ready`), `reindex` answers.
    if (!sharing || this.reindexes.running || (this.opening && !this.snapshot)) return this.reindex();
    const remote = await sharing.runningJob();
    if (!remote) return this.reindex();
    const follow = () => sharing.followRemote(remote.id, remote.id);
    return { ...this.reindexes.start(this.snapshot?.buildId, follow, remote), joined: true };
  }

  /** Stops following builds made current by other replicas. */
  async close(): Promise<void> {
    await this.sharing?.close();
  }

  private async buildFromCorpus(): Promise<KnowledgeSnapshot> {
    return buildSnapshot(await readCorpus(this.opts.corpusDir, this.opts.logger), this.opts);
  }

  /** Rebuilds from the corpus (refusing an empty one while documents are served), serves and returns the build. */
  private rebuildFromCorpus(started: number): Promise<string> {
    const work = (async () => {
      const corpus = await readCorpus(this.opts.corpusDir, this.opts.logger);
      if (corpus.docs.length === 0 && this.snapshot?.docs.length)
        throw new Error(`no readable documents in ${this.opts.corpusDir}`);
      const snapshot = await buildSnapshot(corpus, this.opts);
      this.serve(snapshot, { rebuilt: true, reason: 'reindex', ms: performance.now() - started });
      return snapshot.buildId;
    })();
    return this.sharing ? this.sharing.ownBuild(work) : work;
  }

  private serve(snapshot: KnowledgeSnapshot, info: ServeInfo): OpenResult {
    this.snapshot = snapshot;
    this.state = 'ready';
    this.error = undefined;
    this.opts.logger?.info(
      {
        buildId: snapshot.buildId,
        docs: snapshot.docs.length,
        chunks: snapshot.chunks.length,
        origin: snapshot.origin,
        ms: Math.round(info.ms),
      },
      snapshot.origin === 'disk' ? 'index loaded' : 'index built',
    );
    return { snapshot, ...info };
  }
}
