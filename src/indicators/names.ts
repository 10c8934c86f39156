import { FALL_ADVERBS, RISE_ADVERBS, RISE_NOUNS } from '../language/direction-words.js';
import type { NumericClaim } from '../numbers/claims/types.js';
import { CHANGE_PAST_FORMS, cleanNoun, MEASURE, stripFiller } from './noun-phrases.js';

/** What the previous figure was called, used for "an increase of", "its proportion", lists. */
export interface NameContext {
  name: string;
  noun: string;
  sentenceStart: number;
  end: number;
}

/** "up" and "down" before a figure. */
const DIRECTION_ADVERBS = [...RISE_ADVERBS, ...FALL_ADVERBS];
/** A change verb and "by", or a direction adverb, just before a figure: "exports grew by", "sales fell by", "up". */
const GROWTH_VERB = new RegExp(
  String.raw`\b(?:${CHANGE_PAST_FORMS.join('|')})\s+by\s*$|\b(?:${DIRECTION_ADVERBS.join('|')})\s*$`,
  'i',
);
const SHARE_VERB = /\b(?:accounts?|accounted|accounting)\s+for\b/i;
const PREFIXED_SHARE = /^(.+?)\s+the\s+(?:proportion|share)\s+of\s+(.+)$/i;
const ITS_SHARE = /^its\s+(?:proportion|share)\s+in\s+(.+)$/i;

const RELATIONS: ReadonlyArray<[RegExp, string]> = [
  [/(?:compound annual growth rate|cagr)\s+of\s*$/i, 'compound annual growth rate'],
  [new RegExp(String.raw`(?:year-on-year|yoy)\s+(?:${RISE_NOUNS.join('|')})\s+of\s*$`, 'i'), 'year-on-year growth'],
  [new RegExp(String.raw`\b(?:an?\s+)?(?:${RISE_NOUNS.join('|')})\s+of\s*$`, 'i'), 'growth'],
];

function lastClause(before: string): string {
  const cut = Math.max(...[',', ';', ':', ' but '].map((sep) => before.lastIndexOf(sep)));
  return before.slice(cut + 1);
}

function ofWhole(after: string, sentence: string): string | undefined {
  const m = /^\s+of\s+([^,.;]+)/i.exec(after)?.[1]?.trim();
  if (!m || /^that\s+of\b/i.test(m)) return undefined;
  return cleanNoun(m, sentence);
}

function fromMeasure(measure: string, noun: string, whole: string | undefined): string {
  const m = measure.toLowerCase();
  if (m === 'proportion' || m === 'share') return whole ? `share of ${noun} in ${whole}` : `share of ${noun}`;
  return `${noun} ${m}`;
}

/**
 * Names the indicator a figure measures from the words before it in its sentence,
 * e.g. "freight volume", "share of rail freight in total freight",
 * "wool imports and exports". `prev` is the previous named figure.
 */
export function indicatorName(claim: NumericClaim, prev: NameContext | undefined): { name: string; noun: string } {
  const s = claim.sentence;
  const before = s.text.slice(0, claim.start - s.start);
  const after = s.text.slice(claim.end - s.start);
  const sameSentence = prev && prev.sentenceStart === s.start ? prev : undefined;

  if (sameSentence) {
    const gap = s.text.slice(sameSentence.end - s.start, claim.start - s.start);
    if (/^(?:\s+in\s+\d{4})?\s*,?\s*(?:to|and|or)?\s*$/i.test(gap)) return sameSentence;
  }
  const clause = lastClause(before);
  if (sameSentence) {
    const relation = RELATIONS.find(([re]) => re.test(clause));
    if (relation) return { name: `${sameSentence.noun} ${relation[1]}`, noun: sameSentence.noun };
    if (/\b(?:global|world)\s+average\s+of\s*$/i.test(clause)) {
      return { name: `${sameSentence.name} (world average)`, noun: sameSentence.noun };
    }
    const tail = /^\s+of\s+that\s+of\s+(?:the\s+)?([^,.;]+)/i.exec(after)?.[1]?.trim();
    if (tail) return { name: `${sameSentence.name} relative to ${tail}`, noun: sameSentence.noun };
  }

  const core = stripFiller(clause);
  const whole = ofWhole(after, s.text);
  const its = ITS_SHARE.exec(core);
  if (its?.[1] && prev) return { name: `share of ${prev.noun} in ${cleanNoun(its[1], s.text)}`, noun: prev.noun };
  const prefixed = PREFIXED_SHARE.exec(core);
  if (prefixed?.[1] && prefixed[2]) {
    const noun = cleanNoun(prefixed[1], s.text);
    return { name: `share of ${noun} in ${cleanNoun(prefixed[2], s.text)}`, noun };
  }
  const measure = MEASURE.exec(core);
  if (measure?.[1] && measure[2]) {
    const noun = cleanNoun(measure[2], s.text);
    return { name: fromMeasure(measure[1], noun, whole), noun };
  }
  const noun = cleanNoun(core.split(/\s+/).slice(-10).join(' '), s.text);
  if (!/\p{L}/u.test(noun)) return sameSentence ?? { name: 'unnamed figure', noun: '' };
  if (SHARE_VERB.test(clause)) return { name: whole ? `share of ${noun} in ${whole}` : `share of ${noun}`, noun };
  if (GROWTH_VERB.test(clause)) return { name: `${noun} growth`, noun };
  return { name: noun, noun };
}
