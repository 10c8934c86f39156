import { isCommonWord } from '../../language/common-words.js';
import { measureUnitAfter } from '../../language/dimensions.js';
import type { TaggedText, TaggedToken } from '../../language/tagger.js';
import { isCurrencyCode, isCurrencyWord, isUnitWord } from '../../language/unit-words.js';
import { isYearAt } from '../../language/years.js';

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

/** A span of a tagged sentence that may answer a question, by token indexes (inclusive). */
export interface Candidate {
  first: number;
  last: number;
  kind: 'date' | 'number' | 'name' | 'phrase';
  /** Only the words before a noun the question has ("rounded" of "rounded arches" for "what kind of arches"). */
  modifier?: boolean;
  /** Two numbers of a tally ("13 votes to 8"), which answers what a vote or a match was, not a count. */
  tally?: boolean;
}

/** A token that carries content: a number, or not a function word, punctuation or symbol. */
export const isContent = (t: TaggedToken) =>
  (!t.stop || t.pos === 'NUM') && t.pos !== 'PUNCT' && t.pos !== 'SYM' && /[\p{L}\p{N}]/u.test(t.text);
/**
 * A unit written after a number: a common noun ("38 metres"), or a unit the tagger takes for a name ("500 MB",
 * "12 GB").
 */
export const isUnitToken = (t: TaggedToken | undefined): t is TaggedToken =>
  t !== undefined && (t.pos === 'NOUN' || (t.pos === 'PROPN' && measureUnitAfter(t.text) !== undefined));
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

function nounPhrases(tokens: readonly TaggedToken[]): Candidate[] {
  const out: Candidate[] = [];
  const inPhrase = (t: TaggedToken) => isNoun(t) || t.pos === 'ADJ' || t.pos === 'NUM';
  for (let i = 0; i < tokens.length; i++) {
    if (!inPhrase(tokens[i]!) || isDegreeSign(tokens, i - 1)) continue;
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

/**
 * A number with the currency written before it, alone and, when a noun follows, with that unit too ("38" and
 * "38 metres", and a unit after a modifier: "2 working days"); trimming drops the unit when the question has it.
 */
function numberSpans(tokens: readonly TaggedToken[], first: number, last: number): Candidate[] {
  const from = withCurrency(tokens, first);
  let end = last;
  while (isScale(tokens, end + 1)) end++;
  if (isDegreeSign(tokens, end + 1)) end += TEMPERATURE_SCALE_RE.test(tokens[end + 2]?.text ?? '') ? 2 : 1;
  const bare: Candidate = { first: from, last: end, kind: 'number' };
  if (isPairedNumber(tokens, end)) return [bare, { ...bare, last: end + 2 }];
  const [next, second] = [tokens[end + 1], tokens[end + 2]];
  if ((next?.pos === 'ADJ' || next?.pos === 'NOUN') && second?.pos === 'NOUN' && isUnitWord(second.text)) {
    const one = next.pos === 'NOUN' ? [{ ...bare, last: end + 1 }] : [];
    return [bare, ...one, { ...bare, last: end + 2 }];
  }
  if (!isUnitToken(tokens[end + 1])) return [bare];
  const withUnit = { ...bare, last: end + 1 };
  return isTally(tokens, from, end) ? [bare, withUnit, { ...bare, last: end + 3, tally: true }] : [bare, withUnit];
}

/** Direction words that make "by 12 points to 40" a change and its level, not a tally. */
const CHANGE_VERB_RE =
  /^(?:ris|rose|fell|fall|increas|decreas|grew|grow|gain|drop|climb|jump|declin|slid|slipp|cut|lower|rais|went|gone|up|down)/iu;

/**
 * A tally written "by 13 votes to 8" or "by 3 goals to 1": "by", a number, a plural noun, "to" and a bare number, not
 * after a word of change ("rose by 12 points to 40").
 */
function isTally(tokens: readonly TaggedToken[], from: number, end: number): boolean {
  const [unit, to, other, after] = [tokens[end + 1], tokens[end + 2], tokens[end + 3], tokens[end + 4]];
  if (tokens[from - 1]?.text.toLowerCase() !== 'by' || CHANGE_VERB_RE.test(tokens[from - 2]?.text ?? '')) return false;
  const plural = unit !== undefined && unit.text.toLowerCase() !== unit.lemma.toLowerCase();
  return (
    plural &&
    to?.text.toLowerCase() === 'to' &&
    other?.pos === 'NUM' &&
    after?.pos !== 'NOUN' &&
    !isScale(tokens, end + 4)
  );
}

/** A dash written tight between two numbers ("3–1", "1991–2020"): a score or a range, one span. */
const TIGHT_DASH_RE = /^[–—-]$/u;

/** Whether the number ending at token `end` is the first of such a pair. */
function isPairedNumber(tokens: readonly TaggedToken[], end: number): boolean {
  const [dash, other] = [tokens[end + 1], tokens[end + 2]];
  return (
    dash !== undefined &&
    other !== undefined &&
    TIGHT_DASH_RE.test(dash.text) &&
    other.pos === 'NUM' &&
    dash.start === tokens[end]!.end &&
    other.start === dash.end
  );
}

/** A degree sign written after a number ("220 °C", "45°"). */
const isDegreeSign = (tokens: readonly TaggedToken[], i: number) => tokens[i]?.text === '°';
/** The scale letter after a degree sign: Celsius, Fahrenheit, kelvin. */
const TEMPERATURE_SCALE_RE = /^[CFK]$/u;

/** Words that scale a number and belong to it ("3 billion"). */
const SCALE_WORD = /^(?:thousand|million|billion|trillion|%)$/i;
/** Abbreviated scales, written against the number ("£59.1m", "€2bn"). */
const SCALE_SUFFIX = /^(?:m|mn|bn|k|tn)$/i;

/** Pence or cents written against the amount ("8.5p", "99c"). */
const PENCE_SUFFIX = /^[pc]$/u;

/** Whether the token at `i` scales the number before it or names its currency ("3,500 yuan"). */
function isScale(tokens: readonly TaggedToken[], i: number): boolean {
  const t = tokens[i];
  if (!t) return false;
  return (
    SCALE_WORD.test(t.text) ||
    isCurrencyWord(t.text) ||
    ((SCALE_SUFFIX.test(t.text) || PENCE_SUFFIX.test(t.text)) && tokens[i - 1]!.end === t.start)
  );
}

/** A currency sign written before its amount: "£", "€", "$" (also "US" or "HK" then "$"); codes ("INR", "EUR") too. */
const CURRENCY_SIGN = /^[£€¥￥$]$/;
/** A country prefix written against a dollar sign: "US$", "HK$". */
const DOLLAR_COUNTRY = /^(?:US|HK|A|C|S|NZ)$/;

/** Extends a number back over the currency written right before it ("£3.5 million", "RMB 12 billion", "HK$ 2"). */
function withCurrency(tokens: readonly TaggedToken[], first: number): number {
  let at = first;
  const before = tokens[at - 1];
  const prefix = before && (CURRENCY_SIGN.test(before.text) || isCurrencyCode(before.text));
  if (prefix && tokens[at]!.start - before.end <= 1) at--;
  const country = tokens[at - 1];
  if (tokens[at]!.text === '$' && country && DOLLAR_COUNTRY.test(country.text) && country.end === tokens[at]!.start)
    at--;
  return at;
}

/** A token that is a calendar year as written in `sentence` ("1066", "1840s"). */
function isYearToken(sentence: string, t: TaggedToken): boolean {
  const digits = /^(\d{4})s?$/.exec(t.text)?.[1];
  return digits !== undefined && isYearAt(sentence, t.start, t.start + 4, Number(digits));
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
      out.push({ first: e.first, last: e.last, kind: 'date' });
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

/**
 * The spans of a tagged sentence that may answer a question: number and date entities (with their currency
 * and unit), proper-noun runs and noun phrases, in that order, untrimmed.
 */
export function rawCandidates(sentence: string, tagged: TaggedText): Candidate[] {
  return [...entityCandidates(sentence, tagged), ...properNounRuns(tagged.tokens), ...nounPhrases(tagged.tokens)];
}
