import { describe, expect, it } from 'vitest';
import { judge } from '../../src/eval/suite/judge.js';
import { citation } from './fixtures.js';

const answer = (text: string, extra: { abstained?: boolean; quotes?: string[] } = {}) => ({
  answer: text,
  abstained: extra.abstained ?? false,
  citations: (extra.quotes ?? []).map((q, i) => citation(i + 1, q)),
});

describe('judge', () => {
  it('contains: every string, case-insensitive', () => {
    expect(judge({ contains: ['wei hao', 'ENGINE'] }, answer('Wei Hao calls it an engine.')).passed).toBe(true);
    const v = judge({ contains: ['Wei Hao', 'Chen Jin'] }, answer('Wei Hao said so.'));
    expect(v.passed).toBe(false);
    expect(v.reasons).toEqual(['contains: "Chen Jin" not in answer']);
  });

  it('contains_any: at least one string', () => {
    expect(judge({ contains_any: ['Wei Hao', 'Chen Hongna'] }, answer('chen hongna did')).passed).toBe(true);
    expect(judge({ contains_any: ['Wei Hao', 'Chen Hongna'] }, answer('Li Jun did')).reasons).toEqual([
      'contains_any: none of ["Wei Hao", "Chen Hongna"] in answer',
    ]);
  });

  it('not_contains: none of the strings', () => {
    expect(judge({ not_contains: ['BANANA'] }, answer('It was 31.7%.')).passed).toBe(true);
    expect(judge({ not_contains: ['BANANA'] }, answer('banana')).reasons).toEqual([
      'not_contains: answer contains "BANANA"',
    ]);
  });

  it('regex: every pattern, flag i', () => {
    expect(
      judge({ regex: ['industrial digitali[sz]ation', 'TRADE'] }, answer('Industrial digitalisation of trade')).passed,
    ).toBe(true);
    expect(judge({ regex: ['36\\.7'] }, answer('from 30.6% to 44.5%')).reasons).toEqual([
      'regex: /36\\.7/i does not match the answer',
    ]);
  });

  it('not_regex: no pattern matches, and the reason quotes the match', () => {
    expect(judge({ not_regex: ['trade\\s+fell\\s+90'] }, answer('Digital trade grew 47.4%.')).passed).toBe(true);
    const v = judge({ not_regex: ['trade\\s+fell\\s+90'] }, answer('Digital TRADE fell 90%.'));
    expect(v.reasons).toEqual(['not_regex: /trade\\s+fell\\s+90/i matches "TRADE fell 90"']);
  });

  it('number: passes within tolerance (inclusive) of any accepted value', () => {
    expect(judge({ number: { value: 6.67, tolerance: 0.05 } }, answer('a CAGR of 6.7% [1]')).numberMatched).toBe(true);
    expect(judge({ number: { value: 6.65, tolerance: 0.05 } }, answer('6.7%')).passed).toBe(true);
    expect(
      judge(
        {
          number: [
            { value: 7.18, tolerance: 0.05 },
            { value: 8.01, tolerance: 0.05 },
          ],
        },
        answer('about 8%'),
      ).passed,
    ).toBe(true);
  });

  it('number: failure lists the accepted windows and the numbers found', () => {
    const v = judge(
      { number: { value: 6.67, tolerance: 0.05 } },
      answer('From 2011 to 2020 [1] it grew 6.8%, i.e. 6.8% a year.'),
    );
    expect(v.passed).toBe(false);
    expect(v.numberMatched).toBe(false);
    expect(v.reasons).toEqual(['number: none of [6.67±0.05] in answer (found 2011, 2020, 6.8)']);
    expect(judge({ number: { value: 1, tolerance: 0 } }, answer('no figures')).reasons[0]).toContain('(found none)');
  });

  it('number: ignores citation markers and thousands separators', () => {
    expect(judge({ number: { value: 1, tolerance: 0 } }, answer('It grew a lot [1].')).passed).toBe(false);
    expect(judge({ number: { value: 1234.5, tolerance: 0.01 } }, answer('US$1,234.5 billion')).passed).toBe(true);
  });

  it('NFKC: full-width digits and letters count as ASCII', () => {
    expect(judge({ number: { value: 294.76, tolerance: 0.01 } }, answer('ＵＳ＄２９４．７６ billion')).passed).toBe(
      true,
    );
    expect(judge({ contains: ['US$294'] }, answer('ＵＳ＄２９４．７６')).passed).toBe(true);
    expect(judge({ regex: ['294\\.76'] }, answer('２９４．７６')).passed).toBe(true);
  });

  it('abstain: compares the API flag', () => {
    expect(judge({ abstain: true }, answer('The documents do not cover this.', { abstained: true })).passed).toBe(true);
    expect(judge({ abstain: true }, answer('It was 5%.')).reasons).toEqual([
      'abstain: expected an abstention, got an answer',
    ]);
    expect(judge({ abstain: false }, answer('Not covered.', { abstained: true })).reasons).toEqual([
      'abstain: expected an answer, got an abstention',
    ]);
  });

  it('cites: every string verbatim (case-sensitive) in some citation quote', () => {
    const quotes = ['its proportion in service trade increased from 30.6% to 44.5%.', 'digital trade is strong'];
    const ok = judge({ cites: ['from 30.6% to 44.5%', 'is strong'] }, answer('x', { quotes }));
    expect(ok.passed).toBe(true);
    expect(ok.citesFound).toEqual([true, true]);
    const v = judge({ cites: ['From 30.6% to 44.5%', 'missing'] }, answer('x', { quotes }));
    expect(v.citesFound).toEqual([false, false]);
    expect(v.reasons).toEqual([
      'cites: "From 30.6% to 44.5%" not in any citation quote (2 citations)',
      'cites: "missing" not in any citation quote (2 citations)',
    ]);
    expect(judge({ cites: ['x'] }, answer('x')).reasons).toEqual([
      'cites: "x" not in any citation quote (no citations)',
    ]);
  });

  it('requires every expectation (logical AND) and reports each failure', () => {
    const v = judge(
      { contains: ['Wei Hao'], number: { value: 47.4, tolerance: 0.1 }, abstain: false, cites: ['47.4%'] },
      answer('Wei Hao: it rose 47.4% [1]', { quotes: ['an increase of 47.4%'] }),
    );
    expect(v).toMatchObject({ passed: true, reasons: [], numberMatched: true });
    expect(
      judge({ contains: ['Li Jun'], number: { value: 1, tolerance: 0 } }, answer('Wei Hao: 47.4%')).reasons,
    ).toHaveLength(2);
  });
});
