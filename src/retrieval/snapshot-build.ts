import {
  CHUNKER_VERSION,
  chunkDocument,
  DEFAULT_CHUNK_OPTIONS,
  type IngestWarning,
  loadCorpus,
} from '../ingest/index.js';
import type { Chunk, SourceDocument } from '../types.js';
import { EmbeddingCollector } from './embedding-collector.js';
import type { KbLogger, KnowledgeBaseOptions } from './knowledge-base-types.js';
import { buildRetriever, computeCorpusHash, saveRetriever } from './retriever.js';
import { type KnowledgeSnapshot, makeSnapshot } from './snapshot.js';
import { TOKENIZER_VERSION } from './tokenizer.js';

/** The corpus as read from disk, with the hash that identifies it. */
export interface CorpusRead {
  docs: SourceDocument[];
  warnings: IngestWarning[];
  corpusHash: string;
}

/** Embedding batch size of a build. */
const EMBED_BATCH_SIZE = 256;

/** The hash of `docs` together with everything else that shapes their index (chunker version and options, tokenizer). */
export const hashCorpus = (docs: readonly SourceDocument[]): string =>
  computeCorpusHash(docs, [CHUNKER_VERSION, JSON.stringify(DEFAULT_CHUNK_OPTIONS), TOKENIZER_VERSION]);

/** Loads every document under `corpusDir`, logging each skipped file, and hashes the corpus. */
export async function readCorpus(corpusDir: string, logger?: Pick<KbLogger, 'warn'>): Promise<CorpusRead> {
  const { docs, warnings } = await loadCorpus(corpusDir, {
    onWarning: (w) => logger?.warn({ file: w.file }, `skipped ${w.file}: ${w.message}`),
  });
  return { docs, warnings, corpusHash: hashCorpus(docs) };
}

/** Lets queued requests run between documents, so a rebuild in a live server does not stall it. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Chunks every document, yielding to queued requests after each one. */
async function chunkCorpus(docs: readonly SourceDocument[]): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for (const doc of docs) {
    chunks.push(...chunkDocument(doc));
    await yieldToRequests();
  }
  return chunks;
}

/**
 * Chunks, embeds and indexes the corpus, persists the build atomically (in the shared database when
 * `shared` is set, else in `dataDir`) and returns it as a snapshot.
 */
export async function buildSnapshot(
  { docs, warnings, corpusHash }: CorpusRead,
  opts: Pick<KnowledgeBaseOptions, 'dataDir' | 'embedder' | 'hnsw' | 'shared'>,
): Promise<KnowledgeSnapshot> {
  const chunks = await chunkCorpus(docs);
  const shared = opts.shared;
  const collector = shared ? new EmbeddingCollector(chunks.length) : undefined;
  const retriever = await buildRetriever({
    chunks,
    docs,
    embedder: opts.embedder,
    batchSize: EMBED_BATCH_SIZE,
    hnsw: opts.hnsw,
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
      : await saveRetriever(opts.dataDir, retriever, corpusHash);
  return makeSnapshot(retriever, buildId, corpusHash, 'build', warnings);
}
