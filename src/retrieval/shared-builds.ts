import type { RetrievalEmbedder } from './embedder.js';
import type { ReindexReport } from './reindex-tracker.js';
import type { HybridRetriever } from './retriever.js';
import type { HnswSettings, VectorIndex } from './vector-index.js';

/** A stored build made ready to serve. */
export interface LoadedBuild {
  buildId: string;
  corpusHash: string;
  retriever: HybridRetriever;
}

/** Outcome of loading a shared build; anything but `ok` means there is nothing this process can serve from it. */
export type SharedLoadResult =
  | { status: 'ok'; build: LoadedBuild }
  | { status: 'missing' | 'mismatch'; reason: string };

/** A build to store: the built retriever and one embedding per chunk (row-major float32). */
export interface BuildToStore {
  retriever: HybridRetriever<VectorIndex>;
  corpusHash: string;
  embeddings: Float32Array;
  dimension: number;
}

/**
 * Builds shared by several processes through a database: one current build that every replica
 * serves, a lock so that one of them builds at a time, and the reindex jobs any of them runs.
 * {@link KnowledgeBase} uses it instead of `DATA_DIR/index` when configured.
 */
export interface SharedBuilds {
  /** Loads the current build for `embedder` (`missing` when there is none, `mismatch` when made with another embedder). */
  loadCurrent(embedder: RetrievalEmbedder, hnsw?: HnswSettings): Promise<SharedLoadResult>;
  /** Loads build `buildId`. */
  load(buildId: string, embedder: RetrievalEmbedder, hnsw?: HnswSettings): Promise<SharedLoadResult>;
  /** Writes a build, makes it current for every replica in the same transaction and returns its id. */
  save(build: BuildToStore): Promise<string>;
  /**
   * Runs `fn` while holding the cross-process build lock. With `wait` it waits for the lock;
   * without, it returns `{ ran: false }` at once when another process holds it.
   */
  exclusive<T>(fn: () => Promise<T>, options: { wait: boolean }): Promise<{ ran: true; value: T } | { ran: false }>;
  /** The reindex job running anywhere, if any (a job whose process went away is closed as failed). */
  runningJob(): Promise<ReindexReport | undefined>;
  /** Job `id` as last recorded. */
  job(id: string): Promise<ReindexReport | undefined>;
  /** Records a job's report (insert or update). */
  recordJob(report: ReindexReport): Promise<void>;
  /**
   * Calls `onBuild(buildId)` whenever a build becomes current (announced by any process, or found
   * by the periodic check after a lost connection). `stop` ends it.
   */
  watch(onBuild: (buildId: string) => void, onError?: (err: Error) => void): { stop: () => Promise<void> };
}
