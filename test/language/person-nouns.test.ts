import { describe, expect, it } from 'vitest';
import { isPersonNoun } from '../../src/language/person-nouns.js';

describe('isPersonNoun', () => {
  it('knows roles and kinds of people', () => {
    for (const w of ['officer', 'manager', 'treasurer', 'physician', 'bishop', 'engineer'])
      expect(isPersonNoun(w)).toBe(true);
  });

  it('goes by the most frequent sense', () => {
    for (const w of ['model', 'engine', 'river', 'theory', 'committee', 'government'])
      expect(isPersonNoun(w)).toBe(false);
  });
});
