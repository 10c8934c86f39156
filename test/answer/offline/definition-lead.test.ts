import { describe, expect, it } from 'vitest';
import { preferDefinition } from '../../../src/answer/offline/definition-lead.js';
import { scoredSentence } from '../../helpers/scored-sentence.js';

const scored = scoredSentence;

const LIST = [
  scored('The berth value of the north quay was $4.9 million in 2019.', 1.2),
  scored('The total berth value of new leases was $1.1 million.', 1.1),
  scored('Berth value represents the fees a berth would earn if let all year.', 0.9),
];

describe('preferDefinition', () => {
  it('puts first the best sentence that defines the term a definition question asks about', () => {
    expect(preferDefinition(LIST, 'What is berth value?')[0]).toBe(LIST[2]);
  });

  it('leaves lookups of the same words, and lists with no definition, alone', () => {
    expect(preferDefinition(LIST, 'What was the berth value in 2019?')).toBe(LIST);
    expect(preferDefinition(LIST.slice(0, 2), 'What is berth value?')).toEqual(LIST.slice(0, 2));
  });

  it('reaches past table rows that repeat the term, and reads "presents" as defining', () => {
    const rows = Array.from({ length: 8 }, (_, i) =>
      scored(`| Basic berth value ${i} | 1,30${i} | 1,20${i} |`, 2 - i / 10),
    );
    const defining = scored('Berth value presents the fees a berth would earn if let all year.', 0.5);
    const list = [...rows, defining];
    expect(preferDefinition(list, 'What is the definition of the term "berth value"?')[0]).toBe(defining);
  });
});
