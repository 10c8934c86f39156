import type { SentenceFeature } from './sentence-features.js';

/** Weights of the sentence features (see `SENTENCE_FEATURES`): a sentence's score is their weighted sum. */
export const SENTENCE_WEIGHTS: Record<SentenceFeature, number> = {
  coverage: 1,
  phrases: 0.24,
  rankPrior: 0.08,
  passageScore: 0,
  years: 0.3,
  numbers: 0.2,
  rarestTerm: 0,
  spanFits: 0,
  spanMissing: 0,
  length: 0,
  firstInPassage: 0,
  namedSpeaker: 0.25,
  otherSpeaker: -0.1,
  ordinal: 0.5,
  quantityFigure: 0.12,
  quantityNoFigure: -0.15,
  listLike: 0.08,
};
