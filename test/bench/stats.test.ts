import { describe, expect, it } from 'vitest';
import { hitAtK, mean, percentile, recallAtK, round, summarize } from '../../src/bench/report/stats.js';

describe('percentile', () => {
  it('interpolates between closest ranks', () => {
    const values = [5, 1, 4, 2, 3];
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 50)).toBe(3);
    expect(percentile(values, 100)).toBe(5);
    expect(percentile(values, 25)).toBe(2);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(
      percentile(
        Array.from({ length: 101 }, (_, i) => i),
        99,
      ),
    ).toBe(99);
  });

  it('does not reorder its input and handles edge cases', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('summarize and mean', () => {
  it('reports count, mean, median and p99', () => {
    const s = summarize([1, 2, 3, 4, 100]);
    expect(s).toMatchObject({ count: 5, meanMs: 22, p50Ms: 3 });
    expect(s.p99Ms).toBeCloseTo(96.16, 6);
    expect(mean([])).toBeNaN();
  });

  it('rounds to the given digits', () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(2.5, 0)).toBe(3);
  });
});

describe('recallAtK', () => {
  const exact = [
    { index: 1, score: 0.9 },
    { index: 2, score: 0.8 },
    { index: 3, score: 0.7 },
    { index: 4, score: 0.6 },
  ];

  it('is the fraction of the exact top k found', () => {
    expect(recallAtK(exact, exact)).toBe(1);
    expect(recallAtK([exact[0]!, exact[1]!, { index: 9, score: 0.5 }, { index: 8, score: 0.4 }], exact)).toBe(0.5);
    expect(recallAtK([], exact)).toBe(0);
  });

  it('ignores order and counts an item tying the k-th exact score', () => {
    const shuffled = [exact[3]!, exact[0]!, exact[2]!, { index: 7, score: 0.6 }];
    expect(recallAtK(shuffled, exact)).toBe(1);
    expect(recallAtK([{ index: 7, score: 0.5999 }], exact, 1e-6)).toBe(0);
  });

  it('treats an empty exact list as full recall and looks only at the first k results', () => {
    expect(recallAtK([{ index: 1, score: 1 }], [])).toBe(1);
    const longer = [
      { index: 9, score: 0.1 },
      { index: 8, score: 0.1 },
      { index: 7, score: 0.1 },
      { index: 6, score: 0.1 },
      ...exact,
    ];
    expect(recallAtK(longer, exact)).toBe(0);
  });
});

describe('hitAtK', () => {
  const passages = ['alpha beta', 'the digital economy accounts for nearly 38% of total GDP', 'gamma'];

  it('finds a needle in the first k passages only', () => {
    expect(hitAtK(passages, ['nearly 38% of total GDP'], 2)).toBe(true);
    expect(hitAtK(passages, ['nearly 38% of total GDP'], 1)).toBe(false);
    expect(hitAtK(passages, ['missing', 'gamma'], 3)).toBe(true);
  });

  it('matches after NFKC normalisation but stays case-sensitive', () => {
    expect(hitAtK(['growth of ３８％'], ['38%'], 1)).toBe(true);
    expect(hitAtK(['Digital Trade'], ['digital trade'], 1)).toBe(false);
  });
});
