import { fork } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from '../../config.js';
import type { HnswSettings } from '../../retrieval/vector-index.js';
import type { RetrievalResult } from '../types.js';
import type { BuildOutput } from './build.js';
import type { ChildTask } from './child.js';
import type { SweepGraph, SweepResult } from './hnsw-sweep.js';
import type { ServeOutput } from './serve.js';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const K = 10;

type Output<T extends ChildTask> = T['task'] extends 'build'
  ? BuildOutput
  : T['task'] extends 'serve'
    ? ServeOutput
    : SweepResult;

/** Runs one task in a fresh child process (same loader, `--expose-gc`) and resolves with its result. */
export function runInChild<T extends ChildTask>(task: T): Promise<Output<T>> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], {
      execArgv: [...process.execArgv, '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let settled = false;
    child.on('message', (msg: { result?: Output<T>; error?: string }) => {
      settled = true;
      if (msg.result) resolve(msg.result);
      else reject(new Error(`${task.task} failed: ${msg.error}`));
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`${task.task} child exited with code ${code}`));
    });
    child.send(task);
  });
}

/**
 * Measures one corpus size with two child processes: one generates the corpus, builds and
 * writes the index; a fresh one loads it like a starting server, queries it and answers
 * questions offline over it, so load time, latencies and RSS are those of a serving process.
 * `hnsw` overrides the default HNSW settings for the build (M, efConstruction) and the search (efSearch).
 * With `database` (an empty database of its own), the build is saved to and loaded from PostgreSQL
 * as replicas share it; without, index files in a temporary data directory.
 */
export async function runRetrievalSize(
  chunks: number,
  seed: number,
  queries: number,
  hnsw: HnswSettings = {},
  database?: DatabaseConfig,
): Promise<RetrievalResult> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-bench-'));
  try {
    const b = await runInChild({
      task: 'build',
      input: { chunks, seed, dataDir, queries, k: K, hnsw, ...(database ? { database } : {}) },
    });
    const s = await runInChild({
      task: 'serve',
      input: {
        dataDir,
        ...(database ? { database } : {}),
        corpusHash: b.corpusHash,
        embedderId: b.embedderId,
        queries: b.queries,
        exact: b.exact,
        k: K,
        answerQuestions: b.answerQuestions,
        hnsw,
      },
    });
    return {
      store: database ? 'postgres' : 'embedded',
      vectorBackend: s.vectorBackend,
      chunks: b.chunks,
      docs: b.docs,
      chunkerChunksPerSec: b.chunkerChunksPerSec,
      ingestChunksPerSec: b.ingestChunksPerSec,
      embedChunksPerSec: b.embedChunksPerSec,
      buildMs: b.buildMs,
      bm25BuildMs: b.bm25BuildMs,
      writeMs: b.writeMs,
      loadMs: s.loadMs,
      vectorP50Ms: s.vector.p50Ms,
      vectorP99Ms: s.vector.p99Ms,
      bm25P50Ms: s.bm25.p50Ms,
      bm25P99Ms: s.bm25.p99Ms,
      hybridP50Ms: s.hybrid.p50Ms,
      hybridP99Ms: s.hybrid.p99Ms,
      vectorRecallAt10: s.vectorRecallAtK,
      offlineAnswerP50Ms: s.offline.p50Ms,
      offlineAnswerP99Ms: s.offline.p99Ms,
      offlineAnswerFirstMs: s.offline.firstMs,
      offlineAnswerAbstainedShare: s.offline.abstainedShare,
      offlineQuestions: s.offline.count,
      rssMb: s.rssMb,
      peakRssMb: b.buildPeakRssMb,
      rssAfterAnswersMb: s.rssAfterAnswersMb,
      queries: b.queries.length,
      hnsw: s.hnsw,
    };
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Runs an HNSW parameter sweep at one corpus size in a fresh child process: the corpus, queries and
 * exact neighbours are made once, then every graph is built and searched with every `efSearch`.
 */
export async function runSweepSize(
  chunks: number,
  seed: number,
  queries: number,
  graphs: SweepGraph[],
  efSearch: number[],
): Promise<SweepResult> {
  const scratchDir = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-sweep-'));
  try {
    return await runInChild({ task: 'sweep', input: { chunks, seed, queries, k: K, graphs, efSearch, scratchDir } });
  } finally {
    await fs.rm(scratchDir, { recursive: true, force: true });
  }
}
