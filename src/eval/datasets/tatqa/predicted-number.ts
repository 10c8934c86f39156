import type { Check } from '../../../answer/schema.js';
import { firstSentence } from '../../scoring/answer-text.js';
import { nfkc } from '../../scoring/text.js';
import type { TatqaScale } from './dataset.js';

/** A number read from a response, in its own scale. */
export interface PredictedNumber {
  value: number;
  scale: TatqaScale;
  /** `check`: the first computed calculator check; `text`: the first number of the answer's first sentence. */
  source: 'check' | 'text';
  /** What it was read from: the check's display, or the number as written (with its scale word). */
  raw: string;
}

/** A calculator check as the reader sees it (`unit` when the transport carries it). */
export type CheckLike = Pick<Check, 'status' | 'value' | 'display'> & { unit?: string | null };

const SCALE_WORDS: ReadonlyArray<[RegExp, TatqaScale]> = [
  [/(?<![a-z])(?:thousands?|k)(?![a-z])/i, 'thousand'],
  [/(?<![a-z])(?:millions?|mn|mln|m)(?![a-z])/i, 'million'],
  [/(?<![a-z])(?:billions?|bn)(?![a-z])/i, 'billion'],
];

/** The scale a calculator unit or display names: `%`/`pp` percent; thousand/million/billion (or k, m, bn); else none. */
export function scaleOfUnit(text: string | null | undefined): TatqaScale {
  if (!text) return '';
  const t = nfkc(text).trim();
  if (/%|\bpp\b|percent|per cent|percentage points?/i.test(t)) return 'percent';
  for (const [re, scale] of SCALE_WORDS) if (re.test(t)) return scale;
  return '';
}

/** Prediction (1): the first check with status `computed` and a value, its scale from `unit` or else `display`. */
export function numberFromChecks(checks: readonly CheckLike[]): PredictedNumber | null {
  const c = checks.find((x) => x.status === 'computed' && typeof x.value === 'number' && Number.isFinite(x.value));
  if (!c || c.value === null) return null;
  const fromUnit = scaleOfUnit(c.unit);
  return {
    value: c.value,
    scale: fromUnit || scaleOfUnit(c.display),
    source: 'check',
    raw: c.display ?? String(c.value),
  };
}

// A number with an optional sign or opening parenthesis, currency, thousands separators and decimals,
// then an optional closing parenthesis and a scale word or `%`.
const NUMBER_IN_TEXT = new RegExp(
  String.raw`(?<![\p{L}\p{N}.])(?<minus>[-−]\s*)?(?<open>\()?\s*(?:US\$|HK\$|A\$|C\$|S\$|\$|€|£|¥|USD|EUR|GBP|RMB)?\s*` +
    String.raw`(?<num>\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(?<frac>\.\d+)?(?![\d])` +
    String.raw`(?<close>\s*\))?` +
    String.raw`(?<scale>\s*(?:%|per\s?cent\b|percentage points?\b|pp\b|thousands?\b|millions?\b|billions?\b|mn\b|mln\b|bn\b|k\b|m\b))?`,
  'giu',
);

/**
 * Prediction (2): the first number in the answer's first sentence (citation markers removed). Its sign
 * comes from a leading minus or enclosing parentheses (`(361)` is -361), its scale from a word right after
 * it (thousand, million, billion, k, m, bn) or `%` (percent). Years (four digits from 1900 to 2100 with no
 * `%` or scale word) are skipped: they name the period, not the answer.
 */
export function numberFromText(answer: string): PredictedNumber | null {
  const sentence = nfkc(firstSentence(answer));
  for (const m of sentence.matchAll(NUMBER_IN_TEXT)) {
    const g = m.groups ?? {};
    const digits = `${(g.num ?? '').replace(/,/g, '')}${g.frac ?? ''}`;
    const unsigned = Number(digits);
    if (!Number.isFinite(unsigned)) continue;
    const scaleWord = g.scale?.trim() ?? '';
    if (!scaleWord && !g.frac && /^\d{4}$/.test(g.num ?? '') && unsigned >= 1900 && unsigned <= 2100) continue;
    const parenthesised = g.open !== undefined && g.close !== undefined;
    const negative = g.minus !== undefined || parenthesised;
    return { value: negative ? -unsigned : unsigned, scale: scaleOfUnit(scaleWord), source: 'text', raw: m[0].trim() };
  }
  return null;
}

/** The predicted number of a response: from its checks when one was computed, else from its answer's text. */
export function predictedNumber(response: { checks: readonly CheckLike[]; answer: string }): PredictedNumber | null {
  return numberFromChecks(response.checks) ?? numberFromText(response.answer);
}
