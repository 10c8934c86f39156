import { describe, expect, it } from 'vitest';
import { diffTatqaBaseline, parseTatqaBaseline } from '../../../src/eval/datasets/tatqa/baseline.js';
import {
  formatTatqaFailures,
  formatTatqaGroups,
  formatTatqaSummary,
} from '../../../src/eval/datasets/tatqa/console-report.js';
import { parseTatqa, type TatqaQuestion } from '../../../src/eval/datasets/tatqa/dataset.js';
import { toTatqaHtmlReport } from '../../../src/eval/datasets/tatqa/html-report.js';
import { toTatqaJUnitXml } from '../../../src/eval/datasets/tatqa/junit.js';
import { computeTatqaMetrics } from '../../../src/eval/datasets/tatqa/metrics.js';
import { buildTatqaReport } from '../../../src/eval/datasets/tatqa/report.js';
import { failedQuestion, scoreQuestion } from '../../../src/eval/datasets/tatqa/score-question.js';
import { TATQA_SUMMARY_METRICS, type TatqaResult } from '../../../src/eval/datasets/tatqa/types.js';
import { check, response } from '../fixtures.js';
import { xmlProblems } from '../xml-well-formed.js';
import { FICTIONAL_TATQA } from './fictional-tatqa.js';

const qs = new Map(parseTatqa(FICTIONAL_TATQA, 'f.json').questions.map((q) => [q.uid, q]));
const q = (id: string) => qs.get(id) as TatqaQuestion;
const short = (text: string) => ({ text, citation: 1, start: 0, end: text.length });
const RUN = {
  dataset: 'tatqa' as const,
  file: 'f.json',
  total: 12,
  documents: 2,
  limit: null,
  seed: null,
  scope: 'document' as const,
  target: 'test',
};

/** One outcome per fictional question, with known counts. */
function results(): TatqaResult[] {
  return [
    scoreQuestion(
      q('bm-span'),
      response({ answer: 'The Harrowgate workshop was closed for four months while its roof was rebuilt [1].' }),
      10,
    ), // EM
    scoreQuestion(q('bm-multi'), response({ answer: 'Ilsa Brandt [1].', short: short('Ilsa Brandt') }), 20), // F1 2/3
    scoreQuestion(
      q('bm-diff'),
      response({ answer: 'Up 250 [1].', checks: [check(250, 'US$250 thousand', 'difference')] }),
      30,
    ), // correct, check
    scoreQuestion(q('bm-ratio'), response({ answer: 'Down 17.07% [1].' }), 40), // sign wrong, text
    scoreQuestion(q('bm-avg'), response({ answer: 'Not covered.', abstained: true }), 50), // abstained
    scoreQuestion(q('bm-count'), response({ answer: '2 people [1].' }), 60), // correct, text
    scoreQuestion(q('lv-div'), response({ answer: 'About 25 [1].' }), 70), // scale wrong
    scoreQuestion(q('lv-sum'), response({ answer: 'Ferry [1].' }), 80), // no number
    scoreQuestion(q('lv-diff-pct'), response({ answer: 'x', checks: [check(2.5, '+2.5 pp', 'pp_change')] }), 90), // correct
    failedQuestion(q('lv-other'), 'timeout', 100), // error
    scoreQuestion(q('lv-where'), response({ answer: 'At the pier [1].', short: short('Kettleby pier') }), 110), // F1 only
    scoreQuestion(q('lv-visitors'), response({ answer: '12,400 [1].', short: short('12,400') }), 120), // EM
  ];
}

describe('TAT-QA metrics and grouping', () => {
  const report = buildTatqaReport(results(), RUN);
  const s = report.summary;

  it('counts correct, abstained, errors and number sources', () => {
    expect(s).toMatchObject({
      questions: 12,
      correct: 5,
      abstained: 1,
      errors: 1,
      numeric: 8,
      fromCheck: 2,
      fromText: 3,
      noNumber: 1,
      spans: 4,
    });
    expect(s.accuracy).toBe(5 / 12);
    expect(s.abstentionRate).toBe(1 / 12);
    // bm-diff, bm-count, lv-div (value right, scale wrong), lv-diff-pct
    expect(s.numberCorrect).toBe(4 / 8);
    expect(s.exactMatch).toBe(2 / 4);
    expect(s.latencyMs).toEqual({ p50: 60, p95: 120 });
  });

  it('groups by answer type, derivation form (arithmetic only) and answer source, in a fixed order', () => {
    expect(Object.keys(report.byAnswerType)).toEqual(['span', 'multi-span', 'arithmetic', 'count']);
    expect(report.byAnswerType.arithmetic).toMatchObject({
      questions: 7,
      correct: 2,
      abstained: 1,
      errors: 1,
      spans: 0,
      exactMatch: null,
      f1: null,
    });
    expect(report.byAnswerType.span).toMatchObject({
      questions: 3,
      correct: 2,
      numeric: 0,
      numberCorrect: null,
      exactMatch: 2 / 3,
    });
    expect(report.byAnswerType['multi-span']?.f1).toBeCloseTo(2 / 3, 10);
    expect(Object.keys(report.byDerivation)).toEqual([
      'difference',
      'change-ratio',
      'average',
      'division',
      'sum',
      'other',
    ]);
    expect(Object.values(report.byDerivation).reduce((n, m) => n + (m?.questions ?? 0), 0)).toBe(7);
    expect(report.byDerivation.difference).toMatchObject({ questions: 2, correct: 2, accuracy: 1 });
    expect(Object.keys(report.byAnswerFrom)).toEqual(['table', 'text', 'table-text']);
    expect(report.byAnswerFrom.text).toMatchObject({ questions: 4, correct: 2 });
    expect(report.byAnswerFrom['table-text']).toMatchObject({ questions: 1, correct: 1 });
  });

  it('takes the headline over the five single-operation forms', () => {
    // difference ×2 (both right), change ratio (wrong), average (abstained), division (wrong), sum (wrong); "other" is left out.
    expect(s.oneOpArithmetic).toBe(6);
    expect(s.oneOpArithmeticAccuracy).toBe(2 / 6);
  });

  it('lists the failures with uid, question, gold with scale, prediction and why', () => {
    expect(report.failures.map((f) => f.id)).toEqual([
      'bm-multi',
      'bm-ratio',
      'bm-avg',
      'lv-div',
      'lv-sum',
      'lv-other',
      'lv-where',
    ]);
    expect(report.failures[3]).toEqual({
      id: 'lv-div',
      question: q('lv-div').question,
      gold: '25%',
      prediction: '25',
      why: 'number right, scale wrong: 25 (answer text); expected 25%',
    });
  });

  it('leaves ratios without a denominator null', () => {
    const m = computeTatqaMetrics([]);
    expect(m).toMatchObject({
      questions: 0,
      accuracy: null,
      numberCorrect: null,
      exactMatch: null,
      latencyMs: { p50: null, p95: null },
    });
  });
});

describe('report shapes', () => {
  const nasty = '<script>alert("x")</script> & \u0001';
  const rs = results();
  rs[3] = { ...rs[3]!, question: `What ${nasty}?`, answer: `A ${nasty}`, prediction: nasty };
  const report = buildTatqaReport(rs, RUN);
  const json = JSON.parse(JSON.stringify(report)) as typeof report;

  it('JSON has the run, the summary, the groups, the failures and every question', () => {
    expect(Object.keys(json)).toEqual([
      'kind',
      'run',
      'summary',
      'byAnswerType',
      'byDerivation',
      'byAnswerFrom',
      'failures',
      'questions',
    ]);
    for (const k of TATQA_SUMMARY_METRICS)
      expect(json.summary[k] === null || (json.summary[k] >= 0 && json.summary[k] <= 1), k).toBe(true);
    expect(json.questions).toHaveLength(12);
    expect(Object.keys(json.questions[0]!)).toEqual(
      expect.arrayContaining([
        'id',
        'answerType',
        'answerFrom',
        'form',
        'scale',
        'gold',
        'prediction',
        'source',
        'correct',
        'numberCorrect',
        'exactMatch',
        'f1',
        'abstained',
        'passed',
        'why',
        'latencyMs',
      ]),
    );
  });

  it('console output has the summary, the three group tables and the failures', () => {
    expect(formatTatqaSummary(report)).toMatch(/TAT-QA: 12 questions of 12 \(2 documents\) in f\.json; scope document/);
    expect(formatTatqaSummary(report)).toMatch(/one-operation arithmetic accuracy\s+33\.3%/);
    const groups = formatTatqaGroups(report);
    expect(groups).toMatch(/By answer type[\s\S]*By derivation form \(arithmetic\)[\s\S]*By answer source/);
    expect(groups).toMatch(/all arithmetic\s+7\s+2\s/);
    expect(groups).toMatch(/change ratio \(a - b\) \/ b\s+1\s+0\s/);
    expect(formatTatqaFailures(report.questions, 2)).toMatch(/Failed questions \(7; first 2\)[\s\S]*… and 5 more/);
  });

  it('JUnit has one testsuite per document and one testcase per question', () => {
    const xml = toTatqaJUnitXml(report.questions);
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml).toMatch(/<testsuites name="citecheck tatqa" tests="12" failures="6" errors="1"/);
    expect(xml).toMatch(
      /<testcase classname="Report 2" name="lv-div"[^>]*>\s*<failure message="number right, scale wrong: 25 \(answer text\); expected 25%" type="WrongNumber"/,
    );
    expect(xml).toMatch(/name="bm-avg"[^>]*>\s*<failure [^>]*type="Abstained"/);
    expect(xml).toMatch(/name="lv-other"[^>]*>\s*<error message="error: timeout" type="RequestError"/);
    expect(xml).not.toContain('<script');
  });

  it('HTML is self-contained and escapes dataset and answer text', () => {
    const html = toTatqaHtmlReport(report, { subtitle: nasty });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link\b|<[a-z]+[^>]*\ssrc=|url\(|@import/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;');
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html).toContain('Failed questions (7)');
    expect(html).toContain('one-operation arithmetic accuracy');
  });
});

describe('TAT-QA baseline', () => {
  const before = buildTatqaReport(results(), RUN);
  const after = results();
  after[2] = scoreQuestion(q('bm-diff'), response({ answer: 'Up 250 [1].' }), 30); // pass → fail (scale)
  after[6] = scoreQuestion(q('lv-div'), response({ answer: 'About 25% [1].' }), 70); // fail → pass
  after[0] = scoreQuestion(q('bm-span'), response({ answer: 'Not covered.', abstained: true }), 10); // pass → fail (abstained)

  it('lists flipped questions and metrics that got worse, overall and per group (a rise for the abstention rate)', () => {
    const base = parseTatqaBaseline(JSON.stringify(before), 'prev.json');
    const diff = diffTatqaBaseline(base, buildTatqaReport(after, RUN));
    expect(diff.regressions).toEqual(['bm-span', 'bm-diff']);
    expect(diff.fixes).toEqual(['lv-div']);
    expect(diff).toMatchObject({ newQuestions: 0, missingQuestions: 0 });
    const all = diff.worse.filter((w) => w.scope === 'all').map((w) => w.metric);
    expect(all).toEqual(expect.arrayContaining(['accuracy', 'exactMatch', 'abstentionRate']));
    expect(diff.worse).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ scope: 'type:span', metric: 'exactMatch' }),
        expect.objectContaining({ scope: 'form:difference', metric: 'accuracy' }),
      ]),
    );
    expect(diffTatqaBaseline(base, buildTatqaReport(after.slice(2), RUN))).toMatchObject({
      newQuestions: 0,
      missingQuestions: 2,
    });
  });

  it('refuses a SQuAD report or a non-JSON file with a message', () => {
    expect(() =>
      parseTatqaBaseline(JSON.stringify({ kind: 'squad2', summary: {}, byArticle: {}, questions: [] }), 's.json'),
    ).toThrow(/baseline s\.json is not a --dataset tatqa --json report \(kind: /);
    expect(() => parseTatqaBaseline('nope', 'x.json')).toThrow(/baseline x\.json is not JSON/);
  });
});
