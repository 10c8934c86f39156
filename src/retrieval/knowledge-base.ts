import { AppError } from '../errors.js';
import { CHUNKER_VERSION, DEFAULT_CHUNK_OPTIONS, chunkDocument, loadCorpus, type IngestWarning } from '../ingest/index.js';
import type { Chunk, SourceDocument } from '../types.js';
import type { RetrievalEmbedder } from './embedder.js';
import { loadIndex } from './index-store.js';
import { buildRetriever, computeCorpusHash, fromStored, saveRetriever, type HybridRetriever } from './retriever.js';

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
  /** Whether this snapshot was loaded from disk or built in this process. */
  origin: 'disk' | 'build';
  warnings: readonly IngestWarning[];
}

/** Lifecycle of the knowledge base as reported by `/readyz`. */
export interface KnowledgeBaseStatus {
  state: 'starting' | 'loading' | 'building' | 'ready' | 'failed';
  buildId?: string;
  docs?: number;
  chunks?: number;
  origin?: 'disk' | 'build';
  error?: string;
}

/** Structured logger surface used here (pino-compatible). */
export interface KbLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Options of {@link KnowledgeBase}. */
export interface KnowledgeBaseOptions {
  corpusDir: string;
  dataDir: string;
  embedder: RetrievalEmbedder;
  logger?: KbLogger;
}

/** Outcome of opening: the snapshot and what it took. */
export interface OpenResult {
  snapshot: KnowledgeSnapshot;
  rebuilt: boolean;
  reason?: string;
  ms: number;
}

/**
 * Owns the corpus and its persisted indexes: loads the stored build when its manifest matches the
 * corpus and embedder, otherwise rebuilds (atomically) and serves the new build.
 */
export class KnowledgeBase {
  private snapshot: KnowledgeSnapshot | undefined;
  private state: KnowledgeBaseStatus['state'] = 'starting';
  private error: string | undefined;

  constructor(private readonly opts: KnowledgeBaseOptions) {}

  /** Current lifecycle state and the served build. */
  status(): KnowledgeBaseStatus {
    const s = this.snapshot;
    return {
      state: this.state,
      ...(s ? { buildId: s.buildId, docs: s.docs.length, chunks: s.chunks.length, origin: s.origin } : {}),
      ...(this.error ? { error: this.error } : {}),
    };
  }

  /** The snapshot being served, if any. */
  current(): KnowledgeSnapshot | undefined {
    return this.snapshot;
  }

  /** The snapshot being served; throws `not_ready` before the first load. */
  require(): KnowledgeSnapshot {
    if (!this.snapshot) throw new AppError('not_ready', `The index is not ready yet (state: ${this.state})`);
    return this.snapshot;
  }

  /** Loads the stored index if it matches the corpus, else rebuilds it. `force` always rebuilds. */
  async open(options: { force?: boolean } = {}): Promise<OpenResult> {
    const started = performance.now();
    const log = this.opts.logger;
    try {
      this.state = this.snapshot ? this.state : 'loading';
      const { docs, warnings } = await loadCorpus(this.opts.corpusDir, {
        onWarning: (w) => log?.warn({ file: w.file }, `skipped ${w.file}: ${w.message}`),
      });
      const corpusHash = computeCorpusHash(docs, [CHUNKER_VERSION, JSON.stringify(DEFAULT_CHUNK_OPTIONS)]);
      const embedder = this.opts.embedder;
      let reason = 'forced rebuild';
      if (!options.force) {
        const loaded = await loadIndex(this.opts.dataDir, { corpusHash, embedderId: embedder.id });
        if (loaded.status === 'ok') {
          const retriever = fromStored(loaded.index, embedder);
          const snapshot = makeSnapshot(retriever, loaded.index.buildId, corpusHash, 'disk', warnings);
          return this.serve(snapshot, { rebuilt: false, ms: performance.now() - started });
        }
        reason = `${loaded.status}: ${loaded.reason}`;
        if (loaded.status === 'corrupt' || loaded.status === 'mismatch') log?.warn({ reason }, 'stored index unusable; rebuilding');
        else log?.info({ reason }, 'no stored index; building');
      }
      if (!this.snapshot) this.state = 'building';
      const chunks = docs.flatMap((d) => chunkDocument(d));
      const retriever = await buildRetriever({ chunks, docs, embedder });
      const buildId = await saveRetriever(this.opts.dataDir, retriever, corpusHash);
      const snapshot = makeSnapshot(retriever, buildId, corpusHash, 'build', warnings);
      return this.serve(snapshot, { rebuilt: true, reason, ms: performance.now() - started });
    } catch (err) {
      if (!this.snapshot) {
        this.state = 'failed';
        this.error = err instanceof Error ? err.message : String(err);
      }
      throw err;
    }
  }

  private serve(snapshot: KnowledgeSnapshot, info: Omit<OpenResult, 'snapshot'>): OpenResult {
    this.snapshot = snapshot;
    this.state = 'ready';
    this.error = undefined;
    this.opts.logger?.info(
      { buildId: snapshot.buildId, docs: snapshot.docs.length, chunks: snapshot.chunks.length, origin: snapshot.origin, ms: Math.round(info.ms) },
      snapshot.origin === 'disk' ? 'index loaded' : 'index built',
    );
    return { snapshot, ...info };
  }
}

function makeSnapshot(
  retriever: HybridRetriever,
  buildId: string,
  corpusHash: string,
  origin: 'disk' | 'build',
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
