import type { ChatResponse } from '../../../answer/schema.js';
import { firstSentence } from '../../scoring/answer-text.js';
import type { PredictionSource } from './types.js';

/** The text scored by EM/F1 and where it came from. */
export interface Prediction {
  text: string;
  source: Exclude<PredictionSource, 'error'>;
}

/**
 * The prediction of a response: '' when it abstained; else its `short.text` when present, else the
 * answer's first sentence.
 */
export function predictionOf(response: Pick<ChatResponse, 'abstained' | 'answer' | 'short'>): Prediction {
  if (response.abstained) return { text: '', source: 'abstained' };
  if (response.short) return { text: response.short.text, source: 'short' };
  return { text: firstSentence(response.answer), source: 'fallback' };
}
