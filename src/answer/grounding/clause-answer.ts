/**
 * The words after which a sentence says what something consists of, includes, relates to or is due to:
 * "costs include advertising and billing", "the rise was primarily due to higher volumes".
 */
const RELATION_RE = new RegExp(
  [
    String.raw`\b(?:(?:primarily|mainly|largely|principally|mostly)\s+)?`,
    String.raw`(?:consists?\s+of|consisting\s+of|includes?|included|including|comprises?|comprising|comprised\s+of|`,
    String.raw`relates?\s+to|related\s+to|relating\s+to|due\s+to|attributable\s+to|driven\s+by|as\s+a\s+result\s+of|`,
    String.raw`because\s+of|resulting\s+from)\s+`,
  ].join(''),
  'i',
);
/** Fewest words a clause answer has; a shorter one is left to the noun-phrase answer. */
const MIN_CLAUSE_WORDS = 2;
/** Most words a clause answer has; a longer one reads as the sentence itself. */
const MAX_CLAUSE_WORDS = 45;
const TRAILING_RE = /[\s.;:,]+$/u;

/**
 * What a "consist of / include / relate to / due to" question asks, in a sentence: the clause after the
 * sentence's first such relation word, to the end of the sentence. Null when the sentence has no such word
 * or the clause is shorter than {@link MIN_CLAUSE_WORDS} or longer than {@link MAX_CLAUSE_WORDS} words.
 */
export function extractClause(sentence: string): { text: string; start: number; end: number } | null {
  const m = RELATION_RE.exec(sentence);
  if (!m) return null;
  const start = m.index + m[0].length;
  const end = start + sentence.slice(start).replace(TRAILING_RE, '').length;
  const words = sentence.slice(start, end).split(/\s+/).filter(Boolean).length;
  if (words < MIN_CLAUSE_WORDS || words > MAX_CLAUSE_WORDS) return null;
  return { text: sentence.slice(start, end), start, end };
}
