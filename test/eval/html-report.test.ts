import { describe, expect, it } from 'vitest';
import { toHtmlReport } from '../../src/eval/reports/html-report.js';
import { buildReport } from '../../src/eval/suite/report.js';
import { citation, result, suiteCase } from './fixtures.js';

const evil = '<script>alert("pwned")</script>';

const report = buildReport([
  result(suiteCase('ok-1', { contains: ['engine'] }, { tags: ['fact'] }), {
    answer: 'an engine [1]',
    citations: [citation(1, 'new engine')],
  }),
  result(
    suiteCase('bad-1', { contains: ['Li Jun'] }, { tags: ['who', '<img src=x>'], question: `who said ${evil}?` }),
    {
      answer: `He said “${evil}” & 'more' [1]`,
      citations: [citation(1, `quote with ${evil}`, '<b>Wei</b>')],
    },
  ),
]);

describe('toHtmlReport', () => {
  const html = toHtmlReport(report, { subtitle: `run ${evil}` });

  it('escapes everything that comes from cases and answers', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>Wei</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(html).toContain('&amp; &#39;more&#39;');
  });

  it('is self-contained', () => {
    expect(html).not.toMatch(/<link\b|<[a-z]+[^>]*\ssrc=|url\(|@import/i);
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });

  it('shows the chart and the failed case with its question, answer, reasons and citations', () => {
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html.match(/<rect /g)?.length).toBeGreaterThan(3);
    expect(html).toContain('id="case-bad-1"');
    expect(html).not.toContain('id="case-ok-1"');
    expect(html).toContain('who said &lt;script&gt;');
    expect(html).toContain('contains: &quot;Li Jun&quot; not in answer');
    expect(html).toContain('quote with &lt;script&gt;');
    expect(html).toContain('Failed cases (1)');
  });
});
