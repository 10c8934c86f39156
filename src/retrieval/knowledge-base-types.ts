import type { RetrievalEmbedder } from './embedder.js';
import type { ReindexReport } from './reindex-tracker.js';
import type { SharedBuilds } from './shared-builds.js';
import type { KnowledgeSnapshot, SnapshotOrigin } from './snapshot.js';
import type { HnswSettings } from './vector-index.js';

/** Lifecycle of the knowledge base as reported by `/readyz`. */
export interface KnowledgeBaseStatus {
  state: 'starting' | 'loading' | 'building' | 'ready' | 'failed';
  buildId?: string;
  docs?: number;
  chunks?: number;
  origin?: SnapshotOrigin;
  error?: string;
  /** True while a background rebuild (`KnowledgeBase.reindex`) runs; the served build is unaffected. */
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

/** Options of `KnowledgeBase`. */
export interface KnowledgeBaseOptions {
  corpusDir: string;
  dataDir: string;
  embedder: RetrievalEmbedder;
  logger?: KbLogger;
  /**
   * HNSW settings (config `hnsw`): builds use them, and a stored graph built with another M or
   * efConstruction is rebuilt.
   */
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

/** What serving a snapshot reports besides the snapshot itself. */
export type ServeInfo = Omit<OpenResult, 'snapshot'>;

/** A started or joined background rebuild, as `KnowledgeBase.reindex` returns it. */
export interface ReindexStart {
  report: ReindexReport;
  joined: boolean;
  done: Promise<ReindexReport>;
}
