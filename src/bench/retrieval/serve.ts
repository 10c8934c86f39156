import type { DatabaseConfig } from '../../config.js';
import { loadIndex } from '../../retrieval/index-store.js';
import { makeSnapshot } from '../../retrieval/knowledge-base.js';
import { LocalHashEmbedder } from '../../retrieval/local-embedder.js';
import { fromStored, type HybridRetriever } from '../../retrieval/retriever.js';
import type { HnswParams, HnswSettings } from '../../retrieval/vector-index.js';
import { type OfflineAnswerTiming, timeOfflineAnswers } from '../answer/offline-answer.js';
import { type LatencySummary, mean, type RankedId, recallAtK, summarize } from '../report/stats.js';
import {
  type BenchPgBuilds,
  loadCurrentBuild,
  openPgBuilds,
  type VectorBackend,
  vectorBackendOf,
} from '../store/postgres-store.js';
import { collectGarbage, rssMb, timed, timeEach } from './timing.js';

/** Input of {@link runServe}. */
export interface ServeInput {
  dataDir: string;
  /** With it, the current build is loaded from this PostgreSQL database instead of `dataDir`. */
  database?: DatabaseConfig;
  corpusHash: string;
  embedderId: string;
  queries: string[];
  exact: RankedId[][];
  k: number;
  /** Questions timed through the offline answerer. */
  answerQuestions: string[];
  /** HNSW settings the build used; `efSearch` is applied at load. */
  hnsw?: HnswSettings;
}

/** What the serve phase measured. */
export interface ServeOutput {
  loadMs: number;
  vector: LatencySummary;
  bm25: LatencySummary;
  hybrid: LatencySummary;
  vectorRecallAtK: number;
  rssMb: number;
  offline: OfflineAnswerTiming;
  rssAfterAnswersMb: number;
  /** HNSW parameters of the loaded index, with the search width it was queried with. */
  hnsw: HnswParams;
  vectorBackend: VectorBackend;
}

/** A build as loaded for serving. */
interface Served {
  retriever: HybridRetriever;
  buildId: string;
}

/** Loads the build from disk like a starting server without `DATABASE_URL`. */
async function loadFromDisk(input: ServeInput, embedder: LocalHashEmbedder): Promise<Served> {
  const loaded = await loadIndex(input.dataDir, {
    corpusHash: input.corpusHash,
    embedderId: embedder.id,
    hnsw: input.hnsw,
  });
  if (loaded.status !== 'ok') throw new Error(`loading the index failed: ${loaded.reason}`);
  return { retriever: fromStored(loaded.index, embedder), buildId: loaded.index.buildId };
}

/**
 * Loads the build the way the server does (timed): from disk, or with `database` the current
 * build through `PgSharedBuilds.loadCurrent`, over a pool opened and migrated beforehand. Runs
 * every query through vector, BM25 and hybrid search (after a warm-up), reads the RSS of this
 * process, and scores vector results against the exact neighbours computed by the build phase.
 * Then makes the knowledge snapshot the server makes from a loaded build and times the offline
 * answerer on it.
 */
export async function runServe(input: ServeInput, log: (line: string) => void = () => undefined): Promise<ServeOutput> {
  const embedder = new LocalHashEmbedder();
  if (embedder.id !== input.embedderId)
    throw new Error(`embedder ${embedder.id} differs from the build's ${input.embedderId}`);
  const pg = input.database ? await openPgBuilds(input.database) : undefined;
  try {
    return await serve(input, embedder, pg, log);
  } finally {
    await pg?.close();
  }
}

async function serve(
  input: ServeInput,
  embedder: LocalHashEmbedder,
  pg: BenchPgBuilds | undefined,
  log: (line: string) => void,
): Promise<ServeOutput> {
  const loaded = await timed(() =>
    pg ? loadCurrentBuild(pg.builds, embedder, input.corpusHash, input.hnsw) : loadFromDisk(input, embedder),
  );
  const { retriever, buildId } = loaded.value;
  const vectorBackend = vectorBackendOf(retriever);
  log(`loaded${pg ? ` from PostgreSQL (vectors: ${vectorBackend})` : ''} in ${Math.round(loaded.ms)} ms`);
  const { queries, k } = input;
  const vector = summarize(await timeEach(queries, (q) => retriever.searchVector(q, k)));
  const bm25 = summarize(await timeEach(queries, (q) => retriever.searchBm25(q, k)));
  const hybrid = summarize(await timeEach(queries, (q) => retriever.search(q, { k })));
  collectGarbage();
  const rss = rssMb();
  const recalls: number[] = [];
  for (const [i, q] of queries.entries()) {
    const exact = input.exact[i] ?? [];
    if (exact.length > 0) recalls.push(recallAtK(await retriever.vectors.search(embedder.embedVector(q), k), exact));
  }
  log(`recall@${k} ${mean(recalls).toFixed(4)} over ${recalls.length} queries`);

  const snapshot = makeSnapshot(retriever, buildId, input.corpusHash, pg ? 'database' : 'disk', []);
  const offline = await timeOfflineAnswers(
    snapshot,
    input.answerQuestions.map((question) => ({ question, history: [] })),
  );
  collectGarbage();
  const rssAfterAnswersMb = rssMb();
  log(
    `offline answer p50 ${offline.p50Ms.toFixed(2)} ms, p99 ${offline.p99Ms.toFixed(2)} ms over ${offline.count} questions ` +
      `(first ${Math.round(offline.firstMs)} ms, ${(offline.abstainedShare * 100).toFixed(0)}% abstained, RSS ${Math.round(rssAfterAnswersMb)} MB)`,
  );
  return {
    loadMs: loaded.ms,
    vector,
    bm25,
    hybrid,
    vectorRecallAtK: mean(recalls),
    rssMb: rss,
    offline,
    rssAfterAnswersMb,
    hnsw: { ...retriever.vectors.params },
    vectorBackend,
  };
}
