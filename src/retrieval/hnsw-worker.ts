import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { type HnswParams, type HnswSettings, resolveHnswParams, VectorIndex } from './vector-index.js';

/**
 * Plain CommonJS so it runs in a worker without any TypeScript loader: inserts each transferred
 * batch of rows as it arrives, and on `finish` writes the graph to `file`.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { HierarchicalNSW } = require(workerData.hnswPath);
const { n, dim, params, file } = workerData;
const index = new HierarchicalNSW('cosine', dim);
index.initIndex({ maxElements: Math.max(1, n), m: params.m, efConstruction: params.efConstruction, randomSeed: params.randomSeed });
const point = new Array(dim).fill(0);
parentPort.on('message', (msg) => {
  try {
    if (msg.rows) {
      const rows = new Float32Array(msg.rows);
      const count = rows.length / dim;
      for (let i = 0; i < count; i++) {
        for (let j = 0; j < dim; j++) point[j] = rows[i * dim + j];
        index.addPoint(point, msg.start + i);
      }
    } else if (msg.finish) {
      index.writeIndexSync(file);
      parentPort.postMessage({ done: true, count: index.getCurrentCount() });
    }
  } catch (err) {
    parentPort.postMessage({ error: String((err && err.message) || err) });
  }
});
`;

const hnswPath = createRequire(import.meta.url).resolve('hnswlib-node');

/** Incremental construction of a {@link VectorIndex}: add row batches in label order, then finish. */
export interface VectorIndexBuilder {
  /** Adds rows labelled `start`, `start + 1`, ...; the builder may take ownership of `rows`. */
  add(start: number, rows: Float32Array): void;
  finish(): Promise<VectorIndex>;
  abort(): Promise<void>;
}

/** Builds on the calling thread. */
export function inlineBuilder(
  n: number,
  dim: number,
  params: Partial<HnswParams> | HnswSettings = {},
): VectorIndexBuilder {
  const index = VectorIndex.create(n, dim, params);
  return {
    add: (start, rows) => index.addRows(rows, start),
    finish: async () => index,
    abort: async () => undefined,
  };
}

/**
 * Builds the graph on a worker thread: batches are transferred (not copied) as they are
 * produced, so embedding and BM25 on this thread overlap with graph construction and no
 * corpus-sized matrix is held here. The worker hands the graph back through a temporary file
 * in `scratchDir`. Falls back to {@link inlineBuilder} when a worker cannot be started.
 */
export function workerBuilder(
  n: number,
  dim: number,
  params: Partial<HnswParams> | HnswSettings = {},
  scratchDir = os.tmpdir(),
): VectorIndexBuilder {
  const p = resolveHnswParams(n, params);
  const file = path.join(scratchDir, `citecheck-hnsw-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { hnswPath, n, dim, params: p, file } });
  } catch {
    return inlineBuilder(n, dim, p);
  }
  const outcome = new Promise<{ done?: boolean; error?: string }>((resolve, reject) => {
    worker.on('message', (msg: { done?: boolean; error?: string }) => resolve(msg));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`HNSW build worker exited with code ${code}`)));
  });
  outcome.catch(() => undefined);
  const cleanup = async () => {
    await worker.terminate();
    await fs.rm(file, { force: true });
  };
  return {
    add(start, rows) {
      const own = rows.byteOffset === 0 && rows.byteLength === rows.buffer.byteLength ? rows : rows.slice();
      worker.postMessage({ start, rows: own.buffer }, [own.buffer as ArrayBuffer]);
    },
    async finish() {
      worker.postMessage({ finish: true });
      try {
        const msg = await outcome;
        if (!msg.done) throw new Error(`HNSW build failed: ${msg.error ?? 'unknown error'}`);
        await worker.terminate();
        return await VectorIndex.read(file, dim, p);
      } finally {
        await cleanup();
      }
    },
    abort: cleanup,
  };
}
