import { FALL_NOUNS, FALL_VERBS, RISE_NOUNS, RISE_VERBS, verbForms } from '../../language/direction-words.js';
import type { Figure } from './numeric-operands.js';

/* The order of two figures of one time that a question's change word asks for. */

/** A question asking how much something fell ("by how much did X reduce Y"), or rose. */
const FALL_RE = new RegExp(
  String.raw`\b(?:${[...verbForms(FALL_VERBS), ...FALL_NOUNS, 'reduce', 'reduces', 'reduced', 'reduction', 'cut', 'cuts', 'lower', 'lowered'].join('|')})\b`,
  'iu',
);
const RISE_RE = new RegExp(
  String.raw`\b(?:${[...verbForms(RISE_VERBS), ...RISE_NOUNS, 'raise', 'raised'].join('|')})\b`,
  'iu',
);

/** "By how much / how many X" with no other word for the order: the size of a gap, larger minus smaller. */
const GAP_RE = /^\W*by how (?:much|many)\b(?![^?]*\bthan\b)/iu;

/**
 * Two operands of one time (no year between them) put in the order the question's change word asks for: from the
 * larger to the smaller for a fall ("by how much did the drug reduce attacks": from the placebo group's 1.04 to 0.62),
 * from the smaller to the larger for a rise or a gap ("by how many votes was it rejected"). Operands of two years keep
 * their order, whatever the question expects.
 */
export function directedPair(question: string, pair: [Figure, Figure]): [Figure, Figure] {
  const [a, b] = pair;
  if (a.year !== b.year) return pair;
  const falls = FALL_RE.test(question);
  const rises = RISE_RE.test(question) || (!falls && GAP_RE.test(question));
  if (falls === rises) return pair;
  return falls === a.value < b.value ? [b, a] : pair;
}
