import type { ScoredIndex } from '../../retrieval/top-k.js';
import type { HnswParams, VectorSearcher } from '../../retrieval/vector-index.js';
import { type Queryable, quoteIdent, type SqlDatabase } from './sql.js';

/** pgvector's own limit on `hnsw.ef_search`. */
export const PGVECTOR_MAX_EF_SEARCH = 1000;

/** pgvector's defaults for the graph, used when HNSW_M / HNSW_EF_CONSTRUCTION are unset. */
export const PGVECTOR_DEFAULT_GRAPH = { m: 16, efConstruction: 64 } as const;

/** Rows per INSERT into a vector table. */
const VECTOR_BATCH_ROWS = 1000;

/** True when the `vector` extension is installed in this database (migration 0002 creates it where it can). */
export async function hasPgvector(db: Queryable): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM pg_extension WHERE extname = 'vector'");
  return rows.length > 0;
}

const literal = (m: Float32Array, i: number, dim: number) =>
  `[${Array.from(m.subarray(i * dim, (i + 1) * dim)).join(',')}]`;

/** Creates `table` (position, vector(dim)), fills it with the rows of `embeddings` and indexes it with HNSW for cosine distance. */
export async function createVectorTable(
  tx: Queryable,
  table: string,
  dimension: number,
  embeddings: Float32Array,
  graph: { m: number; efConstruction: number },
): Promise<void> {
  const t = quoteIdent(table);
  await tx.query(
    `CREATE TABLE ${t} (position integer PRIMARY KEY, embedding vector(${Math.trunc(dimension)}) NOT NULL)`,
  );
  const n = embeddings.length / dimension;
  for (let s = 0; s < n; s += VECTOR_BATCH_ROWS) {
    const count = Math.min(VECTOR_BATCH_ROWS, n - s);
    const positions = Array.from({ length: count }, (_, i) => s + i);
    await tx.query(
      `INSERT INTO ${t} (position, embedding) SELECT p, e::vector FROM unnest($1::int[], $2::text[]) AS u(p, e)`,
      [positions, positions.map((p) => literal(embeddings, p, dimension))],
    );
  }
  await tx.query(
    `CREATE INDEX ON ${t} USING hnsw (embedding vector_cosine_ops) WITH (m = ${Math.trunc(graph.m)}, ef_construction = ${Math.trunc(graph.efConstruction)})`,
  );
}

/**
 * Vector search served by pgvector: the build's table, its HNSW index, cosine distance. Each query
 * runs in a short transaction that sets `hnsw.ef_search` (at least `k`, at most pgvector's limit).
 */
export class PgVectorSearch implements VectorSearcher {
  readonly params: HnswParams;

  constructor(
    private readonly db: SqlDatabase,
    private readonly table: string,
    readonly dimension: number,
    readonly size: number,
    params: HnswParams,
  ) {
    this.params = { ...params, efSearch: Math.min(params.efSearch, PGVECTOR_MAX_EF_SEARCH) };
  }

  /** Top `k` positions by cosine similarity (`score` = 1 - cosine distance); a zero query finds nothing. */
  async search(query: ArrayLike<number>, k: number): Promise<ScoredIndex[]> {
    if (k <= 0 || this.size === 0) return [];
    if (query.length !== this.dimension)
      throw new Error(`Query has ${query.length} dimensions, expected ${this.dimension}`);
    let norm = 0;
    for (let j = 0; j < query.length; j++) norm += query[j]! * query[j]!;
    if (!(norm > 0)) return [];
    const ef = Math.min(PGVECTOR_MAX_EF_SEARCH, Math.max(k, this.params.efSearch));
    const vector = `[${Array.from(query).join(',')}]`;
    return this.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL hnsw.ef_search = ${ef}`);
      const { rows } = await tx.query<{ position: number; distance: number }>(
        `SELECT position, embedding <=> $1::vector AS distance FROM ${quoteIdent(this.table)} ORDER BY embedding <=> $1::vector LIMIT $2`,
        [vector, Math.min(k, this.size)],
      );
      return rows.map((r) => ({ index: r.position, score: 1 - Number(r.distance) }));
    });
  }
}
