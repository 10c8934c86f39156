import { FALL_VERBS, pastForms, RISE_VERBS } from '../language/direction-words.js';

/** A possessive naming whose figure it is: "the nation's", "our region's", "Ruritania's", "the Northern Isles'". */
const OWNER_WORDS = 'country|nation|region|state|province|city|economy|company|firm|group|government';
const POSSESSIVE = new RegExp(
  String.raw`(?:\b(?:[Mm]y|[Oo]ur|[Yy]our|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er|[Tt]he|[Tt]his)\s+(?:${OWNER_WORDS})['’]s\s+)|(?:(?<![\p{L}\p{N}])\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*(?:['’]s|s['’])\s+)`,
  'gu',
);
/** "... in our nation", "... in the region": the place is the figure's region, not part of its name. */
const IN_OWNER = new RegExp(String.raw`\s+in\s+(?:my|our|your|their|the|this)\s+(?:${OWNER_WORDS})\b`, 'gi');
/** Past forms of the rise and fall verbs: "increased", "grew", "fell", "dropped". */
export const CHANGE_PAST_FORMS = pastForms([...RISE_VERBS, ...FALL_VERBS]);
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
/** "the <measure> of <noun>": "the share of rail freight", "growth rate of exports" (measure, noun). */
export const MEASURE = new RegExp(String.raw`^(?:the\s+)?(${MEASURES.join('|')})\s+of\s+(.+)$`, 'i');

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

/** The clause without trailing filler words ("have grown by about") and a leading conjunction ("and", "while"). */
export function stripFiller(clause: string): string {
  let s = clause.trim();
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(TRAILING_FILLER, '').trim();
  }
  return s.replace(/^(?:and|but|while|with|which|that|so)\s+/i, '').trim();
}
