import { LocalHashEmbedder } from '../../retrieval/local-embedder.js';
import { buildRetriever } from '../../retrieval/retriever.js';
import { bruteForceSearch, resolveHnswParams } from '../../retrieval/vector-index.js';
import { generateCorpus } from '../corpus/generator.js';
import { generateQueries } from '../corpus/queries.js';
import { mean, recallAtK, summarize } from '../report/stats.js';
import { collectGarbage, timed, timeEach } from './timing.js';

/** One HNSW graph of a sweep: its out-degree and construction beam. */
export interface SweepGraph {
  m: number;
  efConstruction: number;
}

/** Input of {@link runSweep}. */
export interface SweepInput {
  chunks: number;
  seed: number;
  queries: number;
  /** Neighbours per query (recall@k, latency at k). */
  k: number;
  graphs: SweepGraph[];
  /** Search widths tried on every graph. */
  efSearch: number[];
  /** Where the build worker puts its temporary graph file. */
  scratchDir: string;
}

/** One sweep row: a graph searched with one `efSearch`. */
export interface SweepRow {
  m: number;
  efConstruction: number;
  efSearch: number;
  /** Chunks per second of `buildRetriever` with this graph (embedding, HNSW and BM25, as in the main bench). */
  ingestChunksPerSec: number;
  buildMs: number;
  vectorRecallAtK: number;
  vectorP50Ms: number;
  vectorP99Ms: number;
  hybridP50Ms: number;
  hybridP99Ms: number;
}

/** What a sweep measured at one corpus size. */
export interface SweepResult {
  chunks: number;
  queries: number;
  k: number;
  rows: SweepRow[];
}

/** Default graphs of `npm run bench -- --hnsw-sweep` (M / efConstruction): the defaults, two sparser and one denser graph. */
export const DEFAULT_SWEEP_GRAPHS: readonly SweepGraph[] = [
  { m: 32, efConstruction: 36 },
  { m: 16, efConstruction: 48 },
  { m: 16, efConstruction: 64 },
  { m: 32, efConstruction: 100 },
];

/** Default search widths of `npm run bench -- --hnsw-sweep`. */
export const DEFAULT_SWEEP_EF_SEARCH: readonly number[] = [240, 400, 800, 1600, 2400, 3200];

/**
 * Generates the synthetic corpus and the benchmark queries once, computes their exact top k by
 * brute force, then for every graph times `buildRetriever` with it and, for every search width,
 * times vector and hybrid search (after a warm-up) and scores the HNSW results against the exact
 * neighbours. Latencies are taken in this (building) process, so they compare settings with each
 * other; the main bench's serving-process figures are the reference for one setting.
 */
export async function runSweep(input: SweepInput, log: (line: string) => void = () => undefined): Promise<SweepResult> {
  const { chunks, docs } = generateCorpus(input.chunks, input.seed);
  const embedder = new LocalHashEmbedder();
  const queries = generateQueries(chunks, input.queries, input.seed);
  const matrix = embedder.embedMatrix(chunks.map((c) => c.text));
  const queryVectors = queries.map((q) => embedder.embedVector(q));
  const exact = queryVectors.map((v) => bruteForceSearch(matrix, embedder.dimension, v, input.k));
  log(`${chunks.length} chunks, exact neighbours of ${queries.length} queries computed`);
  const rows: SweepRow[] = [];
  for (const graph of input.graphs) {
    collectGarbage();
    const built = await timed(() =>
      buildRetriever({ chunks, docs, embedder, hnsw: graph, scratchDir: input.scratchDir }),
    );
    const retriever = built.value;
    const params = resolveHnswParams(chunks.length, graph);
    const ingestChunksPerSec = (chunks.length * 1000) / built.ms;
    log(
      `M ${params.m}, efConstruction ${params.efConstruction}: built in ${Math.round(built.ms)} ms (${Math.round(ingestChunksPerSec)} chunks/s)`,
    );
    for (const efSearch of input.efSearch) {
      retriever.vectors.setEfSearch(efSearch);
      const vector = summarize(await timeEach(queries, (q) => retriever.searchVector(q, input.k)));
      const hybrid = summarize(await timeEach(queries, (q) => retriever.search(q, { k: input.k })));
      const recalls: number[] = [];
      queryVectors.forEach((v, i) => {
        const want = exact[i] ?? [];
        if (want.length > 0) recalls.push(recallAtK(retriever.vectors.search(v, input.k), want));
      });
      const row: SweepRow = {
        m: params.m,
        efConstruction: params.efConstruction,
        efSearch,
        ingestChunksPerSec,
        buildMs: built.ms,
        vectorRecallAtK: mean(recalls),
        vectorP50Ms: vector.p50Ms,
        vectorP99Ms: vector.p99Ms,
        hybridP50Ms: hybrid.p50Ms,
        hybridP99Ms: hybrid.p99Ms,
      };
      rows.push(row);
      log(
        `  efSearch ${efSearch}: recall@${input.k} ${row.vectorRecallAtK.toFixed(3)}, vector p50 ${vector.p50Ms.toFixed(2)} ms, ` +
          `hybrid p50 ${hybrid.p50Ms.toFixed(2)} ms`,
      );
    }
  }
  return { chunks: chunks.length, queries: queries.length, k: input.k, rows };
}
