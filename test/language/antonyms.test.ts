import { describe, expect, it } from 'vitest';
import { antonymsOf } from '../../src/language/antonyms.js';

describe('antonymsOf (WordNet)', () => {
  it('gives the direct antonyms of adjectives, adverbs, verbs and nouns, both ways', () => {
    expect(antonymsOf('best')).toContain('worst');
    expect(antonymsOf('worst')).toContain('best');
    expect(antonymsOf('parallel')).toContain('perpendicular');
    expect(antonymsOf('increase')).toContain('decrease');
    expect(antonymsOf('simplicity')).toContain('complexity');
  });

  it('knows nothing of words without antonyms, names or phrases', () => {
    expect(antonymsOf('lighthouse').size).toBe(0);
    expect(antonymsOf('Paris').size).toBe(0);
    for (const a of [...antonymsOf('good'), ...antonymsOf('open')]) expect(a).not.toMatch(/[_\s]/);
  });
});
