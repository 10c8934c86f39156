import type { ChatResponse } from '../../../answer/schema.js';
import { firstSentence } from '../../scoring/answer-text.js';
import { formatNumber } from '../../scoring/numbers.js';
import type { TatqaQuestion, TatqaScale } from './dataset.js';
import { classifyDerivation } from './derivation.js';
import { predictedNumber } from './predicted-number.js';
import {
  multiSpanExactMatch,
  multiSpanF1,
  numberCorrect,
  spanExactMatch,
  spanF1,
  splitPredictedSpans,
  valueCorrect,
} from './tatqa-score.js';
import type { TatqaResult } from './types.js';

/** A number with its TAT-QA scale, as people read it: `-12.6 million`, `40%`, `7`. */
export function formatScaled(value: number | string, scale: TatqaScale): string {
  const v = typeof value === 'number' ? formatNumber(value) : value;
  if (scale === 'percent') return `${v}%`;
  return scale ? `${v} ${scale}` : v;
}

/** The gold answer with its scale. */
export function goldText(q: TatqaQuestion): string {
  if (q.number) return formatScaled(q.number.text, q.scale);
  const spans = q.spans.map((s) => JSON.stringify(s)).join(' | ');
  return q.scale ? `${spans} (${q.scale})` : spans;
}

const isNumeric = (q: TatqaQuestion) => q.answerType === 'arithmetic' || q.answerType === 'count';

function identity(q: TatqaQuestion) {
  return {
    id: q.uid,
    doc: q.doc,
    docTitle: q.docTitle,
    question: q.question,
    answerType: q.answerType,
    answerFrom: q.answerFrom,
    form: q.answerType === 'arithmetic' ? classifyDerivation(q.derivation) : null,
    derivation: q.derivation,
    scale: q.scale,
    gold: goldText(q),
    goldSpans: q.spans,
    goldNumber: q.number?.value ?? null,
  };
}

type Scored = Pick<
  TatqaResult,
  'prediction' | 'predictedNumber' | 'source' | 'correct' | 'numberCorrect' | 'exactMatch' | 'f1' | 'why'
>;

function scoreNumber(q: TatqaQuestion, response: ChatResponse, gold: string): Scored {
  const goldNumber = q.number as NonNullable<TatqaQuestion['number']>;
  const found = predictedNumber(response);
  if (!found)
    return {
      prediction: '',
      predictedNumber: null,
      source: 'none',
      correct: false,
      numberCorrect: false,
      exactMatch: null,
      f1: null,
      why: `no number in the answer; expected ${gold}`,
    };
  const pred = { value: found.value, scale: found.scale };
  const shown = formatScaled(found.value, found.scale);
  const correct = numberCorrect(pred, { ...goldNumber, scale: q.scale });
  const sameValue = valueCorrect(found.value, goldNumber);
  let why: string | null = null;
  if (!correct) {
    const from = found.source === 'check' ? 'computed check' : 'answer text';
    if (sameValue) why = `number right, scale wrong: ${shown} (${from}); expected ${gold}`;
    else if (
      numberCorrect({ ...pred, value: -pred.value }, { ...goldNumber, scale: q.scale }) &&
      goldNumber.value !== 0
    )
      why = `sign wrong: ${shown} (${from}); expected ${gold}`;
    else why = `wrong number: ${shown} (${from}); expected ${gold}`;
  }
  return {
    prediction: shown,
    predictedNumber: pred,
    source: found.source,
    correct,
    numberCorrect: sameValue,
    exactMatch: null,
    f1: null,
    why,
  };
}

function scoreSpans(q: TatqaQuestion, response: ChatResponse, gold: string): Scored {
  const multi = q.answerType === 'multi-span';
  const several =
    multi && response.spans && response.spans.length > 1 ? response.spans.map((x) => x.text).join('; ') : undefined;
  const prediction = several ?? (response.short ? response.short.text : firstSentence(response.answer));
  const source = several || response.short ? 'short' : 'sentence';
  const exactMatch = multi ? multiSpanExactMatch(prediction, q.spans) : spanExactMatch(prediction, q.spans);
  const f1 = multi ? multiSpanF1(prediction, q.spans) : spanF1(prediction, q.spans);
  let why: string | null = null;
  if (!exactMatch) {
    const predicted = multi
      ? splitPredictedSpans(prediction, q.spans)
          .map((s) => JSON.stringify(s))
          .join(' | ')
      : JSON.stringify(prediction);
    why = `${multi ? 'spans differ' : 'no exact match'} (F1 ${f1.toFixed(2)}): predicted ${predicted || '""'}; expected ${gold}`;
  }
  return {
    prediction,
    predictedNumber: null,
    source,
    correct: exactMatch === 1,
    numberCorrect: null,
    exactMatch,
    f1,
    why,
  };
}

/**
 * Scores one response (pure) by TAT-QA's conventions (eval/README.md, "How TAT-QA questions are judged"):
 * arithmetic and count answers by the predicted number in its scale, spans by exact match and F1. An
 * abstention is wrong.
 */
export function scoreQuestion(q: TatqaQuestion, response: ChatResponse, latencyMs: number): TatqaResult {
  const base = identity(q);
  const common = { abstained: response.abstained, answer: response.answer, latencyMs };
  if (response.abstained) {
    return {
      ...base,
      ...common,
      prediction: '',
      predictedNumber: null,
      source: 'abstained',
      correct: false,
      numberCorrect: isNumeric(q) ? false : null,
      exactMatch: isNumeric(q) ? null : 0,
      f1: isNumeric(q) ? null : 0,
      passed: false,
      why: `abstained; expected ${base.gold}`,
    };
  }
  const scored = isNumeric(q) ? scoreNumber(q, response, base.gold) : scoreSpans(q, response, base.gold);
  return { ...base, ...common, ...scored, passed: scored.correct };
}

/** The result of a question whose request failed: no prediction, not abstained, wrong. */
export function failedQuestion(q: TatqaQuestion, error: string, latencyMs: number): TatqaResult {
  return {
    ...identity(q),
    prediction: '',
    predictedNumber: null,
    source: 'error',
    correct: false,
    numberCorrect: isNumeric(q) ? false : null,
    exactMatch: isNumeric(q) ? null : 0,
    f1: isNumeric(q) ? null : 0,
    abstained: null,
    passed: false,
    why: `error: ${error}`,
    answer: null,
    latencyMs,
    error,
  };
}

/** Why a question failed, as a list for the progress display (empty when it passed). */
export function failureReasons(r: TatqaResult): string[] {
  return r.passed || r.why === null ? [] : [r.why];
}
