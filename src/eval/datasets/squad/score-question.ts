import type { ChatResponse } from '../../../answer/schema.js';
import { stripCitationMarkers } from '../../scoring/text.js';
import type { SquadQuestion } from './dataset.js';
import { predictionOf } from './prediction.js';
import { containsGold, exactMatch, f1Score, maxOverGold } from './squad-score.js';
import type { SquadResult } from './types.js';

function identity(q: SquadQuestion) {
  return {
    id: q.id,
    article: q.article,
    question: q.question,
    impossible: q.impossible,
    golds: [...new Set(q.answers)],
  };
}

/**
 * Scores one response (pure). EM/F1 follow SQuAD v2.0: the prediction is '' iff the response abstained,
 * and an unanswerable question scores 1 exactly when it is ''.
 */
export function scoreQuestion(q: SquadQuestion, response: ChatResponse, latencyMs: number): SquadResult {
  const prediction = predictionOf(response);
  const base = identity(q);
  const quotes = response.citations.map((c) => c.quote);
  let em: number;
  let f1: number;
  let answerContains: boolean | null = null;
  let citationHit: boolean | null = null;
  if (q.impossible) {
    em = f1 = response.abstained ? 1 : 0;
  } else if (response.abstained) {
    em = f1 = 0;
    answerContains = false;
    citationHit = quotes.some((quote) => containsGold(quote, base.golds));
  } else {
    em = maxOverGold(exactMatch, prediction.text, base.golds);
    f1 = maxOverGold(f1Score, prediction.text, base.golds);
    answerContains = containsGold(stripCitationMarkers(response.answer), base.golds);
    citationHit = quotes.some((quote) => containsGold(quote, base.golds));
  }
  return {
    ...base,
    prediction: prediction.text,
    source: prediction.source,
    exactMatch: em,
    f1,
    answerContains,
    citationHit,
    abstained: response.abstained,
    passed: q.impossible ? response.abstained : answerContains === true,
    answer: response.answer,
    quotes,
    latencyMs,
  };
}

/** The result of a question whose request failed: no prediction, not abstained, failed. */
export function failedQuestion(q: SquadQuestion, error: string, latencyMs: number): SquadResult {
  const base = identity(q);
  return {
    ...base,
    prediction: '',
    source: 'error',
    exactMatch: 0,
    f1: 0,
    answerContains: q.impossible ? null : false,
    citationHit: q.impossible ? null : false,
    abstained: null,
    passed: false,
    answer: null,
    quotes: [],
    latencyMs,
    error,
  };
}

/** Why a question failed, in one line (empty when it passed). */
export function failureReasons(r: SquadResult): string[] {
  if (r.passed) return [];
  if (r.error !== undefined) return [`error: ${r.error}`];
  if (r.impossible) return [`unanswerable, but answered: ${JSON.stringify(r.prediction)}`];
  if (r.abstained) return [`abstained; expected ${r.golds.map((g) => JSON.stringify(g)).join(' or ')}`];
  return [`answer does not contain ${r.golds.map((g) => JSON.stringify(g)).join(' or ')}`];
}
