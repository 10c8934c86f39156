import { describe, expect, it } from 'vitest';
import { preferTurnWords } from '../../../src/answer/offline/turn-focus.js';
import { scoredSentence } from '../../helpers/scored-sentence.js';

const scored = scoredSentence;

const even = () => 1;
const CONTEXT = 'What was the jobless rate in Tarrow in May? The jobless rate was 5.2% in May.';
const LIST = [
  scored('The jobless rate in Tarrow was 5.2% in May.', 1.1),
  scored('For young people the jobless rate rose to 12.4%.', 1.0),
  scored('The council met in May.', 0.5),
];

describe('preferTurnWords', () => {
  it('puts first the best sentence holding a follow-up’s new words when the best holds none', () => {
    const out = preferTurnWords(LIST, 'and what was it for young people?', CONTEXT, even);
    expect(out.map((s) => s.score)).toEqual([1.0, 1.1, 0.5]);
  });

  it('keeps the order when the turn adds no words, or the best already holds one', () => {
    expect(preferTurnWords(LIST, 'and in June?', CONTEXT, even)).toEqual(LIST);
    expect(preferTurnWords(LIST, 'and the rate in Tarrow?', CONTEXT, even)).toEqual(LIST);
  });

  it('looks only at the best few sentences', () => {
    const list = [...LIST.slice(0, 1), scored('The council met.', 0.9), scored('The mill closed.', 0.8), LIST[1]!];
    expect(preferTurnWords(list, 'and what was it for young people?', CONTEXT, even)).toEqual(list);
  });
});
