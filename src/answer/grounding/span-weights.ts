import type { SpanFeature } from './span-features.js';

/**
 * Weights of the span features (see `SPAN_FEATURES`): a candidate's score is their weighted sum, and the
 * best-scoring span is the short answer. Fitted, not hand-set, by
 * `npm run fit:spans -- squad2-dev-part.json --train Normans,Computational_complexity_theory,Huguenot,Steam_engine --epochs 300 --l2 0.001 --write`
 * (a softmax over each question's candidates in the sentence holding its gold answer, on the training articles).
 * Mean F1 of the picked span on those sentences: training articles 54.4, the other articles 56.0 (old weights 53.6 and 54.1).
 */
export const SPAN_WEIGHTS: Record<SpanFeature, number> = {
  typeFit: 2.154,
  closeness: 2.769,
  overlap: -0.27,
  kindDate: -1.356,
  kindNumber: 1.285,
  kindName: 0.742,
  kindPhrase: -0.685,
  numberWithUnit: -1.071,
  unitForMeasure: 0.793,
  modifierOfAsked: -0.012,
  length: 0.776,
  singleToken: -0.65,
  afterPreposition: -0.087,
  afterQuestionWord: 0.113,
  beforeQuestionWord: 0.114,
  betweenQuestionWords: -0.105,
  questionWordsBefore: 0.295,
  besideComma: 0.485,
  beforeVerb: 0.025,
  inParentheses: 0.875,
  properShare: 0.578,
  capitalShare: -0.532,
  nextToFocus: 1.302,
  beforeSubjectVerb: 1.303,
  afterWordBeforeWh: 1.693,
  afterQuestionVerb: 0.491,
  sameClause: 0.183,
  clauseShare: 0.523,
  nearRarest: 0.568,
  rarity: 2.562,
  position: 0.411,
  nameForThing: -0.598,
  numberForThing: -0.069,
};
