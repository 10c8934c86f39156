import type { ChatResponse, Check, Citation } from '../../src/answer/schema.js';
import type { Expect } from '../../src/eval/suite/case-schema.js';
import { scoreCase } from '../../src/eval/suite/run-case.js';
import type { CaseResult, RetrievalResult, SuiteCase } from '../../src/eval/suite/types.js';

/** A citation with the given number and quote. */
export function citation(n: number, quote: string, speaker: string | null = 'Wei Hao'): Citation {
  return {
    n,
    chunkId: `c${n}`,
    docId: 'doc',
    title: 'Doc',
    section: null,
    speaker,
    quote,
    start: 0,
    end: quote.length,
    score: 1,
  };
}

/** A calculator check. */
export function check(value: number | null, display: string | null, op = 'growth_rate'): Check {
  return { op, args: {}, value, display, formula: null, status: 'computed' };
}

/** A valid chat response; fields default to an empty, non-abstaining answer. */
export function response(partial: Partial<ChatResponse> = {}): ChatResponse {
  return {
    answer: '',
    citations: [],
    checks: [],
    claims: [],
    abstained: false,
    mode: 'offline',
    timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 },
    ...partial,
  };
}

/** A case in suite `dev`. */
export function suiteCase(id: string, expect: Expect, extra: Partial<SuiteCase> = {}): SuiteCase {
  return { id, question: `question ${id}`, expect, suite: 'dev', ...extra };
}

/** Judges a hand-made response for a hand-made case. */
export function result(
  c: SuiteCase,
  r: Partial<ChatResponse>,
  latencyMs = 10,
  retrieval: RetrievalResult | null = null,
): CaseResult {
  return scoreCase(c, response(r), latencyMs, retrieval);
}
