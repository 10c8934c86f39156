import { type Dimension, measureUnitAfter, unitDimension } from '../../language/dimensions.js';
import { FALL_WORDS, RISE_WORDS } from '../../language/direction-words.js';
import type { TaggedToken } from '../../language/tagger.js';
import { isCurrencyCode, isCurrencyWord, isUnitWord } from '../../language/unit-words.js';
import type { Candidate } from './candidate.js';

/* Number spans of a tagged sentence: a number with its currency, scale, unit, or the other number of a score or tally. */

/**
 * A unit written after a number: a common noun ("38 metres"), or a unit the tagger takes for a name ("500 MB",
 * "12 GB").
 */
export const isUnitToken = (t: TaggedToken | undefined): t is TaggedToken =>
  t !== undefined && (t.pos === 'NOUN' || (t.pos === 'PROPN' && measureUnitAfter(t.text) !== undefined));
/** Whether a number span is an amount of money: a currency sign, code or word is one of its tokens ("£3,000"). */
export const isMoneySpan = (span: readonly TaggedToken[]) =>
  span.some((t) => CURRENCY_SIGN.test(t.text) || isCurrencyCode(t.text) || isCurrencyWord(t.text));

/**
 * The dimension a number span's unit measures ("1.1 kg" mass, "80 °C" temperature, "£3,000" money), its own or the
 * one written right after it ("1.7" of "1.7 litres"), if any.
 */
export function unitDimensionOf(tokens: readonly TaggedToken[], c: Candidate): Dimension | undefined {
  const span = tokens.slice(c.first, c.last + 2);
  if (span.some((t) => t.text === '°')) return 'temperature';
  if (isMoneySpan(tokens.slice(c.first, c.last + 1))) return 'money';
  const own = c.last > c.first ? unitDimension(tokens[c.last]!.text) : undefined;
  return own ?? (tokens[c.last]?.pos === 'NUM' ? unitDimension(tokens[c.last + 1]?.text ?? '') : undefined);
}

/**
 * A number with the currency written before it, alone and, when a noun follows, with that unit too ("38" and
 * "38 metres", and a unit after a modifier: "2 working days"); trimming drops the unit when the question has it.
 */
export function numberSpans(tokens: readonly TaggedToken[], first: number, last: number): Candidate[] {
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

/** Rise and fall words, which make "rose by 12 points to 40" a change and its level, not a tally. */
const DIRECTION_WORDS: ReadonlySet<string> = new Set([...RISE_WORDS, ...FALL_WORDS].map((w) => w.toLowerCase()));

/**
 * A tally written "by 13 votes to 8" or "by 3 goals to 1": "by", a number, a plural noun, "to" and a bare number, not
 * after a word of change ("rose by 12 points to 40").
 */
function isTally(tokens: readonly TaggedToken[], from: number, end: number): boolean {
  const [unit, to, other, after] = [tokens[end + 1], tokens[end + 2], tokens[end + 3], tokens[end + 4]];
  if (tokens[from - 1]?.text.toLowerCase() !== 'by' || DIRECTION_WORDS.has(tokens[from - 2]?.text.toLowerCase() ?? ''))
    return false;
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
export const isDegreeSign = (tokens: readonly TaggedToken[], i: number) => tokens[i]?.text === '°';
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
