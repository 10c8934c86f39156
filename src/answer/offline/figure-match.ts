/**
 * A number written in digits, on its own (not part of a name like "Π2", a formula like "7n2" or an ordinal), with
 * thousands separators ("10,000") and decimals; group 1 is the number, group 2 a decade's "s" ("1620s").
 */
const NUMBER_RE = /(?<![\p{L}\d.,])(\d+(?:,\d{3})*(?:\.\d+)?)(s)?(?![\p{L}\d]|[.,]\d)/gu;

import { endsSplitYear } from '../../language/years.js';

/** A century written as an ordinal ("14th century", "the 9th-century"); group 1 is its number. */
const CENTURY_RE = /\b(\d{1,2})(?:st|nd|rd|th)[\s-]+century\b/giu;
/** A century's ordinal in words, as a sentence may write it ("fourteenth century"). */
const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
  'twenty-first',
];

/** Numbers a sentence may write in words ("the Five-Year Plan", "two directions"). */
const NUMBER_WORDS =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(
    ' ',
  );
const NUMBER_WORD_RE = new RegExp(String.raw`\b(${NUMBER_WORDS.join('|')})\b`, 'giu');
/**
 * A number the question states as a claim to check, not a key to match: an amount of money or a percentage
 * ("US$100 billion", "90%"), which the answer corrects when the documents give another.
 */
const CLAIMED_BEFORE_RE = /(?:[$€£¥]|\b[A-Z]{2,3}\$?)\s?$/u;
const CLAIMED_AFTER_RE = /^\s?(?:%|percent\b|per cent\b)/iu;
/** A number that counts what the question asks for ("what 2 directions", "name 3 causes"). */
const COUNTED_RE = /\b(?:what|which|name|list|give)\s+$/iu;
/**
 * An amount or percentage the question gives as a threshold ("a claim above £500", "rates under 5%"): part of the
 * relation asked about, so the sentence must give it too, unlike an amount stated as a claim.
 */
const THRESHOLD_BEFORE_RE =
  /\b(?:above|below|under|over|exceeding|beyond|more than|less than|at least|at most|up to)\s+(?:[$€£¥]|\b[A-Z]{2,3}\$?)?\s?$/iu;

interface WrittenNumber {
  value: number;
  decade: boolean;
  /** Stated as a claim or as the count of the answers (see {@link CLAIMED_BEFORE_RE}, {@link COUNTED_RE}). */
  claim: boolean;
  /** Given as a threshold (see {@link THRESHOLD_BEFORE_RE}). */
  threshold: boolean;
  /** As written, with a currency sign before it ("£500"). */
  text: string;
  /** The word after it, its unit ("day" for "40 days"; see {@link unitAt}). */
  unit?: string | undefined;
}

function numbersIn(text: string): WrittenNumber[] {
  const plain = text.replace(CENTURY_RE, (m) => ' '.repeat(m.length));
  const numbers = [...plain.matchAll(NUMBER_RE)].filter((m) => !endsSplitYear(plain, m.index, m[1]!));
  return numbers.map((m) => {
    const before = plain.slice(0, m.index);
    const after = plain.slice(m.index + m[0].length);
    return {
      value: Number(m[1]!.replaceAll(',', '')),
      decade: m[2] !== undefined,
      claim: CLAIMED_BEFORE_RE.test(before) || CLAIMED_AFTER_RE.test(after) || COUNTED_RE.test(before),
      threshold: THRESHOLD_BEFORE_RE.test(before),
      text: `${CLAIMED_BEFORE_RE.exec(before)?.[0].trim() ?? ''}${m[0]}`,
      unit: unitAt(plain, m.index + m[0].length),
    };
  });
}

function sentenceNumbers(text: string): WrittenNumber[] {
  const words = [...text.matchAll(NUMBER_WORD_RE)].map((m) => ({
    value: NUMBER_WORDS.indexOf(m[1]!.toLowerCase()),
    decade: false,
    claim: false,
    threshold: false,
    text: m[0],
  }));
  return [...numbersIn(text), ...words];
}

/** Whether the sentence dates something in the century: by its ordinal, in digits or words, or a year within it. */
function mentionsCentury(sentence: string, century: number, values: readonly number[]): boolean {
  const ordinal = new RegExp(
    String.raw`\b(?:${century}(?:st|nd|rd|th)|${ORDINAL_WORDS[century - 1] ?? '\0'})[\s-]+century\b`,
    'iu',
  );
  return ordinal.test(sentence) || values.some((v) => v > (century - 1) * 100 && v <= century * 100);
}

const NUM = String.raw`(\d[\d,]*(?:\.\d+)?)`;
/** Two numbers of a range: "between 29 and 59", "from 2 to 5", "6–8", "10 to 14". */
const RANGE_RE = new RegExp(String.raw`${NUM}\s*(?:and|to|-|–|—)\s*${NUM}`, 'dgiu');
/** A number as an open bound: "60 days or more", "28 or fewer", "at least 3", "up to 12", "more than 5". */
const LOWER_RE = new RegExp(
  String.raw`${NUM}\s+(?:[\p{L}-]+\s+){0,2}or (?:more|over|longer|above|later)\b|\b(?:at least|more than|over|above|from)\s+${NUM}`,
  'dgiu',
);
const UPPER_RE = new RegExp(
  String.raw`${NUM}\s+(?:[\p{L}-]+\s+){0,2}or (?:fewer|less|under|shorter|below|earlier)\b|\b(?:up to|at most|no more than|fewer than|less than|under|below)\s+${NUM}`,
  'dgiu',
);
const numberOf = (s: string | undefined) => Number((s ?? '').replaceAll(',', ''));
/** The word right after a number, lower-cased and without a plural "s": its unit ("days" and "day" alike). */
const WORD_AFTER_RE = /^\s*(\p{L}+)/u;
const unitAt = (text: string, end: number) =>
  WORD_AFTER_RE.exec(text.slice(end))?.[1]?.toLowerCase().replace(/s$/u, '');

/**
 * Whether a sentence writes a range or an open bound in the unit a question's number has that takes the number in
 * ("if I cancel 40 days before" and "between 59 and 29 days before", "60 days or more"); a bound in another unit
 * ("more than 6 tablets" for "500 mg") does not, and calendar years are left to the year checks.
 */
function withinStatedRange(sentence: string, value: number, unit: string | undefined): boolean {
  if (!unit || (Number.isInteger(value) && value >= 1500 && value <= 2100)) return false;
  const inUnit = (m: RegExpMatchArray, group: number) => unitAt(sentence, m.indices![group]![1]) === unit;
  for (const m of sentence.matchAll(RANGE_RE)) {
    const [a, b] = [numberOf(m[1]), numberOf(m[2])];
    if (inUnit(m, 2) && value >= Math.min(a, b) && value <= Math.max(a, b)) return true;
  }
  const bound = (re: RegExp, holds: (v: number) => boolean) =>
    [...sentence.matchAll(re)].some((m) => {
      const group = m[1] === undefined ? 2 : 1;
      return inUnit(m, group) && holds(numberOf(m[group]));
    });
  return bound(LOWER_RE, (v) => value >= v) || bound(UPPER_RE, (v) => value <= v);
}

/** Words that set a figure against an earlier one ("to EUR 118 million from EUR 97 million in 2022", "than in 2022"). */
const AGAINST_RE = String.raw`\b(?:from|than|compared (?:with|to)|against|versus|vs\.?)\b(?:[^.;:]|\.\d){0,40}?\b`;

/**
 * Whether the sentence gives a figure for the year by setting it against the year before ("increased to EUR 118.0
 * million from EUR 97.4 million in 2022" is a figure for 2023).
 */
function comparesWithYearBefore(sentence: string, year: number): boolean {
  return year >= 1500 && year <= 2100 && new RegExp(`${AGAINST_RE}${year - 1}\\b`, 'iu').test(sentence);
}

/**
 * The first number or century the question writes in digits ("in 1169", "10000 horsepower", "the 14th century") that
 * the sentence does not give, leaving out amounts, percentages and counts of the answers (see {@link numbersIn}): the same value however it is written ("10,000"), a decade by any year within it
 * ("the 1620s": 1625), a century by its ordinal or a year within it ("the 14th century": 1418 does not fit). An amount
 * given as a threshold ("a claim above £500") must be in the sentence's passage, `context`, when one is given. A
 * number inside a range or bound the sentence states counts as given ("40 days" in "between 59 and 29 days"). A
 * number of the document's `title` counts as given: it is what the whole document is about ("release notes for
 * version 5.2").
 */
export function missingQuestionFigure(
  question: string,
  sentence: string,
  context?: string,
  title = '',
): string | undefined {
  const found = [...sentenceNumbers(sentence), ...sentenceNumbers(title)];
  const values = found.map((f) => f.value);
  for (const m of question.matchAll(CENTURY_RE)) {
    if (!mentionsCentury(sentence, Number(m[1]), values)) return m[0];
  }
  const around = context === undefined ? [] : sentenceNumbers(context).map((f) => f.value);
  for (const n of numbersIn(question)) {
    if (n.claim) {
      if (context !== undefined && n.threshold && !values.includes(n.value) && !around.includes(n.value)) return n.text;
      continue;
    }
    const fits = n.decade
      ? values.some((v) => v >= n.value && v < n.value + 10)
      : found.some((f) => f.value === n.value || (f.decade && n.value >= f.value && n.value < f.value + 10)) ||
        comparesWithYearBefore(sentence, n.value) ||
        withinStatedRange(sentence, n.value, n.unit);
    if (!fits) return `${n.value}${n.decade ? 's' : ''}`;
  }
  return undefined;
}
