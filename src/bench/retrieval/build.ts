import type { DatabaseConfig } from '../../config.js';
import { Bm25Index } from '../../retrieval/bm25.js';
import { EmbeddingCollector } from '../../retrieval/embedding-collector.js';
import { LocalHashEmbedder } from '../../retrieval/local-embedder.js';
import { buildRetriever, saveRetriever } from '../../retrieval/retriever.js';
import { hashCorpus } from '../../retrieval/snapshot-build.js';
import { bruteForceSearch, type HnswSettings } from '../../retrieval/vector-index.js';
import { generateCorpus } from '../corpus/generator.js';
import { generateQueries, generateQuestions } from '../corpus/queries.js';
import type { RankedId } from '../report/stats.js';
import { openPgBuilds, saveBuild } from '../store/postgres-store.js';
import type { RetrievalResult } from '../types.js';
import { timed } from './timing.js';

/** Input of {@link runBuild}. */
export interface BuildInput {
  chunks: number;
  seed: number;
  /** Where the index is written (an empty directory); also the graph worker's scratch folder. */
  dataDir: string;
  /** With it, the build is written to this (empty, dedicated) PostgreSQL database instead of `dataDir`. */
  database?: DatabaseConfig;
  queries: number;
  /** Neighbours computed exactly per query. */
  k: number;
  /** HNSW settings of the build (defaults for those absent). */
  hnsw?: HnswSettings;
}

/** What the build phase measured, plus what the serve phase needs. */
export interface BuildOutput
  extends Pick<
    RetrievalResult,
    | 'chunks'
    | 'docs'
    | 'chunkerChunksPerSec'
    | 'ingestChunksPerSec'
    | 'embedChunksPerSec'
    | 'buildMs'
    | 'bm25BuildMs'
    | 'writeMs'
  > {
  buildPeakRssMb: number;
  corpusHash: string;
  embedderId: string;
  queries: string[];
  /** Exact cosine top k of each query over the same vectors (empty for a zero query vector). */
  exact: RankedId[][];
  /** Questions for the offline answerer (section questions and phrase windows), as many as queries. */
  answerQuestions: string[];
}

/**
 * Generates the synthetic corpus, times `buildRetriever` (embedding, HNSW and BM25) and writing
 * the build: index files in `dataDir`, or with `database` one `PgSharedBuilds.save` transaction
 * (the embeddings collected while building, as `KnowledgeBase` does; ingest then counts the save
 * too). Then times embedding and BM25 on their own and computes the exact top k of every
 * benchmark query by brute force over the same embedding matrix.
 */
export async function runBuild(input: BuildInput, log: (line: string) => void = () => undefined): Promise<BuildOutput> {
  const corpus = generateCorpus(input.chunks, input.seed);
  const { chunks, docs } = corpus;
  log(`${chunks.length} chunks from ${docs.length} documents (chunker ${Math.round(corpus.chunkMs)} ms)`);
  const embedder = new LocalHashEmbedder();
  const pg = input.database ? await openPgBuilds(input.database) : undefined;
  const collector = pg ? new EmbeddingCollector(chunks.length) : undefined;
  const corpusHash = hashCorpus(docs);
  let built: { value: Awaited<ReturnType<typeof buildRetriever>>; ms: number };
  let written: { ms: number };
  try {
    built = await timed(() =>
      buildRetriever({
        chunks,
        docs,
        embedder,
        scratchDir: input.dataDir,
        hnsw: input.hnsw,
        ...(collector ? { onEmbedded: collector.add } : {}),
      }),
    );
    log(`built in ${Math.round(built.ms)} ms`);
    const retriever = built.value;
    written = await timed(() =>
      pg && collector
        ? saveBuild(pg.builds, retriever, corpusHash, collector)
        : saveRetriever(input.dataDir, retriever, corpusHash),
    );
    log(`${pg ? 'saved to PostgreSQL' : 'written'} in ${Math.round(written.ms)} ms`);
  } finally {
    await pg?.close();
  }
  const buildPeakRssMb = process.resourceUsage().maxRSS / 1024;

  const texts = chunks.map((c) => c.text);
  const bm25 = await timed(() => Bm25Index.build(chunks.map((c) => ({ id: c.id, text: c.text }))));
  const embedded = await timed(() => embedder.embedMatrix(texts));
  const queries = generateQueries(chunks, input.queries, input.seed);
  const exact = queries.map((q) =>
    bruteForceSearch(embedded.value, embedder.dimension, embedder.embedVector(q), input.k),
  );
  log(`exact neighbours of ${queries.length} queries computed`);
  const answerQuestions = generateQuestions(chunks, input.queries, input.seed);
  const perSec = (ms: number) => (chunks.length * 1000) / ms;
  return {
    chunks: chunks.length,
    docs: docs.length,
    chunkerChunksPerSec: perSec(corpus.chunkMs),
    ingestChunksPerSec: perSec(pg ? built.ms + written.ms : built.ms),
    embedChunksPerSec: perSec(embedded.ms),
    buildMs: built.ms,
    bm25BuildMs: bm25.ms,
    writeMs: written.ms,
    buildPeakRssMb,
    corpusHash,
    embedderId: embedder.id,
    queries,
    exact,
    answerQuestions,
  };
}
