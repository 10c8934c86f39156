import { AppError } from '../errors.js';
import { DATASETS, type DatasetName, type DatasetScope, type EvalOptions, SCOPES } from '../eval/options.js';
import { DEFAULT_SUITES } from '../eval/suite/load-suite.js';
import { DEFAULT_CONCURRENCY } from '../eval/suite/runner.js';
import { parseCli } from './args.js';

/** Usage text of `npm run eval`. */
export const EVAL_USAGE = `usage: npm run eval -- [suite.jsonl|suite.yaml ...] [--corpus DIR | --url http://host:port] [--json out.json]
       [--junit out.xml] [--html report.html] [--baseline prev.json] [--min-pass 0.9]
       [--concurrency N] [--tag T ...]
       npm run eval -- --dataset squad2 FILE [--limit N [--seed S]] [--url http://host:port] [--json F]
       [--junit F] [--html F] [--baseline prev.json] [--min-pass R] [--concurrency N]
       npm run eval -- --dataset squad2 FILE --write-corpus DIR
       npm run eval -- --dataset tatqa FILE [--limit N [--seed S]] [--scope document|corpus | --url http://host:port]
       [--json F] [--junit F] [--html F] [--baseline prev.json] [--min-pass R] [--concurrency N]
       npm run eval -- --dataset tatqa FILE --write-corpus DIR
Runs ${DEFAULT_SUITES.join(' and ')} by default, in-process unless --url names a running server;
--corpus DIR runs the in-process app over DIR with a temporary DATA_DIR.
--dataset squad2 reads a SQuAD v2.0 JSON file and asks its questions over a corpus made from its articles;
  --min-pass gates on the mean of answer-contains and NoAns accuracy.
--dataset tatqa reads a TAT-QA JSON file (one Markdown report per table and its paragraphs). --scope document
  (the default) asks each document's questions over a corpus of that document alone; --scope corpus over one
  corpus of all documents. --url asks a running server started on --write-corpus output, so it implies
  --scope corpus. --min-pass gates on overall accuracy (arithmetic/count numbers right in their scale,
  span/multi-span exact match, over all questions).`;

const bad = (message: string) => new AppError('bad_request', `${message}\n${EVAL_USAGE}`);

function parseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw bad(`--url must be an http(s) URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw bad(`--url must be an http(s) URL, got ${JSON.stringify(value)}`);
  return value.replace(/\/+$/, '');
}

function parseMinPass(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw bad(`--min-pass must be a number >= 0 (a pass rate such as 0.9), got ${JSON.stringify(value)}`);
  return n;
}

function parseConcurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw bad(`--concurrency must be an integer from 1 to 64, got ${JSON.stringify(value)}`);
  return n;
}

function parseInteger(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max)
    throw bad(`${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return n;
}

function parseScope(value: string): DatasetScope {
  if (!(SCOPES as readonly string[]).includes(value))
    throw bad(`--scope must be one of ${SCOPES.join(', ')}, got ${JSON.stringify(value)}`);
  return value as DatasetScope;
}

function parseDataset(name: string, positionals: readonly string[]): { name: DatasetName; file: string } {
  if (!(DATASETS as readonly string[]).includes(name))
    throw bad(`--dataset must be one of ${DATASETS.join(', ')}, got ${JSON.stringify(name)}`);
  if (positionals.length !== 1)
    throw bad(`--dataset ${name} needs exactly one dataset file, got ${positionals.length}`);
  return { name: name as DatasetName, file: positionals[0] as string };
}

type Values = Record<string, string | boolean | string[] | undefined>;

/** Flags that only make sense in one mode. */
function checkCombinations(v: Values): void {
  const has = (k: string) => v[k] !== undefined;
  if (has('dataset')) {
    if (has('corpus'))
      throw bad('--corpus is for suites; --dataset builds its corpus from the dataset (see --write-corpus)');
    if (has('tag')) throw bad('--tag is for suites, not --dataset');
    if (has('scope') && v.dataset !== 'tatqa') throw bad('--scope is for --dataset tatqa');
    if (v.scope === 'document' && has('url'))
      throw bad('--url asks a server over one corpus, so it implies --scope corpus');
    if (has('scope') && has('write-corpus'))
      throw bad('--write-corpus writes one corpus of all documents; --scope does not apply');
  } else {
    for (const k of ['limit', 'seed', 'write-corpus', 'scope']) if (has(k)) throw bad(`--${k} needs --dataset`);
  }
  if (has('seed') && !has('limit')) throw bad('--seed needs --limit (it chooses which questions are sampled)');
  if (has('corpus') && has('url'))
    throw bad('--corpus runs the in-process app; a server given by --url uses its own CORPUS_DIR');
}

/** Parses `npm run eval` arguments; bad usage is an AppError('bad_request') (exit code 2). */
export function parseEvalArgs(argv: string[]): EvalOptions {
  const { values, positionals } = parseCli(
    argv,
    {
      dataset: { type: 'string' },
      limit: { type: 'string' },
      seed: { type: 'string' },
      corpus: { type: 'string' },
      'write-corpus': { type: 'string' },
      scope: { type: 'string' },
      url: { type: 'string' },
      json: { type: 'string' },
      junit: { type: 'string' },
      html: { type: 'string' },
      baseline: { type: 'string' },
      'min-pass': { type: 'string' },
      concurrency: { type: 'string', default: String(DEFAULT_CONCURRENCY) },
      tag: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
    EVAL_USAGE,
  );
  if (values.help) return { suites: [], concurrency: DEFAULT_CONCURRENCY, tags: [], help: true };
  checkCombinations(values);
  const dataset = values.dataset !== undefined ? parseDataset(values.dataset, positionals) : undefined;
  return {
    suites: dataset ? [] : positionals.length ? positionals : [...DEFAULT_SUITES],
    ...(dataset ? { dataset } : {}),
    ...(values.limit !== undefined ? { limit: parseInteger('--limit', values.limit, 1, 1_000_000) } : {}),
    ...(values.seed !== undefined ? { seed: parseInteger('--seed', values.seed, 0, 0xffffffff) } : {}),
    ...(values.corpus !== undefined ? { corpus: values.corpus } : {}),
    ...(values['write-corpus'] !== undefined ? { writeCorpus: values['write-corpus'] } : {}),
    ...(values.scope !== undefined ? { scope: parseScope(values.scope) } : {}),
    ...(values.url !== undefined ? { url: parseUrl(values.url) } : {}),
    ...(values.json !== undefined ? { json: values.json } : {}),
    ...(values.junit !== undefined ? { junit: values.junit } : {}),
    ...(values.html !== undefined ? { html: values.html } : {}),
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    ...(values['min-pass'] !== undefined ? { minPass: parseMinPass(values['min-pass']) } : {}),
    concurrency: parseConcurrency(values.concurrency),
    tags: values.tag ?? [],
    help: values.help,
  };
}
