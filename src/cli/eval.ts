import pc from 'picocolors';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { runSquadCommand } from '../eval/datasets/squad/command.js';
import { runTatqaCommand } from '../eval/datasets/tatqa/command.js';
import { formatBaselineDiff, formatFailures, formatSummaryTable } from '../eval/reports/console-report.js';
import { formatRatio } from '../eval/reports/metric-format.js';
import { createProgress } from '../eval/reports/progress.js';
import { writeOutputs } from '../eval/reports/write-outputs.js';
import { diffBaseline, parseBaseline, readBaselineFile } from '../eval/suite/baseline.js';
import { filterByTags, loadSuites } from '../eval/suite/load-suite.js';
import { buildReport } from '../eval/suite/report.js';
import { runEval } from '../eval/suite/runner.js';
import type { EvalClient } from '../eval/target/client.js';
import { connectServer, evalLogger } from '../eval/target/connect.js';
import { assertCorpusDir, createCorpusClient } from '../eval/target/corpus-client.js';
import { createInProcessClient } from '../eval/target/in-process.js';
import { EVAL_USAGE, parseEvalArgs } from './eval-args.js';
import { runMain } from './run-main.js';

/** The client suites run against, and how to release it: --url, --corpus (temporary DATA_DIR) or the configured corpus. */
async function connect(
  url: string | undefined,
  corpus: string | undefined,
): Promise<{ client: EvalClient; dispose: () => Promise<void> }> {
  if (url) return { client: await connectServer(url), dispose: async () => {} };
  const config = loadConfig();
  if (corpus) {
    await assertCorpusDir(corpus);
    const { client, dispose } = await createCorpusClient(corpus, evalLogger(config), config);
    return { client: { ...client, target: `in-process (${corpus})` }, dispose };
  }
  return { client: await createInProcessClient(config, evalLogger(config)), dispose: async () => {} };
}

await runMain(async () => {
  const opts = parseEvalArgs(process.argv.slice(2));
  if (opts.help) return void console.log(EVAL_USAGE);
  if (opts.dataset) {
    const command = opts.dataset.name === 'tatqa' ? runTatqaCommand : runSquadCommand;
    process.exitCode = await command(opts, opts.dataset.file);
    return;
  }

  const suites = await loadSuites(opts.suites);
  const cases = filterByTags(
    suites.flatMap((s) => s.cases),
    opts.tags,
  );
  if (!cases.length) {
    throw new AppError(
      'bad_request',
      `no cases to run${opts.tags.length ? ` (no case has tag ${opts.tags.map((t) => JSON.stringify(t)).join(' or ')})` : ''}`,
    );
  }
  const baseline = opts.baseline ? await readBaselineFile(opts.baseline, parseBaseline) : undefined;

  const { client, dispose } = await connect(opts.url, opts.corpus);
  const from = suites.map((s) => `${s.file} (${s.cases.filter((c) => cases.includes(c)).length})`).join(', ');
  process.stderr.write(
    pc.dim(`Running ${cases.length} cases from ${from} against ${client.target}, ${opts.concurrency} at a time\n`),
  );

  const progress = createProgress(process.stderr);
  const results = await runEval(cases, client, {
    concurrency: opts.concurrency,
    onResult: (r, done, total) => progress.update(r, done, total),
  });
  progress.finish();
  await dispose();
  const report = buildReport(results);

  console.log(`\n${formatSummaryTable(report)}\n`);
  console.log(`${formatFailures(results)}\n`);
  if (baseline && opts.baseline) console.log(`${formatBaselineDiff(diffBaseline(baseline, report), opts.baseline)}\n`);

  const written = await writeOutputs(
    report,
    opts,
    `${cases.length} cases · ${client.target} · ${new Date().toISOString()}`,
  );
  for (const file of written) console.log(pc.dim(`wrote ${file}`));

  const accuracy = report.summary.answerAccuracy ?? 0;
  if (opts.minPass !== undefined && accuracy < opts.minPass) {
    process.stderr.write(
      `${pc.red('fail')} answer accuracy ${formatRatio(accuracy)} is below --min-pass ${opts.minPass}\n`,
    );
    process.exitCode = 1;
  }
});
