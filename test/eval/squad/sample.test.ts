import { describe, expect, it } from 'vitest';
import { sample, shuffle } from '../../../src/eval/datasets/sample.js';

const items = Array.from({ length: 50 }, (_, i) => i);

describe('seeded sampling', () => {
  it('is stable per seed', () => {
    expect(sample(items, 10, 7)).toEqual(sample(items, 10, 7));
    // Pinned: a change to the shuffle would silently change every published --limit/--seed figure.
    expect(shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 1)).toEqual(PINNED_SEED_1);
  });

  it('differs between seeds', () => {
    expect(sample(items, 10, 1)).not.toEqual(sample(items, 10, 2));
  });

  it('is a permutation: no item repeats or is lost', () => {
    const all = shuffle(items, 3);
    expect(all).toHaveLength(items.length);
    expect([...all].sort((a, b) => a - b)).toEqual(items);
    expect(all).not.toEqual(items);
  });

  it('a smaller sample is a prefix of a larger one with the same seed', () => {
    expect(sample(items, 20, 5).slice(0, 7)).toEqual(sample(items, 7, 5));
  });

  it('keeps everything in file order without a limit or with a limit past the end', () => {
    expect(sample(items, undefined, 9)).toEqual(items);
    expect(sample(items, 500, 9)).toEqual(items);
  });

  it('does not modify its input', () => {
    const copy = [...items];
    shuffle(copy, 4);
    expect(copy).toEqual(items);
  });
});

// Computed independently (mulberry32 and Fisher–Yates re-implemented in Python), not by the code under test.
const PINNED_SEED_1 = [7, 8, 3, 2, 1, 5, 9, 4, 0, 6];
