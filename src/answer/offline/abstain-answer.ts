import type { RelatedPassage } from '../schema.js';
import type { AnswerDraft, AnswerInput } from '../types.js';
import { emit } from './answer-finish.js';

/** The answer that abstains for `reason`, listing the closest passages as related reading. */
export function abstain(
  input: AnswerInput,
  reason: string,
  related: RelatedPassage[],
  retrieveMs: number,
  notice: string | undefined,
): AnswerDraft {
  const answer = `The documents do not cover this: ${reason}. The closest passages are listed as related reading.`;
  return emit(input, {
    answer,
    citations: [],
    checks: [],
    claims: [],
    abstained: true,
    related,
    retrieveMs,
    ...(notice ? { notice } : {}),
  });
}
