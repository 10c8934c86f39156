import { FALL_WORDS, RISE_WORDS } from '../../language/direction-words.js';
import type { NumericClaim } from '../../numbers/index.js';

/** A figure and the signed growth, in percent, that a sentence states for it. */
export interface StatedGrowth {
  /** The percentage as written ("11%"). */
  figure: NumericClaim;
  /** Signed growth in percent: 11 for "11% more", -3 for "down 3%". */
  value: number;
}

/** Characters a rise or fall word may stand before its percentage ("an increase of 12%", "grew by 5%"). */
const WORD_REACH = 20;

const words = (list: readonly string[]) => list.join('|');
const RISE_BEFORE_RE = new RegExp(String.raw`\b(?:${words(RISE_WORDS)})\b[^.%\d]{0,${WORD_REACH}}$`, 'i');
const FALL_BEFORE_RE = new RegExp(String.raw`\b(?:${words(FALL_WORDS)})\b[^.%\d]{0,${WORD_REACH}}$`, 'i');
/** A comparative right after a percentage: "11% more than a year ago", "5% higher", "3% up on 2022". */
const RISE_AFTER_RE = new RegExp(String.raw`^\s*(?:more|higher|greater|above|${words(RISE_WORDS)})\b`, 'i');
const FALL_AFTER_RE = new RegExp(String.raw`^\s*(?:less|fewer|lower|below|${words(FALL_WORDS)})\b`, 'i');
/** What stands between a growth and the level it reached: "rose 5% to $3 billion". */
const TO_LEVEL_RE = /^\s*,?\s*to\s*$/i;

const isPercent = (f: NumericClaim) => f.unit === '%';

/** The signed growth a percentage states, from the words around it in `text` (the sentence); null for a plain share. */
function signedGrowth(f: NumericClaim, text: string, offset: number): number | null {
  const before = text.slice(0, f.start - offset);
  const after = text.slice(f.end - offset);
  if (RISE_BEFORE_RE.test(before) || RISE_AFTER_RE.test(after)) return f.value;
  if (FALL_BEFORE_RE.test(before) || FALL_AFTER_RE.test(after)) return -f.value;
  return null;
}

/**
 * The growth a sentence states for one of its figures: a rise or fall percentage right after it with no other
 * figure between ("312 million parcels, 11% more than a year ago"), or right before it, reaching it
 * ("grew 5% to $3 billion"). `figures` are the sentence's figures in order, `text` the sentence starting at
 * `offset` in its document.
 */
export function statedGrowth(
  target: NumericClaim,
  figures: readonly NumericClaim[],
  text: string,
  offset: number,
): StatedGrowth | null {
  const at = figures.findIndex((f) => f.start === target.start);
  if (at < 0) return null;
  const next = figures.slice(at + 1).find((f) => f.unit !== 'year');
  if (next && isPercent(next)) {
    const value = signedGrowth(next, text, offset);
    if (value !== null) return { figure: next, value };
  }
  const prev = figures[at - 1];
  if (prev && isPercent(prev) && TO_LEVEL_RE.test(text.slice(prev.end - offset, target.start - offset))) {
    const value = signedGrowth(prev, text, offset);
    if (value !== null) return { figure: prev, value };
  }
  return null;
}

/** The first percentage of a sentence that states a rise or fall ("an increase of 4.6%", "11% more"), signed. */
export function firstGrowth(figures: readonly NumericClaim[], text: string, offset: number): StatedGrowth | null {
  for (const f of figures) {
    if (!isPercent(f)) continue;
    const value = signedGrowth(f, text, offset);
    if (value !== null) return { figure: f, value };
  }
  return null;
}

const isAmount = (f: NumericClaim) => f.unit === 'currency' || f.unit === 'count';
/** Words a stated change may have between its rise or fall word and its amount ("increased by", "an increase of about"). */
const CHANGE_GAP = String.raw`\s+(?:(?:by|of|about|approximately|around|nearly|almost|roughly|some|just|over)\s+){0,2}$`;
const RISE_CHANGE_RE = new RegExp(String.raw`\b(?:${words(RISE_WORDS)})${CHANGE_GAP}`, 'i');
const FALL_CHANGE_RE = new RegExp(String.raw`\b(?:${words(FALL_WORDS)})${CHANGE_GAP}`, 'i');

/**
 * The change in amount a sentence states with a rise or fall word right before it ("expenses decreased $2.2
 * million", "an increase of $53.1 million"), signed; null when no amount follows such a word that closely ("rose
 * from $200 billion to …" gives levels, not a change).
 */
export function statedChange(figures: readonly NumericClaim[], text: string, offset: number): StatedGrowth | null {
  for (const f of figures) {
    if (!isAmount(f)) continue;
    const before = text.slice(0, f.start - offset);
    if (RISE_CHANGE_RE.test(before)) return { figure: f, value: f.value };
    if (FALL_CHANGE_RE.test(before)) return { figure: f, value: -f.value };
  }
  return null;
}
