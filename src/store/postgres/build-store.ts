import { newBuildId } from '../../retrieval/index-layout.js';
import type { Chunk, SourceDocument } from '../../types.js';
import { createVectorTable } from './pgvector.js';
import { type Queryable, quoteIdent, type SqlDatabase } from './sql.js';

/** Channel on which a newly current build id is announced to every replica. */
export const BUILDS_CHANNEL = 'citecheck_builds';

/** Rows sent per INSERT while writing a build. */
export const WRITE_BATCH_ROWS = 2000;

/** Rows read per page while loading a build. */
export const READ_PAGE_ROWS = 5000;

/** A build as the `builds` table describes it. */
export interface BuildRecord {
  id: string;
  corpusHash: string;
  embedderId: string;
  dimension: number;
  docCount: number;
  chunkCount: number;
  buildMs: number;
  /** The pgvector table of its embeddings, when written with pgvector. */
  vectorTable: string | null;
  createdAt: string;
}

/** What a build writes: the corpus, its chunks and one embedding per chunk (row-major float32). */
export interface BuildInput {
  corpusHash: string;
  embedderId: string;
  dimension: number;
  docs: readonly SourceDocument[];
  chunks: readonly Chunk[];
  embeddings: Float32Array;
  buildMs: number;
  /** Also index the embeddings with pgvector (HNSW, cosine) with these graph settings. */
  pgvector?: { m: number; efConstruction: number } | undefined;
}

/** A stored build read back: its record, documents and chunks; embeddings stream through `onEmbeddings`. */
export interface StoredBuild {
  record: BuildRecord;
  docs: SourceDocument[];
  chunks: Chunk[];
}

interface BuildRow {
  id: string;
  corpus_hash: string;
  embedder_id: string;
  dimension: number;
  doc_count: number;
  chunk_count: number;
  build_ms: number;
  vector_table: string | null;
  created_at: Date | string;
}

const toRecord = (r: BuildRow): BuildRecord => ({
  id: r.id,
  corpusHash: r.corpus_hash,
  embedderId: r.embedder_id,
  dimension: r.dimension,
  docCount: r.doc_count,
  chunkCount: r.chunk_count,
  buildMs: r.build_ms,
  vectorTable: r.vector_table,
  createdAt: new Date(r.created_at).toISOString(),
});

/** float32 rows as the bytea the `embedding` column holds (little-endian, as Float32Array on every supported host). */
const rowBytes = (m: Float32Array, i: number, dim: number) =>
  Buffer.from(m.buffer, m.byteOffset + i * dim * 4, dim * 4);

/**
 * Builds in PostgreSQL. A build is written in one transaction that also makes it current and
 * announces it on {@link BUILDS_CHANNEL}, so no reader ever sees part of one; the current and the
 * previous build are kept, older ones deleted in the same transaction.
 */
export class PgBuildStore {
  constructor(private readonly db: SqlDatabase) {}

  /** Writes `input` as a new build, makes it current and returns its id. */
  async write(input: BuildInput): Promise<string> {
    const n = input.chunks.length;
    if (input.embeddings.length !== n * input.dimension)
      throw new Error(`expected ${n} embeddings of ${input.dimension} values`);
    const id = newBuildId();
    await this.db.transaction(async (tx) => {
      await tx.query('SET LOCAL statement_timeout = 0');
      const vectorTable = input.pgvector ? vectorTableName(id) : null;
      await tx.query(
        `INSERT INTO builds (id, corpus_hash, embedder_id, dimension, doc_count, chunk_count, build_ms, vector_table)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          input.corpusHash,
          input.embedderId,
          input.dimension,
          input.docs.length,
          n,
          Math.round(input.buildMs),
          vectorTable,
        ],
      );
      for (let s = 0; s < input.docs.length; s += WRITE_BATCH_ROWS) {
        const docs = input.docs.slice(s, s + WRITE_BATCH_ROWS);
        await tx.query(
          `INSERT INTO build_documents (build_id, position, doc_id, body)
           SELECT $1, * FROM unnest($2::int[], $3::text[], $4::jsonb[])`,
          [id, docs.map((_, i) => s + i), docs.map((d) => d.docId), docs.map((d) => JSON.stringify(d))],
        );
      }
      for (let s = 0; s < n; s += WRITE_BATCH_ROWS) {
        const chunks = input.chunks.slice(s, s + WRITE_BATCH_ROWS);
        await tx.query(
          `INSERT INTO build_chunks (build_id, position, chunk_id, doc_id, body, embedding)
           SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::jsonb[], $6::bytea[])`,
          [
            id,
            chunks.map((_, i) => s + i),
            chunks.map((c) => c.id),
            chunks.map((c) => c.docId),
            chunks.map((c) => JSON.stringify(c)),
            chunks.map((_, i) => rowBytes(input.embeddings, s + i, input.dimension)),
          ],
        );
      }
      if (vectorTable && input.pgvector)
        await createVectorTable(tx, vectorTable, input.dimension, input.embeddings, input.pgvector);
      await makeCurrent(tx, id);
    });
    return id;
  }

  /** The id of the current build, if any. */
  async currentId(): Promise<string | undefined> {
    const { rows } = await this.db.query<{ build_id: string }>('SELECT build_id FROM current_build');
    return rows[0]?.build_id;
  }

  /** The record of build `id`, if it exists. */
  async record(id: string): Promise<BuildRecord | undefined> {
    const { rows } = await this.db.query<BuildRow>('SELECT * FROM builds WHERE id = $1', [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /**
   * Reads build `id` in one repeatable-read snapshot, so a build deleted meanwhile is still read
   * whole. Embeddings go to `onEmbeddings(start, rows)` page by page in position order.
   */
  async read(
    id: string,
    onEmbeddings: (start: number, rows: Float32Array) => void,
    options: { embeddings?: boolean } = {},
  ): Promise<StoredBuild | undefined> {
    const withEmbeddings = options.embeddings !== false;
    return this.db.session(async (conn) => {
      await conn.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const { rows } = await conn.query<BuildRow>('SELECT * FROM builds WHERE id = $1', [id]);
        if (!rows[0]) return undefined;
        const record = toRecord(rows[0]);
        const docRows = await conn.query<{ body: SourceDocument }>(
          'SELECT body FROM build_documents WHERE build_id = $1 ORDER BY position',
          [id],
        );
        const chunks: Chunk[] = [];
        for (let start = 0; start < record.chunkCount; start += READ_PAGE_ROWS) {
          const page = await conn.query<{ body: Chunk; embedding?: Uint8Array }>(
            `SELECT body${withEmbeddings ? ', embedding' : ''} FROM build_chunks WHERE build_id = $1 AND position >= $2 AND position < $3 ORDER BY position`,
            [id, start, start + READ_PAGE_ROWS],
          );
          const matrix = new Float32Array(withEmbeddings ? page.rows.length * record.dimension : 0);
          page.rows.forEach((r, i) => {
            chunks.push(r.body);
            const bytes = r.embedding;
            if (!bytes) return;
            if (bytes.byteLength !== record.dimension * 4)
              throw new Error(`chunk ${start + i} of build ${id} has a malformed embedding`);
            matrix.set(
              new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
              i * record.dimension,
            );
          });
          if (withEmbeddings) onEmbeddings(start, matrix);
        }
        await conn.exec('COMMIT');
        if (chunks.length !== record.chunkCount || docRows.rows.length !== record.docCount) {
          throw new Error(
            `build ${id} holds ${docRows.rows.length} documents and ${chunks.length} chunks; its record says ${record.docCount} and ${record.chunkCount}`,
          );
        }
        return { record, docs: docRows.rows.map((r) => r.body), chunks };
      } catch (err) {
        await conn.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }
}

/** Makes `id` current, drops every build but it and the one it replaces, and announces it (delivered at commit). */
async function makeCurrent(tx: Queryable, id: string): Promise<void> {
  const previous = await tx.query<{ build_id: string }>('SELECT build_id FROM current_build FOR UPDATE');
  const keep = [id, ...(previous.rows[0] ? [previous.rows[0].build_id] : [])];
  await tx.query(
    `INSERT INTO current_build (singleton, build_id, made_current_at) VALUES (true, $1, now())
     ON CONFLICT (singleton) DO UPDATE SET build_id = EXCLUDED.build_id, made_current_at = EXCLUDED.made_current_at`,
    [id],
  );
  const stale = await tx.query<{ id: string; vector_table: string | null }>(
    'SELECT id, vector_table FROM builds WHERE NOT (id = ANY($1::text[]))',
    [keep],
  );
  for (const b of stale.rows) if (b.vector_table) await tx.query(`DROP TABLE IF EXISTS ${quoteIdent(b.vector_table)}`);
  if (stale.rows.length > 0)
    await tx.query('DELETE FROM builds WHERE id = ANY($1::text[])', [stale.rows.map((b) => b.id)]);
  await tx.query('SELECT pg_notify($1, $2)', [BUILDS_CHANNEL, id]);
}

/** The pgvector table name of build `id` (build ids are `[0-9TZ-a-f]`, so the name needs no escaping beyond quoting). */
export function vectorTableName(id: string): string {
  return `build_vectors_${id.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;
}
