import { describe, expect, it } from 'vitest';
import { rerankBySpan } from '../../../src/answer/offline/span-rerank.js';
import { scoredSentence } from '../../helpers/scored-sentence.js';

const scored = scoredSentence;

const even = () => 1;

describe('rerankBySpan', () => {
  it('puts first, of two sentences that match alike, the one holding a span of the asked-for kind', () => {
    const list = [
      scored('The Tarrow bridge was rebuilt after the storm by the town.', 1.0),
      scored('The Tarrow bridge was rebuilt in 1911 by the town.', 0.99),
    ];
    const out = rerankBySpan(list, 'When was the Tarrow bridge rebuilt?', 'date', even);
    expect(out.map((s) => s.score)).toEqual([0.99, 1.0]);
  });

  it('keeps a clearly better match first, and leaves sentences past the first three alone', () => {
    const list = [
      scored('The Tarrow bridge was rebuilt after the storm by the town.', 1.4),
      scored('A fair was held in 1911.', 0.5),
      scored('The mill closed.', 0.4),
      scored('The quay opened in 1904.', 0.3),
    ];
    const out = rerankBySpan(list, 'When was the Tarrow bridge rebuilt?', 'date', even);
    expect(out[0]!.score).toBe(1.4);
    expect(out[3]!.score).toBe(0.3);
  });

  it('puts first, for "how often", a sentence among the best three that states a frequency', () => {
    const list = [
      scored('The names of the board members as of March 3, 2024 are listed below.', 1.2),
      scored('The board held eleven meetings in 2023.', 1.0),
      scored('Board members are elected annually by the shareholders.', 0.6),
      scored('Committees meet twice a year.', 0.5),
    ];
    const out = rerankBySpan(list, 'How often are the board members elected?', 'number', even);
    expect(out.map((s) => s.score)).toEqual([0.6, 1.2, 1.0, 0.5]);
  });

  it('changes nothing for reasons or questions of no span type', () => {
    const list = [scored('It rained.', 1), scored('The dam broke in 1852.', 0.99)];
    expect(rerankBySpan(list, 'Why did the dam break?', 'reason', even)).toEqual(list);
    expect(rerankBySpan(list, 'Is the dam safe?', null, even)).toEqual(list);
  });
});
