import type { SpanFeature } from './span-features.js';

/**
 * Weights of the span features (see `SPAN_FEATURES`): a candidate's score is their weighted sum, and the
 * best-scoring span is the short answer. Fitted, not hand-set, by
 * `npm run fit:spans -- squad2-dev-part.json --train Normans,Computational_complexity_theory,Huguenot,Steam_engine --epochs 300 --l2 0.001 --write`
 * (a softmax over each question's candidates in the sentence holding its gold answer, on the training articles).
 * Mean F1 of the picked span on those sentences: training articles 54.2, the other articles 57.1 (old weights 54.4 and 56.0).
 */
export const SPAN_WEIGHTS: Record<SpanFeature, number> = {
  typeFit: 2.005,
  closeness: 2.683,
  overlap: -0.211,
  kindDate: -1.36,
  kindNumber: 1.274,
  kindName: 0.66,
  kindPhrase: -0.591,
  numberWithUnit: -1.02,
  unitForMeasure: 0.807,
  modifierOfAsked: -0.049,
  length: 0.885,
  singleToken: -0.502,
  afterPreposition: -0.113,
  afterQuestionWord: 0.139,
  beforeQuestionWord: 0.127,
  betweenQuestionWords: -0.079,
  questionWordsBefore: 0.298,
  besideComma: 0.457,
  beforeVerb: 0.025,
  inParentheses: 0.896,
  properShare: 0.612,
  capitalShare: -0.496,
  givenName: -0.125,
  givenNameForPerson: 1.272,
  regionName: -0.653,
  regionForPlace: 1.414,
  regionForPerson: -0.336,
  nextToFocus: 1.281,
  beforeSubjectVerb: 1.296,
  afterWordBeforeWh: 1.666,
  afterQuestionVerb: 0.5,
  sameClause: 0.179,
  clauseShare: 0.555,
  nearRarest: 0.554,
  rarity: 2.523,
  position: 0.418,
  nameForThing: -0.476,
  numberForThing: -0.085,
};
