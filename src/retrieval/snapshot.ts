import type { IngestWarning } from '../ingest/index.js';
import type { Chunk, SourceDocument } from '../types.js';
import type { HybridRetriever } from './retriever.js';
import type { LoadedBuild } from './shared-builds.js';

/** Where a served snapshot came from. */
export type SnapshotOrigin = 'disk' | 'database' | 'build';

/** An immutable, fully loaded view of the corpus and its indexes. */
export interface KnowledgeSnapshot {
  retriever: HybridRetriever;
  docs: readonly SourceDocument[];
  chunks: readonly Chunk[];
  docById: ReadonlyMap<string, SourceDocument>;
  chunkById: ReadonlyMap<string, Chunk>;
  chunksByDoc: ReadonlyMap<string, readonly Chunk[]>;
  buildId: string;
  corpusHash: string;
  /** Whether this snapshot was loaded from disk, from the shared database, or built in this process. */
  origin: SnapshotOrigin;
  warnings: readonly IngestWarning[];
}

/** The snapshot of a retriever (built or loaded from disk), as `KnowledgeBase` serves it. */
export function makeSnapshot(
  retriever: HybridRetriever,
  buildId: string,
  corpusHash: string,
  origin: SnapshotOrigin,
  warnings: readonly IngestWarning[],
): KnowledgeSnapshot {
  const chunksByDoc = new Map<string, Chunk[]>();
  for (const c of retriever.chunks) {
    const list = chunksByDoc.get(c.docId) ?? [];
    list.push(c);
    chunksByDoc.set(c.docId, list);
  }
  return {
    retriever,
    docs: retriever.docs,
    chunks: retriever.chunks,
    docById: new Map(retriever.docs.map((d) => [d.docId, d])),
    chunkById: new Map(retriever.chunks.map((c) => [c.id, c])),
    chunksByDoc,
    buildId,
    corpusHash,
    origin,
    warnings,
  };
}

/** The snapshot of a build loaded from the shared database. */
export const snapshotOfSharedBuild = (build: LoadedBuild): KnowledgeSnapshot =>
  makeSnapshot(build.retriever, build.buildId, build.corpusHash, 'database', []);
