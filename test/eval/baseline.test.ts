import { describe, expect, it } from 'vitest';
import { diffBaseline, parseBaseline } from '../../src/eval/suite/baseline.js';
import { buildReport } from '../../src/eval/suite/report.js';
import { result, suiteCase } from './fixtures.js';

const a = suiteCase('a', { contains: ['yes'] });
const b = suiteCase('b', { contains: ['yes'] });
const c = suiteCase('c', { contains: ['yes'] });
const d = suiteCase('d', { contains: ['yes'] });

describe('diffBaseline', () => {
  const before = buildReport([result(a, { answer: 'yes' }), result(b, { answer: 'no' }), result(c, { answer: 'yes' })]);
  const after = buildReport([
    result(a, { answer: 'no' }),
    result(b, { answer: 'yes' }),
    result(c, { answer: 'yes' }),
    result(d, { answer: 'no' }),
  ]);
  const baseline = parseBaseline(JSON.stringify(before), 'prev.json');

  it('lists pass→fail and fail→pass cases', () => {
    const diff = diffBaseline(baseline, after);
    expect(diff.regressions).toEqual([{ id: 'a', reasons: ['contains: "yes" not in answer'] }]);
    expect(diff.fixes).toEqual([{ id: 'b' }]);
    expect(diff.newCases).toBe(1);
  });

  it('reports ratio metrics that dropped by more than 0.01, overall and per suite', () => {
    const diff = diffBaseline(baseline, after);
    expect(diff.drops).toEqual([
      { scope: 'all', metric: 'answerAccuracy', before: 2 / 3, after: 0.5 },
      { scope: 'suite:dev', metric: 'answerAccuracy', before: 2 / 3, after: 0.5 },
    ]);
    const tiny = { ...baseline, summary: { ...baseline.summary, answerAccuracy: 0.505 } };
    expect(diffBaseline({ ...tiny, bySuite: {} }, after).drops).toEqual([]);
  });

  it('ignores metrics that are null on either side and improvements', () => {
    const diff = diffBaseline(parseBaseline(JSON.stringify(after), 'x'), before);
    expect(before.summary.numericAccuracy).toBeNull();
    expect(diff.drops).toEqual([]);
    expect(diff.regressions.map((r) => r.id)).toEqual(['b']);
    expect(diff.fixes.map((f) => f.id)).toEqual(['a']);
  });

  it('rejects a file that is not a report', () => {
    expect(() => parseBaseline('{', 'bad.json')).toThrow(/baseline bad.json is not JSON/);
    expect(() => parseBaseline('{"summary":{}}', 'bad.json')).toThrow(/not an eval --json report \(cases:/);
  });
});
