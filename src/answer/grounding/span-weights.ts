import type { SpanFeature } from './span-features.js';

/**
 * Weights of the span features (see `SPAN_FEATURES`): a candidate's score is their weighted sum, and the
 * best-scoring span is the short answer. Fitted, not hand-set, by
 * `npm run fit:spans -- squad2-dev-part.json --train Normans,Computational_complexity_theory,Huguenot,Steam_engine --epochs 300 --l2 0.001 --write`
 * (a softmax over each question's candidates in the sentence holding its gold answer, on the training articles).
 * Mean F1 of the picked span on those sentences: training articles 53.6, the other articles 54.1 (old weights 53.6 and 54.1).
 */
export const SPAN_WEIGHTS: Record<SpanFeature, number> = {
  typeFit: 2.164,
  closeness: 3.997,
  overlap: 0.061,
  kindDate: -1.26,
  kindNumber: 1.239,
  kindName: 0.718,
  kindPhrase: -0.687,
  numberWithUnit: -1.149,
  unitForMeasure: 0.682,
  modifierOfAsked: -0.013,
  length: 0.76,
  singleToken: -0.675,
  afterPreposition: -0.06,
  afterQuestionWord: 0.162,
  beforeQuestionWord: 0.085,
  betweenQuestionWords: -0.051,
  questionWordsBefore: 0.372,
  besideComma: 0.458,
  beforeVerb: -0.023,
  inParentheses: 0.793,
  properShare: 0.712,
  capitalShare: -0.562,
  nextToFocus: 1.289,
  beforeSubjectVerb: 1.186,
  afterWordBeforeWh: 1.68,
  position: 0.32,
  nameForThing: -0.507,
  numberForThing: -0.018,
};
