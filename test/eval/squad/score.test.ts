import { describe, expect, it } from 'vitest';
import {
  containsGold,
  exactMatch,
  f1Score,
  maxOverGold,
  normalizeAnswer,
} from '../../../src/eval/datasets/squad/squad-score.js';

describe('normalizeAnswer (SQuAD official normalisation)', () => {
  it.each([
    ['The  Quick, brown fox!', 'quick brown fox'],
    ['An apple a day', 'apple day'],
    ['theater and anthem', 'theater and anthem'],
    ['A.', ''],
    ['U.S. well-known 1,234', 'us wellknown 1234'],
    ['  tabs\tand\nnewlines  ', 'tabs and newlines'],
    ['(the) [a] {an}', ''],
    ['“Rollo”', '“rollo”'],
    ['éthe café the', 'éthe café'],
    ['THE END', 'end'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeAnswer(input)).toBe(expected);
  });
});

describe('exactMatch and f1Score', () => {
  it('exact match compares normalised text', () => {
    expect(exactMatch('the Eiffel Tower.', 'Eiffel tower')).toBe(1);
    expect(exactMatch('Eiffel Towers', 'Eiffel tower')).toBe(0);
  });

  it('F1 is token overlap of the normalised texts', () => {
    // pred [surveyor, ilsa, brandt] vs gold [ilsa, brandt]: P 2/3, R 1.
    expect(f1Score('the surveyor Ilsa Brandt', 'Ilsa Brandt')).toBeCloseTo(0.8, 10);
    expect(f1Score('Ilsa Brandt', 'Ilsa Brandt.')).toBe(1);
    expect(f1Score('Oswin', 'Ilsa Brandt')).toBe(0);
  });

  it('F1 counts repeated tokens at most as often as the gold has them', () => {
    // gold x:1 y:2; pred x x y → 2 common tokens, P = R = 2/3.
    expect(f1Score('x x y', 'x y y')).toBeCloseTo(2 / 3, 10);
  });

  it('empty texts score 1 only against empty texts', () => {
    expect(f1Score('', '')).toBe(1);
    expect(f1Score('the', '')).toBe(1);
    expect(f1Score('', 'Kettleby')).toBe(0);
    expect(f1Score('Kettleby', '')).toBe(0);
    expect(exactMatch('', '')).toBe(1);
  });

  it('takes the maximum over the gold answers; no golds means the empty answer', () => {
    expect(maxOverGold(f1Score, 'the village of Kettleby', ['Kettleby', 'the village of Kettleby'])).toBe(1);
    expect(maxOverGold(exactMatch, 'Kettleby', ['village', 'Kettleby'])).toBe(1);
    expect(maxOverGold(exactMatch, '', [])).toBe(1);
    expect(maxOverGold(exactMatch, 'something', [])).toBe(0);
  });

  it('drops gold answers that normalise to nothing, as the official script does', () => {
    // Kept, 'The' would let the empty prediction 'a' match; dropped, only 'Kettleby' is left.
    expect(maxOverGold(exactMatch, 'a', ['The', 'Kettleby'])).toBe(0);
    expect(maxOverGold(f1Score, 'a', ['The', 'Kettleby'])).toBe(0);
    // Nothing left: the question counts as having the empty answer.
    expect(maxOverGold(exactMatch, '', ['The', '.'])).toBe(1);
  });
});

describe('containsGold', () => {
  it('matches whole normalised token runs only', () => {
    expect(containsGold('The ice market is held by the village of Kettleby [1].', ['kettleby'])).toBe(true);
    expect(containsGold('It was charted in 18420.', ['1842'])).toBe(false);
    expect(containsGold('Charted in 1842, by Ilsa.', ['1842'])).toBe(true);
    expect(containsGold('Oswin Tarrel founded it', ['Tarrel Oswin'])).toBe(false);
  });

  it('never matches gold answers that normalise to nothing', () => {
    expect(containsGold('the answer', ['the', '.'])).toBe(false);
  });
});
