/**
 * The words after which a sentence says what something consists of, includes, relates to or is due to:
 * "costs include advertising and billing", "the rise was primarily due to higher volumes".
 */
const RELATION_RE = new RegExp(
  [
    String.raw`\b(?:(?:primarily|mainly|largely|principally|mostly)\s+)?`,
    String.raw`(?:consists?\s+of|consisting\s+of|includes?|included|including|comprises?|comprising|comprised\s+of|composed\s+of|made\s+up\s+of|`,
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

/** A span of a sentence: its text and offsets (`sentence.slice(start, end) === text`). */
export interface ClauseSpan {
  text: string;
  start: number;
  end: number;
}

/** The clause after the first match of `re` in the sentence (see {@link clauseFrom}); null without a match. */
function clauseAfter(re: RegExp, sentence: string): ClauseSpan | null {
  const m = re.exec(sentence);
  return m ? clauseFrom(sentence, m.index + m[0].length) : null;
}

/** The clause from `start` to the end of the sentence (closing punctuation dropped), if its length fits. */
function clauseFrom(sentence: string, start: number): ClauseSpan | null {
  const end = start + sentence.slice(start).replace(TRAILING_RE, '').length;
  const words = sentence.slice(start, end).split(/\s+/).filter(Boolean).length;
  if (words < MIN_CLAUSE_WORDS || words > MAX_CLAUSE_WORDS) return null;
  return { text: sentence.slice(start, end), start, end };
}

/**
 * What a "consist of / include / relate to / due to" question asks, in a sentence: the clause after the
 * sentence's first such relation word, to the end of the sentence. Null when the sentence has no such word
 * or the clause is shorter than {@link MIN_CLAUSE_WORDS} or longer than {@link MAX_CLAUSE_WORDS} words.
 */
export function extractClause(sentence: string): ClauseSpan | null {
  return clauseAfter(RELATION_RE, sentence);
}

/** "What is X?" / "What are X?" / "What does X mean?": the term X a definition question asks about. */
const DEFINITION_QUESTION_RE =
  /^\s*what\s+(?:is|are)\s+(?:meant\s+by\s+)?(?:an?\s+|the\s+)?(?<term>[^?]{2,60}?)\s*\??\s*$|^\s*what\s+does\s+(?<term2>[^?]{2,60}?)\s+mean\s*\??\s*$/i;
/** Words that make "what is the X" ask for something other than a definition ("the name of", "the reason"). */
const NOT_A_TERM_RE =
  /\b(?:of|for|in|on|at|by|from|with|to|between|during|than|and|or|name|reason|purpose|difference)\b/i;
/** Verbs that introduce a definition after the defined term: "goodwill represents the excess of …". */
const DEFINING_VERB_RE =
  /^\s*(?:\([^)]{1,40}\)\s*)?(?:,[^,]{1,60},\s*)?(?:is|are|represents?|means?|refers?\s+to|is\s+defined\s+as|are\s+defined\s+as|is\s+the\s+term\s+for|describes?)\s+/i;

/** "What is the definition / meaning of (the term) X?": a definition asked for in so many words. */
const EXPLICIT_DEFINITION_RE =
  /^\s*what\s+(?:is|are)\s+(?:the\s+)?(?:definition|meaning)\s+of\s+(?:the\s+(?:term|word|phrase)\s+)?(?<term>[^?]{2,60}?)\s*\??\s*$/i;
/** A term written without a definite article or possessor before it ("What is goodwill?", "What is a lease?", not "What is the revenue?"). */
const BARE_TERM_RE = /^\s*what\s+(?:is|are)\s+(?!(?:the|its|their|our|his|her|this|that)\s)/i;

/**
 * Whether a question asks what a term means rather than what its value is: "What is goodwill?", "What does EBITDA
 * mean?", "What is the definition of the term earnings per share?"; not "What is the revenue?" (a lookup).
 */
export function asksDefinition(question: string): boolean {
  if (EXPLICIT_DEFINITION_RE.test(question)) return true;
  if (!definedTerm(question)) return false;
  return BARE_TERM_RE.test(question) || /\bmean\s*\??\s*$|\bmeant\s+by\b/i.test(question);
}

/** The term a definition question asks about ("What is aggregate intrinsic value?" -> "aggregate intrinsic value"). */
export function definedTerm(question: string): string | null {
  const explicit = EXPLICIT_DEFINITION_RE.exec(question)?.groups?.term;
  if (explicit) return explicit.replace(/^["'“‘]|["'”’]$/g, '').trim();
  const m = DEFINITION_QUESTION_RE.exec(question);
  const term = (m?.groups?.term ?? m?.groups?.term2)?.replace(/^["'“‘]|["'”’]$/g, '').trim();
  if (!term || NOT_A_TERM_RE.test(term) || term.split(/\s+/).length > 6) return null;
  return term;
}

/**
 * The definition of `term` in a sentence that gives one: the clause after "<term> is / represents / means /
 * refers to", to the end of the sentence ("Goodwill represents the excess of the price over …" -> "the excess of
 * the price over …"). Null when the sentence does not define the term that way.
 */
export function extractDefinition(sentence: string, term: string): ClauseSpan | null {
  const at = sentence.toLowerCase().indexOf(term.toLowerCase());
  if (at < 0) return null;
  const after = at + term.length;
  const verb = DEFINING_VERB_RE.exec(sentence.slice(after));
  if (!verb) return null;
  const start = after + verb[0].length;
  return clauseFrom(sentence, start);
}

/** Words after which a sentence gives a cause or purpose: "… rose, primarily due to higher volumes". */
const CAUSE_RE = new RegExp(
  [
    String.raw`\b(?:(?:primarily|mainly|largely|principally|partly|mostly)\s+)?`,
    String.raw`(?:due\s+to|because(?:\s+of)?|as\s+a\s+result\s+of|owing\s+to|driven\s+by|attributable\s+to|`,
    String.raw`resulting\s+from|in\s+order\s+to|so\s+as\s+to|reflecting)\s+`,
  ].join(''),
  'i',
);

/**
 * The cause or purpose a "why" question asks for, in a sentence: the clause after its first cause word ("due to",
 * "because", "as a result of", "in order to", …), to the end of the sentence; null without one.
 */
export function extractCause(sentence: string): ClauseSpan | null {
  return clauseAfter(CAUSE_RE, sentence);
}

/** "How is / are / was / were X <participle>?": the participle of a question asking by what means ("determined"). */
const HOW_PASSIVE_RE = /^\W*how\s+(?:is|are|was|were)\b[^?]*?\s(?<verb>\p{L}+(?:ed|en|wn|ght|lt|nt))\s*\??\s*$/iu;
/** Words between the participle and "by" ("determined primarily by"). */
const MAX_WORDS_BEFORE_BY = 3;

/** The participle of a "how is X determined?" question, or null for other questions. */
export function meansVerb(question: string): string | null {
  return HOW_PASSIVE_RE.exec(question)?.groups?.verb ?? null;
}

/**
 * The means a "how is X <participle>?" question asks for, in a sentence using that participle: the clause from the
 * "by" after it, to the end of the sentence ("was determined by comparison against an index" -> "by comparison
 * against an index"); null when the sentence gives none.
 */
export function extractMeans(sentence: string, verb: string): ClauseSpan | null {
  const escaped = verb.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(String.raw`\b${escaped}\s+(?:[\p{L}-]+\s+){0,${MAX_WORDS_BEFORE_BY}}?(?=by\s)`, 'iu');
  const m = re.exec(sentence);
  return m ? clauseFrom(sentence, m.index + m[0].length) : null;
}
