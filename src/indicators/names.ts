import {
  FALL_ADVERBS,
  FALL_VERBS,
  pastForms,
  RISE_ADVERBS,
  RISE_NOUNS,
  RISE_VERBS,
} from '../language/direction-words.js';
import type { NumericClaim } from '../numbers/claims/types.js';

/** What the previous figure was called, used for "an increase of", "its proportion", lists. */
export interface NameContext {
  name: string;
  noun: string;
  sentenceStart: number;
  end: number;
}

/** A possessive naming whose figure it is: "the nation's", "our region's", "Ruritania's", "the Northern Isles'". */
const OWNER_WORDS = 'country|nation|region|state|province|city|economy|company|firm|group|government';
const POSSESSIVE = new RegExp(
  String.raw`(?:\b(?:[Mm]y|[Oo]ur|[Yy]our|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er|[Tt]he|[Tt]his)\s+(?:${OWNER_WORDS})['’]s\s+)|(?:(?<![\p{L}\p{N}])\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*(?:['’]s|s['’])\s+)`,
  'gu',
);
/** "... in our nation", "... in the region": the place is the figure's region, not part of its name. */
const IN_OWNER = new RegExp(String.raw`\s+in\s+(?:my|our|your|their|the|this)\s+(?:${OWNER_WORDS})\b`, 'gi');
/** Past forms of the rise and fall verbs: "increased", "grew", "fell", "dropped". */
const CHANGE_PAST_FORMS = pastForms([...RISE_VERBS, ...FALL_VERBS]);
/** Words that can stand between a figure's name and the figure: "exports (have) (grown) (by) (about)". */
const FILLER_WORDS = [
  'has',
  'have',
  'had',
  'was',
  'were',
  'is',
  'are',
  'been',
  'will',
  'basically',
  'nearly',
  'almost',
  'about',
  'around',
  'roughly',
  'approximately',
  'over',
  'more than',
  'exceeded',
  'reached',
  'totaled',
  'totalled',
  'amounted',
  'stood',
  'accounts',
  'accounted',
  'account',
  'for',
  'from',
  'to',
  'by',
  'of',
  'at',
  'in',
  'and',
  'the',
  'a',
  'an',
  'also',
  'still',
  'further',
  ...CHANGE_PAST_FORMS,
];
const TRAILING_FILLER = new RegExp(String.raw`\s*\b(?:${FILLER_WORDS.join('|')})\s*$`, 'i');
/** "up" and "down" before a figure. */
const DIRECTION_ADVERBS = [...RISE_ADVERBS, ...FALL_ADVERBS];
/** A change verb and "by", or a direction adverb, just before a figure: "exports grew by", "sales fell by", "up". */
const GROWTH_VERB = new RegExp(
  String.raw`\b(?:${CHANGE_PAST_FORMS.join('|')})\s+by\s*$|\b(?:${DIRECTION_ADVERBS.join('|')})\s*$`,
  'i',
);
const SHARE_VERB = /\b(?:accounts?|accounted|accounting)\s+for\b/i;
const MEASURES = [
  'scale',
  'size',
  'value',
  'volume',
  'number',
  'proportion',
  'share',
  'growth rate',
  'average growth rate',
  'average annual growth rate',
];
const MEASURE = new RegExp(String.raw`^(?:the\s+)?(${MEASURES.join('|')})\s+of\s+(.+)$`, 'i');
const PREFIXED_SHARE = /^(.+?)\s+the\s+(?:proportion|share)\s+of\s+(.+)$/i;
const ITS_SHARE = /^its\s+(?:proportion|share)\s+in\s+(.+)$/i;

const RELATIONS: ReadonlyArray<[RegExp, string]> = [
  [/(?:compound annual growth rate|cagr)\s+of\s*$/i, 'compound annual growth rate'],
  [new RegExp(String.raw`(?:year-on-year|yoy)\s+(?:${RISE_NOUNS.join('|')})\s+of\s*$`, 'i'), 'year-on-year growth'],
  [new RegExp(String.raw`\b(?:an?\s+)?(?:${RISE_NOUNS.join('|')})\s+of\s*$`, 'i'), 'growth'],
];

/**
 * Tidies a noun phrase: no possessives, articles, "such as ..." tails or "model" suffix. The
 * first word is lower-cased when `sentence` starts with it (a capital only because it opens
 * the sentence); otherwise its case is kept as written ("ICT", "Ruritania", "Northern Isles").
 */
export function cleanNoun(raw: string, sentence?: string): string {
  const noun = raw
    .replace(POSSESSIVE, '')
    .replace(/[“”"‘’]/g, '')
    .replace(IN_OWNER, '')
    .replace(/\bthe development of\s+/gi, '')
    .replace(/\s+such as\b.*$/i, '')
    .replace(/\b(?:the|a|an)\s+/gi, '')
    .replace(/\s+(?:model|mode)$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return noun.replace(/^(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}])/u, (w) =>
    opensSentence(w, raw, sentence) ? w.toLowerCase() : w,
  );
}

/**
 * Whether a capitalised word `w` is capitalised only because it opens a sentence or clause:
 * it opens `sentence` (when known) or, without a sentence, the raw phrase; a run of capitalised
 * words ("Northern Isles") is a name either way.
 */
function opensSentence(w: string, raw: string, sentence: string | undefined): boolean {
  const text = (sentence ?? raw).replace(/^[\s“”"‘’'(]+/u, '');
  if (!text.startsWith(w)) return false;
  return !/^\s+\p{Lu}/u.test(text.slice(w.length));
}

function stripFiller(clause: string): string {
  let s = clause.trim();
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(TRAILING_FILLER, '').trim();
  }
  return s.replace(/^(?:and|but|while|with|which|that|so)\s+/i, '').trim();
}

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

const LIST_MEASURE =
  /(?:the\s+)?((?:average\s+)?(?:annual\s+)?growth rates?|scales?|shares?|proportions?|values?)\s+of\s+(.+)$/i;

/**
 * Names for figures listed with "respectively" ("A, B and C ... were 12.5%, 9% and 4.2%
 * respectively"), pairing each figure with its list item. Returns an empty map when the
 * items cannot be matched one to one.
 */
export function respectivelyNames(sentenceClaims: NumericClaim[]): Map<NumericClaim, string> {
  const out = new Map<NumericClaim, string>();
  const first = sentenceClaims[0];
  if (!first || !/\brespectively\b/i.test(first.sentence.text)) return out;
  const s = first.sentence;
  for (let i = 0; i < sentenceClaims.length; i++) {
    const run = [sentenceClaims[i] as NumericClaim];
    for (let j = i + 1; j < sentenceClaims.length; j++) {
      const a = run[run.length - 1] as NumericClaim;
      const b = sentenceClaims[j] as NumericClaim;
      if (b.unit !== a.unit || !/^\s*,?\s*(?:and\s+)?$/i.test(s.text.slice(a.end - s.start, b.start - s.start))) break;
      run.push(b);
    }
    const last = run[run.length - 1] as NumericClaim;
    if (run.length < 2 || !/^\s*respectively\b/i.test(s.text.slice(last.end - s.start))) continue;
    const segments = s.text
      .slice(0, run[0]!.start - s.start)
      .split(/,\s*|\s+and\s+/)
      .map((x) => x.trim())
      .filter(Boolean);
    const items = segments.slice(-run.length);
    if (items.length < run.length) return out;
    let measure: string | undefined;
    const lead = LIST_MEASURE.exec(items[0] ?? '');
    if (lead?.[1] && lead[2]) {
      measure = lead[1];
      items[0] = lead[2];
      items[items.length - 1] = stripFiller(items[items.length - 1] ?? '');
    } else {
      const split = /^(.+?)\s+(the\s+.+)$/i.exec(items[items.length - 1] ?? '');
      const m = split?.[2] ? MEASURE.exec(stripFiller(split[2])) : null;
      if (!split?.[1] || !m?.[1]) return out;
      measure = m[1];
      items[items.length - 1] = split[1];
    }
    const nouns = items.map((item) => cleanNoun(item, s.text));
    if (nouns.some((n) => !n || n.split(' ').length > 4)) return out;
    const m = measure
      .toLowerCase()
      .replace(/rates$/, 'rate')
      .replace(/s$/, '');
    for (const [k, c] of run.entries()) out.set(c, `${nouns[k]} ${m}`);
    i += run.length - 1;
  }
  return out;
}
