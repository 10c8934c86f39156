import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalHashEmbedder } from '../../src/retrieval/local-embedder.js';
import { bruteForceSearch, recallAt, VectorIndex } from '../../src/retrieval/vector-index.js';
import { rng } from './synthetic.js';

/**
 * "Random-ish" vectors shaped like embeddings: random cluster centres, each cluster spread
 * mostly along its own random low-dimensional subspace, plus a little isotropic noise.
 */
function clusteredVectors(n: number, dim: number, clusters: number, seed: number): Float32Array {
  const structure = rng(1234);
  const g = (r: () => number) => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
  const rank = 8;
  const centers = Array.from({ length: clusters }, () => Array.from({ length: dim }, () => g(structure)));
  const bases = Array.from({ length: clusters }, () =>
    Array.from({ length: rank }, () => Array.from({ length: dim }, () => g(structure) * 0.5)),
  );
  const r = rng(seed);
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(r() * clusters);
    const z = Array.from({ length: rank }, () => g(r));
    for (let j = 0; j < dim; j++) {
      let v = centers[c]![j]! + 0.1 * g(r);
      for (let k = 0; k < rank; k++) v += bases[c]![k]![j]! * z[k]!;
      out[i * dim + j] = v;
    }
  }
  return out;
}

const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-vec-'));
afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

describe('VectorIndex', () => {
  it('reaches recall@10 >= 0.98 against brute force on 5k clustered vectors', () => {
    const dim = 128;
    const data = clusteredVectors(5000, dim, 40, 7);
    const queries = clusteredVectors(200, dim, 40, 7_000);
    const index = VectorIndex.build(data, dim);
    expect(index.size).toBe(5000);
    let recall = 0;
    for (let q = 0; q < 200; q++) {
      const query = queries.subarray(q * dim, (q + 1) * dim);
      recall += recallAt(index.search(query, 10), bruteForceSearch(data, dim, query, 10));
    }
    expect(recall / 200).toBeGreaterThanOrEqual(0.98);
  });

  it('reaches recall@10 >= 0.98 on 5k text embeddings with short queries', () => {
    const e = new LocalHashEmbedder({ dimension: 256 });
    const r = rng(3);
    const vocab = Array.from({ length: 3000 }, (_, i) => `w${((i * 2654435761) >>> 0).toString(36)}`);
    const pick = () => vocab[Math.floor(r() ** 2 * vocab.length)]!;
    const texts = Array.from({ length: 5000 }, () => Array.from({ length: 60 }, pick).join(' '));
    const data = e.embedMatrix(texts);
    const index = VectorIndex.build(data, 256);
    let recall = 0;
    for (let q = 0; q < 100; q++) {
      const query = e.embedVector(Array.from({ length: 6 }, pick).join(' '));
      recall += recallAt(index.search(query, 10), bruteForceSearch(data, 256, query, 10));
    }
    expect(recall / 100).toBeGreaterThanOrEqual(0.98);
  });

  it('returns cosine scores, best first, and survives write/read', async () => {
    const data = [
      [1, 0, 0],
      [0.9, 0.1, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    const index = VectorIndex.build(data, 3);
    const hits = index.search([1, 0, 0], 2);
    expect(hits.map((h) => h.index)).toEqual([0, 1]);
    expect(hits[0]!.score).toBeCloseTo(1, 5);
    expect(hits[1]!.score).toBeCloseTo(0.9 / Math.hypot(0.9, 0.1), 5);
    expect(index.search([0, 0, 1], 10)).toHaveLength(4);
    const file = path.join(tmp, 'v.hnsw');
    await index.write(file);
    const loaded = await VectorIndex.read(file, 3);
    expect(loaded.size).toBe(4);
    expect(loaded.search([1, 0, 0], 2)).toEqual(hits);
  });

  it('handles an empty index and rejects wrong dimensions', () => {
    const empty = VectorIndex.build(new Float32Array(0), 4);
    expect(empty.search([1, 0, 0, 0], 5)).toEqual([]);
    const index = VectorIndex.build([[1, 0, 0, 0]], 4);
    expect(() => index.search([1, 0], 1)).toThrow(/dimensions/);
    expect(() => VectorIndex.build([[1, 0]], 4)).toThrow(/dimensions/);
  });

  it('bruteForceSearch is exact cosine', () => {
    const m = new Float32Array([1, 0, 0, 2, 3, 3]);
    expect(bruteForceSearch(m, 2, [0, 1], 3).map((h) => h.index)).toEqual([1, 2, 0]);
    expect(bruteForceSearch(m, 2, [0, 0], 3)).toEqual([]);
  });
});
