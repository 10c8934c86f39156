import pc from 'picocolors';
import type { EvalOptions } from '../../options.js';
import { formatRatio } from '../../reports/metric-format.js';
import { createProgress } from '../../reports/progress.js';
import { openTempCorpus, serverTarget } from '../../target/target.js';
import { DEFAULT_SEED, sample } from '../sample.js';
import { diffSquadBaseline, readSquadBaseline } from './baseline.js';
import {
  formatArticleTable,
  formatSquadBaselineDiff,
  formatSquadFailures,
  formatSquadSummary,
} from './console-report.js';
import { writeCorpus } from './corpus.js';
import { loadSquad } from './dataset.js';
import { buildSquadReport } from './report.js';
import { runSquad } from './run.js';
import { failureReasons } from './score-question.js';
import { writeSquadOutputs } from './write-outputs.js';

/**
 * `npm run eval -- --dataset squad2 FILE …`: builds the corpus from the file's articles (or uses the
 * server at --url), asks the (sampled) questions, prints and writes the reports, compares with
 * --baseline and returns the exit code (1 when the gate metric is below --min-pass).
 */
export async function runSquadCommand(opts: EvalOptions, file: string): Promise<number> {
  const dataset = await loadSquad(file);
  if (opts.writeCorpus) {
    const written = await writeCorpus(dataset.articles, opts.writeCorpus);
    console.log(
      `wrote ${written.length} documents (${dataset.articles.reduce((n, a) => n + a.paragraphs.length, 0)} paragraphs) to ${opts.writeCorpus}`,
    );
    console.log(
      pc.dim(
        `serve it with CORPUS_DIR=${opts.writeCorpus} DATA_DIR=<empty dir> npm start, then add --url http://127.0.0.1:8787`,
      ),
    );
    return 0;
  }
  const baseline = opts.baseline ? await readSquadBaseline(opts.baseline) : undefined;
  const seed = opts.limit !== undefined ? (opts.seed ?? DEFAULT_SEED) : null;
  const questions = sample(dataset.questions, opts.limit, seed ?? DEFAULT_SEED);

  const started = performance.now();
  const target = opts.url
    ? await serverTarget(opts.url)
    : await openTempCorpus('citecheck-squad-corpus-', (dir) => writeCorpus(dataset.articles, dir));
  try {
    const { client } = target;
    const picked =
      opts.limit !== undefined
        ? `${questions.length} sampled (seed ${seed}) of ${dataset.questions.length}`
        : `all ${questions.length}`;
    process.stderr.write(
      pc.dim(`Asking ${picked} questions from ${file} against ${client.target}, ${opts.concurrency} at a time\n`),
    );
    const asking = performance.now();
    const progress = createProgress(process.stderr);
    const results = await runSquad(questions, client, {
      concurrency: opts.concurrency,
      onResult: (r, done, total) =>
        progress.update(
          { id: r.id, passed: r.passed, reasons: failureReasons(r), latencyMs: r.latencyMs },
          done,
          total,
        ),
    });
    progress.finish();
    const askedMs = performance.now() - asking;

    const run = {
      dataset: 'squad2' as const,
      file,
      total: dataset.questions.length,
      limit: opts.limit ?? null,
      seed,
      target: client.target,
    };
    const report = buildSquadReport(
      results,
      run,
      dataset.articles.map((a) => a.title),
    );
    console.log(`\n${formatSquadSummary(report)}\n`);
    console.log(`${formatArticleTable(report)}\n`);
    console.log(`${formatSquadFailures(results)}\n`);
    if (baseline && opts.baseline)
      console.log(`${formatSquadBaselineDiff(diffSquadBaseline(baseline, report), opts.baseline)}\n`);

    const subtitle = `${questions.length} questions · ${client.target} · ${new Date().toISOString()}`;
    for (const written of await writeSquadOutputs(report, opts, subtitle)) console.log(pc.dim(`wrote ${written}`));
    const total = (performance.now() - started) / 1000;
    console.log(
      pc.dim(`asked in ${(askedMs / 1000).toFixed(1)} s; ${total.toFixed(1)} s in all (including the index build)`),
    );

    const gate = report.summary.balancedAccuracy ?? 0;
    if (opts.minPass !== undefined && gate < opts.minPass) {
      process.stderr.write(
        `${pc.red('fail')} gate (mean of answer-contains and NoAns accuracy) ${formatRatio(gate)} is below --min-pass ${opts.minPass}\n`,
      );
      return 1;
    }
    return 0;
  } finally {
    await target.dispose();
  }
}
