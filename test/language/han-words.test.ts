import { describe, expect, it } from 'vitest';
import { hanContentWords } from '../../src/language/han-words.js';

describe('hanContentWords', () => {
  it('splits a Chinese question into its content words, question words and single characters left out', () => {
    const words = hanContentWords('2023年岚江市对美国进出口总值是多少？');
    expect(words).toContain('美国');
    expect(words).toContain('进出口');
    expect(words).toContain('总值');
    expect(words).not.toContain('多少');
    expect(words.every((w) => w.length >= 2)).toBe(true);
  });

  it('gives nothing for text without Han characters', () => {
    expect(hanContentWords('How many people lived in the town?')).toEqual([]);
  });
});
