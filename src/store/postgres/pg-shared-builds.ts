import os from 'node:os';
import { Bm25Index } from '../../retrieval/bm25.js';
import type { RetrievalEmbedder } from '../../retrieval/embedder.js';
import { inlineBuilder, workerBuilder } from '../../retrieval/hnsw-worker.js';
import type { ReindexReport } from '../../retrieval/reindex-tracker.js';
import { HybridRetriever } from '../../retrieval/retriever.js';
import type { BuildToStore, SharedBuilds, SharedLoadResult } from '../../retrieval/shared-builds.js';
import { type HnswSettings, resolveHnswParams, type VectorSearcher } from '../../retrieval/vector-index.js';
import { PgBuildStore } from './build-store.js';
import { watchBuilds } from './build-watcher.js';
import { hasPgvector, PGVECTOR_DEFAULT_GRAPH, PgVectorSearch } from './pgvector.js';
import { closeAbandonedJobs, jobById, recordJob, runningJob } from './reindex-jobs.js';
import type { SqlDatabase } from './sql.js';
import { orUnavailable } from './unavailable.js';

/** Advisory lock key held by the process that is building; every other one waits or joins. */
export const BUILD_LOCK_KEY = 7_315_002;

/** Loaded builds of at least this many chunks build their HNSW graph on a worker thread. */
const WORKER_THRESHOLD = 2000;

/** Options of {@link PgSharedBuilds}. */
export interface PgSharedBuildsOptions {
  /** Connection string for the dedicated LISTEN connection; without it, new builds are found by polling only. */
  listenUrl?: string;
  /** Serve vectors from pgvector when the build has a vector table (default true); false builds the graph in memory. */
  pgvector?: boolean;
  /** Names this process in the reindex jobs it runs (default host:pid). */
  replica?: string;
}

/**
 * {@link SharedBuilds} in PostgreSQL: builds in {@link PgBuildStore}, the build lock as a session
 * advisory lock, reindex jobs in `reindex_jobs`, new builds announced with NOTIFY. A loaded build
 * is served with pgvector when it was written with a vector table, else its stored embeddings are
 * indexed in memory with hnswlib and its chunks with BM25.
 */
export class PgSharedBuilds implements SharedBuilds {
  private readonly store: PgBuildStore;
  private readonly replica: string;
  private vectorExtension: Promise<boolean> | undefined;

  constructor(
    private readonly db: SqlDatabase,
    private readonly options: PgSharedBuildsOptions = {},
  ) {
    this.store = new PgBuildStore(db);
    this.replica = options.replica ?? `${os.hostname()}:${process.pid}`;
  }

  private usePgvector(): Promise<boolean> {
    if (this.options.pgvector === false) return Promise.resolve(false);
    this.vectorExtension ??= hasPgvector(this.db).catch((err: unknown) => {
      this.vectorExtension = undefined;
      throw err;
    });
    return this.vectorExtension;
  }

  async loadCurrent(embedder: RetrievalEmbedder, hnsw?: HnswSettings): Promise<SharedLoadResult> {
    const id = await this.store.currentId();
    if (!id) return { status: 'missing', reason: 'the database holds no build yet' };
    return this.load(id, embedder, hnsw);
  }

  async load(buildId: string, embedder: RetrievalEmbedder, hnsw?: HnswSettings): Promise<SharedLoadResult> {
    const record = await this.store.record(buildId);
    if (!record) return { status: 'missing', reason: `build ${buildId} is not in the database` };
    if (record.embedderId !== embedder.id) {
      return {
        status: 'mismatch',
        reason: `build ${buildId} was made with ${record.embedderId}, this process embeds with ${embedder.id}`,
      };
    }
    const remote = record.vectorTable !== null && (await this.usePgvector());
    const params = resolveHnswParams(record.chunkCount, hnsw);
    const builder = remote
      ? undefined
      : record.chunkCount >= WORKER_THRESHOLD
        ? workerBuilder(record.chunkCount, record.dimension, params)
        : inlineBuilder(record.chunkCount, record.dimension, params);
    try {
      const stored = await this.store.read(buildId, (start, rows) => builder?.add(start, rows), {
        embeddings: !remote,
      });
      if (!stored) return { status: 'missing', reason: `build ${buildId} was deleted while loading` };
      const vectors: VectorSearcher = builder
        ? await builder.finish()
        : new PgVectorSearch(this.db, record.vectorTable!, record.dimension, record.chunkCount, {
            ...params,
            ...graphOf(hnsw),
          });
      const bm25 = Bm25Index.build(stored.chunks.map((c) => ({ id: c.id, text: c.text })));
      const retriever = new HybridRetriever({ chunks: stored.chunks, docs: stored.docs, vectors, bm25, embedder });
      return { status: 'ok', build: { buildId, corpusHash: record.corpusHash, retriever } };
    } catch (err) {
      await builder?.abort();
      throw err;
    }
  }

  async save(build: BuildToStore): Promise<string> {
    const { retriever } = build;
    const pgvector = (await this.usePgvector()) ? graphOf({ ...retriever.vectors.params }) : undefined;
    return this.store.write({
      corpusHash: build.corpusHash,
      embedderId: retriever.embedder.id,
      dimension: build.dimension,
      docs: retriever.docs,
      chunks: retriever.chunks,
      embeddings: build.embeddings,
      buildMs: retriever.buildMs,
      pgvector,
    });
  }

  exclusive<T>(fn: () => Promise<T>, options: { wait: boolean }): Promise<{ ran: true; value: T } | { ran: false }> {
    return this.db.session(async (conn) => {
      if (options.wait) {
        await conn.exec('SET statement_timeout = 0');
        await conn.query('SELECT pg_advisory_lock($1)', [BUILD_LOCK_KEY]);
        await conn.exec('RESET statement_timeout');
      } else {
        const { rows } = await conn.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [BUILD_LOCK_KEY]);
        if (!rows[0]?.ok) return { ran: false as const };
      }
      try {
        return { ran: true as const, value: await fn() };
      } finally {
        await conn.query('SELECT pg_advisory_unlock($1)', [BUILD_LOCK_KEY]).catch(() => undefined);
      }
    });
  }

  runningJob(): Promise<ReindexReport | undefined> {
    return orUnavailable('reading the reindex jobs', async () => {
      const job = await runningJob(this.db);
      if (!job) return undefined;
      const free = await this.exclusive(() => closeAbandonedJobs(this.db), { wait: false });
      return free.ran ? undefined : job;
    });
  }

  job(id: string): Promise<ReindexReport | undefined> {
    return jobById(this.db, id);
  }

  recordJob(report: ReindexReport): Promise<void> {
    return recordJob(this.db, report, this.replica);
  }

  watch(onBuild: (buildId: string) => void, onError?: (err: Error) => void): { stop: () => Promise<void> } {
    const check = () => this.store.currentId();
    if (this.options.listenUrl) return watchBuilds(this.options.listenUrl, check, onBuild, onError);
    return pollBuilds(check, onBuild, onError);
  }
}

/** The pgvector graph settings: the configured HNSW ones where given, else pgvector's defaults. */
function graphOf(hnsw: HnswSettings | undefined): { m: number; efConstruction: number } {
  return {
    m: hnsw?.m ?? PGVECTOR_DEFAULT_GRAPH.m,
    efConstruction: hnsw?.efConstruction ?? PGVECTOR_DEFAULT_GRAPH.efConstruction,
  };
}

/** Polling only, for databases reached without a LISTEN connection (PGlite in tests). */
function pollBuilds(
  check: () => Promise<string | undefined>,
  onBuild: (id: string) => void,
  onError?: (err: Error) => void,
) {
  const timer = setInterval(() => {
    check().then(
      (id) => id && onBuild(id),
      (err: Error) => onError?.(err),
    );
  }, 1000);
  timer.unref();
  return { stop: async () => clearInterval(timer) };
}
