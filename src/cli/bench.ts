import fs from 'node:fs/promises';
import path from 'node:path';
import pc from 'picocolors';
import { runBundledOffline } from '../bench/answer/offline-answer.js';
import { loadSupportedQuestions } from '../bench/corpus/eval-questions.js';
import { DEFAULT_SEED } from '../bench/corpus/generator.js';
import { runHttp } from '../bench/http/run.js';
import { machineInfo } from '../bench/report/machine.js';
import { renderReport, renderSweep } from '../bench/report/report.js';
import { checkTargets } from '../bench/report/targets.js';
import {
  DEFAULT_SWEEP_EF_SEARCH,
  DEFAULT_SWEEP_GRAPHS,
  type SweepGraph,
  type SweepResult,
} from '../bench/retrieval/hnsw-sweep.js';
import { runPeers } from '../bench/retrieval/peers.js';
import { runRetrievalSize, runSweepSize } from '../bench/retrieval/spawn.js';
import { openBenchPostgres, parseBenchStore } from '../bench/store/select.js';
import type { BenchReport, RetrievalResult } from '../bench/types.js';
import { HNSW_LIMITS, loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import type { HnswSettings } from '../retrieval/vector-index.js';
import { parseCli } from './args.js';
import { runMain } from './run-main.js';

const USAGE = [
  'usage: npm run bench -- [--quick] [--json out.json] [--sizes 1000,10000,100000] [--seed N] [--http-seconds S] [--connections C]',
  '                        [--hnsw-m M] [--hnsw-ef-construction N] [--hnsw-ef-search N] [--store embedded|postgres]',
  '       (--store postgres: DATABASE_URL names a server whose role may create databases; without it one is started)',
  '       npm run bench -- --hnsw-sweep [--sizes 100000] [--sweep-graphs M/efC,...] [--sweep-ef N,...] [--json out.json]',
].join('\n');

/** Corpus size of a sweep unless `--sizes` says otherwise. */
const SWEEP_SIZE = 100_000;

const int = (v: string | undefined, name: string, min = 1, max = Number.MAX_SAFE_INTEGER): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw new AppError('bad_request', `--${name} must be an integer ${range}\n${USAGE}`);
  }
  return n;
};

const inRange = (v: string | undefined, name: string, [min, max]: readonly [number, number]) => int(v, name, min, max);
const optionalInRange = (v: string | undefined, name: string, limits: readonly [number, number]) =>
  v === undefined ? undefined : inRange(v, name, limits);

/** `--sweep-graphs 32/36,32/100`: M / efConstruction pairs. */
function parseGraphs(v: string | undefined): SweepGraph[] {
  if (v === undefined) return [...DEFAULT_SWEEP_GRAPHS];
  return v.split(',').map((pair) => {
    const [m, efConstruction, extra] = pair.trim().split('/');
    if (extra !== undefined || efConstruction === undefined) {
      throw new AppError(
        'bad_request',
        `--sweep-graphs takes M/efConstruction pairs like 32/100, got '${pair}'\n${USAGE}`,
      );
    }
    return {
      m: inRange(m, 'sweep-graphs M', HNSW_LIMITS.m),
      efConstruction: inRange(efConstruction, 'sweep-graphs efConstruction', HNSW_LIMITS.efConstruction),
    };
  });
}

await runMain(async () => {
  const { values } = parseCli(
    process.argv.slice(2),
    {
      quick: { type: 'boolean', default: false },
      json: { type: 'string' },
      sizes: { type: 'string' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      'http-seconds': { type: 'string' },
      connections: { type: 'string', default: '10' },
      queries: { type: 'string', default: '200' },
      'hnsw-m': { type: 'string' },
      'hnsw-ef-construction': { type: 'string' },
      'hnsw-ef-search': { type: 'string' },
      'hnsw-sweep': { type: 'boolean', default: false },
      'sweep-graphs': { type: 'string' },
      'sweep-ef': { type: 'string' },
      store: { type: 'string' },
    },
    USAGE,
  );
  const quick = values.quick ?? false;
  const sweep = values['hnsw-sweep'] ?? false;
  const defaultSizes = sweep ? String(SWEEP_SIZE) : quick ? '1000,10000' : '1000,10000,100000';
  const sizes = (values.sizes ?? defaultSizes).split(',').map((s) => int(s.trim(), 'sizes'));
  const seed = int(values.seed, 'seed', 0);
  const hnsw: HnswSettings = {
    m: optionalInRange(values['hnsw-m'], 'hnsw-m', HNSW_LIMITS.m),
    efConstruction: optionalInRange(values['hnsw-ef-construction'], 'hnsw-ef-construction', HNSW_LIMITS.efConstruction),
    efSearch: optionalInRange(values['hnsw-ef-search'], 'hnsw-ef-search', HNSW_LIMITS.efSearch),
  };
  const httpSeconds = int(values['http-seconds'] ?? (quick ? '5' : '10'), 'http-seconds');
  const connections = int(values.connections, 'connections');
  const queries = int(values.queries, 'queries');
  const store = parseBenchStore(values.store);
  if (!store)
    throw new AppError('bad_request', `--store must be embedded or postgres, got '${values.store}'\n${USAGE}`);
  const root = process.cwd();
  const log = (line: string) => process.stderr.write(`${pc.dim(line)}\n`);
  const started = performance.now();
  const startedAt = new Date().toISOString();

  if (sweep) {
    if (Object.values(hnsw).some((v) => v !== undefined)) {
      throw new AppError(
        'bad_request',
        `--hnsw-sweep takes its settings from --sweep-graphs and --sweep-ef, not --hnsw-*\n${USAGE}`,
      );
    }
    if (store !== 'embedded')
      throw new AppError(
        'bad_request',
        `--hnsw-sweep builds and searches in one process; --store does not apply\n${USAGE}`,
      );
    const graphs = parseGraphs(values['sweep-graphs']);
    const efSearch = values['sweep-ef']
      ? values['sweep-ef'].split(',').map((s) => inRange(s.trim(), 'sweep-ef', HNSW_LIMITS.efSearch))
      : [...DEFAULT_SWEEP_EF_SEARCH];
    const results: SweepResult[] = [];
    for (const chunks of sizes) {
      log(
        `hnsw sweep: ${chunks.toLocaleString('en-US')} chunks, ${graphs.length} graphs × ${efSearch.length} efSearch`,
      );
      results.push(await runSweepSize(chunks, seed, queries, graphs, efSearch));
    }
    const machine = machineInfo();
    const totalSec = (performance.now() - started) / 1000;
    process.stdout.write(`\n${renderSweep(machine, seed, results, totalSec)}\n`);
    if (values.json) {
      await fs.writeFile(
        path.resolve(values.json),
        `${JSON.stringify({ machine, startedAt, seed, sweep: results, totalSec }, null, 2)}\n`,
      );
      log(`wrote ${values.json}`);
    }
    return;
  }

  const retrieval: RetrievalResult[] = [];
  // Only src/config.ts reads the environment: DATABASE_URL and the pool settings come from there.
  const postgres = store === 'postgres' ? await openBenchPostgres(loadConfig().database, log) : undefined;
  try {
    for (const chunks of sizes) {
      log(`retrieval: ${chunks.toLocaleString('en-US')} chunks, ${store} store`);
      retrieval.push(
        postgres
          ? await postgres.withDatabase((database) => runRetrievalSize(chunks, seed, queries, hnsw, database))
          : await runRetrievalSize(chunks, seed, queries, hnsw),
      );
    }
  } finally {
    await postgres?.close();
  }
  const questions = await loadSupportedQuestions(root);
  log(`peers: ${questions.length} questions`);
  const peers = await runPeers(path.join(root, 'corpus'), questions);
  log('offline answer: bundled corpus');
  const offline = await runBundledOffline(path.join(root, 'corpus'), questions);
  log(
    `offline answer p50 ${offline.p50Ms.toFixed(2)} ms, p99 ${offline.p99Ms.toFixed(2)} ms over ${offline.answers} answers`,
  );
  log('http');
  const http = await runHttp({
    corpusDir: path.join(root, 'corpus'),
    questions,
    connections,
    durationSec: httpSeconds,
    log,
  });

  const report: BenchReport = {
    machine: machineInfo(),
    startedAt,
    quick,
    seed,
    store,
    retrieval,
    http,
    peers: peers.results,
    offline,
    totalSec: (performance.now() - started) / 1000,
  };
  const checks = checkTargets(report);
  process.stdout.write(`\n${renderReport(report, checks)}\n`);
  if (values.json) {
    await fs.writeFile(path.resolve(values.json), `${JSON.stringify({ ...report, targets: checks }, null, 2)}\n`);
    log(`wrote ${values.json}`);
  }
});
