import type { CaseResult } from '../suite/types.js';
import { escapeXml } from './escape.js';

/** One `<testcase>`: its suite (classname), name, time, and a failure or error when it did not pass. */
export interface JUnitCase {
  classname: string;
  name: string;
  timeMs: number;
  problem?: { kind: 'failure' | 'error'; type: string; message: string; body: string };
  /** Text for `<system-out>`, if any. */
  out?: string;
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);
const attrs = (pairs: Record<string, string | number>) =>
  Object.entries(pairs)
    .map(([k, v]) => `${k}="${escapeXml(String(v))}"`)
    .join(' ');

function testcase(c: JUnitCase): string {
  const open = `    <testcase ${attrs({ classname: c.classname, name: c.name, time: seconds(c.timeMs) })}`;
  const out = c.out === undefined ? '' : `      <system-out>${escapeXml(c.out)}</system-out>\n`;
  if (!c.problem) return out ? `${open}>\n${out}    </testcase>` : `${open}/>`;
  const { kind, type, message, body } = c.problem;
  return `${open}>\n      <${kind} ${attrs({ message, type })}>${escapeXml(body)}</${kind}>\n${out}    </testcase>`;
}

/** Renders JUnit XML with one `<testsuite>` per classname (in first-seen order) and one `<testcase>` per case. */
export function renderJUnit(cases: readonly JUnitCase[], name: string): string {
  const suites = new Map<string, JUnitCase[]>();
  for (const c of cases) suites.set(c.classname, [...(suites.get(c.classname) ?? []), c]);
  const totals = (cs: readonly JUnitCase[]) => ({
    tests: cs.length,
    failures: cs.filter((c) => c.problem?.kind === 'failure').length,
    errors: cs.filter((c) => c.problem?.kind === 'error').length,
    skipped: 0,
    time: seconds(cs.reduce((a, c) => a + c.timeMs, 0)),
  });
  const body = [...suites].map(
    ([suite, cs]) =>
      `  <testsuite ${attrs({ name: suite, ...totals(cs) })}>\n${cs.map(testcase).join('\n')}\n  </testsuite>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ${attrs({ name, ...totals(cases) })}>\n${body.join('\n')}\n</testsuites>\n`;
}

function junitCase(r: CaseResult): JUnitCase {
  const base = { classname: r.suite, name: r.id, timeMs: r.latencyMs, ...(r.answer === null ? {} : { out: r.answer }) };
  if (r.passed) return base;
  const kind = r.error === undefined ? 'failure' : 'error';
  return {
    ...base,
    problem: {
      kind,
      type: kind === 'error' ? 'RequestError' : 'ExpectationFailed',
      message: r.reasons[0] ?? 'failed',
      body: [`Question: ${r.question}`, ...r.reasons.map((x) => `- ${x}`)].join('\n'),
    },
  };
}

/** Renders results as JUnit XML: one `<testsuite>` per suite file, one `<testcase>` per case. */
export function toJUnitXml(results: readonly CaseResult[], name = 'citecheck eval'): string {
  return renderJUnit(results.map(junitCase), name);
}
