import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalHashEmbedder } from '../../src/retrieval/local-embedder.js';
import { bruteForceSearch } from '../../src/retrieval/vector-index.js';
import { PgBuildStore } from '../../src/store/postgres/build-store.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { PgSharedBuilds } from '../../src/store/postgres/pg-shared-builds.js';
import { hasPgvector, PgVectorSearch } from '../../src/store/postgres/pgvector.js';
import type { Chunk, SourceDocument } from '../../src/types.js';
import { pgliteDatabase } from '../helpers/pglite.js';

const DIM = 16;

function corpus(n: number): { docs: SourceDocument[]; chunks: Chunk[]; embeddings: Float32Array } {
  const text = Array.from({ length: n }, (_, i) => `Passage ${i} about topic ${i % 7}.`).join(' ');
  const docs: SourceDocument[] = [
    { docId: 'd1', title: 'Fictional test document', path: 'd1.txt', format: 'txt', text },
  ];
  let at = 0;
  const chunks: Chunk[] = [];
  for (let i = 0; i < n; i++) {
    const t = `Passage ${i} about topic ${i % 7}.`;
    const start = text.indexOf(t, at);
    chunks.push({
      id: `c${i}`,
      docId: 'd1',
      title: 'Fictional test document',
      section: null,
      speaker: null,
      ordinal: i,
      start,
      end: start + t.length,
      text: t,
    });
    at = start + t.length;
  }
  const embeddings = new Float32Array(n * DIM);
  let seed = 7;
  for (let i = 0; i < embeddings.length; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    embeddings[i] = seed / 2 ** 31 - 0.5;
  }
  return { docs, chunks, embeddings };
}

describe('pgvector SQL (PGlite with the vector extension)', () => {
  let db: Awaited<ReturnType<typeof pgliteDatabase>>;
  beforeAll(async () => {
    db = await pgliteDatabase();
    await migrate(db);
  }, 120_000);
  afterAll(() => db.close());

  it('creates the extension in migration 0002 and serves cosine top-k from an HNSW-indexed build table', async () => {
    expect(await hasPgvector(db)).toBe(true);
    const { docs, chunks, embeddings } = corpus(300);
    const store = new PgBuildStore(db);
    const id = await store.write({
      corpusHash: 'h1',
      embedderId: 'test',
      dimension: DIM,
      docs,
      chunks,
      embeddings,
      buildMs: 5,
      pgvector: { m: 16, efConstruction: 64 },
    });
    const record = (await store.record(id))!;
    expect(record.vectorTable).toMatch(/^build_vectors_/);
    const { rows } = await db.query<{ indexdef: string }>('SELECT indexdef FROM pg_indexes WHERE tablename = $1', [
      record.vectorTable,
    ]);
    expect(rows.some((r) => /USING hnsw \(embedding vector_cosine_ops\)/.test(r.indexdef))).toBe(true);

    const search = new PgVectorSearch(db, record.vectorTable!, DIM, 300, {
      m: 16,
      efConstruction: 64,
      efSearch: 400,
      randomSeed: 1,
    });
    for (const q of [5, 123, 299]) {
      const query = embeddings.subarray(q * DIM, (q + 1) * DIM);
      const got = await search.search(query, 5);
      const exact = bruteForceSearch(embeddings, DIM, query, 5);
      expect(got[0]).toMatchObject({ index: q });
      expect(got[0]!.score).toBeCloseTo(1, 5);
      expect(got.map((h) => h.index)).toEqual(exact.map((h) => h.index));
      got.forEach((h, i) => expect(h.score).toBeCloseTo(exact[i]!.score, 4));
    }
    expect(await search.search(new Float32Array(DIM), 5)).toEqual([]);
    await expect(search.search(new Float32Array(3), 5)).rejects.toThrow(/dimensions/);
  });

  it('drops the vector tables of builds older than the previous one', async () => {
    const { docs, chunks, embeddings } = corpus(20);
    const store = new PgBuildStore(db);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        await store.write({
          corpusHash: `g${i}`,
          embedderId: 'test',
          dimension: DIM,
          docs,
          chunks,
          embeddings,
          buildMs: 1,
          pgvector: { m: 8, efConstruction: 32 },
        }),
      );
    const { rows } = await db.query<{ id: string }>('SELECT id FROM builds ORDER BY created_at');
    expect(rows.map((r) => r.id)).toEqual(ids.slice(1));
    const tables = await db.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE tablename LIKE 'build_vectors_%'",
    );
    expect(tables.rows).toHaveLength(2);
  });

  it('loads a pgvector build for serving without an in-memory graph, and hybrid search finds the asked-for passage', async () => {
    const embedder = new LocalHashEmbedder({ dimension: 64 });
    const texts = [
      'The fictional river Arlen floods every spring.',
      'Copper prices rose in the fictional year.',
      'A lighthouse stands on the fictional cape.',
    ];
    const text = texts.join(' ');
    const docs: SourceDocument[] = [{ docId: 'f', title: 'Fictional notes', path: 'f.txt', format: 'txt', text }];
    const chunks: Chunk[] = texts.map((t, i) => ({
      id: `k${i}`,
      docId: 'f',
      title: 'Fictional notes',
      section: null,
      speaker: null,
      ordinal: i,
      start: text.indexOf(t),
      end: text.indexOf(t) + t.length,
      text: t,
    }));
    const embeddings = embedder.embedMatrix(texts);
    const store = new PgBuildStore(db);
    await store.write({
      corpusHash: 'f',
      embedderId: embedder.id,
      dimension: 64,
      docs,
      chunks,
      embeddings,
      buildMs: 1,
      pgvector: { m: 16, efConstruction: 64 },
    });
    const shared = new PgSharedBuilds(db);
    const loaded = await shared.loadCurrent(embedder);
    expect(loaded.status).toBe('ok');
    if (loaded.status !== 'ok') return;
    expect(loaded.build.retriever.vectors).toBeInstanceOf(PgVectorSearch);
    const hits = await loaded.build.retriever.search('When does the river flood?', { k: 2 });
    expect(hits[0]!.chunk.id).toBe('k0');
    const dense = await loaded.build.retriever.searchVector('lighthouse on the cape', 1);
    expect(dense[0]!.chunk.id).toBe('k2');
  });
});
