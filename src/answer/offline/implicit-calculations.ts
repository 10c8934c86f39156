import { derivedMeasure } from '../question/derived-measures.js';
import type { QuestionAnalysis } from '../question/question.js';
import { asksTotalOverPeriods } from '../question/totals.js';
import { changeOnly } from './change-only.js';
import type { ScoredSentence } from './evidence.js';
import { answerNumeric } from './numeric.js';
import { type Figure, isAmount } from './numeric-operands.js';
import { finish, listed, type NumericAnswer, run } from './numeric-result.js';
import { figuresForYears } from './period-figures.js';

/** Sentences that, naming a derived measure themselves, make it a lookup rather than a calculation. */
const STATED_SENTENCES = 3;

/**
 * A derived measure asked with no operation ("the trade surplus", "顺差") that none of the best sentences names:
 * the difference of its two parts (exports minus imports), each the first amount written after its part's name in
 * the best-ranked sentence that names both ("出口812.5亿元 … 进口473.9亿元").
 */
export function answerDerived(q: QuestionAnalysis, scored: readonly ScoredSentence[]): NumericAnswer | null {
  const derived = q.op ? null : derivedMeasure(q.factual);
  if (!derived) return null;
  const lower = (s: ScoredSentence) => s.sentence.text.toLowerCase();
  if (scored.slice(0, STATED_SENTENCES).some((s) => lower(s).includes(derived.word.toLowerCase()))) return null;
  const [first, second] = derived.parts;
  for (const s of scored.filter((x) => lower(x).includes(first) && lower(x).includes(second))) {
    const [less, more] = [first, second].map((part) => amountAfter(s, part));
    if (!less || !more || less.unit !== more.unit) continue;
    const result = run('difference', { a: more.text, b: less.text });
    if (result) return finish(result, [more, less], `${more.text} minus ${less.text} is ${result.display}`);
  }
  return null;
}

/** The first amount written after a word in a sentence ("出口812.5亿元" for "出口"). */
function amountAfter(s: ScoredSentence, word: string): Figure | undefined {
  const at = s.sentence.text.toLowerCase().indexOf(word);
  const f = s.sentence.figures.find((x) => isAmount(x) && x.start - s.sentence.start >= at + word.length);
  return f && { ...f, source: s.sentence, rank: 0 };
}

const TOTAL_RE = /\btotal/iu;

/**
 * "The total X for 2019 and 2018", asked with no operation, when the best sentence gives X for each of the two years
 * and does not call it a total itself ("Total revenue was … and …" is read for each year): the two figures added.
 * Percentages are never added.
 */
export function answerYearsTotal(q: QuestionAnalysis, scored: readonly ScoredSentence[]): NumericAnswer | null {
  const top = scored[0]?.sentence;
  if (q.op || q.years.length !== 2 || !top || !asksTotalOverPeriods(q.factual) || TOTAL_RE.test(top.text)) return null;
  const found = figuresForYears(top, q.years);
  if (!found || found.some((f) => f.unit === '%' || f.unit === 'pp')) return null;
  const values: Figure[] = found.map((f, i) => ({ ...f, year: q.years[i]!, source: top, rank: 0 }));
  const result = run('sum', { values: values.map((f) => f.text) });
  return result && finish(result, values, `${listed(values)} add up to ${result.display}`);
}

/**
 * "What was revenue in 2023?" when the best sentence gives only the next year's figure and how much it changed
 * ("revenue fell by 1.8% to £415 million in 2024"): the earlier value that change implies, by the calculator.
 */
export function answerPriorYear(q: QuestionAnalysis, scored: readonly ScoredSentence[]): NumericAnswer | null {
  const best = scored[0];
  const [year] = q.years;
  if (q.op || q.years.length !== 1 || !best || year === undefined) return null;
  if (!best.sentence.years.includes(year + 1) || best.sentence.years.includes(year)) return null;
  if (!changeOnly(q.factual, best.sentence)) return null;
  return answerNumeric({ ...q, op: 'implied_base' }, [best]);
}
