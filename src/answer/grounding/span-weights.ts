import type { SpanFeature } from './span-features.js';

/**
 * Weights of the span features (see `SPAN_FEATURES`): a candidate's score is their weighted sum, and the
 * best-scoring span is the short answer. Fitted, not hand-set, by
 * `npm run fit:spans -- squad2-dev-part.json --train Normans,Computational_complexity_theory,Huguenot,Steam_engine --epochs 300 --l2 0.001 --write`
 * (a softmax over each question's candidates in the sentence holding its gold answer, on the training articles).
 * Mean F1 of the picked span on those sentences: training articles 50.2, the other articles 51.5 (old weights 45.7 and 47.9).
 */
export const SPAN_WEIGHTS: Record<SpanFeature, number> = {
  typeFit: 1.434,
  closeness: 3.919,
  overlap: 0.002,
  kindDate: -1.192,
  kindNumber: 1.482,
  kindName: -0.277,
  kindPhrase: 0.034,
  length: 0.556,
  singleToken: -0.844,
  afterPreposition: -0.086,
  afterQuestionWord: 0.156,
  beforeQuestionWord: 0.049,
  betweenQuestionWords: -0.001,
  questionWordsBefore: 0.401,
  besideComma: 0.496,
  beforeVerb: 0.123,
  inParentheses: 0.814,
  properShare: 1.354,
  capitalShare: -0.356,
  nextToFocus: 1.602,
  beforeSubjectVerb: 1.155,
  afterWordBeforeWh: 1.772,
  position: 0.313,
  nameForThing: 0.25,
  numberForThing: 0.291,
};
