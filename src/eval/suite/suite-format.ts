import { isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type EvalCase, EvalCaseSchema } from './case-schema.js';

/** A problem with one case or line of a suite file. */
export interface SuiteProblem {
  /** 1-based line in the file. */
  line: number;
  message: string;
}

/** Cases parsed from a suite file, or the problems that stop it loading. */
export type ParsedSuite = { ok: true; cases: EvalCase[] } | { ok: false; problems: SuiteProblem[] };

interface Entry {
  line: number;
  /** Position in a YAML list (1-based), shown because a case spans several lines there. */
  index?: number;
  value: unknown;
}

type Issue = z.core.$ZodIssue;

/** Replaces a union failure by the issues of the branch that got furthest (deepest path), so messages name the real field. */
function flattenUnion(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union' || !issue.errors.length) return [issue];
  const depth = (branch: Issue[]) => Math.max(...branch.map((i) => i.path.length));
  const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
  if (depth(best) === 0) return [issue];
  return best.flatMap((i) => flattenUnion({ ...i, path: [...issue.path, ...i.path] } as Issue));
}

function describeIssues(entry: Entry, error: z.ZodError): string {
  const { value, index } = entry;
  const id =
    value && typeof value === 'object' && 'id' in value && typeof value.id === 'string'
      ? JSON.stringify(value.id)
      : undefined;
  const label = ['case', index === undefined ? undefined : `#${index}`, id].filter(Boolean).join(' ');
  const issues = error.issues
    .flatMap(flattenUnion)
    .map((i) => `field ${i.path.length ? i.path.join('.') : '(case)'}: ${i.message}`);
  return `${label}: ${issues.join('; ')}`;
}

function validate(entries: Entry[]): ParsedSuite {
  const cases: EvalCase[] = [];
  const problems: SuiteProblem[] = [];
  for (const entry of entries) {
    const parsed = EvalCaseSchema.safeParse(entry.value);
    if (parsed.success) cases.push(parsed.data);
    else problems.push({ line: entry.line, message: describeIssues(entry, parsed.error) });
  }
  return problems.length ? { ok: false, problems } : { ok: true, cases };
}

/** Parses JSON Lines (one case per line, blank lines ignored) and validates each case. */
export function parseJsonlSuite(text: string): ParsedSuite {
  const entries: Entry[] = [];
  const problems: SuiteProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      entries.push({ line: i + 1, value: JSON.parse(raw) });
    } catch (err) {
      problems.push({ line: i + 1, message: `invalid JSON (${err instanceof Error ? err.message : String(err)})` });
    }
  });
  const validated = validate(entries);
  if (!problems.length) return validated;
  return {
    ok: false,
    problems: [...problems, ...(validated.ok ? [] : validated.problems)].sort((a, b) => a.line - b.line),
  };
}

/** Parses a YAML document holding a list of cases and validates each case. */
export function parseYamlSuite(text: string): ParsedSuite {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const line = e.linePos?.[0].line ?? lineCounter.linePos(e.pos[0]).line;
        return { line, message: `invalid YAML (${e.message.split('\n')[0]})` };
      }),
    };
  }
  if (doc.contents === null) return { ok: true, cases: [] };
  if (!isSeq(doc.contents))
    return { ok: false, problems: [{ line: 1, message: 'a YAML suite must be a list of cases' }] };
  const values = doc.toJS() as unknown[];
  const entries = doc.contents.items.map((item, i): Entry => {
    const offset =
      item && typeof item === 'object' && 'range' in item && Array.isArray(item.range) ? (item.range[0] as number) : 0;
    return { line: lineCounter.linePos(offset).line, index: i + 1, value: values[i] };
  });
  return validate(entries);
}
