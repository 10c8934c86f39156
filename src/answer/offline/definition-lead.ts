import { extractDefinition } from '../grounding/clause-answer.js';
import { asksDefinition, definedTerm } from '../question/definition.js';
import type { ScoredSentence } from './evidence.js';

/**
 * How many of the best sentences a sentence that defines the asked-for term may be lifted from: table rows that
 * repeat the term ("Basic earnings per share", "Diluted earnings per share", …) can fill the first several places.
 */
export const DEFINITION_REACH = 12;

/**
 * Scored sentences with the best one that defines the term a definition question asks about ("What is goodwill?")
 * first: "Goodwill represents the excess of …" answers it, "Goodwill of $8.7 million was recorded" does not.
 * Unchanged for other questions, or when none of the best {@link DEFINITION_REACH} gives a definition.
 */
export function preferDefinition(scored: readonly ScoredSentence[], question: string): readonly ScoredSentence[] {
  const term = asksDefinition(question) ? definedTerm(question) : null;
  if (!term) return scored;
  const defining = scored.slice(0, DEFINITION_REACH).find((s) => extractDefinition(s.sentence.text, term) !== null);
  return defining && defining !== scored[0] ? [defining, ...scored.filter((s) => s !== defining)] : scored;
}
