import { describe, expect, it } from 'vitest';
import { isCurrencyCode, isCurrencyWord, isUnitWord } from '../../src/language/unit-words.js';

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

describe('currency codes', () => {
  it('knows ISO 4217 codes and RMB, written in capitals, and nothing else', () => {
    for (const w of ['INR', 'USD', 'ZAR', 'CHF', 'RMB']) expect(isCurrencyCode(w)).toBe(true);
    for (const w of ['inr', 'CEO', 'GDP', 'Usd']) expect(isCurrencyCode(w)).toBe(false);
  });
});

describe('unit words', () => {
  it('knows units of measure from the ICU unit identifiers and common spellings, with plurals', () => {
    for (const w of ['kilometers', 'mile', 'Meters', 'litres', 'hours', 'bytes', 'cubic', 'horsepower', 'tonnes'])
      expect(isUnitWord(w)).toBe(true);
  });

  it('leaves out the parts of compound identifiers that are not units, and other nouns', () => {
    for (const w of ['per', 'fluid', 'valves', 'people', 'revenue']) expect(isUnitWord(w)).toBe(false);
  });
});
