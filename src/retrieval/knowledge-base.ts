import { AppError } from '../errors.js';
import {
  CHUNKER_VERSION,
  chunkDocument,
  DEFAULT_CHUNK_OPTIONS,
  type IngestWarning,
  loadCorpus,
} from '../ingest/index.js';
import type { Chunk, SourceDocument } from '../types.js';
import type { RetrievalEmbedder } from './embedder.js';
import { EmbeddingCollector } from './embedding-collector.js';
import { loadIndex } from './index-store.js';
import { type ReindexReport, ReindexTracker } from './reindex-tracker.js';
import { buildRetriever, computeCorpusHash, fromStored, type HybridRetriever, saveRetriever } from './retriever.js';
import type { LoadedBuild, SharedBuilds } from './shared-builds.js';
import { followJob } from './shared-jobs.js';
import type { HnswSettings } from './vector-index.js';

/** Where a served snapshot came from. */
export type SnapshotOrigin = 'disk' | 'database' | 'build';

/** An immutable, fully loaded view of the corpus and its indexes. */
export interface KnowledgeSnapshot {
  retriever: HybridRetriever;
  docs: readonly SourceDocument[];
  chunks: readonly Chunk[];
  docById: ReadonlyMap<string, SourceDocument>;
  chunkById: ReadonlyMap<string, Chunk>;
  chunksByDoc: ReadonlyMap<string, readonly Chunk[]>;
  buildId: string;
  corpusHash: string;
  /** Whether this snapshot was loaded from disk, from the shared database, or built in this process. */
  origin: SnapshotOrigin;
  warnings: readonly IngestWarning[];
}

/** Lifecycle of the knowledge base as reported by `/readyz`. */
export interface KnowledgeBaseStatus {
  state: 'starting' | 'loading' | 'building' | 'ready' | 'failed';
  buildId?: string;
  docs?: number;
  chunks?: number;
  origin?: SnapshotOrigin;
  error?: string;
  /** True while a background rebuild ({@link KnowledgeBase.reindex}) runs; the served build is unaffected. */
  reindexing: boolean;
  /** The running or most recent background rebuild. */
  reindex?: ReindexReport;
}

/** Structured logger surface used here (pino-compatible). */
export interface KbLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error?(obj: object, msg?: string): void;
}

/** Options of {@link KnowledgeBase}. */
export interface KnowledgeBaseOptions {
  corpusDir: string;
  dataDir: string;
  embedder: RetrievalEmbedder;
  logger?: KbLogger;
  /** HNSW settings (config `hnsw`): builds use them, and a stored graph built with another M or efConstruction is rebuilt. */
  hnsw?: HnswSettings;
  /** Counts finished background rebuilds by outcome. */
  metrics?: { recordReindex(outcome: 'succeeded' | 'failed'): void };
  /**
   * Builds shared with other replicas through a database (`DATABASE_URL`): the current build there
   * is served, one replica builds at a time, and a build made current anywhere is served here too.
   * Without it the index lives in `dataDir`.
   */
  shared?: SharedBuilds;
}

/** Outcome of opening: the snapshot and what it took. */
export interface OpenResult {
  snapshot: KnowledgeSnapshot;
  rebuilt: boolean;
  reason?: string;
  ms: number;
}

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
  private watcher: { stop: () => Promise<void> } | undefined;
  private adopting: Promise<void> = Promise.resolve();
  /** A rebuild this process runs, whose own announcement must not make it load the build again. */
  private localBuild: Promise<unknown> | undefined;

  constructor(private readonly opts: KnowledgeBaseOptions) {}

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
      if (this.opts.shared) return await this.openShared(this.opts.shared, started, options.force ?? false);
      const { docs, warnings, corpusHash } = await this.readCorpus();
      let reason = 'forced rebuild';
      if (!options.force) {
        const embedder = this.opts.embedder;
        const loaded = await loadIndex(this.opts.dataDir, {
          corpusHash,
          embedderId: embedder.id,
          hnsw: this.opts.hnsw,
        });
        if (loaded.status === 'ok') {
          const retriever = fromStored(loaded.index, embedder);
          const snapshot = makeSnapshot(retriever, loaded.index.buildId, corpusHash, 'disk', warnings);
          return this.serve(snapshot, { rebuilt: false, ms: performance.now() - started });
        }
        reason = `${loaded.status}: ${loaded.reason}`;
        if (loaded.status === 'corrupt' || loaded.status === 'mismatch')
          log?.warn({ reason }, 'stored index unusable; rebuilding');
        else log?.info({ reason }, 'no stored index; building');
      }
      if (!this.snapshot) this.state = 'building';
      const snapshot = await this.build(docs, warnings, corpusHash);
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
  reindex(): { report: ReindexReport; joined: boolean; done: Promise<ReindexReport> } {
    const running = this.reindexes.current();
    if (running) return { ...running, joined: true };
    if (this.opening && !this.snapshot)
      throw new AppError('not_ready', 'The index is still loading; try the reindex again when /readyz is ready');
    const previous = this.snapshot?.buildId;
    const shared = this.opts.shared;
    /** Whether this process took the build lock and recorded the job (so it records the outcome too). */
    let recorded = false;
    const run = this.reindexes.start(previous, async (report) => {
      const started = performance.now();
      const rebuild = async () => {
        const work = (async () => {
          const { docs, warnings, corpusHash } = await this.readCorpus();
          if (docs.length === 0 && this.snapshot?.docs.length)
            throw new Error(`no readable documents in ${this.opts.corpusDir}`);
          const snapshot = await this.build(docs, warnings, corpusHash);
          this.serve(snapshot, { rebuilt: true, reason: 'reindex', ms: performance.now() - started });
          return snapshot.buildId;
        })();
        this.localBuild = work;
        try {
          return await work;
        } finally {
          this.localBuild = undefined;
        }
      };
      if (!shared) return rebuild();
      const own = await shared.exclusive(
        async () => {
          await shared.recordJob(report);
          recorded = true;
          return rebuild();
        },
        { wait: false },
      );
      return own.ran ? own.value : this.followRemote(shared, report.id);
    });
    if (shared) {
      void run.done
        .then((final) => (recorded ? shared.recordJob(final) : undefined))
        .catch((err: Error) => this.opts.logger?.warn({ err: err.message }, 'could not record the reindex job'));
    }
    const log = this.opts.logger;
    log?.info({ reindexId: run.report.id, buildId: previous }, 'reindex started');
    void run.done.then((report) => {
      this.opts.metrics?.recordReindex(report.state === 'succeeded' ? 'succeeded' : 'failed');
      if (report.state === 'succeeded') {
        log?.info(
          { reindexId: report.id, buildId: report.buildId, previousBuildId: previous, ms: report.ms },
          'reindex finished',
        );
        return;
      }
      const failure = { reindexId: report.id, err: report.error, buildId: previous };
      if (log?.error) log.error(failure, 'reindex failed; still serving the previous build');
      else log?.warn(failure, 'reindex failed; still serving the previous build');
    });
    return { ...run, joined: false };
  }

  /**
   * What `npm run ingest` does: {@link open} (rebuilding when `force`). With shared builds the build in
   * the database is kept only when it was made from this corpus; otherwise (or with `force`) a new one
   * is built here as a reindex job, recorded like one asked over HTTP, and made current for every replica.
   */
  async ingest(options: { force?: boolean } = {}): Promise<OpenResult> {
    if (!this.opts.shared) return this.open(options);
    const started = performance.now();
    const opened = await this.open();
    if (opened.rebuilt) return opened;
    const { corpusHash } = await this.readCorpus();
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
  async startReindex(): Promise<{ report: ReindexReport; joined: boolean; done: Promise<ReindexReport> }> {
    const shared = this.opts.shared;
    // Without shared builds, while a local rebuild runs, or before the first load (`not_ready`), it is `reindex`'s to answer.
    if (!shared || this.reindexes.running || (this.opening && !this.snapshot)) return this.reindex();
    const remote = await shared.runningJob();
    if (!remote) return this.reindex();
    const run = this.reindexes.start(
      this.snapshot?.buildId,
      () => this.followRemote(shared, remote.id, remote.id),
      remote,
    );
    return { ...run, joined: true };
  }

  /** Stops following builds made current by other replicas. */
  async close(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = undefined;
    await watcher?.stop();
  }

  /** Waits for the rebuild another replica runs (`jobId`, or the one it is about to record), then serves its build. */
  private async followRemote(shared: SharedBuilds, ownId: string, jobId?: string): Promise<string> {
    const final = await followJob(shared, ownId, jobId);
    if (final.state === 'failed' || !final.buildId)
      throw new Error(final.error ?? 'the rebuild on another replica failed');
    await this.adopt(shared, final.buildId);
    return final.buildId;
  }

  private async openShared(shared: SharedBuilds, started: number, force: boolean): Promise<OpenResult> {
    const { embedder, hnsw } = this.opts;
    let reason = 'forced rebuild';
    if (!force) {
      const loaded = await shared.loadCurrent(embedder, hnsw);
      if (loaded.status === 'ok')
        return this.serveShared(shared, fromShared(loaded.build), { rebuilt: false, ms: performance.now() - started });
      reason = `${loaded.status}: ${loaded.reason}`;
      this.opts.logger?.info({ reason }, 'no usable build in the database; building');
    }
    if (!this.snapshot) this.state = 'building';
    const outcome = await shared.exclusive(
      async () => {
        if (!force) {
          const again = await shared.loadCurrent(embedder, hnsw);
          if (again.status === 'ok') return { snapshot: fromShared(again.build), rebuilt: false };
        }
        const { docs, warnings, corpusHash } = await this.readCorpus();
        return { snapshot: await this.build(docs, warnings, corpusHash), rebuilt: true };
      },
      { wait: true },
    );
    if (!outcome.ran) throw new Error('the build lock was not granted');
    const { snapshot, rebuilt } = outcome.value;
    return this.serveShared(shared, snapshot, {
      rebuilt,
      ...(rebuilt ? { reason } : {}),
      ms: performance.now() - started,
    });
  }

  private serveShared(
    shared: SharedBuilds,
    snapshot: KnowledgeSnapshot,
    info: Omit<OpenResult, 'snapshot'>,
  ): OpenResult {
    const result = this.serve(snapshot, info);
    this.watcher ??= shared.watch(
      (buildId) => void this.adopt(shared, buildId),
      (err) => this.opts.logger?.warn({ err: err.message }, 'watching for new builds failed; retrying'),
    );
    return result;
  }

  /** Serves build `buildId` from the database unless it already is; one load at a time. */
  private adopt(shared: SharedBuilds, buildId: string): Promise<void> {
    const log = this.opts.logger;
    this.adopting = this.adopting
      .then(async () => {
        await this.localBuild?.catch(() => undefined);
        if (this.snapshot?.buildId === buildId || this.opening) return;
        const started = performance.now();
        const loaded = await shared.load(buildId, this.opts.embedder, this.opts.hnsw);
        if (loaded.status !== 'ok') return log?.warn({ buildId, reason: loaded.reason }, 'cannot serve the new build');
        if (this.snapshot?.buildId === buildId) return;
        this.serve(fromShared(loaded.build), {
          rebuilt: false,
          reason: 'new build in the database',
          ms: performance.now() - started,
        });
      })
      .catch((err: Error) => log?.warn({ buildId, err: err.message }, 'loading the new build failed'));
    return this.adopting;
  }

  private async readCorpus(): Promise<{ docs: SourceDocument[]; warnings: IngestWarning[]; corpusHash: string }> {
    const log = this.opts.logger;
    const { docs, warnings } = await loadCorpus(this.opts.corpusDir, {
      onWarning: (w) => log?.warn({ file: w.file }, `skipped ${w.file}: ${w.message}`),
    });
    const corpusHash = computeCorpusHash(docs, [CHUNKER_VERSION, JSON.stringify(DEFAULT_CHUNK_OPTIONS)]);
    return { docs, warnings, corpusHash };
  }

  /** Chunks, embeds and indexes `docs`, persists the build atomically and returns it as a snapshot. */
  private async build(
    docs: readonly SourceDocument[],
    warnings: readonly IngestWarning[],
    corpusHash: string,
  ): Promise<KnowledgeSnapshot> {
    const chunks: Chunk[] = [];
    for (const doc of docs) {
      chunks.push(...chunkDocument(doc));
      await yieldToRequests();
    }
    const shared = this.opts.shared;
    const collector = shared ? new EmbeddingCollector(chunks.length) : undefined;
    const retriever = await buildRetriever({
      chunks,
      docs,
      embedder: this.opts.embedder,
      batchSize: 256,
      hnsw: this.opts.hnsw,
      ...(collector ? { onEmbedded: collector.add } : {}),
    });
    const buildId =
      shared && collector
        ? await shared.save({
            retriever,
            corpusHash,
            embeddings: collector.rows(),
            dimension: retriever.vectors.dimension,
          })
        : await saveRetriever(this.opts.dataDir, retriever, corpusHash);
    return makeSnapshot(retriever, buildId, corpusHash, 'build', warnings);
  }

  private serve(snapshot: KnowledgeSnapshot, info: Omit<OpenResult, 'snapshot'>): OpenResult {
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

/** The snapshot of a build loaded from the database. */
const fromShared = (build: LoadedBuild): KnowledgeSnapshot =>
  makeSnapshot(build.retriever, build.buildId, build.corpusHash, 'database', []);

/** Lets queued requests run between documents, so a rebuild in a live server does not stall it. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The snapshot of a retriever (built or loaded from disk), as {@link KnowledgeBase} serves it. */
export function makeSnapshot(
  retriever: HybridRetriever,
  buildId: string,
  corpusHash: string,
  origin: SnapshotOrigin,
  warnings: readonly IngestWarning[],
): KnowledgeSnapshot {
  const chunksByDoc = new Map<string, Chunk[]>();
  for (const c of retriever.chunks) {
    const list = chunksByDoc.get(c.docId) ?? [];
    list.push(c);
    chunksByDoc.set(c.docId, list);
  }
  return {
    retriever,
    docs: retriever.docs,
    chunks: retriever.chunks,
    docById: new Map(retriever.docs.map((d) => [d.docId, d])),
    chunkById: new Map(retriever.chunks.map((c) => [c.id, c])),
    chunksByDoc,
    buildId,
    corpusHash,
    origin,
    warnings,
  };
}
