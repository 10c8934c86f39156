import { AppError } from '../errors.js';
import { parseCli } from '../cli/args.js';
import { DEFAULT_SUITES } from './load-suite.js';
import { DEFAULT_CONCURRENCY } from './runner.js';

/** Usage text of `npm run eval`. */
export const EVAL_USAGE = `usage: npm run eval -- [suite.jsonl|suite.yaml ...] [--url http://host:port] [--json out.json]
       [--junit out.xml] [--html report.html] [--baseline prev.json] [--min-pass 0.9]
       [--concurrency N] [--tag T ...]
Runs ${DEFAULT_SUITES.join(' and ')} by default, in-process unless --url names a running server.`;

/** Parsed command line of `npm run eval`. */
export interface EvalOptions {
  suites: string[];
  url?: string;
  json?: string;
  junit?: string;
  html?: string;
  baseline?: string;
  minPass?: number;
  concurrency: number;
  tags: string[];
  help: boolean;
}

const bad = (message: string) => new AppError('bad_request', `${message}\n${EVAL_USAGE}`);

function parseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw bad(`--url must be an http(s) URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad(`--url must be an http(s) URL, got ${JSON.stringify(value)}`);
  return value.replace(/\/+$/, '');
}

function parseMinPass(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw bad(`--min-pass must be a number >= 0 (a pass rate such as 0.9), got ${JSON.stringify(value)}`);
  return n;
}

function parseConcurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw bad(`--concurrency must be an integer from 1 to 64, got ${JSON.stringify(value)}`);
  return n;
}

/** Parses `npm run eval` arguments; bad usage is an AppError('bad_request') (exit code 2). */
export function parseEvalArgs(argv: string[]): EvalOptions {
  const { values, positionals } = parseCli(
    argv,
    {
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
  return {
    suites: positionals.length ? positionals : [...DEFAULT_SUITES],
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
