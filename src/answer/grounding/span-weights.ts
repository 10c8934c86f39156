import type { SpanFeature } from './span-features.js';

/**
 * Weights of the span features (see `SPAN_FEATURES`): a candidate's score is their weighted sum, and the
 * best-scoring span is the short answer.
 */
export const SPAN_WEIGHTS: Record<SpanFeature, number> = {
  typeFit: 1,
  closeness: 0.8,
  overlap: -0.5,
  kindDate: 0,
  kindNumber: 0,
  kindName: 0,
  kindPhrase: 0,
  length: 0,
  singleToken: 0,
  afterPreposition: 0,
  afterQuestionWord: 0,
  beforeQuestionWord: 0,
  betweenQuestionWords: 0,
  questionWordsBefore: 0,
  besideComma: 0,
  beforeVerb: 0,
  inParentheses: 0,
  properShare: 0,
  capitalShare: 0,
  nextToFocus: 0,
  position: 0,
  nameForThing: 0,
  numberForThing: 0,
};
