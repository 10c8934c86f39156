import {
  type CalcOp,
  type CalcResult,
  type ClaimCheck,
  calculate,
  checkClaims,
  type NumericClaim,
} from '../../numbers/index.js';
import type { QuestionAnalysis } from '../question/question.js';
import type { EvidenceSentence, ScoredSentence } from './evidence.js';
import { statedGrowth } from './growth-figure.js';
import { labelledPair, partnerOf } from './operand-pairs.js';

/** A calculator result with the sentences its operands came from. */
export interface NumericAnswer {
  result: CalcResult;
  /** Operand figures, in argument order. */
  operands: NumericClaim[];
  sources: EvidenceSentence[];
  /** A figure the documents themselves state for this result, checked against it. */
  stated?: ClaimCheck;
  /** Plain-language statement of what was computed (no citation markers). */
  statement: string;
}

type Figure = NumericClaim & { source: EvidenceSentence; rank: number };

/** The figures `keep` accepts, as operand pairing reads them: each with its sentence, and itself as `figure`. */
function labelledFigures(figs: readonly Figure[], keep: (f: NumericClaim) => boolean) {
  return figs
    .filter(keep)
    .map((f) => ({ ...f, sentenceText: f.source.text, sentenceStart: f.source.start, figure: f }));
}

/** Two figures the question's own words tell apart (see {@link labelledPair}), when the year-based pairing finds none. */
function wordedPair(
  q: QuestionAnalysis,
  figs: readonly Figure[],
  keep: (f: NumericClaim) => boolean,
): [Figure, Figure] | null {
  const pair = labelledPair(q.factual, labelledFigures(figs, keep));
  return pair && [pair[0].figure, pair[1].figure];
}

const isAmount = (f: NumericClaim) => f.unit === 'currency' || (f.unit === 'count' && f.scale !== undefined);
const isPercent = (f: NumericClaim) => f.unit === '%';

function figures(scored: readonly ScoredSentence[], limit = 12): Figure[] {
  return scored
    .slice(0, limit)
    .flatMap((s, rank) => s.sentence.figures.map((f) => ({ ...f, source: s.sentence, rank })));
}

function compatible(a: NumericClaim, b: NumericClaim): boolean {
  return a.unit === b.unit && (a.currency ?? null) === (b.currency ?? null);
}

/** Two amounts of one series: by the question's years when given, else the best sentence's first and last. */
function amountPair(q: QuestionAnalysis, figs: readonly Figure[]): [Figure, Figure] | null {
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
  return null;
}

/** The question names a quantity written in percent (a margin, a rate, a share). */
const PERCENT_SERIES_RE = /%|\bpercent|\bper cent\b|\b(?:margins?|rates?|shares?|proportions?|ratios?|yields?)\b/i;

/**
 * Compatible amounts or percentages to average or add, best sentence first (its amounts before its
 * percentages, or the other way round when the question names a percentage such as a margin). With two or more question years, one figure per year, paired as {@link amountPair}
 * pairs (from the first figure's sentence when it has one; a percentage only from the same passage,
 * percentages of different passages rarely measure one thing). Otherwise the compatible figures of the
 * best sentence with figures (of the question's one year, when it names one), at least two.
 */
function series(q: QuestionAnalysis, figs: readonly Figure[]): Figure[] | null {
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
  const inBest = usable.filter((f) => f.source === best && (!q.years.length || f.year === q.years[0]));
  for (const f of inBest) {
    const same = inBest.filter((g) => compatible(f, g));
    if (same.length >= 2) return same;
  }
  return null;
}

const WHOLE_YEAR_RE =
  /\bof (?:the |its |their )?((?:19|20)\d\d)(?:['’]s)?(?:\s+(?:level|value|figure|amount|total|size|scale))?\b/i;

/** Part and whole of a share: the year written as "of the 2020 level" is the whole, else the later year. */
function partWhole(q: QuestionAnalysis, pair: [Figure, Figure]): [Figure, Figure] {
  const wholeYear = Number(WHOLE_YEAR_RE.exec(q.factual)?.[1]);
  return pair[0].year === wholeYear ? [pair[1], pair[0]] : pair;
}

function percentPair(figs: readonly Figure[]): [Figure, Figure] | null {
  for (const f of figs.filter(isPercent)) {
    const g = figs.find(
      (x) =>
        isPercent(x) &&
        x.source === f.source &&
        x.start > f.end &&
        /^\s*to\s*$/.test(f.source.text.slice(f.end - f.source.start, x.start - f.source.start)),
    );
    if (g) return [f, g];
  }
  return null;
}

/**
 * A percentage the question states and the one it is set against ("how many points short of the national average
 * is the port’s 38% share?"), smaller first, so that the gap comes out positive.
 */
function statedGap(q: QuestionAnalysis, figs: readonly Figure[]): [Figure, Figure] | null {
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
function questionPercent(q: QuestionAnalysis, figs: readonly Figure[]): { value: number; figure?: Figure } | null {
  for (const m of q.factual.matchAll(PERCENT_RE)) {
    const value = Number(m[1]);
    const figure = figs.find((f) => isPercent(f) && f.value === value);
    return figure ? { value, figure } : { value };
  }
  return null;
}

function run(op: CalcOp, args: Record<string, unknown>): CalcResult | null {
  try {
    return calculate(op, args);
  } catch {
    return null;
  }
}

const yr = (f: NumericClaim) => (f.year ? ` in ${f.year}` : '');

/** "A in 2018, B in 2019 and C in 2020". */
const listed = (figs: readonly Figure[]) => {
  const items = figs.map((f) => `${f.text}${yr(f)}`);
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? '');
};

/**
 * Picks operands for the question's operation from the scored sentences and computes the result;
 * null when no operands fit, or when none of their sentences is close to the best answer sentence
 * (the question is then better answered by quoting).
 */
export function answerNumeric(
  q: QuestionAnalysis,
  scored: readonly ScoredSentence[],
  minRelevance = 0,
): NumericAnswer | null {
  if (!q.op || !scored[0]) return null;
  const answer = compute(q, q.op, figures(scored));
  if (!answer) return null;
  const top = scored[0];
  const of = new Map(scored.map((s) => [s.sentence, s]));
  const sources = answer.sources.map((s) => of.get(s)).filter((s): s is ScoredSentence => Boolean(s));
  const score = Math.max(0, ...sources.map((s) => s.score));
  const anchored = q.years.length >= 2 && q.years.every((y) => answer.operands.some((o) => o.year === y));
  const topStatesIt =
    !sources.includes(top) &&
    q.years.every((y) => top.sentence.years.includes(y)) &&
    top.sentence.figures.some(isPercent);
  return score >= top.score * minRelevance || (anchored && !topStatesIt) ? answer : null;
}

function compute(q: QuestionAnalysis, op: CalcOp, figs: readonly Figure[]): NumericAnswer | null {
  switch (op) {
    case 'growth_rate':
    case 'cagr':
    case 'ratio':
    case 'difference':
    case 'share': {
      const dated = amountPair(q, figs);
      const worded = dated ? null : wordedPair(q, figs, (f) => f.unit !== '%' || op === 'ratio' || op === 'difference');
      const pair = dated ?? worded;
      if (!pair) return null;
      const [a, b] = op !== 'share' ? pair : worded ? [pair[1], pair[0]] : partWhole(q, pair);
      const argsFor: Record<typeof op, Record<string, unknown>> = {
        growth_rate: { from: a.text, to: b.text },
        cagr: { start: a.text, end: b.text, startYear: a.year, endYear: b.year },
        ratio: { a: b.text, b: a.text },
        difference: { a: b.text, b: a.text },
        share: { part: a.text, whole: b.text },
      };
      const result = run(op, argsFor[op]);
      if (!result) return null;
      const statement = {
        growth_rate: `From ${a.text}${yr(a)} to ${b.text}${yr(b)} is an increase of ${result.display}`,
        cagr: `Growing from ${a.text}${yr(a)} to ${b.text}${yr(b)} is a compound annual growth rate of about ${result.display} a year`,
        ratio: `${b.text}${yr(b)} is ${result.display} the ${a.text}${yr(a)}`,
        difference: `${b.text}${yr(b)} minus ${a.text}${yr(a)} is ${result.display}`,
        share: `${a.text}${yr(a)} is ${result.display} of ${b.text}${yr(b)}`,
      }[op];
      return finish(result, [a, b], statement);
    }
    case 'pp_change': {
      const pair = statedGap(q, figs) ?? percentPair(figs) ?? wordedPair(q, figs, isPercent);
      if (!pair) return null;
      const [a, b] = pair;
      const result = run(op, { from: a.value, to: b.value });
      return (
        result && finish(result, [a, b], `A share going from ${a.text} to ${b.text} is a change of ${result.display}`)
      );
    }
    case 'implied_base': {
      const years = q.years.flatMap((y) => [y, y + 1]);
      for (const f of figs.filter((x) => isAmount(x) && (!years.length || years.includes(x.year ?? -1)))) {
        const g = statedGrowth(f, f.source.figures, f.source.text, f.source.start);
        if (!g) continue;
        const result = run(op, { value: f.text, growth: `${g.value}%` });
        if (result)
          return finish(
            result,
            [f, { ...g.figure, source: f.source, rank: f.rank }],
            `${f.text} after ${g.value < 0 ? 'a fall' : 'growth'} of ${g.figure.text} implies ${result.display} a year earlier`,
          );
      }
      return null;
    }
    case 'implied_whole': {
      const asked = questionPercent(q, figs);
      const part = q.years.length
        ? figs.find((f) => isAmount(f) && q.years.includes(f.year ?? -1))
        : figs.find(isAmount);
      if (!part) return null;
      const share = asked?.figure ?? (asked ? undefined : part.source.figures.find(isPercent));
      const shareValue = asked?.value ?? share?.value;
      if (shareValue === undefined) return null;
      const result = run(op, { part: part.text, share: shareValue });
      const operands: Figure[] = share ? [part, { ...share, source: part.source, rank: part.rank }] : [part];
      return (
        result &&
        finish(
          result,
          operands,
          `If ${part.text}${yr(part)} is ${shareValue}% of the whole, the whole is about ${result.display}`,
        )
      );
    }
    case 'annualized_multiple': {
      const multiple = figs.find((f) => f.unit === 'times');
      const span = multiple?.source.figures.find((f) => f.unit === 'duration');
      if (!multiple || !span) return null;
      const result = run(op, { multiple: multiple.value, years: span.value });
      return (
        result &&
        finish(
          result,
          [multiple, { ...span, source: multiple.source, rank: multiple.rank }],
          `Growing ${multiple.value}-fold over ${span.text} is about ${result.display} a year`,
        )
      );
    }
    case 'average':
    case 'sum': {
      const values = series(q, figs);
      if (!values) return null;
      const result = run(op, { values: values.map((f) => f.text) });
      if (!result) return null;
      const statement =
        op === 'sum'
          ? `${listed(values)} add up to ${result.display}`
          : `The average of ${listed(values)} is ${result.display}`;
      return finish(result, values, statement);
    }
    case 'project': {
      const target = q.years.length ? q.years[q.years.length - 1]! : undefined;
      const base = figs
        .filter(isAmount)
        .filter((f) => f.year !== undefined && (target === undefined || f.year < target))
        .sort((x, y) => x.rank - y.rank || (y.year ?? 0) - (x.year ?? 0))[0];
      if (!base || target === undefined || base.year === undefined) return null;
      const rateFig =
        questionPercent(q, figs) ??
        (() => {
          const f = figs.find((x) => isPercent(x) && /compound|annual|average/i.test(x.source.text));
          return f ? { value: f.value, figure: f } : null;
        })();
      if (!rateFig) return null;
      const years = target - base.year;
      const result = run(op, { value: base.text, rate: rateFig.value, years });
      const operands: Figure[] = rateFig.figure ? [base, rateFig.figure] : [base];
      return (
        result &&
        finish(
          result,
          operands,
          `Compounding ${base.text}${yr(base)} at ${rateFig.value}% a year for ${years} years gives about ${result.display} by ${target}`,
        )
      );
    }
  }
}

function finish(result: CalcResult, operands: Figure[], statement: string): NumericAnswer {
  const sources = [...new Set(operands.map((o) => o.source))];
  const stated = sources
    .flatMap((s) => checkClaims(s.text, s.start))
    .find(
      (c) =>
        c.op === result.op &&
        c.status !== 'unchecked' &&
        c.status !== 'computed' &&
        Math.abs((c.value ?? NaN) - result.value) < 1e-9,
    );
  return { result, operands, sources, statement, ...(stated ? { stated } : {}) };
}
