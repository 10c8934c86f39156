import { tokenize } from '../../retrieval/tokenizer.js';
import type { ScoredSentence } from './evidence.js';

/** How many of the best sentences a follow-up's own words may lift a sentence from. */
export const TURN_REACH = 3;

/**
 * Scored sentences with the best one that carries a follow-up's new words first. A follow-up's own words ("and for
 * young people?") say what changed from the question it continues, so a sentence that has none of them answers the
 * earlier question, not this one. Among the best {@link TURN_REACH}, the one holding the most of the turn's words
 * that the earlier exchange did not use leads; unchanged when the turn adds no words, the best already holds one,
 * or none of them does.
 */
export function preferTurnWords(
  scored: readonly ScoredSentence[],
  turn: string,
  context: string,
  weigh: (term: string) => number,
): readonly ScoredSentence[] {
  const earlier = new Set(tokenize(context));
  const fresh = [...new Set(tokenize(turn))].filter((t) => !earlier.has(t));
  if (!fresh.length || !scored.length) return scored;
  const held = (s: ScoredSentence) => fresh.reduce((sum, t) => sum + (s.sentence.termSet.has(t) ? weigh(t) : 0), 0);
  if (held(scored[0]!) > 0) return scored;
  let best: ScoredSentence | undefined;
  for (const s of scored.slice(1, TURN_REACH)) if (held(s) > (best ? held(best) : 0)) best = s;
  return best ? [best, ...scored.filter((s) => s !== best)] : scored;
}
