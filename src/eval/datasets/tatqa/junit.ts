import { type JUnitCase, renderJUnit } from '../../reports/junit.js';
import type { TatqaResult } from './types.js';

const PROBLEM_TYPES: Record<string, string> = {
  span: 'SpanMismatch',
  'multi-span': 'SpansMismatch',
  arithmetic: 'WrongNumber',
  count: 'WrongCount',
};

function junitCase(r: TatqaResult): JUnitCase {
  const base = {
    classname: r.docTitle,
    name: r.id,
    timeMs: r.latencyMs,
    ...(r.answer === null ? {} : { out: r.answer }),
  };
  if (r.passed) return base;
  const kind = r.error === undefined ? 'failure' : 'error';
  const type = kind === 'error' ? 'RequestError' : r.abstained ? 'Abstained' : (PROBLEM_TYPES[r.answerType] ?? 'Wrong');
  const what = `${r.answerType}${r.form ? ` (${r.form})` : ''}, from ${r.answerFrom}`;
  return {
    ...base,
    problem: {
      kind,
      type,
      message: r.why ?? 'failed',
      body: [
        `Question: ${r.question}`,
        `Type: ${what}`,
        `Gold: ${r.gold}`,
        `Prediction (${r.source}): ${JSON.stringify(r.prediction)}`,
        `- ${r.why ?? 'failed'}`,
      ].join('\n'),
    },
  };
}

/**
 * JUnit XML for a TAT-QA run: one `<testsuite>` per document (`Report <n>`), one `<testcase>` per
 * question, failing when the question is not correct; a failed request is an `<error>`.
 */
export function toTatqaJUnitXml(results: readonly TatqaResult[], name = 'citecheck tatqa'): string {
  return renderJUnit(results.map(junitCase), name);
}
