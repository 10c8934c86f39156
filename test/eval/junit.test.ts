import { describe, expect, it } from 'vitest';
import { toJUnitXml } from '../../src/eval/reports/junit.js';
import { failedCase } from '../../src/eval/suite/run-case.js';
import { citation, result, suiteCase } from './fixtures.js';
import { xmlProblems } from './xml-well-formed.js';

const nasty = `<script>alert("x")</script> & 'quotes' \u0001 ]]>`;

const results = [
  result(
    suiteCase('dev-1', { contains: ['engine'] }, { tags: ['fact'] }),
    { answer: 'an engine [1]', citations: [citation(1, 'new engine')] },
    1200,
  ),
  result(
    suiteCase('dev-2', { contains: [`${nasty}!`], regex: ['a<b'] }, { question: `Q ${nasty}` }),
    { answer: `A ${nasty}` },
    30,
  ),
  failedCase(
    suiteCase('ho-1', { abstain: true }, { suite: 'heldout' }),
    'POST /api/chat returned HTTP 500: internal: <boom>',
    5,
    null,
  ),
];

describe('toJUnitXml', () => {
  const xml = toJUnitXml(results);

  it('is well-formed XML', () => {
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });

  it('has one testsuite per suite file and one testcase per case', () => {
    expect(xml).toContain(
      '<testsuites name="citecheck eval" tests="3" failures="1" errors="1" skipped="0" time="1.235">',
    );
    expect(xml).toContain('<testsuite name="dev" tests="2" failures="1" errors="0" skipped="0" time="1.230">');
    expect(xml).toContain('<testsuite name="heldout" tests="1" failures="0" errors="1" skipped="0" time="0.005">');
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toContain('<testcase classname="dev" name="dev-1" time="1.200">');
  });

  it('escapes reasons, questions and answers', () => {
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0001');
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
    expect(xml).toContain('<failure message="contains: &quot;&lt;script&gt;');
    expect(xml).toContain('- regex: /a&lt;b/i does not match the answer');
    expect(xml).toContain(
      '<error message="error: POST /api/chat returned HTTP 500: internal: &lt;boom&gt;" type="RequestError">',
    );
  });

  it('checks itself: a broken document is reported', () => {
    expect(xmlProblems('<a><b></a>')).not.toEqual([]);
    expect(xmlProblems('<a>x & y</a>')).not.toEqual([]);
    expect(xmlProblems('<a t="<"/>')).not.toEqual([]);
  });
});
