import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors.js';
import { type ParsedSuite, parseJsonlSuite, parseYamlSuite } from './suite-format.js';
import type { SuiteCase } from './types.js';

/** The suites run when no file is given. */
export const DEFAULT_SUITES = ['eval/dev.jsonl', 'eval/heldout.jsonl'];

/** Cases loaded from one file. */
export interface LoadedSuite {
  name: string;
  file: string;
  cases: SuiteCase[];
}

const MAX_PROBLEMS = 20;

/** Parses suite text by file extension: `.jsonl`/`.json` as JSON Lines, `.yaml`/`.yml` as a YAML list. */
export function parseSuite(text: string, file: string): ParsedSuite {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return parseYamlSuite(text);
  if (ext === '.jsonl' || ext === '.json') return parseJsonlSuite(text);
  throw new AppError(
    'bad_request',
    `${file}: unsupported suite file type "${ext || '(none)'}" (use .jsonl, .yaml or .yml)`,
  );
}

/** Short suite names: the file name without extension, or the relative path when names collide. */
export function suiteNames(files: readonly string[]): string[] {
  const base = files.map((f) => path.basename(f, path.extname(f)));
  return files.map((f, i) =>
    base.filter((b) => b === base[i]).length > 1 ? path.relative(process.cwd(), f) : (base[i] as string),
  );
}

/** Reads, parses and validates one suite file; a bad case is an AppError('bad_request') naming file, line and field. */
export async function loadSuite(file: string, name: string): Promise<LoadedSuite> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new AppError('bad_request', `cannot read suite ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = parseSuite(text, file);
  if (!parsed.ok) {
    const shown = parsed.problems.slice(0, MAX_PROBLEMS).map((p) => `${file}:${p.line}: ${p.message}`);
    const more = parsed.problems.length > MAX_PROBLEMS ? [`… and ${parsed.problems.length - MAX_PROBLEMS} more`] : [];
    throw new AppError('bad_request', `invalid eval suite ${file}\n${[...shown, ...more].join('\n')}`);
  }
  return { name, file, cases: parsed.cases.map((c) => ({ ...c, suite: name })) };
}

/** Loads several suites and rejects ids that repeat within or across them. */
export async function loadSuites(files: readonly string[]): Promise<LoadedSuite[]> {
  const names = suiteNames(files);
  const suites = await Promise.all(files.map((f, i) => loadSuite(f, names[i] as string)));
  const seen = new Map<string, string>();
  for (const s of suites) {
    for (const c of s.cases) {
      const where = seen.get(c.id);
      if (where)
        throw new AppError(
          'bad_request',
          `duplicate case id ${JSON.stringify(c.id)} in ${s.file} (already in ${where})`,
        );
      seen.set(c.id, s.file);
    }
  }
  return suites;
}

/** Keeps the cases carrying any of `tags` (all cases when `tags` is empty). */
export function filterByTags(cases: readonly SuiteCase[], tags: readonly string[]): SuiteCase[] {
  if (!tags.length) return [...cases];
  return cases.filter((c) => (c.tags ?? []).some((t) => tags.includes(t)));
}
