import { escapeXml } from './escape.js';
import type { CaseResult } from './types.js';

const seconds = (ms: number) => (ms / 1000).toFixed(3);
const attrs = (pairs: Record<string, string | number>) =>
  Object.entries(pairs)
    .map(([k, v]) => `${k}="${escapeXml(String(v))}"`)
    .join(' ');

function testcase(r: CaseResult): string {
  const open = `    <testcase ${attrs({ classname: r.suite, name: r.id, time: seconds(r.latencyMs) })}`;
  const out = r.answer === null ? '' : `      <system-out>${escapeXml(r.answer)}</system-out>\n`;
  if (r.passed) return out ? `${open}>\n${out}    </testcase>` : `${open}/>`;
  const kind = r.error === undefined ? 'failure' : 'error';
  const message = r.reasons[0] ?? 'failed';
  const body = [`Question: ${r.question}`, ...r.reasons.map((x) => `- ${x}`)].join('\n');
  return `${open}>\n      <${kind} ${attrs({ message, type: kind === 'error' ? 'RequestError' : 'ExpectationFailed' })}>${escapeXml(body)}</${kind}>\n${out}    </testcase>`;
}

/** Renders results as JUnit XML: one `<testsuite>` per suite file, one `<testcase>` per case. */
export function toJUnitXml(results: readonly CaseResult[], name = 'citecheck eval'): string {
  const suites = new Map<string, CaseResult[]>();
  for (const r of results) suites.set(r.suite, [...(suites.get(r.suite) ?? []), r]);
  const totals = (rs: readonly CaseResult[]) => ({
    tests: rs.length,
    failures: rs.filter((r) => !r.passed && r.error === undefined).length,
    errors: rs.filter((r) => r.error !== undefined).length,
    skipped: 0,
    time: seconds(rs.reduce((a, r) => a + r.latencyMs, 0)),
  });
  const body = [...suites].map(
    ([suite, rs]) => `  <testsuite ${attrs({ name: suite, ...totals(rs) })}>\n${rs.map(testcase).join('\n')}\n  </testsuite>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ${attrs({ name, ...totals(results) })}>\n${body.join('\n')}\n</testsuites>\n`;
}
