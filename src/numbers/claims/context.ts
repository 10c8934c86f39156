import { FALL_WORDS, RISE_WORDS } from '../../language/direction-words.js';
import { QUALIFIER_WORDS } from './extract.js';
import type { NumericClaim } from './types.js';

/** Two figures written as "from X (in YEAR) to Y". */
export interface Pair {
  from: NumericClaim;
  to: NumericClaim;
}

/** What a figure states, judged from the words around it. */
export type Role = 'cagr' | 'growth' | 'share' | 'pp' | 'multiple' | 'amount-change' | 'duration' | 'plain';

const HEDGE_TAIL = new RegExp(String.raw`\s*\b(?:${QUALIFIER_WORDS.join('|')})\s*$`, 'i');
const CAGR_BEFORE = new RegExp(
  String.raw`(?:${[
    'compound annual growth rate',
    'compound annual growth',
    'compound growth rate',
    'cagr',
    'average annual growth rate',
    'average annual growth',
    'annual average growth rate',
    'annuali[sz]ed growth rate',
  ].join('|')})\s*(?:of|was|is|at|reached|stood at|:)?\s*$`,
  'i',
);
/** Rise and fall words as a regex alternation: a figure right after one states a change. */
const CHANGE_WORDS = [...RISE_WORDS, ...FALL_WORDS].join('|');
const GROWTH_BEFORE = new RegExp(
  String.raw`(?<!\bmade\s|\bmakes?\s)\b(${CHANGE_WORDS})\s*(?:of|by|at|was|is|reached|:)?\s*$`,
  'i',
);
const CHANGE_AMOUNT_BEFORE = new RegExp(String.raw`\b(${CHANGE_WORDS})\s+(?:of|by)\s*$`, 'i');
const YOY_AFTER = /^\s*(?:year-on-year|year on year|yoy|y-o-y)\b/i;
/** A change word that states a fall. */
const DECREASE = new RegExp(`^(?:${FALL_WORDS.join('|')})$`, 'i');
const SHARE_AFTER = /^\s+of\s+(?!which\b)/i;
const SHARE_BEFORE = /\b(?:accounts?|accounted|accounting)\s+for\s*$/i;

/** Sentence text before and after a claim. */
export function around(claim: NumericClaim): { before: string; after: string } {
  const s = claim.sentence;
  return { before: s.text.slice(0, claim.start - s.start), after: s.text.slice(claim.end - s.start) };
}

/** Classifies a figure from its unit and surrounding words; `decrease` flags falling values. */
export function roleOf(claim: NumericClaim): { role: Role; decrease: boolean } {
  const { before, after } = around(claim);
  const head = before.replace(HEDGE_TAIL, ' ');
  const change = GROWTH_BEFORE.exec(head)?.[1] ?? '';
  const decrease = DECREASE.test(change);
  switch (claim.unit) {
    case 'pp':
      return { role: 'pp', decrease };
    case 'times':
      return { role: 'multiple', decrease: false };
    case 'duration':
      return { role: 'duration', decrease: false };
    case '%':
      if (CAGR_BEFORE.test(head)) return { role: 'cagr', decrease: false };
      if (change || YOY_AFTER.test(after)) return { role: 'growth', decrease };
      if (SHARE_AFTER.test(after) || SHARE_BEFORE.test(head)) return { role: 'share', decrease: false };
      return { role: 'plain', decrease: false };
    default:
      if (!claim.words && CHANGE_AMOUNT_BEFORE.test(head)) return { role: 'amount-change', decrease };
      return { role: 'plain', decrease: false };
  }
}

function sameDimension(a: NumericClaim, b: NumericClaim): boolean {
  return a.unit === b.unit && a.currency === b.currency && !a.words && !b.words;
}

/** "from X (in 2016) to Y" pairs among a sentence's checkable figures. */
export function findPairs(claims: NumericClaim[]): Pair[] {
  const pairs: Pair[] = [];
  for (const [i, from] of claims.entries()) {
    if (!/\bfrom\s+$/i.test(around(from).before)) continue;
    const to = claims.slice(i + 1).find((c) => sameDimension(from, c));
    if (!to) continue;
    const between = from.sentence.text.slice(from.end - from.sentence.start, to.start - to.sentence.start);
    if (/^(?:\s*(?:in\s+\d{4}|\(\d{4}\)))?\s*,?\s*to\s+$/i.test(between)) pairs.push({ from, to });
  }
  return pairs;
}

/** The pair nearest to `claim` that satisfies `accept`, preferring pairs written before it. */
export function nearestPair(pairs: Pair[], claim: NumericClaim, accept: (p: Pair) => boolean): Pair | undefined {
  const ok = pairs.filter(accept);
  const before = ok.filter((p) => p.to.end <= claim.start).sort((a, b) => b.to.end - a.to.end);
  const after = ok.filter((p) => p.from.start >= claim.end).sort((a, b) => a.from.start - b.from.start);
  return before[0] ?? after[0];
}

/** "from 2016 to 2021", "2016–2021" or "between 2016 and 2021" in the sentence. */
export function yearRange(sentence: string): { startYear: number; endYear: number } | undefined {
  const m =
    /\bfrom\s+(\d{4})\s+to\s+(\d{4})\b/i.exec(sentence) ??
    /\b(\d{4})\s*[-–—]\s*(\d{4})\b/.exec(sentence) ??
    /\bbetween\s+(\d{4})\s+and\s+(\d{4})\b/i.exec(sentence);
  const startYear = Number(m?.[1]);
  const endYear = Number(m?.[2]);
  return m && endYear > startYear ? { startYear, endYear } : undefined;
}

/** True for money or plain amounts that can be an operand. */
export function isAmount(c: NumericClaim): boolean {
  return (c.unit === 'currency' || c.unit === 'count') && !c.words;
}
