import type { SpanFeature } from './span-features.js';

/**
 * Weights of the span features (see `SPAN_FEATURES`): a candidate's score is their weighted sum, and the
 * best-scoring span is the short answer. Fitted, not hand-set, by
 * `npm run fit:spans -- squad2-dev-part.json --train Normans,Computational_complexity_theory,Huguenot,Steam_engine --epochs 300 --l2 0.001 --write`
 * (a softmax over each question's candidates in the sentence holding its gold answer, on the training articles).
 * Mean F1 of the picked span on those sentences: training articles 53.2, the other articles 52.7 (old weights 53.3 and 52.7).
 */
export const SPAN_WEIGHTS: Record<SpanFeature, number> = {
  typeFit: 1.939,
  closeness: 3.861,
  overlap: 0.312,
  kindDate: -1.274,
  kindNumber: 1.256,
  kindName: 0.625,
  kindPhrase: -0.588,
  numberWithUnit: -1.272,
  unitForMeasure: 0.689,
  length: 0.588,
  singleToken: -0.921,
  afterPreposition: -0.066,
  afterQuestionWord: 0.176,
  beforeQuestionWord: 0.128,
  betweenQuestionWords: -0.013,
  questionWordsBefore: 0.424,
  besideComma: 0.48,
  beforeVerb: 0.064,
  inParentheses: 0.823,
  properShare: 0.67,
  capitalShare: -0.465,
  nextToFocus: 1.704,
  beforeSubjectVerb: 1.189,
  afterWordBeforeWh: 1.79,
  position: 0.297,
  nameForThing: -0.3,
  numberForThing: -0.016,
};
