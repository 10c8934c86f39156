import { describe, expect, it } from 'vitest';
import { fitSoftmaxRanker, meanGain, pick, type RankingGroup } from '../../../src/eval/fit/softmax-ranker.js';

/** Groups where the best candidate is the one with feature 0 set, whatever feature 1 says (it is noise). */
function groups(count: number): RankingGroup[] {
  const out: RankingGroup[] = [];
  for (let i = 0; i < count; i++) {
    const good = i % 3;
    const features = [0, 1, 2].map((j) => [j === good ? 1 : 0, (i + j) % 2]);
    out.push({ features, gains: features.map((f) => f[0]!) });
  }
  return out;
}

describe('softmax ranker', () => {
  it('learns which feature marks the best candidate and picks it in unseen groups', () => {
    const w = fitSoftmaxRanker(groups(30), 2);
    expect(w[0]).toBeGreaterThan(1);
    expect(Math.abs(w[1]!)).toBeLessThan(w[0]! / 4);
    expect(meanGain(w, groups(12))).toBe(1);
    expect(meanGain([0, 1], groups(12))).toBeLessThan(1);
  });

  it('shares the target among equally good candidates and skips groups that teach nothing', () => {
    const tie: RankingGroup = { features: [[1], [1], [0]], gains: [0.5, 0.5, 0] };
    const useless: RankingGroup = { features: [[0], [1]], gains: [0, 0] };
    const w = fitSoftmaxRanker([tie, useless], 1);
    expect(w[0]).toBeGreaterThan(0);
    expect(fitSoftmaxRanker([useless], 1)).toEqual([0]);
  });

  it('picks the first of equal scores, and none from an empty group', () => {
    expect(pick([1], { features: [[1], [1]], gains: [0, 1] })).toBe(0);
    expect(pick([1], { features: [], gains: [] })).toBe(-1);
    expect(meanGain([1], [])).toBe(0);
  });

  it('is deterministic', () => {
    expect(fitSoftmaxRanker(groups(9), 2)).toEqual(fitSoftmaxRanker(groups(9), 2));
  });
});
