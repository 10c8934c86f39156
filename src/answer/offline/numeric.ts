import type { CalcOp, CalcResult } from '../../numbers/index.js';
import { HAN_PART_FIRST_RE } from '../question/han-ops.js';
import type { QuestionAnalysis } from '../question/question.js';
import { directedPair } from './change-direction.js';
import type { ScoredSentence } from './evidence.js';
import { statedGrowth } from './growth-figure.js';
import {
  amountPair,
  type Figure,
  figures,
  fromToPair,
  inAskedUnit,
  isAmount,
  isPercent,
  measuredPair,
  partWhole,
  rateOperands,
  series,
  wordedPair,
} from './numeric-operands.js';
import { finish, listed, type NumericAnswer, run, yr } from './numeric-result.js';
import { percentPair, questionPercent, statedGap, yearPercentPair } from './percent-operands.js';
import { rateTotal } from './rate-total.js';

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
  const continues = sources.length > 0 && sources.every((s) => s === top || followsUndated(s, top));
  return score >= top.score * minRelevance || continues || (anchored && !topStatesIt) ? answer : null;
}

/** A sentence right after another in its passage that names no year of its own, and so goes on about the same time. */
const followsUndated = (s: ScoredSentence, before: ScoredSentence) =>
  s.sentence.chunk === before.sentence.chunk &&
  s.sentence.index === before.sentence.index + 1 &&
  s.sentence.years.length === 0;

/** "By how much did it grow", asking for no percentage: the change may be meant in the figures' own unit. */
const OPEN_CHANGE_RE = /\bby how much\b|\bhow much (?:did|has|have)\b/iu;

/**
 * A growth rate asked in words that may mean the change itself ("by how much did the population grow"), of two
 * figures that are not percentages: the answer gives both.
 */
function amountChangeAsked(question: string, a: Figure, b: Figure): boolean {
  return OPEN_CHANGE_RE.test(question) && !/%|percent/iu.test(question) && a.unit !== '%' && b.unit !== '%';
}

/** "an increase of 9.09%", or for a negative result "a decrease of 40.38%". */
function changeOf(result: CalcResult): string {
  return result.value < 0
    ? `a decrease of ${result.display.replace(/^[-−]/u, '')}`
    : `an increase of ${result.display}`;
}

/**
 * Part and whole of a share from a pair: by years (see `partWhole`), or by the question's words, which name the whole
 * first in English ("what share of revenue was X") and the part first in Chinese ("A占B的比重").
 */
function shareOperands(q: QuestionAnalysis, pair: [Figure, Figure], worded: boolean): [Figure, Figure] {
  if (!worded) return partWhole(q, pair);
  return HAN_PART_FIRST_RE.test(q.factual) ? pair : [pair[1], pair[0]];
}

function compute(q: QuestionAnalysis, op: CalcOp, all: readonly Figure[]): NumericAnswer | null {
  const figs = inAskedUnit(q.factual, all);
  switch (op) {
    case 'growth_rate':
    case 'cagr':
    case 'ratio':
    case 'difference':
    case 'share': {
      const rate = op === 'ratio' ? rateOperands(q, figs) : null;
      const measured = rate?.pair ?? measuredPair(q, op, figs);
      const dated = measured ? null : amountPair(q, figs);
      const fromTo = measured || dated || !(op === 'growth_rate' || op === 'difference') ? null : fromToPair(figs);
      const worded =
        measured ??
        fromTo ??
        (dated ? null : wordedPair(q, figs, (f) => f.unit !== '%' || op === 'ratio' || op === 'difference'));
      const found = dated ?? worded;
      if (!found) return null;
      const pair = op === 'growth_rate' || op === 'difference' ? directedPair(q.factual, found) : found;
      const [a, b] = op === 'share' ? shareOperands(q, pair, worded !== null) : pair;
      const [ya, yb] = a.year === b.year ? ['', ''] : [yr(a), yr(b)];
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
        growth_rate: `From ${a.text}${ya} to ${b.text}${yb} is ${changeOf(result)}`,
        cagr: `Growing from ${a.text}${ya} to ${b.text}${yb} is a compound annual growth rate of about ${result.display} a year`,
        ratio: rate
          ? `${b.text} over ${a.text} is ${result.display.replace(/×$/u, '')} per ${rate.unit}`
          : `${b.text}${yb} is ${result.display} the ${a.text}${ya}`,
        difference: `${b.text}${yb} minus ${a.text}${ya} is ${result.display}`,
        share: `${a.text}${ya} is ${result.display} of ${b.text}${yb}`,
      }[op];
      const also =
        op === 'growth_rate' && amountChangeAsked(q.factual, a, b) ? run('difference', argsFor.difference) : null;
      if (also) {
        const words = also.value < 0 ? `a fall of ${also.display.replace(/^[-−]/u, '')}` : `a rise of ${also.display}`;
        return { ...finish(result, [a, b], `${statement}, ${words}`), also: { result: also, words } };
      }
      return finish(result, [a, b], statement);
    }
    case 'pp_change': {
      const pair =
        statedGap(q, figs) ?? yearPercentPair(q, figs) ?? percentPair(figs) ?? wordedPair(q, figs, isPercent);
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
      // "The total over three years" of a figure given a year is that figure taken three times.
      if (!values) return op === 'sum' ? rateTotal(q, figs) : null;
      const result = run(op, { values: values.map((f) => f.text) });
      if (!result) return null;
      const statement =
        op === 'sum'
          ? `${listed(values)} add up to ${result.display}`
          : `The average of ${listed(values)} is ${result.display}`;
      return finish(result, values, statement);
    }
    case 'product':
      return rateTotal(q, figs);
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
