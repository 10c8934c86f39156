import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHUNKER_VERSION, DEFAULT_CHUNK_OPTIONS } from '../../src/ingest/index.js';
import { INDEX_FORMAT_VERSION, type IndexData, loadIndex, writeIndex } from '../../src/retrieval/index-store.js';
import { LocalHashEmbedder } from '../../src/retrieval/local-embedder.js';
import { buildRetriever, computeCorpusHash, fromStored, saveRetriever } from '../../src/retrieval/retriever.js';
import { hashCorpus } from '../../src/retrieval/snapshot-build.js';
import { TOKENIZER_VERSION } from '../../src/retrieval/tokenizer.js';
import { SAMPLE } from './synthetic.js';

const embedder = new LocalHashEmbedder({ dimension: 64 });
const corpusHash = computeCorpusHash(SAMPLE.docs, ['test-chunker-v1']);
const expectation = { corpusHash, embedderId: embedder.id };
const retriever = await buildRetriever({ ...SAMPLE, embedder });
const data: IndexData = {
  corpusHash,
  embedderId: embedder.id,
  chunks: SAMPLE.chunks,
  docs: SAMPLE.docs,
  vectors: retriever.vectors,
  bm25: retriever.bm25,
  buildMs: 12,
};

let dataDir: string;
beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-store-'));
});
afterEach(() => fs.rm(dataDir, { recursive: true, force: true }));

const buildsDir = () => path.join(dataDir, 'index', 'builds');
const currentBuild = async () => (await fs.readFile(path.join(dataDir, 'index', 'CURRENT'), 'utf8')).trim();

describe('index store', () => {
  it('reports missing before anything is written', async () => {
    expect(await loadIndex(dataDir, expectation)).toMatchObject({ status: 'missing' });
  });

  it('round-trips chunks, docs, vectors and BM25', async () => {
    const buildId = await writeIndex(dataDir, data);
    expect(await currentBuild()).toBe(buildId);
    const files = await fs.readdir(path.join(buildsDir(), buildId));
    expect(files.sort()).toEqual(['bm25.bin', 'chunks.json', 'manifest.json', 'texts.bin', 'vectors.hnsw']);
    const res = await loadIndex(dataDir, expectation);
    if (res.status !== 'ok') throw new Error(res.reason);
    const { index } = res;
    expect(index.buildId).toBe(buildId);
    expect(index.chunks).toEqual(SAMPLE.chunks);
    expect(index.docs).toEqual(SAMPLE.docs);
    expect(index.manifest).toMatchObject({
      version: INDEX_FORMAT_VERSION,
      corpusHash,
      embedderId: embedder.id,
      dimension: 64,
      chunkCount: 10,
      docCount: 3,
      buildMs: 12,
    });
    expect(Object.keys(index.manifest.files).sort()).toEqual(['bm25.bin', 'chunks.json', 'texts.bin', 'vectors.hnsw']);
    const served = fromStored(index, embedder);
    for (const q of ['cross-border e-commerce exports', '跨境电商', 'flour and eggs']) {
      expect((await served.search(q, { k: 3 })).map((h) => h.chunk.id)).toEqual(
        (await retriever.search(q, { k: 3 })).map((h) => h.chunk.id),
      );
    }
  });

  it('reports mismatch for another corpus hash or embedder', async () => {
    await writeIndex(dataDir, data);
    expect(await loadIndex(dataDir, { ...expectation, corpusHash: 'other' })).toMatchObject({ status: 'mismatch' });
    const res = await loadIndex(dataDir, { ...expectation, embedderId: 'local-hash-v1-512' });
    expect(res).toMatchObject({ status: 'mismatch' });
    if (res.status !== 'ok') expect(res.reason).toContain('local-hash-v1-512');
  });

  it('detects a truncated vectors.hnsw', async () => {
    const id = await writeIndex(dataDir, data);
    const file = path.join(buildsDir(), id, 'vectors.hnsw');
    const { size } = await fs.stat(file);
    await fs.truncate(file, Math.floor(size / 2));
    expect(await loadIndex(dataDir, expectation)).toMatchObject({ status: 'corrupt' });
  });

  it('detects flipped bytes in chunks.json and a deleted bm25.bin', async () => {
    const id = await writeIndex(dataDir, data);
    const file = path.join(buildsDir(), id, 'chunks.json');
    const bytes = await fs.readFile(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x20;
    await fs.writeFile(file, bytes);
    const res = await loadIndex(dataDir, expectation);
    expect(res).toMatchObject({ status: 'corrupt' });
    if (res.status !== 'ok') expect(res.reason).toContain('chunks.json');
    const id2 = await writeIndex(dataDir, data);
    await fs.rm(path.join(buildsDir(), id2, 'bm25.bin'));
    expect(await loadIndex(dataDir, expectation)).toMatchObject({ status: 'corrupt' });
  });

  it('reports a garbled manifest or CURRENT as corrupt', async () => {
    const id = await writeIndex(dataDir, data);
    await fs.writeFile(path.join(buildsDir(), id, 'manifest.json'), '{"version":1,');
    expect(await loadIndex(dataDir, expectation)).toMatchObject({ status: 'corrupt' });
    await fs.writeFile(path.join(dataDir, 'index', 'CURRENT'), '../../etc\n');
    expect(await loadIndex(dataDir, expectation)).toMatchObject({ status: 'corrupt' });
  });

  it('reports a build of an older index format as a mismatch, so it is rebuilt with the current terms', async () => {
    const id = await writeIndex(dataDir, data);
    const manifestPath = path.join(buildsDir(), id, 'manifest.json');
    const manifest = JSON.parse(await fs.readFile(manifestPath, 'utf8'));
    await fs.writeFile(manifestPath, JSON.stringify({ ...manifest, version: INDEX_FORMAT_VERSION - 1 }));
    const res = await loadIndex(dataDir, expectation);
    expect(res).toMatchObject({ status: 'mismatch' });
    if (res.status === 'mismatch') expect(res.reason).toContain(`expected ${INDEX_FORMAT_VERSION}`);
  });

  it('reports missing when CURRENT names a build that is gone', async () => {
    const id = await writeIndex(dataDir, data);
    await fs.rm(path.join(buildsDir(), id), { recursive: true });
    expect(await loadIndex(dataDir, expectation)).toMatchObject({ status: 'missing' });
  });

  it('ignores and then cleans leftover .tmp build dirs', async () => {
    await fs.mkdir(buildsDir(), { recursive: true });
    const crashed = path.join(buildsDir(), '20200101T000000000Z-999999999-deadbeef.tmp');
    const junk = path.join(buildsDir(), 'half-written.tmp');
    for (const dir of [crashed, junk]) {
      await fs.mkdir(dir);
      await fs.writeFile(path.join(dir, 'vectors.hnsw'), 'partial');
    }
    expect(await loadIndex(dataDir, expectation)).toMatchObject({ status: 'missing' });
    await fs.writeFile(path.join(dataDir, 'index', 'CURRENT.123.456.tmp'), 'half');
    const id = await writeIndex(dataDir, data);
    expect(await fs.readdir(buildsDir())).toEqual([id]);
    expect((await fs.readdir(path.join(dataDir, 'index'))).sort()).toEqual(['CURRENT', 'builds']);
    expect((await loadIndex(dataDir, expectation)).status).toBe('ok');
  });

  it('keeps the current and previous builds only', async () => {
    const a = await writeIndex(dataDir, data);
    const b = await writeIndex(dataDir, data);
    const c = await writeIndex(dataDir, data);
    expect((await fs.readdir(buildsDir())).sort()).toEqual([b, c].sort());
    expect(a < b && b < c).toBe(true);
    expect(await currentBuild()).toBe(c);
  });

  it('serialises concurrent writers and ends with a loadable index', async () => {
    const ids = await Promise.all([
      writeIndex(dataDir, data),
      writeIndex(dataDir, data),
      saveRetriever(dataDir, retriever, corpusHash),
    ]);
    expect(ids).toContain(await currentBuild());
    expect((await loadIndex(dataDir, expectation)).status).toBe('ok');
    const left = await fs.readdir(buildsDir());
    expect(left.every((n) => !n.endsWith('.tmp'))).toBe(true);
  });
});

describe('computeCorpusHash', () => {
  it('changes with text, metadata or extra inputs but not with document order', () => {
    const base = computeCorpusHash(SAMPLE.docs, ['v1']);
    expect(computeCorpusHash([...SAMPLE.docs].reverse(), ['v1'])).toBe(base);
    expect(computeCorpusHash(SAMPLE.docs, ['v2'])).not.toBe(base);
    const edited = SAMPLE.docs.map((d, i) => (i === 0 ? { ...d, text: `${d.text}!` } : d));
    expect(computeCorpusHash(edited, ['v1'])).not.toBe(base);
    const retitled = SAMPLE.docs.map((d, i) => (i === 0 ? { ...d, date: '2022' } : d));
    expect(computeCorpusHash(retitled, ['v1'])).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is taken over the chunker and the tokenizer too, so an index either built differently is rebuilt', () => {
    const hash = hashCorpus(SAMPLE.docs);
    expect(hash).toBe(
      computeCorpusHash(SAMPLE.docs, [CHUNKER_VERSION, JSON.stringify(DEFAULT_CHUNK_OPTIONS), TOKENIZER_VERSION]),
    );
    expect(hash).not.toBe(computeCorpusHash(SAMPLE.docs, [CHUNKER_VERSION, JSON.stringify(DEFAULT_CHUNK_OPTIONS)]));
  });
});
