import { extractNumbers, roundsTo, sameNumber } from '../scoring/numbers.js';
import { nfkc } from '../scoring/text.js';
import type { Expect } from './case-schema.js';
import type { CaseStats } from './types.js';

/** The parts of a response the per-case counts read. */
export interface StatsInput {
  answer: string;
  citations: ReadonlyArray<{ quote: string }>;
  checks: ReadonlyArray<{ value: number | null; display: string | null }>;
}

/** Citations whose quote contains one of `cites` or a (non-year) number stated in the answer. */
export function countRelevantCitations(answer: string, citations: StatsInput['citations'], cites: string[]): number {
  const stated = extractNumbers(answer)
    .filter((n) => !n.isYear)
    .map((n) => n.value);
  const needles = cites.map(nfkc);
  return citations.filter((c) => {
    const quote = nfkc(c.quote);
    if (needles.some((s) => quote.includes(s))) return true;
    return extractNumbers(quote).some((q) => stated.some((a) => sameNumber(a, q.value)));
  }).length;
}

/** Non-year numbers in the answer, and how many of them a cited quote or a check's display/value backs. */
export function countBackedNumbers(input: StatsInput): { answerNumbers: number; backedNumbers: number } {
  const numbers = extractNumbers(input.answer).filter((n) => !n.isYear);
  const quoted = input.citations.flatMap((c) => extractNumbers(c.quote).map((n) => n.value));
  const displayed = input.checks.flatMap((c) => (c.display ? extractNumbers(c.display).map((n) => n.value) : []));
  const values = input.checks.flatMap((c) => (c.value === null ? [] : [c.value]));
  const backed = numbers.filter(
    (n) =>
      quoted.some((q) => sameNumber(q, n.value)) ||
      displayed.some((d) => sameNumber(d, n.value)) ||
      values.some((v) => roundsTo(v, n)),
  );
  return { answerNumbers: numbers.length, backedNumbers: backed.length };
}

/** The per-case counts aggregated by the metrics. */
export function caseStats(
  expect: Expect,
  input: StatsInput,
  verdict: { numberMatched: boolean | null; citesFound: boolean[] },
): CaseStats {
  return {
    numberMatched: verdict.numberMatched,
    relevantCitations: countRelevantCitations(input.answer, input.citations, expect.cites ?? []),
    citations: input.citations.length,
    citesFound: verdict.citesFound,
    ...countBackedNumbers(input),
  };
}
