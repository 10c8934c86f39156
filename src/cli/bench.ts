import fs from 'node:fs/promises';
import path from 'node:path';
import pc from 'picocolors';
import { DEFAULT_SEED } from '../bench/corpus-generator.js';
import { loadSupportedQuestions } from '../bench/eval-questions.js';
import { runHttp } from '../bench/http-run.js';
import { machineInfo } from '../bench/machine.js';
import { runBundledOffline } from '../bench/offline-answer.js';
import { runPeers } from '../bench/peers.js';
import { renderReport } from '../bench/report.js';
import { runRetrievalSize } from '../bench/retrieval-spawn.js';
import { checkTargets } from '../bench/targets.js';
import type { BenchReport, RetrievalResult } from '../bench/types.js';
import { AppError } from '../errors.js';
import { parseCli } from './args.js';
import { runMain } from './run-main.js';

const USAGE =
  'usage: npm run bench -- [--quick] [--json out.json] [--sizes 1000,10000,100000] [--seed N] [--http-seconds S] [--connections C]';

const int = (v: string | undefined, name: string, min = 1): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new AppError('bad_request', `--${name} must be an integer >= ${min}\n${USAGE}`);
  return n;
};

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
    },
    USAGE,
  );
  const quick = values.quick ?? false;
  const sizes = (values.sizes ?? (quick ? '1000,10000' : '1000,10000,100000')).split(',').map((s) => int(s.trim(), 'sizes'));
  const seed = int(values.seed, 'seed', 0);
  const httpSeconds = int(values['http-seconds'] ?? (quick ? '5' : '10'), 'http-seconds');
  const connections = int(values.connections, 'connections');
  const queries = int(values.queries, 'queries');
  const root = process.cwd();
  const log = (line: string) => process.stderr.write(`${pc.dim(line)}\n`);
  const started = performance.now();
  const startedAt = new Date().toISOString();

  const retrieval: RetrievalResult[] = [];
  for (const chunks of sizes) {
    log(`retrieval: ${chunks.toLocaleString('en-US')} chunks`);
    retrieval.push(await runRetrievalSize(chunks, seed, queries));
  }
  const questions = await loadSupportedQuestions(root);
  log(`peers: ${questions.length} questions`);
  const peers = await runPeers(path.join(root, 'corpus'), questions);
  log('offline answer: bundled corpus');
  const offline = await runBundledOffline(path.join(root, 'corpus'), questions);
  log(`offline answer p50 ${offline.p50Ms.toFixed(2)} ms, p99 ${offline.p99Ms.toFixed(2)} ms over ${offline.answers} answers`);
  log('http');
  const http = await runHttp({ corpusDir: path.join(root, 'corpus'), questions, connections, durationSec: httpSeconds, log });

  const report: BenchReport = {
    machine: machineInfo(),
    startedAt,
    quick,
    seed,
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
