import type { SentenceSpan } from '../../types.js';
import { type RawFigure, scanFigures } from './figures.js';
import { splitSentences } from './sentences.js';
import type { NumericClaim, Qualifier } from './types.js';

/** Hedges and bounds recognised just before a figure (longest first where they overlap). */
export const QUALIFIER_WORDS = [
  'nearly',
  'almost',
  'close to',
  'about',
  'around',
  'approximately',
  'roughly',
  'basically',
  'over',
  'more than',
  'exceeded',
  'exceeding',
  'exceeds',
  'exceed',
  'above',
  'at least',
  'less than',
  'under',
  'below',
  'up to',
  'at most',
];

const QUALIFIER_RE = new RegExp(String.raw`(?:^|[^\p{L}])(${QUALIFIER_WORDS.join('|')})\s+$`, 'iu');

function qualifierBefore(before: string, fig: RawFigure): Qualifier | undefined {
  const word = QUALIFIER_RE.exec(before)?.[1]?.toLowerCase();
  if (!word) return undefined;
  if (fig.unit === 'duration' && (word === 'over' || word === 'under')) return undefined;
  return (word.startsWith('exceed') ? 'exceeded' : word) as Qualifier;
}

/**
 * The year written right after a figure, or after its unit words ("96.4 million florins in 2023"): "in 2023", "(2023)",
 * "in the second quarter of 2024", "in fiscal 2024".
 */
const ATTACHED_YEAR_RE =
  /^(?:\s+(?!(?:in|during|for)\s)\p{Ll}[\p{Ll}-]*){0,2}\s+(?:in|during|for)\s+(?:(?:the\s+)?(?:(?:first|second|third|fourth)\s+(?:quarter|half)|fiscal(?:\s+year)?|financial\s+year|year)\s+(?:of\s+)?)?(\d{4})(?!\d)|^\s*\((\d{4})\)/iu;
/** A figure set against a later one ("$412.8 million, compared with $351.6 million in 2024"): the year is the other's. */
const COMPARED_RE = /^,?\s*(?:compared\s+(?:with|to)|against|versus|vs\.?|(?:up|down)\s+from)\s/iu;

function attachedYear(after: string, years: number[]): number | undefined {
  const m = ATTACHED_YEAR_RE.exec(after);
  const y = Number(m?.[1] ?? m?.[2]);
  if (m && years.includes(y)) return y;
  if (COMPARED_RE.test(after)) return undefined;
  return years.length === 1 ? years[0] : undefined;
}

/** Chinese for "the same period of the previous year was" right before a figure ("上年同期为74.15亿元"). */
const HAN_YEAR_BEFORE_RE = /(?:上年同期|上年|去年同期|去年)(?:为|是)?$/u;

/** The year before a sentence's only year, for a figure Chinese writes as last year's ("上年同期为74.15亿元"). */
function yearBefore(before: string, years: number[]): number | undefined {
  return years.length === 1 && HAN_YEAR_BEFORE_RE.test(before) ? years[0]! - 1 : undefined;
}

function claimsInSentence(sentence: SentenceSpan): NumericClaim[] {
  const figures = scanFigures(sentence.text);
  const years = [...new Set(figures.filter((f) => f.unit === 'year').map((f) => f.value))].sort((a, b) => a - b);
  return figures.map((fig) => {
    const isYear = fig.unit === 'year';
    return {
      ...fig,
      year: isYear
        ? fig.value
        : fig.unit === 'label'
          ? undefined
          : (yearBefore(sentence.text.slice(0, fig.start), years) ?? attachedYear(sentence.text.slice(fig.end), years)),
      years,
      qualifier: isYear || fig.unit === 'label' ? undefined : qualifierBefore(sentence.text.slice(0, fig.start), fig),
      start: sentence.start + fig.start,
      end: sentence.start + fig.end,
      sentence,
    };
  });
}

/**
 * Finds every numeric figure in `text`: percentages, percentage points, money, counts,
 * multiples written in digits or words ("4 times", "doubled"), spans ("five years"),
 * calendar years (unit 'year') and numerals that only name things (unit 'label':
 * ordinals such as "21st", a year in parentheses inside a quoted title).
 * Spelled-out ordinals ("First,") and "one" are not figures. Offsets are `offset` plus
 * positions in `text`, so `source.slice(start - offset, end - offset) === text` of each claim.
 */
export function extractClaims(text: string, offset = 0): NumericClaim[] {
  return splitSentences(text, offset).flatMap(claimsInSentence);
}

/** True for figures a checker should look at (not calendar years or labels). */
export function isCheckable(claim: NumericClaim): boolean {
  return claim.unit !== 'year' && claim.unit !== 'label';
}
