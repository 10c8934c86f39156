import { AppError } from '../errors.js';
import type { Chunk, SourceDocument } from '../types.js';
import { Bm25Index } from './bm25.js';
import type { EmbeddingSink } from './embed-batches.js';
import { embedInBatches } from './embed-batches.js';
import type { RetrievalEmbedder } from './embedder.js';
import { reciprocalRankFusion, type SourceScores } from './fusion.js';
import { inlineBuilder, type VectorIndexBuilder, workerBuilder } from './hnsw-worker.js';
import { type StoredIndex, writeIndex } from './index-store.js';
import type { ScoredIndex } from './top-k.js';
import type { HnswParams, VectorIndex, VectorSearcher } from './vector-index.js';

export { computeCorpusHash } from './corpus-hash.js';

/** One retrieved passage; `score` is the fused (RRF) score for hybrid search, else the source's own. */
export interface SearchHit {
  chunk: Chunk;
  score: number;
  scores: SourceScores;
}

/** Options for {@link HybridRetriever.search}. */
export interface SearchOptions {
  /** Number of hits (default 8). */
  k?: number;
  /** Candidates taken from each side before fusion (default max(50, 4k)). */
  pool?: number;
}

/** The parts a retriever serves from. */
export interface RetrieverParts<V extends VectorSearcher = VectorSearcher> {
  chunks: readonly Chunk[];
  docs: readonly SourceDocument[];
  vectors: V;
  bm25: Bm25Index;
  embedder: RetrievalEmbedder;
  /** Milliseconds spent building (0 when loaded). */
  buildMs?: number;
}

function checkK(k: number): number {
  if (!Number.isInteger(k) || k < 1 || k > 1000)
    throw new AppError('invalid_argument', 'k must be an integer between 1 and 1000');
  return k;
}

/** Hybrid dense + BM25 search over chunks, fused with reciprocal-rank fusion. */
export class HybridRetriever<V extends VectorSearcher = VectorSearcher> {
  readonly chunks: readonly Chunk[];
  readonly docs: readonly SourceDocument[];
  readonly vectors: V;
  readonly bm25: Bm25Index;
  readonly embedder: RetrievalEmbedder;
  readonly buildMs: number;

  constructor(parts: RetrieverParts<V>) {
    if (parts.vectors.size !== parts.chunks.length || parts.bm25.size !== parts.chunks.length) {
      throw new Error(
        `Index sizes disagree: ${parts.chunks.length} chunks, ${parts.vectors.size} vectors, ${parts.bm25.size} BM25 docs`,
      );
    }
    this.chunks = parts.chunks;
    this.docs = parts.docs;
    this.vectors = parts.vectors;
    this.bm25 = parts.bm25;
    this.embedder = parts.embedder;
    this.buildMs = parts.buildMs ?? 0;
  }

  private toHits(list: readonly ScoredIndex[], source: 'vector' | 'bm25'): SearchHit[] {
    return list.map(({ index, score }) => ({
      chunk: this.chunks[index]!,
      score,
      scores: source === 'vector' ? { vector: score, bm25: null } : { vector: null, bm25: score },
    }));
  }

  private async queryVector(query: string): Promise<ArrayLike<number>> {
    if (this.embedder.embedMatrix) return this.embedder.embedMatrix([query]);
    try {
      return await this.embedder.embedQuery(query);
    } catch (err) {
      throw new AppError('upstream_error', `Embedding the query failed: ${(err as Error).message}`);
    }
  }

  private async rankVector(query: string, k: number): Promise<ScoredIndex[]> {
    return await this.vectors.search(await this.queryVector(query), k);
  }

  /** Top `k` chunks by embedding cosine similarity. */
  async searchVector(query: string, k: number): Promise<SearchHit[]> {
    checkK(k);
    if (!query.trim()) return [];
    return this.toHits(await this.rankVector(query, k), 'vector');
  }

  /** Top `k` chunks by BM25 (only chunks sharing a term with the query). */
  searchBm25(query: string, k: number): SearchHit[] {
    checkK(k);
    return this.toHits(this.bm25.search(query, k), 'bm25');
  }

  /** Hybrid search: `pool` candidates from each side, fused by RRF (k = 60), best `k` returned. */
  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const k = checkK(options.k ?? 8);
    if (!query.trim()) return [];
    const pool = Math.max(k, options.pool ?? Math.max(50, 4 * k));
    const queryVector = this.queryVector(query);
    queryVector.catch(() => undefined);
    const lexical = this.bm25.search(query, pool);
    const dense = await this.vectors.search(await queryVector, pool);
    return reciprocalRankFusion({ vector: dense, bm25: lexical }, { limit: k }).map((h) => ({
      chunk: this.chunks[h.index]!,
      score: h.score,
      scores: h.scores,
    }));
  }
}

/** Inputs of {@link buildRetriever}. */
export interface BuildRetrieverInput {
  chunks: readonly Chunk[];
  docs: readonly SourceDocument[];
  embedder: RetrievalEmbedder;
  hnsw?: Partial<HnswParams>;
  /** Texts per embedding call (default 1024). */
  batchSize?: number;
  /** Corpora at least this large build the HNSW graph on a worker thread (default 2000). */
  workerThreshold?: number;
  /** Where the worker may put its temporary graph file (default: the OS temp dir). */
  scratchDir?: string;
  /** Sees every batch of embeddings before the graph takes it (to store them); `rows` must be copied if kept. */
  onEmbedded?: EmbeddingSink;
}

/**
 * Embeds every chunk and builds the HNSW and BM25 indexes (labels/positions = chunk ordinals).
 * For larger corpora the graph is built on a worker thread that consumes vectors as batches are
 * embedded, while this thread goes on embedding and then builds BM25.
 */
export async function buildRetriever(input: BuildRetrieverInput): Promise<HybridRetriever<VectorIndex>> {
  const started = performance.now();
  const { chunks } = input;
  const texts = chunks.map((c) => c.text);
  const threaded = chunks.length >= (input.workerThreshold ?? 2000);
  let builder: VectorIndexBuilder | undefined;
  try {
    const dimension = await embedInBatches(
      input.embedder,
      texts,
      (start, rows, dim) => {
        builder ??= threaded
          ? workerBuilder(texts.length, dim, input.hnsw, input.scratchDir)
          : inlineBuilder(texts.length, dim, input.hnsw);
        input.onEmbedded?.(start, rows, dim);
        builder.add(start, rows);
      },
      input.batchSize,
    );
    builder ??= inlineBuilder(0, dimension, input.hnsw);
    const bm25 = Bm25Index.build(chunks.map((c) => ({ id: c.id, text: c.text })));
    const vectors = await builder.finish();
    return new HybridRetriever({ ...input, vectors, bm25, buildMs: performance.now() - started });
  } catch (err) {
    await builder?.abort();
    throw err;
  }
}

/** Serves a loaded build; the embedder must be the one the build was made with. */
export function fromStored(stored: StoredIndex, embedder: RetrievalEmbedder): HybridRetriever<VectorIndex> {
  if (stored.manifest.embedderId !== embedder.id) {
    throw new Error(`Index was built with ${stored.manifest.embedderId}, not ${embedder.id}`);
  }
  return new HybridRetriever({ ...stored, embedder });
}

/** Persists a retriever's indexes under `dataDir` (see {@link writeIndex}); returns the build id. */
export async function saveRetriever(
  dataDir: string,
  retriever: HybridRetriever<VectorIndex>,
  corpusHash: string,
): Promise<string> {
  return writeIndex(dataDir, {
    corpusHash,
    embedderId: retriever.embedder.id,
    chunks: retriever.chunks,
    docs: retriever.docs,
    vectors: retriever.vectors,
    bm25: retriever.bm25,
    buildMs: retriever.buildMs,
  });
}
