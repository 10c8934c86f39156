import { type JUnitCase, renderJUnit } from '../../reports/junit.js';
import { failureReasons } from './score-question.js';
import type { SquadResult } from './types.js';

function junitCase(r: SquadResult): JUnitCase {
  const base = {
    classname: r.article,
    name: r.id,
    timeMs: r.latencyMs,
    ...(r.answer === null ? {} : { out: r.answer }),
  };
  if (r.passed) return base;
  const reasons = failureReasons(r);
  const kind = r.error === undefined ? 'failure' : 'error';
  const gold = r.impossible ? 'Gold: (unanswerable)' : `Gold: ${r.golds.map((g) => JSON.stringify(g)).join(' | ')}`;
  return {
    ...base,
    problem: {
      kind,
      type: kind === 'error' ? 'RequestError' : r.impossible ? 'AnsweredUnanswerable' : 'AnswerMissing',
      message: reasons[0] ?? 'failed',
      body: [
        `Question: ${r.question}`,
        gold,
        `Prediction (${r.source}): ${JSON.stringify(r.prediction)}`,
        ...reasons.map((x) => `- ${x}`),
      ].join('\n'),
    },
  };
}

/**
 * JUnit XML for a SQuAD run: one `<testsuite>` per article, one `<testcase>` per question. A question
 * fails when it is answerable and the answer does not contain a gold answer, or unanswerable and not
 * abstained on; a failed request is an `<error>`.
 */
export function toSquadJUnitXml(results: readonly SquadResult[], name = 'citecheck squad2'): string {
  return renderJUnit(results.map(junitCase), name);
}
