import type { SpanFeature } from './span-features.js';

/**
 * Weights of the span features (see `SPAN_FEATURES`): a candidate's score is their weighted sum, and the
 * best-scoring span is the short answer. Fitted, not hand-set, by
 * `npm run fit:spans -- squad2-dev-part.json --train Normans,Computational_complexity_theory,Huguenot,Steam_engine --epochs 300 --l2 0.001 --write`
 * (a softmax over each question's candidates in the sentence holding its gold answer, on the training articles).
 * Mean F1 of the picked span on those sentences: training articles 56.8, the other articles 58.2 (old weights 56.1 and 58.3).
 */
export const SPAN_WEIGHTS: Record<SpanFeature, number> = {
  typeFit: 1.983,
  closeness: 2.383,
  overlap: -0.588,
  kindDate: -1.35,
  kindNumber: 1.303,
  kindName: 0.61,
  kindPhrase: -0.562,
  numberWithUnit: -1.038,
  unitForMeasure: 0.811,
  modifierOfAsked: -0.138,
  length: 0.846,
  singleToken: -0.512,
  afterPreposition: -0.121,
  afterQuestionWord: 0.115,
  beforeQuestionWord: 0.181,
  betweenQuestionWords: -0.139,
  questionWordsBefore: 0.165,
  besideComma: 0.439,
  beforeVerb: 0.003,
  inParentheses: 0.829,
  properShare: 0.649,
  capitalShare: -0.366,
  givenName: -0.147,
  givenNameForPerson: 1.304,
  regionName: -0.672,
  regionForPlace: 1.439,
  regionForPerson: -0.342,
  nextToFocus: 1.873,
  beforeSubjectVerb: 1.322,
  afterWordBeforeWh: 1.606,
  afterQuestionVerb: 0.501,
  afterCopula: 0.538,
  beforeCopula: 0.266,
  leftRun: 0.128,
  rightRun: -0.398,
  sameClause: 0.216,
  clauseShare: 0.499,
  nearRarest: 0.805,
  rarity: 2.518,
  position: 0.5,
  nameForThing: -0.574,
  numberForThing: -0.047,
};
