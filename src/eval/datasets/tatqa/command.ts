import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pc from 'picocolors';
import { loadConfig } from '../../../config.js';
import type { EvalOptions } from '../../options.js';
import { formatRatio } from '../../reports/metric-format.js';
import { createProgress } from '../../reports/progress.js';
import { openTempCorpus, serverTarget } from '../../target/target.js';
import { formatDatasetBaselineDiff } from '../baseline.js';
import { DEFAULT_SEED, sample } from '../sample.js';
import { diffTatqaBaseline, readTatqaBaseline } from './baseline.js';
import { formatTatqaFailures, formatTatqaGroups, formatTatqaSummary } from './console-report.js';
import { corpusDocument, writeCorpus } from './corpus.js';
import { loadTatqa, type TatqaDataset } from './dataset.js';
import { buildTatqaReport } from './report.js';
import { runTatqa, runTatqaPerDocument, type TatqaRunOptions } from './run.js';
import { failureReasons } from './score-question.js';
import type { TatqaResult } from './types.js';
import { writeTatqaOutputs } from './write-outputs.js';

/** Asks the questions in the chosen scope; returns the results and a description of the target. */
async function ask(
  opts: EvalOptions,
  dataset: TatqaDataset,
  questions: TatqaDataset['questions'],
  scope: 'document' | 'corpus',
  run: TatqaRunOptions,
): Promise<{ results: TatqaResult[]; target: string }> {
  if (opts.url) {
    const target = await serverTarget(opts.url);
    return { results: await runTatqa(questions, target.client, run), target: target.client.target };
  }
  const config = loadConfig();
  if (scope === 'corpus') {
    const target = await openTempCorpus('citecheck-tatqa-corpus-', (dir) => writeCorpus(dataset.documents, dir), {
      config,
    });
    try {
      return {
        results: await runTatqa(questions, target.client, run),
        target: `${target.client.target}, one corpus of ${dataset.documents.length} documents`,
      };
    } finally {
      await target.dispose();
    }
  }
  // One root directory per run for the per-document corpora, removed at the end whatever happens.
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-tatqa-'));
  try {
    const open = (doc: TatqaDataset['documents'][number]) =>
      openTempCorpus(`${corpusDocument(doc).file.replace(/\.md$/, '')}-`, (dir) => writeCorpus([doc], dir), {
        root,
        config,
      });
    return {
      results: await runTatqaPerDocument(questions, dataset.documents, open, run),
      target: 'in-process, one corpus per document',
    };
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

/**
 * `npm run eval -- --dataset tatqa FILE …`: asks the (sampled) questions over a corpus per document
 * (default), one corpus of all documents (--scope corpus) or the server at --url, prints and writes the
 * reports, compares with --baseline and returns the exit code (1 when overall accuracy is below --min-pass).
 */
export async function runTatqaCommand(opts: EvalOptions, file: string): Promise<number> {
  const dataset = await loadTatqa(file);
  if (opts.writeCorpus) {
    const written = await writeCorpus(dataset.documents, opts.writeCorpus);
    console.log(
      `wrote ${written.length} documents (${dataset.documents.reduce((n, d) => n + d.paragraphs.length, 0)} paragraphs, ${written.length} tables) to ${opts.writeCorpus}`,
    );
    console.log(
      pc.dim(
        `serve it with CORPUS_DIR=${opts.writeCorpus} DATA_DIR=<empty dir> RATE_LIMIT_PER_MIN=0 npm start, then add --url http://127.0.0.1:8787 (one corpus: --scope corpus)`,
      ),
    );
    return 0;
  }
  const baseline = opts.baseline ? await readTatqaBaseline(opts.baseline) : undefined;
  const seed = opts.limit !== undefined ? (opts.seed ?? DEFAULT_SEED) : null;
  const questions = sample(dataset.questions, opts.limit, seed ?? DEFAULT_SEED);
  const scope = opts.url ? 'corpus' : (opts.scope ?? 'document');

  const started = performance.now();
  const picked =
    opts.limit !== undefined
      ? `${questions.length} sampled (seed ${seed}) of ${dataset.questions.length}`
      : `all ${questions.length}`;
  const where =
    opts.url ??
    (scope === 'document' ? 'a corpus per document (in-process)' : 'one corpus of all documents (in-process)');
  process.stderr.write(
    pc.dim(`Asking ${picked} questions from ${file} over ${where}, ${opts.concurrency} at a time\n`),
  );
  const progress = createProgress(process.stderr);
  const { results, target } = await ask(opts, dataset, questions, scope, {
    concurrency: opts.concurrency,
    onResult: (r, done, total) =>
      progress.update({ id: r.id, passed: r.passed, reasons: failureReasons(r), latencyMs: r.latencyMs }, done, total),
  });
  progress.finish();

  const run = {
    dataset: 'tatqa' as const,
    file,
    total: dataset.questions.length,
    documents: dataset.documents.length,
    limit: opts.limit ?? null,
    seed,
    scope,
    target,
  };
  const report = buildTatqaReport(results, run);
  console.log(`\n${formatTatqaSummary(report)}\n`);
  console.log(`${formatTatqaGroups(report)}\n`);
  console.log(`${formatTatqaFailures(results)}\n`);
  if (baseline && opts.baseline)
    console.log(`${formatDatasetBaselineDiff(diffTatqaBaseline(baseline, report), opts.baseline)}\n`);

  const subtitle = `${questions.length} questions · ${target} · ${new Date().toISOString()}`;
  for (const written of await writeTatqaOutputs(report, opts, subtitle)) console.log(pc.dim(`wrote ${written}`));
  console.log(pc.dim(`${((performance.now() - started) / 1000).toFixed(1)} s in all (including the index builds)`));

  const gate = report.summary.accuracy ?? 0;
  if (opts.minPass !== undefined && gate < opts.minPass) {
    process.stderr.write(
      `${pc.red('fail')} overall accuracy ${formatRatio(gate)} is below --min-pass ${opts.minPass}\n`,
    );
    return 1;
  }
  return 0;
}
