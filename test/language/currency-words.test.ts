import { describe, expect, it } from 'vitest';
import { isCurrencyWord } from '../../src/language/currency-words.js';

describe('currency words', () => {
  it('knows currency units from the ICU display names, singular and plural, in any case', () => {
    for (const w of ['dollar', 'dollars', 'Yuan', 'euros', 'pound', 'yen', 'krona', 'rupees', 'crowns', 'pence'])
      expect(isCurrencyWord(w)).toBe(true);
  });

  it('leaves out everyday words and other nouns', () => {
    for (const w of ['rights', 'gold', 'mark', 'real', 'won', 'sol', 'houses', 'people', 'metres'])
      expect(isCurrencyWord(w)).toBe(false);
  });
});
