import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, HNSW_LIMITS, loadConfig } from '../../src/config.js';
import { createEmbedder } from '../../src/retrieval/embedder.js';
import { loadIndex, writeIndex } from '../../src/retrieval/index-store.js';
import { KnowledgeBase } from '../../src/retrieval/knowledge-base.js';
import { LocalHashEmbedder } from '../../src/retrieval/local-embedder.js';
import { buildRetriever, computeCorpusHash } from '../../src/retrieval/retriever.js';
import {
  bruteForceSearch,
  DEFAULT_HNSW_PARAMS,
  graphParamsMismatch,
  recallAt,
  resolveHnswParams,
  SMALL_INDEX_EF_CONSTRUCTION,
  SMALL_INDEX_MAX_VECTORS,
  VectorIndex,
} from '../../src/retrieval/vector-index.js';
import { CORPUS_DIR } from '../helpers/app.js';
import { makeCorpus, rng } from './synthetic.js';

const tmpDirs: string[] = [];
async function tmp(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  tmpDirs.push(dir);
  return dir;
}
afterAll(() => Promise.all(tmpDirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

describe('HNSW settings in the configuration', () => {
  it('leaves every setting to the built-in defaults when unset or empty', () => {
    expect(loadConfig({}).hnsw).toEqual({ m: undefined, efConstruction: undefined, efSearch: undefined });
    expect(loadConfig({ HNSW_M: '', HNSW_EF_CONSTRUCTION: ' ', HNSW_EF_SEARCH: '' }).hnsw).toEqual({
      m: undefined,
      efConstruction: undefined,
      efSearch: undefined,
    });
  });

  it('reads integers within the limits', () => {
    expect(loadConfig({ HNSW_M: '48', HNSW_EF_CONSTRUCTION: '200', HNSW_EF_SEARCH: '1200' }).hnsw).toEqual({
      m: 48,
      efConstruction: 200,
      efSearch: 1200,
    });
    const [mMin, mMax] = HNSW_LIMITS.m;
    expect(loadConfig({ HNSW_M: String(mMin) }).hnsw.m).toBe(mMin);
    expect(loadConfig({ HNSW_M: String(mMax) }).hnsw.m).toBe(mMax);
  });

  it.each([
    ['HNSW_M', 'abc', 'HNSW_M: must be an integer from 4 to 128'],
    ['HNSW_M', '3', 'HNSW_M: must be an integer from 4 to 128'],
    ['HNSW_M', '129', 'HNSW_M: must be an integer from 4 to 128'],
    ['HNSW_M', '16.5', 'HNSW_M: must be an integer from 4 to 128'],
    ['HNSW_EF_CONSTRUCTION', '9', 'HNSW_EF_CONSTRUCTION: must be an integer from 10 to 2000'],
    ['HNSW_EF_CONSTRUCTION', 'lots', 'HNSW_EF_CONSTRUCTION: must be an integer from 10 to 2000'],
    ['HNSW_EF_SEARCH', '0', 'HNSW_EF_SEARCH: must be an integer from 10 to 10000'],
    ['HNSW_EF_SEARCH', '20000', 'HNSW_EF_SEARCH: must be an integer from 10 to 10000'],
  ])('rejects %s=%s with a message naming the range', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});

describe('resolveHnswParams', () => {
  it('uses the size-dependent defaults and every given override', () => {
    expect(resolveHnswParams(SMALL_INDEX_MAX_VECTORS)).toEqual({
      ...DEFAULT_HNSW_PARAMS,
      efConstruction: SMALL_INDEX_EF_CONSTRUCTION,
    });
    expect(resolveHnswParams(SMALL_INDEX_MAX_VECTORS + 1)).toEqual(DEFAULT_HNSW_PARAMS);
    expect(resolveHnswParams(100_000, { m: 48, efConstruction: undefined, efSearch: 900 })).toEqual({
      ...DEFAULT_HNSW_PARAMS,
      m: 48,
      efSearch: 900,
    });
  });

  it('compares graphs by M and efConstruction only', () => {
    const p = resolveHnswParams(100_000);
    expect(graphParamsMismatch(p, { ...p, efSearch: p.efSearch + 1 } as typeof p)).toBeUndefined();
    expect(graphParamsMismatch(p, { ...p, m: 16 })).toMatch(/built with M 32.*configured M 16/);
    expect(graphParamsMismatch(p, { ...p, efConstruction: 400 })).toMatch(/configured M 32, efConstruction 400/);
  });
});

/** Texts of Zipf-like random words (deterministic), so that short queries have many near-ties. */
function randomTexts(count: number, words: number, seed: number): { texts: string[]; vocab: string[] } {
  const r = rng(seed);
  const vocab = Array.from({ length: 2000 }, (_, i) => `w${((i * 2654435761) >>> 0).toString(36)}`);
  const pick = () => vocab[Math.floor(r() ** 2 * vocab.length)]!;
  return { texts: Array.from({ length: count }, () => Array.from({ length: words }, pick).join(' ')), vocab };
}

describe('efSearch at load', () => {
  const dim = 128;
  const embedder = new LocalHashEmbedder({ dimension: dim });
  const { texts } = randomTexts(3000, 40, 11);
  const queries = randomTexts(60, 5, 12).texts.map((q) => embedder.embedVector(q));
  const matrix = embedder.embedMatrix(texts);
  const exact = queries.map((q) => bruteForceSearch(matrix, dim, q, 10));
  const sparseGraph = { m: 4, efConstruction: 10 };

  async function stored(): Promise<string> {
    const dir = await tmp('citecheck-hnsw-ef-');
    const file = path.join(dir, 'v.hnsw');
    await VectorIndex.build(matrix, dim, sparseGraph).write(file);
    return file;
  }

  const recallOf = (index: VectorIndex) =>
    queries.reduce((sum, q, i) => sum + recallAt(index.search(q, 10), exact[i]!), 0) / queries.length;

  it('never lowers recall as it grows, and gives the same results every time', async () => {
    const file = await stored();
    const recalls: number[] = [];
    for (const efSearch of [10, 20, 40, 80, 160, 320]) {
      const index = await VectorIndex.read(file, dim, { ...sparseGraph, efSearch });
      expect(index.params.efSearch).toBe(efSearch);
      const first = queries.map((q) => index.search(q, 10));
      expect(queries.map((q) => index.search(q, 10))).toEqual(first);
      recalls.push(recallOf(index));
    }
    for (let i = 1; i < recalls.length; i++) expect(recalls[i]!).toBeGreaterThanOrEqual(recalls[i - 1]!);
    expect(recalls.at(-1)!).toBeGreaterThan(recalls[0]!);
  });

  it('is taken from the load options, else the expectation, else the default, never from the manifest', async () => {
    const corpus = makeCorpus({ doc: texts.slice(0, 300) });
    const retriever = await buildRetriever({ ...corpus, embedder, hnsw: { ...sparseGraph, efSearch: 77 } });
    const dataDir = await tmp('citecheck-hnsw-store-');
    const corpusHash = computeCorpusHash(corpus.docs, ['test']);
    await writeIndex(dataDir, {
      corpusHash,
      embedderId: embedder.id,
      chunks: corpus.chunks,
      docs: corpus.docs,
      vectors: retriever.vectors,
      bm25: retriever.bm25,
      buildMs: 1,
    });
    const expectation = { corpusHash, embedderId: embedder.id, hnsw: sparseGraph };
    const efOf = async (...args: Parameters<typeof loadIndex>) => {
      const res = await loadIndex(...args);
      if (res.status !== 'ok') throw new Error(res.reason);
      expect(res.index.manifest.hnsw.efSearch).toBe(77);
      return res.index.vectors.params.efSearch;
    };
    expect(await efOf(dataDir, expectation)).toBe(DEFAULT_HNSW_PARAMS.efSearch);
    expect(await efOf(dataDir, { ...expectation, hnsw: { ...sparseGraph, efSearch: 300 } })).toBe(300);
    expect(await efOf(dataDir, { ...expectation, hnsw: { ...sparseGraph, efSearch: 300 } }, { efSearch: 12 })).toBe(12);
  });

  it('loads a stored graph whatever efSearch asks for, but a changed M or efConstruction is a mismatch', async () => {
    const corpus = makeCorpus({ doc: texts.slice(0, 200) });
    const retriever = await buildRetriever({ ...corpus, embedder, hnsw: sparseGraph });
    const dataDir = await tmp('citecheck-hnsw-store-');
    const corpusHash = computeCorpusHash(corpus.docs, ['test']);
    await writeIndex(dataDir, {
      corpusHash,
      embedderId: embedder.id,
      chunks: corpus.chunks,
      docs: corpus.docs,
      vectors: retriever.vectors,
      bm25: retriever.bm25,
      buildMs: 1,
    });
    const base = { corpusHash, embedderId: embedder.id };
    expect((await loadIndex(dataDir, { ...base, hnsw: { ...sparseGraph, efSearch: 500 } })).status).toBe('ok');
    expect(await loadIndex(dataDir, { ...base, hnsw: { ...sparseGraph, m: 8 } })).toMatchObject({
      status: 'mismatch',
      reason: 'HNSW graph built with M 4, efConstruction 10; configured M 8, efConstruction 10',
    });
    expect(await loadIndex(dataDir, { ...base, hnsw: { ...sparseGraph, efConstruction: 11 } })).toMatchObject({
      status: 'mismatch',
    });
    expect(await loadIndex(dataDir, base)).toMatchObject({
      status: 'mismatch',
      reason: `HNSW graph built with M 4, efConstruction 10; configured M ${DEFAULT_HNSW_PARAMS.m}, efConstruction ${SMALL_INDEX_EF_CONSTRUCTION}`,
    });
  });
});

describe('KnowledgeBase with HNSW settings', () => {
  function kbFor(dataDir: string, env: Record<string, string> = {}) {
    const config = loadConfig({ CORPUS_DIR, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
    return new KnowledgeBase({
      corpusDir: config.corpusDir,
      dataDir: config.dataDir,
      embedder: createEmbedder(config),
      hnsw: config.hnsw,
    });
  }

  it('rebuilds when HNSW_M or HNSW_EF_CONSTRUCTION changes, and loads the stored build for another HNSW_EF_SEARCH', async () => {
    const dataDir = await tmp('citecheck-hnsw-kb-');
    const first = await kbFor(dataDir).open();
    expect(first.rebuilt).toBe(true);
    expect(first.snapshot.retriever.vectors.params).toMatchObject({
      m: DEFAULT_HNSW_PARAMS.m,
      efConstruction: SMALL_INDEX_EF_CONSTRUCTION,
    });

    const wider = await kbFor(dataDir, { HNSW_EF_SEARCH: '640' }).open();
    expect(wider.rebuilt).toBe(false);
    expect(wider.snapshot.buildId).toBe(first.snapshot.buildId);
    expect(wider.snapshot.retriever.vectors.params.efSearch).toBe(640);

    const denser = await kbFor(dataDir, { HNSW_M: '16', HNSW_EF_SEARCH: '640' }).open();
    expect(denser.rebuilt).toBe(true);
    expect(denser.reason).toBe(
      `mismatch: HNSW graph built with M 32, efConstruction ${SMALL_INDEX_EF_CONSTRUCTION}; configured M 16, efConstruction ${SMALL_INDEX_EF_CONSTRUCTION}`,
    );
    expect(denser.snapshot.retriever.vectors.params).toMatchObject({ m: 16, efSearch: 640 });
    expect((await kbFor(dataDir, { HNSW_M: '16' }).open()).rebuilt).toBe(false);

    const slower = await kbFor(dataDir, { HNSW_M: '16', HNSW_EF_CONSTRUCTION: '300' }).open();
    expect(slower.rebuilt).toBe(true);
    expect(slower.snapshot.retriever.vectors.params).toMatchObject({ m: 16, efConstruction: 300 });
  });
});
