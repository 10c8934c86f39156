import { describe, expect, it } from 'vitest';
import { isFirstName, isRegionName } from '../../src/language/name-words.js';

describe('name words', () => {
  it('knows popular given names of several languages, as written', () => {
    for (const w of ['John', 'Maria', 'Richard', 'Oliver', 'Jacques']) expect(isFirstName(w)).toBe(true);
    for (const w of ['Picardy', 'Normandy', 'john', 'Engine']) expect(isFirstName(w)).toBe(false);
  });

  it('knows countries and world regions from the ICU data, in any case', () => {
    for (const w of ['Spain', 'syria', 'Europe', 'Latin America', 'Western Europe']) expect(isRegionName(w)).toBe(true);
    for (const w of ['Low Valley', 'Harbour', 'Kelmsby']) expect(isRegionName(w)).toBe(false);
  });
});
