import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineBuilder, workerBuilder } from '../../src/retrieval/hnsw-worker.js';
import { LocalHashEmbedder } from '../../src/retrieval/local-embedder.js';
import { buildRetriever } from '../../src/retrieval/retriever.js';
import { rng, SAMPLE } from './synthetic.js';

const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-worker-'));
afterAll(() => fs.rm(scratch, { recursive: true, force: true }));

function randomRows(n: number, dim: number, seed: number): Float32Array {
  const r = rng(seed);
  return Float32Array.from({ length: n * dim }, () => r() - 0.5);
}

describe('HNSW builders', () => {
  it('builds the same graph on a worker thread as inline, from batches', async () => {
    const dim = 16;
    const data = randomRows(600, dim, 1);
    const viaWorker = workerBuilder(600, dim, {}, scratch);
    const inline = inlineBuilder(600, dim);
    for (let start = 0; start < 600; start += 128) {
      const end = Math.min(600, start + 128);
      viaWorker.add(start, data.slice(start * dim, end * dim));
      inline.add(start, data.subarray(start * dim, end * dim));
    }
    const [a, b] = await Promise.all([viaWorker.finish(), inline.finish()]);
    expect(a.size).toBe(600);
    const queries = randomRows(20, dim, 2);
    for (let q = 0; q < 20; q++) {
      const v = queries.subarray(q * dim, (q + 1) * dim);
      expect(a.search(v, 5)).toEqual(b.search(v, 5));
    }
    expect(await fs.readdir(scratch)).toEqual([]);
  });

  it('cleans up when aborted', async () => {
    const builder = workerBuilder(10, 4, {}, scratch);
    builder.add(0, new Float32Array(8).fill(1));
    await builder.abort();
    expect(await fs.readdir(scratch)).toEqual([]);
  });

  it('is used by buildRetriever above the threshold and gives the same hits', async () => {
    const embedder = new LocalHashEmbedder({ dimension: 64 });
    const threaded = await buildRetriever({
      ...SAMPLE,
      embedder,
      workerThreshold: 0,
      batchSize: 3,
      scratchDir: scratch,
    });
    const inline = await buildRetriever({ ...SAMPLE, embedder });
    for (const q of ['exports growth 2021', '跨境电商', 'symphony premiere']) {
      expect(await threaded.search(q, { k: 4 })).toEqual(await inline.search(q, { k: 4 }));
    }
    expect(await fs.readdir(scratch)).toEqual([]);
  });
});
