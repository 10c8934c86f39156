import { describe, expect, it } from 'vitest';
import { inRange, labelRange } from '../../src/tables/row-range.js';

describe('labelRange', () => {
  it.each([
    ['6 to 9', { min: 6, max: 9 }],
    ['3–5 years', { min: 3, max: 5 }],
    ['1-3 years', { min: 1, max: 3 }],
    ['10 or more', { min: 10, max: Number.POSITIVE_INFINITY }],
    ['10+', { min: 10, max: Number.POSITIVE_INFINITY }],
    ['up to 2', { min: 0, max: 2 }],
  ])('%s', (label, range) => {
    expect(labelRange(label)).toEqual(range);
  });

  it('keeps open bounds open', () => {
    const over = labelRange('More than 5 years')!;
    expect([inRange(over, 5), inRange(over, 6)]).toEqual([false, true]);
    const under = labelRange('Less than 1 year')!;
    expect([inRange(under, 0.5), inRange(under, 1)]).toEqual([true, false]);
  });

  it.each(['2019', 'Total', '', '9 to 6', 'Scope 1', 'Revenue 2018 to 2019 change'])('reads %j as no band', (label) => {
    expect(labelRange(label)).toBeNull();
  });
});
