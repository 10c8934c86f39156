import type { HnswParams } from '../retrieval/vector-index.js';

/**
 * Where the retrieval measurement keeps its build: `embedded` writes index files to a data
 * directory (no `DATABASE_URL`), `postgres` writes it to PostgreSQL as replicas share it.
 */
export type BenchStore = 'embedded' | 'postgres';

/** The stores `--store` accepts. */
export const BENCH_STORES: readonly BenchStore[] = ['embedded', 'postgres'];

/** Host the benchmark ran on. */
export interface MachineInfo {
  cpus: number;
  model: string;
  node: string;
  memGb: number;
  platform: string;
}

/** Retrieval measurements at one corpus size. */
export interface RetrievalResult {
  /** Where the build was written and loaded from (absent in reports made before `--store`: embedded). */
  store?: BenchStore;
  /** How the loaded build searched vectors (`pgvector` only with the postgres store on a server that has it). */
  vectorBackend?: 'hnswlib' | 'pgvector';
  chunks: number;
  docs: number;
  /** Chunks per second through the real chunker (documents already in memory). */
  chunkerChunksPerSec: number;
  /**
   * Chunks per second of `buildRetriever` (embedding, HNSW graph and BM25 together); with the
   * postgres store, of `buildRetriever` and `PgSharedBuilds.save` (the build written and made current).
   */
  ingestChunksPerSec: number;
  /** Chunks per second of embedding alone (term-feature cache warm). */
  embedChunksPerSec: number;
  buildMs: number;
  bm25BuildMs: number;
  /** Writing the build: the index files (embedded), or `PgSharedBuilds.save` in one transaction (postgres). */
  writeMs: number;
  /** Loading the build as a starting server does: `loadIndex` from disk, or `PgSharedBuilds.loadCurrent` (rows read, graph built). */
  loadMs: number;
  vectorP50Ms: number;
  vectorP99Ms: number;
  bm25P50Ms: number;
  bm25P99Ms: number;
  hybridP50Ms: number;
  hybridP99Ms: number;
  vectorRecallAt10: number;
  /** `OfflineAnswerer.answer` (k = 5) over a snapshot of the loaded index, after a warm-up. */
  offlineAnswerP50Ms: number;
  offlineAnswerP99Ms: number;
  /** The first answer on the snapshot (builds the answerer's per-corpus caches), not in the percentiles. */
  offlineAnswerFirstMs: number;
  /** Share of the timed answers that abstained. */
  offlineAnswerAbstainedShare: number;
  offlineQuestions: number;
  /** RSS after loading the build and querying it (the serving footprint of one replica). */
  rssMb: number;
  /** Highest RSS of the process, which includes the build. */
  peakRssMb: number;
  /** RSS after the offline answers too (snapshot maps and answerer caches added). */
  rssAfterAnswersMb: number;
  queries: number;
  /** HNSW parameters of the index searched (M, efConstruction of the build; efSearch at load). */
  hnsw: HnswParams;
}

/** Offline answer latency on the real bundled corpus with the eval questions. */
export interface BundledOfflineResult {
  chunks: number;
  questions: number;
  /** Timed answers (questions × rounds). */
  answers: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** The first answer on a fresh snapshot (per-corpus caches built), not in the percentiles. */
  firstMs: number;
  abstainedShare: number;
}

/** Throughput and latency of one HTTP route under autocannon. */
export interface RouteLoad {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** HTTP measurements. */
export interface HttpResult {
  helloRps: number;
  searchRps: number;
  chatRps: number;
  searchRatio: number;
  chatRatio: number;
  helloP99Ms: number;
  searchP99Ms: number;
  chatP99Ms: number;
  connections: number;
  durationSec: number;
  llm?: LlmOverhead;
}

/** What the service adds to a model call in LLM mode (upstream answering instantly). */
export interface LlmOverhead {
  /** Median latency of `POST /api/chat` in LLM mode, one request at a time. */
  chatP50Ms: number;
  /** Median latency of the same completion request sent straight to the upstream. */
  upstreamP50Ms: number;
  /** chatP50Ms minus the upstream round trips it made (per request). */
  overheadP50Ms: number;
  upstreamCallsPerRequest: number;
  /** Fraction of the timed answers that came from the model (not the offline fallback). */
  llmModeShare: number;
  rps: number;
  p99Ms: number;
}

/** A retrieval system's quality and speed on the eval questions. */
export interface PeerResult {
  name: string;
  recallAt5: number;
  recallAt1: number;
  p50Ms: number;
  p99Ms: number;
  questions: number;
}

/** Everything one run produces (the JSON output). */
export interface BenchReport {
  machine: MachineInfo;
  startedAt: string;
  quick: boolean;
  seed: number;
  /** The store of the retrieval measurement (absent in reports made before `--store`: embedded). */
  store?: BenchStore;
  retrieval: RetrievalResult[];
  http: HttpResult;
  peers: PeerResult[];
  /** Offline answer latency on the bundled corpus (absent when not measured). */
  offline?: BundledOfflineResult;
  totalSec: number;
}
