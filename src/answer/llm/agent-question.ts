import { assessCoverage } from '../grounding/coverage.js';
import { resolveFollowUp } from '../question/followup.js';
import type { AnswerInput } from '../types.js';

/** Follow-ups ("and in 2015?") are retrieved together with the previous question. */
export function retrievalQuery(input: AnswerInput): string {
  const previous = [...input.history].reverse().find((t) => t.role === 'user')?.content;
  const short = input.question.trim().split(/\s+/).length <= 6;
  return previous && short ? `${previous}\n${input.question}` : input.question;
}

/**
 * The offline answerer's coverage rule, applied before any model call: a question about years,
 * names or topic words the documents never use is declined without asking the model.
 */
export function uncoveredReason(input: AnswerInput): string | undefined {
  const resolved = resolveFollowUp(input.question, input.history);
  const q = resolved.isFollowUp ? { ...resolved.analysis, factual: resolved.turn } : resolved.analysis;
  const verdict = assessCoverage(input.snapshot, q);
  return verdict.covered ? undefined : verdict.reason;
}
