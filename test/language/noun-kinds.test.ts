import { describe, expect, it } from 'vitest';
import { isKindOf, nounLemmaOf } from '../../src/language/noun-kinds.js';

describe('nounLemmaOf', () => {
  it('finds a compound whole, or else its longest known tail', () => {
    expect(nounLemmaOf(['Ocean', 'liner'])).toBe('ocean_liner');
    expect(nounLemmaOf(['steam', 'generator'])).toBe('generator');
    expect(nounLemmaOf(['Qorvathi'])).toBeUndefined();
  });
});

describe('isKindOf', () => {
  it('knows kinds and instances of a category through any number of steps', () => {
    const pairs: [string, string][] = [
      ['catholicism', 'religion'],
      ['africa', 'continent'],
      ['afrikaans', 'language'],
      ['ocean_liner', 'ship'],
      ['condenser', 'device'],
      ['spain', 'country'],
    ];
    for (const [word, category] of pairs) expect(isKindOf(word, category), `${word} of ${category}`).toBe(true);
  });

  it('goes by the word’s most frequent sense, and no word is a kind of itself', () => {
    expect(isKindOf('creativity', 'religion')).toBe(false);
    expect(isKindOf('africa', 'language')).toBe(false);
    expect(isKindOf('religion', 'religion')).toBe(false);
    expect(isKindOf('ship', 'qorvathi')).toBe(false);
  });
});
