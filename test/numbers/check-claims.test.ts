import { describe, expect, it } from 'vitest';
import { checkClaims } from '../../src/numbers/claims/check.js';
import { extractClaims, isCheckable } from '../../src/numbers/claims/extract.js';
import { judge } from '../../src/numbers/claims/tolerance.js';
import { loadInterview } from './interview.js';

const body = loadInterview();

const row = (c: ReturnType<typeof checkClaims>[number]) => [c.claim.text, c.status, c.op, c.display];

describe('checkClaims on the interview', () => {
  const checks = checkClaims(body);

  it('gives the expected status for every checkable figure', () => {
    expect(checks.map(row)).toEqual([
      ['38%', 'unchecked', null, null],
      ['45%', 'unchecked', null, null],
      ['two', 'unchecked', null, null],
      ['three', 'unchecked', null, null],
      ['50%', 'unchecked', null, null],
      ['US$200 billion', 'unchecked', null, null],
      ['US$294.76 billion', 'unchecked', null, null],
      ['47.4%', 'verified', 'growth_rate', '47.38%'],
      ['30.6%', 'unchecked', null, null],
      ['44.5%', 'computed', 'pp_change', '+13.9 pp'],
      ['10 times', 'computed', 'annualized_multiple', '58.49%'],
      ['five years', 'unchecked', null, null],
      ['28.6%', 'unchecked', null, null],
      ['44.1%', 'unchecked', null, null],
      ['1.69 trillion yuan', 'unchecked', null, null],
      ['31.1%', 'computed', 'implied_base', '1.289 trillion yuan'],
      ['ten years', 'unchecked', null, null],
      ['doubled', 'approximate', 'ratio', '1.79×'],
      ['US$164.84 billion', 'unchecked', null, null],
      ['US$294.76 billion', 'unchecked', null, null],
      ['6.7%', 'verified', 'cagr', '6.67%'],
      ['36.7%', 'unchecked', null, null],
      ['44.5%', 'computed', 'pp_change', '+7.8 pp'],
      ['62.8%', 'unchecked', null, null],
      ['31.7%', 'unchecked', null, null],
      ['19.6%', 'unchecked', null, null],
      ['17.4%', 'unchecked', null, null],
      ['US$54.56 billion', 'unchecked', null, null],
      ['10%', 'computed', 'implied_whole', 'US$545.6 billion'],
    ]);
  });

  it('skips nothing: every non-year, non-label figure has a check with a reason', () => {
    const checkable = extractClaims(body).filter(isCheckable);
    expect(checks.map((c) => [c.claim.start, c.claim.text])).toEqual(checkable.map((c) => [c.start, c.text]));
    for (const c of checks) {
      expect(c.reason.length).toBeGreaterThan(5);
      if (c.status === 'unchecked') expect(c.value).toBeNull();
      else expect(Number.isFinite(c.value)).toBe(true);
    }
  });

  it('records the operations and operands it used', () => {
    const byText = (t: string, n = 0) => checks.filter((c) => c.claim.text === t)[n]!;
    expect(byText('47.4%')).toMatchObject({
      args: { from: 'US$200 billion', to: 'US$294.76 billion' },
      formula: '(294.76 - 200) / 200',
    });
    expect(byText('6.7%')).toMatchObject({
      args: { start: 'US$164.84 billion', end: 'US$294.76 billion', startYear: 2011, endYear: 2020 },
      formula: '(294.76 / 164.84)^(1/9) - 1',
    });
    expect(byText('doubled').reason).toContain('basically doubled');
    expect(byText('31.1%').reason).toContain('implied 2019 value 1.289 trillion yuan');
    expect(byText('10%').reason).toContain('that of the United States');
    expect(byText('10 times').reason).toContain('10× the starting level');
    expect(byText('US$200 billion').reason).toBe('source figure; operand of growth_rate for 47.4%');
    expect(byText('30.6%').reason).toBe('source figure; operand of pp_change for 44.5%');
    expect(byText('28.6%').reason).toBe('growth rate stated without the values it was computed from');
    expect(byText('62.8%').reason).toBe('reference average stated without the values behind it');
  });
});

describe('checkClaims on other text', () => {
  const one = (text: string, figure: string) => {
    const c = checkClaims(text).find((x) => x.claim.text === figure);
    if (!c) throw new Error(`no check for ${figure}`);
    return c;
  };

  it('flags a wrong growth rate as a mismatch carrying the computed value', () => {
    const c = one('Trade grew from US$200 billion in 2015 to US$294.76 billion in 2020, an increase of 50%.', '50%');
    expect(c).toMatchObject({ status: 'mismatch', op: 'growth_rate', display: '47.38%' });
    expect(c.value).toBeCloseTo(47.38, 6);
    expect(c.reason).toContain('47.38%');
  });

  it('treats one unit off in the last digit as approximate', () => {
    const text = 'It went from US$164.84 billion in 2011 to US$294.76 billion in 2020, a CAGR of 6.6%.';
    expect(one(text, '6.6%')).toMatchObject({ status: 'approximate', op: 'cagr' });
  });

  it('takes the CAGR period from a year range or a span', () => {
    const range =
      'It went from US$164.84 billion to US$294.76 billion between 2011 and 2020, a compound annual growth rate of 6.7%.';
    expect(one(range, '6.7%')).toMatchObject({ status: 'verified', args: { startYear: 2011, endYear: 2020 } });
    const span =
      'Over nine years it went from US$164.84 billion to US$294.76 billion, a compound annual growth rate of 6.7%.';
    expect(one(span, '6.7%')).toMatchObject({ status: 'verified', args: { years: 9 } });
    const none = 'It went from US$164.84 billion to US$294.76 billion, a compound annual growth rate of 6.7%.';
    expect(one(none, '6.7%').status).toBe('unchecked');
  });

  it('checks stated pp changes, differences, shares, ratios and falls', () => {
    expect(
      one('The share rose from 30.6% to 44.5%, up 13.9 percentage points.', '13.9 percentage points'),
    ).toMatchObject({
      status: 'verified',
      op: 'pp_change',
    });
    expect(
      one('Trade grew by US$94.76 billion, from US$200 billion to US$294.76 billion.', 'US$94.76 billion'),
    ).toMatchObject({
      status: 'verified',
      op: 'difference',
    });
    expect(one('Exports were US$54.56 billion, about 10% of US$545.6 billion.', '10%')).toMatchObject({
      status: 'approximate',
      op: 'share',
    });
    expect(one('It grew 1.79 times from US$164.84 billion to US$294.76 billion.', '1.79 times')).toMatchObject({
      status: 'verified',
      op: 'ratio',
    });
    expect(one('Exports fell by 3.2% from US$100 billion to US$96.8 billion.', '3.2%')).toMatchObject({
      status: 'verified',
      display: '-3.20%',
    });
    expect(one('Revenue tripled from US$2 billion to US$5 billion.', 'tripled')).toMatchObject({
      status: 'mismatch',
      display: '2.50×',
    });
  });

  it('computes an implied base from "up X% to Y", in the Chinese scale the figure is written in', () => {
    expect(one('Imports were up 12.5% to RMB 3亿 in 2019.', '12.5%')).toMatchObject({
      status: 'computed',
      op: 'implied_base',
      display: '2.667亿元',
    });
    expect(one('Imports were up 12.5% to RMB 300 million in 2019.', '12.5%')).toMatchObject({
      display: '266.7 million yuan',
    });
  });

  it('turns calculator errors into unchecked with the message', () => {
    const c = one('Trade grew from US$0 billion to US$5 billion, an increase of 20%.', '20%');
    expect(c.status).toBe('unchecked');
    expect(c.reason).toBe("could not compute growth_rate: growth_rate: 'from' must not be 0");
  });

  it('returns nothing for text without figures', () => {
    expect(checkClaims('No numbers here. Only words from 2020.')).toEqual([]);
  });
});

describe('judge', () => {
  const p = (decimals: number, qualifier?: Parameters<typeof judge>[2]['qualifier'], words = false) => ({
    decimals,
    qualifier,
    words,
  });

  it('matches at the stated precision', () => {
    expect(judge(47.4, 47.38, p(1), '47.4%', '47.38%').status).toBe('verified');
    expect(judge(47, 47.38, p(0), '47%', '47.38%').status).toBe('verified');
    expect(judge(47.2, 47.38, p(1), '47.2%', '47.38%').status).toBe('mismatch');
    expect(judge(48, 47.38, p(0), '48%', '47.38%').status).toBe('approximate');
  });

  it('widens for hedges and holds bounds', () => {
    expect(judge(2, 1.79, p(0, 'basically', true), 'doubled', '1.79×').status).toBe('approximate');
    expect(judge(2, 1.79, p(0, undefined, true), 'doubled', '1.79×').status).toBe('mismatch');
    expect(judge(2, 1.98, p(0, undefined, true), 'doubled', '1.98×').status).toBe('verified');
    expect(judge(10, 9.2, p(0, 'nearly'), '10 times', '9.2×').status).toBe('approximate');
    expect(judge(10, 11, p(0, 'nearly'), '10 times', '11×').status).toBe('mismatch');
    expect(judge(10, 7, p(0, 'about'), '10%', '7%').status).toBe('mismatch');
    expect(judge(50, 51, p(0, 'exceeded'), '50%', '51%').status).toBe('verified');
    expect(judge(50, 49, p(0, 'more than'), '50%', '49%').status).toBe('mismatch');
    expect(judge(50, 50, p(0, 'at least'), '50%', '50%').status).toBe('verified');
    expect(judge(50, 50, p(0, 'less than'), '50%', '50%').status).toBe('mismatch');
    expect(judge(50, 50, p(0, 'up to'), '50%', '50%').status).toBe('verified');
  });
});
