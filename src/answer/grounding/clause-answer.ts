import { type TaggedToken, tagText } from '../../language/tagger.js';

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

/** Verbs that introduce a definition after the defined term: "goodwill represents the excess of …". */
const DEFINING_VERB_RE =
  /^\s*(?:\([^)]{1,40}\)\s*)?(?:,[^,]{1,60},\s*)?(?:(?:is|are)(?!\s+(?:not\s+)?\w+(?:ed|en)\b)|represents?|means?|refers?\s+to|is\s+defined\s+as|are\s+defined\s+as|is\s+the\s+term\s+for|describes?|presents?|measures?|(?:is|are)\s+calculated\s+as|equals?)\s+/i;
/** Words before the defined term that name it after its definition: "the excess … was recorded as goodwill". */
const NAMED_AS_RE =
  /\b(?:is|are|was|were)\s+(?:recorded|recogni[sz]ed|referred\s+to|known|classified|presented|called|termed)(?:\s+as)?\s+$/i;

/**
 * The definition of `term` in a sentence that gives one: the clause after "<term> is / represents / means /
 * refers to", to the end of the sentence ("Goodwill represents the excess of the price over …" -> "the excess of
 * the price over …"), or the clause before "was recorded / is known as <term>". Null when the sentence does not
 * define the term that way ("goodwill is tested yearly" describes it).
 */
export function extractDefinition(sentence: string, term: string): ClauseSpan | null {
  const at = sentence.toLowerCase().indexOf(term.toLowerCase());
  if (at < 0) return null;
  const named = NAMED_AS_RE.exec(sentence.slice(0, at));
  if (named) return clauseBefore(sentence, named.index);
  const after = at + term.length;
  const verb = DEFINING_VERB_RE.exec(sentence.slice(after));
  if (!verb) return null;
  const start = after + verb[0].length;
  return clauseFrom(sentence, start);
}

/** The clause from the sentence's start to `end` ("The excess … acquired" before "was recorded as goodwill"). */
function clauseBefore(sentence: string, end: number): ClauseSpan | null {
  const start = sentence.length - sentence.trimStart().length;
  const text = sentence.slice(start, end).trimEnd();
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words < MIN_CLAUSE_WORDS || words > MAX_CLAUSE_WORDS) return null;
  return { text, start, end: start + text.length };
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

/** Cue words of a purpose or a reflected figure, which the answer leaves out ("to reduce risk", not "in order to …"). */
const PURPOSE_RE = /\b(?:in\s+order\s+to|so\s+as\s+to|reflecting)\s+$/i;

/**
 * The cause or purpose a "why" question asks for, in a sentence, to the end of the sentence: a cause with its cause
 * words ("primarily due to higher volumes"), a purpose after them ("in order to reduce risk" -> "reduce risk"); null
 * without either.
 */
export function extractCause(sentence: string): ClauseSpan | null {
  const m = CAUSE_RE.exec(sentence);
  if (!m) return null;
  return clauseFrom(sentence, PURPOSE_RE.test(m[0]) ? m.index + m[0].length : m.index);
}

/** "How is / are / was / were X <participle>?": the participle of a question asking by what means ("determined"). */
const HOW_PASSIVE_RE = /^\W*how\s+(?:is|are|was|were)\b[^?]*?\s(?<verb>\p{L}+(?:ed|en|wn|ght|lt|nt))\s*\??\s*$/iu;
/**
 * Words between the verb and "by": an adverb in the passive ("determined primarily by"), the object in the active
 * ("calculates net loss per share by"); a comma or semicolon ends the search.
 */
const MAX_WORDS_BEFORE_BY = 10;

/** The participle of a "how is X determined?" question, or null for other questions. */
export function meansVerb(question: string): string | null {
  return HOW_PASSIVE_RE.exec(question)?.groups?.verb ?? null;
}

/**
 * The means a "how is X <participle>?" question asks for, in a sentence using that verb in any form ("calculated"
 * finds "calculates … by dividing"): the clause from the "by" after it, to the end of the sentence ("was determined
 * by comparison against an index" -> "by comparison against an index"); null when the sentence gives none.
 */
export function extractMeans(sentence: string, verb: string): ClauseSpan | null {
  const lemma = tagText(verb).tokens[0]?.lemma ?? verb.toLowerCase();
  const { tokens } = tagText(sentence);
  for (const [i, t] of tokens.entries()) {
    if (t.lemma !== lemma && t.text.toLowerCase() !== verb.toLowerCase()) continue;
    for (const x of tokens.slice(i + 1, i + 2 + MAX_WORDS_BEFORE_BY)) {
      if (x.text === ',' || x.text === ';') break;
      if (x.text.toLowerCase() === 'by') return clauseFrom(sentence, x.start);
    }
  }
  return null;
}

/** Words before "to" that make it part of a phrase ("due to", "related to"), not the start of a purpose. */
const NOT_PURPOSE_BEFORE = new Set([
  'due',
  'related',
  'relating',
  'attributable',
  'according',
  'prior',
  'compared',
  'owing',
  'up',
  'subject',
  'addition',
  'able',
  'unable',
]);

/**
 * Whether the "to" at `i` opens the object of the verb right before it ("decided to lower", "agreed to pay"), what
 * was done rather than what for; not after a passive ("is used to reduce", "were hired to build"), whose infinitive
 * is a purpose.
 */
function complementOf(tokens: readonly TaggedToken[], i: number): boolean {
  const verb = tokens[i - 1];
  return verb?.pos === 'VERB' && tokens[i - 2]?.pos !== 'AUX';
}

/**
 * The purpose a "why" question asks for, in a sentence that states one with an infinitive: the clause from "to"
 * before a verb, to the end of the sentence ("swaps are entered into with several banks to reduce concentration
 * risk" -> "to reduce concentration risk"); null without one.
 */
export function extractPurpose(sentence: string): ClauseSpan | null {
  const { tokens } = tagText(sentence);
  for (const [i, t] of tokens.entries()) {
    if (t.text.toLowerCase() !== 'to' || tokens[i + 1]?.pos !== 'VERB') continue;
    if (NOT_PURPOSE_BEFORE.has(tokens[i - 1]?.text.toLowerCase() ?? '')) continue;
    if (complementOf(tokens, i)) continue;
    return clauseFrom(sentence, t.start);
  }
  return null;
}

/** Words that say how often something happens: "annually", "on a quarterly basis", "twice a year", "every three years". */
const FREQUENCY_RE = new RegExp(
  [
    String.raw`\b(?:semi-?|bi-?)?(?:annually|quarterly|monthly|weekly|daily|yearly|hourly)\b`,
    String.raw`\b(?:an?\s+)?(?:(?:semi-?|bi-?)?annual|quarterly|monthly|weekly|daily|yearly|regular|periodic|continuous|ongoing)\s+basis\b`,
    String.raw`\b(?:once|twice|\w+\s+times)\s+(?:a|per|each|every)\s+(?:year|quarter|month|week|day)\b`,
    String.raw`\bevery\s+(?:(?:other|\w+)\s+)?(?:years?|quarters?|months?|weeks?|days?)\b`,
  ].join('|'),
  'iu',
);
/** A question asking how often something happens. */
export const HOW_OFTEN_RE = /\bhow (?:often|frequently)\b/iu;

/** The first phrase of a sentence saying how often something happens (see {@link FREQUENCY_RE}); null without one. */
export function extractFrequency(sentence: string): ClauseSpan | null {
  const m = FREQUENCY_RE.exec(sentence);
  return m ? { text: m[0], start: m.index, end: m.index + m[0].length } : null;
}

/**
 * A "when" question about a standing rule, in the present tense or with a modal ("When is goodwill considered
 * impaired?", "When are refunds issued?"): a condition or a frequency can answer it where no date does.
 */
export const WHEN_RULE_RE = /^\W*when (?:is|are|does|do|must|should|can|may|will)\b/iu;
/** Words that open a condition: "if", "unless", "whenever", "provided that", "in the event that". */
const CONDITION_RE = /\b(?:if|unless|whenever|provided\s+that|in\s+the\s+event\s+that)\s+/iu;

/**
 * The condition a sentence states: from its opening word to the end of the sentence ("Goodwill is considered
 * impaired if the carrying value … exceeds …" -> "if the carrying value … exceeds …"), or to the comma that closes a
 * condition opening the sentence ("If a refund is due, it is paid within 14 days" -> "If a refund is due"); null
 * without one.
 */
export function extractCondition(sentence: string): ClauseSpan | null {
  const m = CONDITION_RE.exec(sentence);
  if (!m) return null;
  const opening = sentence.slice(0, m.index).trim() === '';
  const comma = opening ? sentence.indexOf(',', m.index) : -1;
  if (comma < 0) return clauseFrom(sentence, m.index);
  const text = sentence.slice(m.index, comma);
  return text.split(/\s+/u).length >= MIN_CLAUSE_WORDS ? { text, start: m.index, end: comma } : null;
}
