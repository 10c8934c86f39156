import type { QuestionAnalysis } from '../question/question.js';
import { type Figure, isPercent, labelledFigures } from './numeric-operands.js';
import { partnerOf } from './operand-pairs.js';

/**
 * Two percentages of one sentence for the first and the last of the question's years, earlier year first: each dated
 * with its year, or one dated and the sentence's only other percentage taken for the other year the sentence writes
 * ("fell to 14.8% of the water put into supply in 2023, from 18.1% in 2022"). For a question about one year, the
 * year before it is the first, when the sentence writes it. The best-ranked such sentence wins.
 */
export function yearPercentPair(q: QuestionAnalysis, figs: readonly Figure[]): [Figure, Figure] | null {
  if (!q.years.length) return null;
  const last = q.years[q.years.length - 1]!;
  const first = q.years.length >= 2 ? q.years[0]! : last - 1;
  for (const source of new Set(figs.map((f) => f.source))) {
    if (q.years.length === 1 && !source.years.includes(first)) continue;
    const percents = figs.filter((f) => f.source === source && isPercent(f));
    const a = percents.find((f) => f.year === first);
    const b = percents.find((f) => f.year === last);
    if (a && b) return [a, b];
    const undated = percents.filter((f) => f.year === undefined);
    if ((a || b) && undated.length === 1 && percents.length === 2) {
      const other = a ? last : first;
      if (!source.years.includes(other)) continue;
      const dated = { ...undated[0]!, year: other };
      return a ? [a, dated] : [dated, b!];
    }
  }
  return null;
}

/** What comes between a percentage and the earlier one it is set against ("37% of pupils …, down from 58%"). */
const BACK_FROM_RE = /^[^%]*\b(?:down|up) from\s*$/u;

/**
 * Two percentages of one sentence written "from X% to Y%", or "Y% …, down (or up) from X%", as X then Y; the best
 * sentence's pair first.
 */
export function percentPair(figs: readonly Figure[]): [Figure, Figure] | null {
  for (const f of figs.filter(isPercent)) {
    const between = (x: Figure) => f.source.text.slice(f.end - f.source.start, x.start - f.source.start);
    const later = figs.filter((x) => isPercent(x) && x.source === f.source && x.start > f.end);
    const to = later.find((x) => /^\s*to\s*$/.test(between(x)));
    if (to) return [f, to];
    const from = later.find((x) => BACK_FROM_RE.test(between(x)));
    if (from) return [from, f];
  }
  return null;
}

/**
 * A percentage the question states and the one it is set against ("how many points short of the national average
 * is the port’s 38% share?"), smaller first, so that the gap comes out positive.
 */
export function statedGap(q: QuestionAnalysis, figs: readonly Figure[]): [Figure, Figure] | null {
  const stated = questionPercent(q, figs)?.figure;
  if (!stated) return null;
  const labelled = labelledFigures(figs, isPercent);
  const anchor = labelled.find((f) => f.figure === stated)!;
  const other = partnerOf(q.factual, anchor, labelled)?.figure;
  if (!other) return null;
  return stated.value < other.value ? [stated, other] : [other, stated];
}

const PERCENT_RE = /(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)/gi;

/** A percentage the question itself states ("if it is 18% of ..."), with the passage figure equal to it. */
export function questionPercent(
  q: QuestionAnalysis,
  figs: readonly Figure[],
): { value: number; figure?: Figure } | null {
  for (const m of q.factual.matchAll(PERCENT_RE)) {
    const value = Number(m[1]);
    const figure = figs.find((f) => isPercent(f) && f.value === value);
    return figure ? { value, figure } : { value };
  }
  return null;
}
