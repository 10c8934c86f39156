import type { NumericClaim } from './claims/types.js';

/** What the previous figure was called, used for "an increase of", "its proportion", lists. */
export interface NameContext {
  name: string;
  noun: string;
  sentenceStart: number;
  end: number;
}

const POSSESSIVE = /\b(?:my|our|the)\s+country['’]s\s+|\bChina['’]s\s+/gi;
const FILLER_WORDS = [
  'has', 'have', 'had', 'was', 'were', 'is', 'are', 'been', 'will', 'basically', 'nearly', 'almost', 'about', 'around',
  'roughly', 'approximately', 'over', 'more than', 'exceeded', 'increased', 'grew', 'rose', 'reached', 'totaled',
  'totalled', 'amounted', 'stood', 'accounts', 'accounted', 'account', 'for', 'from', 'to', 'by', 'of', 'at', 'in',
  'and', 'the', 'a', 'an', 'also', 'still', 'further',
];
const TRAILING_FILLER = new RegExp(String.raw`\s*\b(?:${FILLER_WORDS.join('|')})\s*$`, 'i');
const GROWTH_VERB = /\b(?:increased|grew|rose|fell|declined|decreased)\s+by\s*$|\bup\s*$/i;
const SHARE_VERB = /\b(?:accounts?|accounted|accounting)\s+for\b/i;
const MEASURES = [
  'scale', 'size', 'value', 'volume', 'number', 'proportion', 'share', 'growth rate', 'average growth rate',
  'average annual growth rate',
];
const MEASURE = new RegExp(String.raw`^(?:the\s+)?(${MEASURES.join('|')})\s+of\s+(.+)$`, 'i');
const PREFIXED_SHARE = /^(.+?)\s+the\s+(?:proportion|share)\s+of\s+(.+)$/i;
const ITS_SHARE = /^its\s+(?:proportion|share)\s+in\s+(.+)$/i;

const RELATIONS: ReadonlyArray<[RegExp, string]> = [
  [/(?:compound annual growth rate|cagr)\s+of\s*$/i, 'compound annual growth rate'],
  [/(?:year-on-year|yoy)\s+(?:increase|growth|rise)\s+of\s*$/i, 'year-on-year growth'],
  [/\b(?:an?\s+)?(?:increase|growth|rise)\s+of\s*$/i, 'growth'],
];

/** Tidies a noun phrase: no possessives, articles, "such as ..." tails or "model" suffix. */
export function cleanNoun(raw: string): string {
  const noun = raw
    .replace(POSSESSIVE, '')
    .replace(/[“”"‘’]/g, '')
    .replace(/\s+in\s+(?:my|our)\s+country\b/gi, '')
    .replace(/\bthe development of\s+/gi, '')
    .replace(/\s+such as\b.*$/i, '')
    .replace(/\b(?:the|a|an)\s+/gi, '')
    .replace(/\s+(?:model|mode)$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return noun.replace(/^([A-Z][a-z]+)\b/, (w) => (/^(?:China|Beijing|Chinese)$/.test(w) ? w : w.toLowerCase()));
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

function ofWhole(after: string): string | undefined {
  const m = /^\s+of\s+([^,.;]+)/i.exec(after)?.[1]?.trim();
  if (!m || /^that\s+of\b/i.test(m)) return undefined;
  return cleanNoun(m);
}

function fromMeasure(measure: string, noun: string, whole: string | undefined): string {
  const m = measure.toLowerCase();
  if (m === 'proportion' || m === 'share') return whole ? `share of ${noun} in ${whole}` : `share of ${noun}`;
  return `${noun} ${m}`;
}

/**
 * Names the indicator a figure measures from the words before it in its sentence,
 * e.g. "digital trade scale", "share of digital trade in service trade",
 * "cross-border e-commerce imports and exports". `prev` is the previous named figure.
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
  const whole = ofWhole(after);
  const its = ITS_SHARE.exec(core);
  if (its?.[1] && prev) return { name: `share of ${prev.noun} in ${cleanNoun(its[1])}`, noun: prev.noun };
  const prefixed = PREFIXED_SHARE.exec(core);
  if (prefixed?.[1] && prefixed[2]) {
    const noun = cleanNoun(prefixed[1]);
    return { name: `share of ${noun} in ${cleanNoun(prefixed[2])}`, noun };
  }
  const measure = MEASURE.exec(core);
  if (measure?.[1] && measure[2]) {
    const noun = cleanNoun(measure[2]);
    return { name: fromMeasure(measure[1], noun, whole), noun };
  }
  const noun = cleanNoun(core.split(/\s+/).slice(-10).join(' '));
  if (!/\p{L}/u.test(noun)) return sameSentence ?? { name: 'unnamed figure', noun: '' };
  if (SHARE_VERB.test(clause)) return { name: whole ? `share of ${noun} in ${whole}` : `share of ${noun}`, noun };
  if (GROWTH_VERB.test(clause)) return { name: `${noun} growth`, noun };
  return { name: noun, noun };
}

const LIST_MEASURE =
  /(?:the\s+)?((?:average\s+)?(?:annual\s+)?growth rates?|scales?|shares?|proportions?|values?)\s+of\s+(.+)$/i;

/**
 * Names for figures listed with "respectively" ("A, B and C ... were 31.7%, 19.6% and 17.4%
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
    const nouns = items.map(cleanNoun);
    if (nouns.some((n) => !n || n.split(' ').length > 4)) return out;
    const m = measure.toLowerCase().replace(/rates$/, 'rate').replace(/s$/, '');
    run.forEach((c, k) => out.set(c, `${nouns[k]} ${m}`));
    i += run.length - 1;
  }
  return out;
}
