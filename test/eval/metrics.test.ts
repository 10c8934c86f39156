import { describe, expect, it } from 'vitest';
import { computeMetrics, percentile } from '../../src/eval/scoring/metrics.js';
import { buildReport } from '../../src/eval/suite/report.js';
import { failedCase } from '../../src/eval/suite/run-case.js';
import { RATIO_METRICS } from '../../src/eval/suite/types.js';
import { check, citation, result, suiteCase } from './fixtures.js';

const c1 = suiteCase(
  'c1',
  { number: { value: 47.4, tolerance: 0.1 }, cites: ['an increase of 47.4%'] },
  { tags: ['fact'] },
);
const c2 = suiteCase(
  'c2',
  { number: { value: 6.67, tolerance: 0.05 }, cites: ['rate of 6.7%', 'US$164.84 billion'] },
  { tags: ['calc'] },
);
const c3 = suiteCase('c3', { abstain: true }, { tags: ['abstain'], suite: 'heldout' });
const c4 = suiteCase('c4', { abstain: true }, { tags: ['abstain'], suite: 'heldout' });
const c5 = suiteCase('c5', { contains: ['Li Jun'] }, { tags: ['who'] });

const results = [
  result(
    c1,
    {
      answer: 'It rose 47.4% from 2015 to 2020 [1].',
      citations: [citation(1, 'an increase of 47.4% on 2015'), citation(2, 'unrelated text about 2020')],
    },
    10,
    { k: 5, citesFound: [true], firstRank: 2 },
  ),
  result(
    c2,
    {
      answer: 'The CAGR was 6.67% [1], about 12 times.',
      citations: [citation(1, 'a compound annual growth rate of 6.7%')],
      checks: [check(6.6667, '6.67%', 'cagr')],
    },
    20,
    { k: 5, citesFound: [false, false], firstRank: null },
  ),
  result(c3, { answer: 'The documents do not cover this.', abstained: true }, 30),
  result(c4, { answer: 'It was 5%.' }, 40),
  result(c5, { answer: 'Not covered.', abstained: true }, 50),
];

describe('computeMetrics', () => {
  it('computes every metric on hand-made responses', () => {
    expect(results.map((r) => r.passed)).toEqual([true, false, true, false, false]);
    const m = computeMetrics(results);
    expect(m).toMatchObject({ cases: 5, passed: 2, errors: 0, latencyMs: { p50: 30, p95: 50 } });
    expect(m.answerAccuracy).toBeCloseTo(0.4);
    expect(m.numericAccuracy).toBe(1);
    expect(m.citationPrecision).toBeCloseTo(2 / 3); // the quote about 2020 only shares a year with the answer
    expect(m.citationRecall).toBeCloseTo(2 / 3);
    expect(m.retrievalRecallAtK).toBeCloseTo(1 / 3);
    expect(m.mrr).toBeCloseTo(0.25);
    expect(m.abstentionPrecision).toBeCloseTo(0.5);
    expect(m.abstentionRecall).toBeCloseTo(0.5);
    expect(m.checkCoverage).toBeCloseTo(0.5); // 47.4 (quote) and 6.67 (check) backed; 12 and 5 not
  });

  it('keeps per-case counts in the result', () => {
    expect(results[1]?.stats).toEqual({
      numberMatched: true,
      relevantCitations: 1,
      citations: 1,
      citesFound: [true, false],
      answerNumbers: 2,
      backedNumbers: 1,
    });
  });

  it('backs a rounded answer number with a check value', () => {
    const r = result(suiteCase('x', { contains: ['a'] }), {
      answer: 'about 13.9 pp',
      checks: [check(13.899999, null)],
    });
    expect(r.stats).toMatchObject({ answerNumbers: 1, backedNumbers: 1 });
  });

  it('returns null, not NaN, for undefined ratios', () => {
    const empty = computeMetrics([]);
    for (const k of RATIO_METRICS) expect(empty[k]).toBeNull();
    expect(empty.latencyMs).toEqual({ p50: null, p95: null });
    const abstainOnly = computeMetrics([results[2]!]);
    expect(abstainOnly).toMatchObject({
      answerAccuracy: 1,
      numericAccuracy: null,
      citationPrecision: null,
      citationRecall: null,
      retrievalRecallAtK: null,
      mrr: null,
      abstentionPrecision: 1,
      abstentionRecall: 1,
      checkCoverage: null,
    });
    expect(JSON.stringify(buildReport(results))).not.toContain('NaN');
  });

  it('counts failed requests as errors and failures', () => {
    const m = computeMetrics([failedCase(c1, 'HTTP 500', 5, null), results[0]!]);
    expect(m).toMatchObject({
      cases: 2,
      passed: 1,
      errors: 1,
      answerAccuracy: 0.5,
      numericAccuracy: 0.5,
      citationRecall: 0.5,
    });
  });
});

describe('buildReport', () => {
  it('groups by tag and by suite', () => {
    const report = buildReport(results);
    expect(Object.keys(report)).toEqual(['summary', 'byTag', 'bySuite', 'cases']);
    expect(Object.keys(report.byTag)).toEqual(['abstain', 'calc', 'fact', 'who']);
    expect(Object.keys(report.bySuite)).toEqual(['dev', 'heldout']);
    expect(report.bySuite.heldout).toMatchObject({ cases: 2, passed: 1, abstentionRecall: 0.5 });
    expect(report.byTag.abstain?.numericAccuracy).toBeNull();
    expect(report.cases).toHaveLength(5);
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(
      percentile(
        Array.from({ length: 20 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(19);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});
