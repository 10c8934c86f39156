import type { DatabaseConfig } from '../../config.js';
import type { RetrievalEmbedder } from '../../retrieval/embedder.js';
import type { EmbeddingCollector } from '../../retrieval/embedding-collector.js';
import type { HybridRetriever } from '../../retrieval/retriever.js';
import type { LoadedBuild } from '../../retrieval/shared-builds.js';
import { type HnswSettings, VectorIndex } from '../../retrieval/vector-index.js';
import { migrate } from '../../store/postgres/migrate.js';
import { PgSharedBuilds } from '../../store/postgres/pg-shared-builds.js';
import { createPool, type SqlDatabase } from '../../store/postgres/sql.js';

/** How a loaded build answers vector queries: hnswlib in this process, or pgvector in the server. */
export type VectorBackend = 'hnswlib' | 'pgvector';

/** The shared build store of a bench child, over its own pool. */
export interface BenchPgBuilds {
  builds: PgSharedBuilds;
  close(): Promise<void>;
}

/**
 * Opens a pool on `database` and applies the migrations, as a replica does before it serves or
 * builds, so neither the connection nor the schema is in the timed part.
 */
export async function openPgBuilds(database: DatabaseConfig): Promise<BenchPgBuilds> {
  const db: SqlDatabase = createPool(database);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return { builds: new PgSharedBuilds(db, { replica: `bench:${process.pid}` }), close: () => db.close() };
}

/**
 * Writes a built retriever and the embeddings `collector` gathered while it was built as one build
 * and makes it current (what `KnowledgeBase` does after a build with `DATABASE_URL` set).
 */
export function saveBuild(
  builds: PgSharedBuilds,
  retriever: HybridRetriever<VectorIndex>,
  corpusHash: string,
  collector: EmbeddingCollector,
): Promise<string> {
  return builds.save({ retriever, corpusHash, embeddings: collector.rows(), dimension: retriever.vectors.dimension });
}

/** Loads the current build the way a starting replica does; throws unless there is one for `embedder` made from `corpusHash`. */
export async function loadCurrentBuild(
  builds: PgSharedBuilds,
  embedder: RetrievalEmbedder,
  corpusHash: string,
  hnsw?: HnswSettings,
): Promise<LoadedBuild> {
  const loaded = await builds.loadCurrent(embedder, hnsw);
  if (loaded.status !== 'ok') throw new Error(`loading the current build failed: ${loaded.reason}`);
  if (loaded.build.corpusHash !== corpusHash)
    throw new Error(`the current build is of corpus ${loaded.build.corpusHash}, not ${corpusHash}`);
  return loaded.build;
}

/** Which backend `retriever` searches vectors with. */
export const vectorBackendOf = (retriever: HybridRetriever): VectorBackend =>
  retriever.vectors instanceof VectorIndex ? 'hnswlib' : 'pgvector';
