import { isCommonWord } from '../../language/common-words.js';
import type { TaggedText, TaggedToken } from '../../language/tagger.js';
import { isYearAt } from '../../language/years.js';
import type { Candidate } from './candidate.js';
import { isDegreeSign, numberSpans } from './number-spans.js';

/** Longest span offered as a short answer, in tokens. */
export const MAX_SPAN_TOKENS = 8;
const NAME_JOINERS = new Set(['of', 'de', 'von', 'van', 'la', 'le', 'du', 'der', 'da', 'the', '&']);
const NUMBER_ENTITIES = new Set(['CARDINAL', 'MONEY', 'PERCENT', 'QUANTITY', 'ORDINAL', 'DURATION']);
const DATE_ENTITIES = new Set(['DATE', 'TIME']);
/**
 * A clock time or a day's name inside a span the tagger calls a duration: "from 10 am to 4 pm" and "Monday to Friday"
 * say when, not how long.
 */
const CLOCK_OR_DAY_RE =
  /^(?:[ap]\.?m\.?|noon|midnight|\d{1,2}[:.]\d{2}|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)$/iu;

/** A clock time the tagger leaves a bare number ("8:00", "20:30"): a time of day, so a date span. */
const CLOCK_RE = /^\d{1,2}:\d{2}$/u;
/** A word joining two times into one span ("8:00 to 20:00"). */
const RANGE_WORD_RE = /^(?:to|until|till|[–—-])$/iu;

export type { Candidate } from './candidate.js';

/** A token that carries content: a number, or not a function word, punctuation or symbol. */
export const isContent = (t: TaggedToken) =>
  (!t.stop || t.pos === 'NUM') && t.pos !== 'PUNCT' && t.pos !== 'SYM' && /[\p{L}\p{N}]/u.test(t.text);
/** A common or proper noun. */
export const isNoun = (t: TaggedToken) => t.pos === 'NOUN' || t.pos === 'PROPN';

/** Parts of speech the tagger gives capitalised names it does not know ("the river Seine" read as a verb). */
const MISREAD_NAME = new Set(['NOUN', 'VERB', 'ADJ', 'ADV']);
const OPENING_RE = /^[.!?:;"“‘([]$/;

/** Whether the token at `i` opens the sentence (or a quote or bracket in it). */
const opensSentence = (tokens: readonly TaggedToken[], i: number) => i === 0 || OPENING_RE.test(tokens[i - 1]!.text);

/**
 * A proper noun, or a capitalised word inside a sentence that the tagger read as another word class. The tagger reads
 * any capitalised word opening a sentence as a proper noun: one the dictionary knows but never capitalises
 * ("Eligible employees may ...", "Partners of the birth parent ...") is none.
 */
function isNamePart(tokens: readonly TaggedToken[], i: number): boolean {
  const t = tokens[i]!;
  if (isDegreeSign(tokens, i - 1)) return false;
  if (t.pos === 'PROPN') return !(opensSentence(tokens, i) && isCommonWord(t.text));
  if (i === 0 || !MISREAD_NAME.has(t.pos) || !/^\p{Lu}\p{Ll}/u.test(t.text)) return false;
  return !OPENING_RE.test(tokens[i - 1]!.text);
}

function properNounRuns(tokens: readonly TaggedToken[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isNamePart(tokens, i)) continue;
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1]!;
      if (isNamePart(tokens, j + 1)) j++;
      else if (
        (NAME_JOINERS.has(next.text.toLowerCase()) || (next.text === '-' && next.start === tokens[j]!.end)) &&
        tokens[j + 2] &&
        isNamePart(tokens, j + 2)
      )
        j += 2;
      else break;
    }
    out.push({ first: i, last: j, kind: 'name' });
    i = j;
  }
  return out;
}

const isNounAt = (tokens: readonly TaggedToken[], i: number) => tokens[i] !== undefined && isNoun(tokens[i]!);

/** A hyphen written against the words on both sides ("worst-case", "low-cost"). */
function isHyphenJoin(tokens: readonly TaggedToken[], i: number): boolean {
  const t = tokens[i];
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return (
    t?.text === '-' && before !== undefined && after !== undefined && before.end === t.start && t.end === after.start
  );
}

const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);

/**
 * A past participle between an article or possessive and a noun, which it modifies ("its pressed glass tableware",
 * "a fixed rate"): the tagger reads it as a verb.
 */
function isParticipleModifier(tokens: readonly TaggedToken[], i: number): boolean {
  const [before, t, after] = [tokens[i - 1], tokens[i]!, tokens[i + 1]];
  if (t.pos !== 'VERB' || !/\p{L}{2}(?:ed|en)$/iu.test(t.text) || !before || !after) return false;
  const determined = before.pos === 'DET' || (before.pos === 'PRON' && POSSESSIVES.has(before.text.toLowerCase()));
  return determined && (isNoun(after) || after.pos === 'ADJ');
}

function nounPhrases(tokens: readonly TaggedToken[]): Candidate[] {
  const out: Candidate[] = [];
  const inPhrase = (t: TaggedToken) => isNoun(t) || t.pos === 'ADJ' || t.pos === 'NUM';
  for (let i = 0; i < tokens.length; i++) {
    if (!(inPhrase(tokens[i]!) || isParticipleModifier(tokens, i)) || isDegreeSign(tokens, i - 1)) continue;
    let j = i;
    while (j + 1 < tokens.length) {
      if (inPhrase(tokens[j + 1]!) || (tokens[j + 1]!.text.toLowerCase() === 'of' && isNounAt(tokens, j + 2))) j++;
      else if (isHyphenJoin(tokens, j + 1) && /[\p{L}\p{N}]/u.test(tokens[j + 2]!.text)) j += 2;
      else break;
    }
    let last = j;
    while (last >= i && !isNoun(tokens[last]!)) last--;
    if (last >= i) out.push({ first: i, last, kind: 'phrase' });
    i = j;
  }
  return out;
}

/** A token that is a calendar year as written in `sentence` ("1066", "1840s"). */
function isYearToken(sentence: string, t: TaggedToken): boolean {
  const digits = /^(\d{4})s?$/.exec(t.text)?.[1];
  return digits !== undefined && isYearAt(sentence, t.start, t.start + 4, Number(digits));
}

/** A day of the month written alone before "and", "to" or a dash ("26" of "26 and 27 March 2025"). */
const DAY_RE = /^(?:[1-9]|[12]\d|3[01])$/;
const DAY_JOIN_RE = /^(?:and|or|to|–|-)$/i;

/** A date entity, and with the day written before it when it opens with a day ("26 and 27 March 2025", "12 to 14 July"). */
function daySpan(tokens: readonly TaggedToken[], first: number, last: number): Candidate[] {
  const date: Candidate = { first, last, kind: 'date' };
  const opensWithDay = DAY_RE.test(tokens[first]?.text ?? '');
  const joined = DAY_JOIN_RE.test(tokens[first - 1]?.text ?? '') && DAY_RE.test(tokens[first - 2]?.text ?? '');
  return opensWithDay && joined ? [date, { ...date, first: first - 2 }] : [date];
}

function entityCandidates(sentence: string, tagged: TaggedText): Candidate[] {
  const out: Candidate[] = [];
  for (const e of tagged.entities) {
    const year = e.first === e.last && isYearToken(sentence, tagged.tokens[e.first]!);
    const inside = tagged.tokens.slice(e.first, e.last + 1);
    const spansYears = inside.some((t) => isYearToken(sentence, t));
    const spansTimes = inside.some((t) => CLOCK_OR_DAY_RE.test(t.text));
    if (
      DATE_ENTITIES.has(e.type) ||
      (e.type === 'CARDINAL' && year) ||
      (e.type === 'DURATION' && (spansYears || spansTimes))
    )
      out.push(...daySpan(tagged.tokens, e.first, e.last));
    else if (NUMBER_ENTITIES.has(e.type)) out.push(...numberSpans(tagged.tokens, e.first, e.last));
  }
  const { tokens } = tagged;
  tokens.forEach((t, i) => {
    if (t.pos !== 'NUM' || out.some((c) => c.first <= i && i <= c.last)) return;
    if (isYearToken(sentence, t)) out.push({ first: i, last: i, kind: 'date' });
    else if (CLOCK_RE.test(t.text)) {
      out.push({ first: i, last: i, kind: 'date' });
      if (RANGE_WORD_RE.test(tokens[i + 1]?.text ?? '') && CLOCK_RE.test(tokens[i + 2]?.text ?? ''))
        out.push({ first: i, last: i + 2, kind: 'date' });
    } else out.push(...numberSpans(tokens, i, i));
  });
  return out;
}

/** Opening and closing quotation marks, by the opening one. */
const QUOTE_PAIRS: Readonly<Record<string, string>> = { '"': '"', '“': '”', '‘': '’', "'": "'" };
/** Single quotation marks, which are apostrophes too ("Logistics' revenue", "Newcomen’s"). */
const SINGLE_QUOTES = new Set(["'", '‘', '’']);

/** The closing mark for the quotation mark at `i`, if it opens one: a single mark only after a space and before a word. */
function closerOf(tokens: readonly TaggedToken[], i: number): string | undefined {
  const t = tokens[i];
  const close = t && QUOTE_PAIRS[t.text];
  if (!close || !SINGLE_QUOTES.has(t.text)) return close;
  const spaced = i === 0 || tokens[i - 1]!.end < t.start;
  return spaced && tokens[i + 1]?.start === t.end ? close : undefined;
}

/** Whether the mark at `j` closes a quotation: a single mark only right after a word and before a space or punctuation. */
function closes(tokens: readonly TaggedToken[], j: number, close: string): boolean {
  const t = tokens[j];
  if (t?.text !== close) return false;
  if (!SINGLE_QUOTES.has(close)) return true;
  const next = tokens[j + 1];
  return tokens[j - 1]?.end === t.start && (!next || next.start > t.end || next.pos === 'PUNCT');
}

/** Whether a span is the whole text between a pair of quotation marks, but for the punctuation it ends with. */
export function isQuotedWhole(tokens: readonly TaggedToken[], first: number, last: number): boolean {
  const close = closerOf(tokens, first - 1);
  if (!close) return false;
  let k = last + 1;
  while (tokens[k]?.pos === 'PUNCT' && !closes(tokens, k, close)) k++;
  return closes(tokens, k, close);
}

/**
 * Texts in quotation marks of up to {@link MAX_SPAN_TOKENS} tokens, without the punctuation they end with: a name or
 * term ("new converts") rather than a quoted remark; a name when it opens with a capital, else a phrase.
 */
function quotedSpans(tokens: readonly TaggedToken[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const close = closerOf(tokens, i);
    if (!close) continue;
    const j = tokens.findIndex((_, k) => k > i && closes(tokens, k, close));
    if (j < 0) continue;
    let last = j - 1;
    while (last > i && tokens[last]!.pos === 'PUNCT') last--;
    if (last > i && last - i <= MAX_SPAN_TOKENS)
      out.push({ first: i + 1, last, kind: /^\p{Lu}/u.test(tokens[i + 1]!.text) ? 'name' : 'phrase', quoted: true });
    i = j;
  }
  return out;
}

/**
 * The spans of a tagged sentence that may answer a question: number and date entities (with their currency
 * and unit), proper-noun runs, noun phrases and quoted texts, in that order, untrimmed.
 */
export function rawCandidates(sentence: string, tagged: TaggedText): Candidate[] {
  const { tokens } = tagged;
  return [
    ...entityCandidates(sentence, tagged),
    ...properNounRuns(tokens),
    ...nounPhrases(tokens),
    ...quotedSpans(tokens),
  ];
}
