import { askedDimension, unitAfter } from '../../language/dimensions.js';
import type { CalcOp, NumericClaim } from '../../numbers/index.js';
import { tokenize } from '../../retrieval/tokenizer.js';
import { sameKind } from '../grounding/figure-labels.js';
import type { QuestionAnalysis } from '../question/question.js';
import type { EvidenceSentence, ScoredSentence } from './evidence.js';
import { labelledPair, perUnitPair } from './operand-pairs.js';

/* Operands for a calculation from the figures of the best sentences: pairs of amounts, series over years, parts and wholes. */

/** A figure of an evidence sentence, with the sentence and the sentence's rank. */
export type Figure = NumericClaim & { source: EvidenceSentence; rank: number };

/** The figures `keep` accepts, as operand pairing reads them: each with its sentence, and itself as `figure`. */
export function labelledFigures(figs: readonly Figure[], keep: (f: NumericClaim) => boolean) {
  return figs
    .filter(keep)
    .map((f) => ({ ...f, sentenceText: f.source.text, sentenceStart: f.source.start, figure: f }));
}

/** The two figures of a rate the question asks for ("goals per match", see {@link perUnitPair}), and its unit. */
export function rateOperands(
  q: QuestionAnalysis,
  figs: readonly Figure[],
): { pair: [Figure, Figure]; unit: string } | null {
  const found = perUnitPair(
    q.factual,
    labelledFigures(figs, () => true),
  );
  return found && { pair: [found.pair[0].figure, found.pair[1].figure], unit: found.unit };
}

/** Two figures the question's own words tell apart (see {@link labelledPair}), when the year-based pairing finds none. */
export function wordedPair(
  q: QuestionAnalysis,
  figs: readonly Figure[],
  keep: (f: NumericClaim) => boolean,
): [Figure, Figure] | null {
  const pair = labelledPair(q.factual, labelledFigures(figs, keep));
  return pair && [pair[0].figure, pair[1].figure];
}

/** Text before the first figure of a "from X to Y" pair. */
const FROM_RE = /\bfrom\s+$/iu;
/** Text between the two figures: at most a short label of the first ("in the placebo group"), then "to". */
const TO_RE = /^[^\d.;:!?]{0,40}?\bto\s+$/iu;

/**
 * The "from X to Y" figures of the best sentence, when it writes such a pair ("admissions fell from 88 in the placebo
 * group to 51"), in that order: operands the sentence itself pairs.
 */
export function fromToPair(figs: readonly Figure[]): [Figure, Figure] | null {
  const own = figs.filter((f) => f.rank === 0).sort((a, b) => a.start - b.start);
  const source = own[0]?.source;
  if (!source) return null;
  const at = (i: number) => i - source.start;
  for (const [i, a] of own.entries()) {
    const b = own[i + 1];
    if (!b || !sameKind(a, b) || !FROM_RE.test(source.text.slice(0, at(a.start)))) continue;
    if (TO_RE.test(source.text.slice(at(a.end), at(b.start)))) return [a, b];
  }
  return null;
}

/** A money figure, or a count with a scale ("3.2 million passengers"). */
export const isAmount = (f: NumericClaim) => f.unit === 'currency' || (f.unit === 'count' && f.scale !== undefined);
/** A percentage. */
export const isPercent = (f: NumericClaim) => f.unit === '%';

/** The figures of the best `limit` sentences, each with its sentence and that sentence's rank. */
export function figures(scored: readonly ScoredSentence[], limit = 12): Figure[] {
  return scored
    .slice(0, limit)
    .flatMap((s, rank) => s.sentence.figures.map((f) => ({ ...f, source: s.sentence, rank })));
}

function compatible(a: NumericClaim, b: NumericClaim): boolean {
  return a.unit === b.unit && (a.currency ?? null) === (b.currency ?? null);
}

/** Two amounts of one series: by the question's years when given, else the best sentence's first and last. */
export function amountPair(q: QuestionAnalysis, figs: readonly Figure[]): [Figure, Figure] | null {
  const amounts = figs.filter(
    (f) => isAmount(f) || (f.unit === 'count' && f.year !== undefined && q.years.includes(f.year)),
  );
  const byYear = (y: number) => amounts.find((f) => f.year === y);
  if (q.years.length >= 2) {
    const first = q.years[0]!;
    const last = q.years[q.years.length - 1]!;
    for (const a of amounts.filter((f) => f.year === first)) {
      const b =
        amounts.find((f) => f.year === last && compatible(a, f) && f.source === a.source) ??
        amounts.find((f) => f.year === last && compatible(a, f));
      if (b) return [a, b];
    }
    const a = byYear(first);
    const b = byYear(last);
    return a && b && compatible(a, b) ? [a, b] : null;
  }
  for (const f of amounts) {
    const partner = amounts.find(
      (g) =>
        g !== f &&
        g.source === f.source &&
        compatible(f, g) &&
        g.year !== undefined &&
        f.year !== undefined &&
        g.year !== f.year,
    );
    if (partner) return (f.year ?? 0) < (partner.year ?? 0) ? [f, partner] : [partner, f];
  }
  return q.years.length === 1 ? yearAgainstYearBefore(q.years[0]!, amounts) : null;
}

/**
 * For a question about one year, a sentence that sets its only undated amount against one of the year before
 * ("revenue was $412.8 million, compared with $351.6 million in the second quarter of 2024" for 2025): the earlier
 * amount first, the undated one taken for the year asked.
 */
function yearAgainstYearBefore(year: number, amounts: readonly Figure[]): [Figure, Figure] | null {
  for (const before of amounts.filter((f) => f.year === year - 1)) {
    const others = amounts.filter((f) => f.source === before.source && f !== before && compatible(f, before));
    const undated = others.filter((f) => f.year === undefined);
    if (others.length === 1 && undated.length === 1) return [before, { ...undated[0]!, year }];
  }
  return null;
}

/** The question names a quantity written in percent (a margin, a rate, a share). */
const PERCENT_SERIES_RE = /%|\bpercent|\bper cent\b|\b(?:margins?|rates?|shares?|proportions?|ratios?|yields?)\b/i;

/**
 * Compatible amounts or percentages to average or add, best sentence first (its amounts before its
 * percentages, or the other way round when the question names a percentage such as a margin). With two or more question years, one figure per year, paired as {@link amountPair}
 * pairs (from the first figure's sentence when it has one; a percentage only from the same passage,
 * percentages of different passages rarely measure one thing). Otherwise the compatible figures of the
 * best sentence with figures (of the question's one year, when it names one and the sentence names any), at least two.
 */
export function series(q: QuestionAnalysis, figs: readonly Figure[]): Figure[] | null {
  const percents = PERCENT_SERIES_RE.test(q.factual);
  const usable = figs
    .filter(
      (f) => isAmount(f) || isPercent(f) || (f.unit === 'count' && f.year !== undefined && q.years.includes(f.year)),
    )
    .sort((a, b) => a.rank - b.rank || Number(isPercent(a) !== percents) - Number(isPercent(b) !== percents));
  if (q.years.length >= 2) {
    const [first, ...rest] = q.years;
    for (const a of usable.filter((f) => f.year === first)) {
      const partners = usable.filter((f) => compatible(a, f) && (!isPercent(a) || f.source.chunk === a.source.chunk));
      const others = rest.map(
        (y) => partners.find((f) => f.year === y && f.source === a.source) ?? partners.find((f) => f.year === y),
      );
      if (others.every((f): f is Figure => f !== undefined)) return [a, ...others];
    }
    return null;
  }
  const best = usable[0]?.source;
  const inYear = (f: Figure) => !q.years.length || f.year === q.years[0] || f.source.years.length === 0;
  const inBest = usable.filter((f) => f.source === best && inYear(f));
  for (const f of inBest) {
    const same = inBest.filter((g) => compatible(f, g));
    if (same.length >= 2) return same;
  }
  return null;
}

const WHOLE_YEAR_RE =
  /\bof (?:the |its |their )?((?:19|20)\d\d)(?:['’]s)?(?:\s+(?:level|value|figure|amount|total|size|scale))?\b/i;

/** Part and whole of a share: the year written as "of the 2020 level" is the whole, else the later year. */
export function partWhole(q: QuestionAnalysis, pair: [Figure, Figure]): [Figure, Figure] {
  const wholeYear = Number(WHOLE_YEAR_RE.exec(q.factual)?.[1]);
  return pair[0].year === wholeYear ? [pair[1], pair[0]] : pair;
}

/**
 * For "how many times longer / how much heavier is A than B", the pair told apart by the question's words among the
 * figures written with a unit of that dimension ("604 metres", "118 metres"), not among every count nearby; null
 * unless both are in the same unit (the calculator does not convert kilometres to metres).
 */
export function measuredPair(q: QuestionAnalysis, op: CalcOp, figs: readonly Figure[]): [Figure, Figure] | null {
  const dimension = op === 'ratio' || op === 'difference' ? askedDimension(q.factual) : undefined;
  if (!dimension) return null;
  const units = new Map(figs.map((f) => [f, unitAfter(f.source.text.slice(f.end - f.source.start))]));
  const measured = figs.filter((f) => f.rank < MEASURED_SENTENCES && units.get(f)?.dimension === dimension);
  const pair = measured.length >= 2 ? (namedApart(q, measured) ?? wordedPair(q, measured, () => true)) : null;
  return pair && singular(units.get(pair[0])!.word) === singular(units.get(pair[1])!.word) ? pair : null;
}

/** A unit word without its plural ending, so "metre" and "metres" compare equal (and "km" and "m" do not). */
const singular = (word: string) => word.replace(/(?:es|s)$/u, '');

/** Sentences whose measured figures are compared (see {@link measuredPair}). */
const MEASURED_SENTENCES = 3;

/**
 * Two figures of different sentences, each sentence naming a word of the question the other lacks ("the Castrabel
 * Viaduct … 604 metres", "Ferrier's Bridge … 118 metres"), in the order the question names them, or with the one
 * after "than" first (the base of the comparison); the best-ranked such pair.
 */
function namedApart(q: QuestionAnalysis, figs: readonly Figure[]): [Figure, Figure] | null {
  const terms = tokenize(q.factual);
  const comparison = /\bthan\b/iu.test(q.factual);
  const own = (a: Figure, b: Figure) => terms.findIndex((t) => a.source.termSet.has(t) && !b.source.termSet.has(t));
  let best: { pair: [Figure, Figure]; rank: number } | null = null;
  for (const a of figs)
    for (const b of figs) {
      if (a.source === b.source || a.unit !== b.unit) continue;
      const [ia, ib] = [own(a, b), own(b, a)];
      if (ia < 0 || ib < 0 || ia >= ib) continue;
      const rank = a.rank + b.rank;
      if (!best || rank < best.rank) best = { pair: comparison ? [b, a] : [a, b], rank };
    }
  return best?.pair ?? null;
}

/** "how many months", "by how many votes": the noun a question counts in. */
const ASKED_UNIT_RE = /\bhow many ([\p{L}-]+)/iu;
/** Words after "how many" that are no unit of the figures ("how many more", "how many times", "how many million"). */
const NOT_UNITS: ReadonlySet<string> = new Set([
  'more',
  'fewer',
  'less',
  'times',
  'percent',
  'percentage',
  'points',
  'thousand',
  'million',
  'billion',
  'trillion',
]);

/** The word a figure is written with: its own last word ("17.8 months"), else the word right after it ("13 votes"). */
function unitWordOf(f: Figure): string {
  const own = /(\p{L}+)$/u.exec(f.text)?.[1];
  const after = /^\s*(\p{L}+)/u.exec(f.source.text.slice(f.end - f.source.start))?.[1];
  return (own ?? after ?? '').toLowerCase();
}

/**
 * The figures written in the unit a question counts in ("by how many months" keeps "17.8 months" and "13.9 months",
 * not the response rates beside them), when one sentence gives two of them; all of them otherwise ("rejected by 13
 * votes to 8" writes the unit once).
 */
export function inAskedUnit(question: string, figs: readonly Figure[]): readonly Figure[] {
  const word = ASKED_UNIT_RE.exec(question)?.[1]?.toLowerCase();
  if (!word || NOT_UNITS.has(word)) return figs;
  const written = figs.filter((f) => singular(unitWordOf(f)) === singular(word));
  const paired = written.some((f) => written.some((g) => g !== f && g.source === f.source));
  return paired ? written : figs;
}
