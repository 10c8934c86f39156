import { describe, expect, it } from 'vitest';
import { diffSquadBaseline, parseSquadBaseline } from '../../../src/eval/datasets/squad/baseline.js';
import { parseSquad, type SquadQuestion } from '../../../src/eval/datasets/squad/dataset.js';
import { toSquadHtmlReport } from '../../../src/eval/datasets/squad/html-report.js';
import { toSquadJUnitXml } from '../../../src/eval/datasets/squad/junit.js';
import { computeSquadMetrics } from '../../../src/eval/datasets/squad/metrics.js';
import { predictionOf } from '../../../src/eval/datasets/squad/prediction.js';
import { buildSquadReport } from '../../../src/eval/datasets/squad/report.js';
import { failedQuestion, scoreQuestion } from '../../../src/eval/datasets/squad/score-question.js';
import { SQUAD_RATIO_METRICS, type SquadResult } from '../../../src/eval/datasets/squad/types.js';
import { firstSentence } from '../../../src/eval/scoring/answer-text.js';
import { citation, response } from '../fixtures.js';
import { xmlProblems } from '../xml-well-formed.js';
import { FICTIONAL_SQUAD } from './fictional-squad.js';

const qs = new Map(parseSquad(FICTIONAL_SQUAD, 'f.json').questions.map((q) => [q.id, q]));
const q = (id: string) => qs.get(id) as SquadQuestion;
const short = (text: string) => ({ text, citation: 1, start: 0, end: text.length });
const RUN = { dataset: 'squad2' as const, file: 'f.json', total: 10, limit: null, seed: null, target: 'test' };

describe('predictions', () => {
  it('uses short.text, else the first sentence without citation markers, and nothing when abstained', () => {
    expect(
      predictionOf(response({ answer: 'Ilsa Brandt charted it [1]. More.', short: short('Ilsa Brandt') })),
    ).toEqual({ text: 'Ilsa Brandt', source: 'short' });
    expect(predictionOf(response({ answer: 'Ilsa Brandt charted it [1, 2]. She named it later [2].' }))).toEqual({
      text: 'Ilsa Brandt charted it.',
      source: 'fallback',
    });
    expect(predictionOf(response({ answer: 'The documents do not say.', abstained: true, short: short('x') }))).toEqual(
      { text: '', source: 'abstained' },
    );
    expect(firstSentence('In 1842 [1]')).toBe('In 1842');
    expect(firstSentence('“Report 3” says: “Revenue rose. Costs fell.” [1]')).toBe('Revenue rose.');
    expect(firstSentence('According to Ana Ruiz: “Costs fell by a third.” [2]')).toBe('Costs fell by a third.');
    expect(firstSentence('312 [1].\n\nAna Ruiz says: “We handled 312 parcels.” [1]')).toBe('312.');
  });
});

describe('scoreQuestion', () => {
  it('scores an answerable question on the prediction, answer-contains on the full answer, citation hit on quotes', () => {
    const r = scoreQuestion(
      q('lv-1'),
      response({
        answer: 'It was the surveyor Ilsa Brandt [1].',
        short: short('surveyor Ilsa Brandt'),
        citations: [citation(1, 'first charted by the surveyor Ilsa Brandt in 1842')],
      }),
      12,
    );
    expect(r).toMatchObject({
      exactMatch: 1,
      f1: 1,
      answerContains: true,
      citationHit: true,
      passed: true,
      source: 'short',
      abstained: false,
    });
    const wrong = scoreQuestion(
      q('lv-2'),
      response({ answer: 'In 1843 [1].', short: short('1843'), citations: [citation(1, 'charted in 1842')] }),
      5,
    );
    expect(wrong).toMatchObject({ exactMatch: 0, f1: 0, answerContains: false, citationHit: true, passed: false });
  });

  it('abstaining on an answerable question is a miss; on an unanswerable one it is EM = F1 = 1', () => {
    expect(scoreQuestion(q('lv-2'), response({ answer: 'No.', abstained: true }), 1)).toMatchObject({
      exactMatch: 0,
      f1: 0,
      answerContains: false,
      passed: false,
      prediction: '',
    });
    expect(scoreQuestion(q('lv-3'), response({ answer: 'No.', abstained: true }), 1)).toMatchObject({
      exactMatch: 1,
      f1: 1,
      answerContains: null,
      citationHit: null,
      passed: true,
    });
  });

  it('answering an unanswerable question scores 0 even when the span normalises to nothing', () => {
    expect(scoreQuestion(q('lv-3'), response({ answer: 'The.', short: short('the') }), 1)).toMatchObject({
      exactMatch: 0,
      f1: 0,
      passed: false,
    });
  });

  it('a failed request is a failed question with no prediction', () => {
    expect(failedQuestion(q('bc-1'), 'HTTP 500', 3)).toMatchObject({
      source: 'error',
      exactMatch: 0,
      passed: false,
      abstained: null,
      error: 'HTTP 500',
    });
  });
});

/** Six answerable and four unanswerable outcomes with known counts. */
function results(): SquadResult[] {
  return [
    scoreQuestion(
      q('lv-1'),
      response({
        answer: 'Ilsa Brandt [1].',
        short: short('Ilsa Brandt'),
        citations: [citation(1, 'the surveyor Ilsa Brandt')],
      }),
      10,
    ),
    scoreQuestion(
      q('lv-2'),
      response({ answer: 'It was charted in 1842 by a surveyor [1].', citations: [citation(1, 'in 1842')] }),
      20,
    ),
    scoreQuestion(q('lv-3'), response({ answer: 'Not covered.', abstained: true }), 30),
    scoreQuestion(q('lv-4'), response({ answer: 'Not covered.', abstained: true }), 40),
    scoreQuestion(
      q('lv-5'),
      response({ answer: 'About 212 [1].', short: short('212'), citations: [citation(1, '212 metres')] }),
      50,
    ),
    scoreQuestion(
      q('bc-1'),
      response({
        answer: 'Oswin Tarrel founded it [1].',
        short: short('Oswin'),
        citations: [citation(1, 'founded in 1903')],
      }),
      60,
    ),
    scoreQuestion(
      q('bc-2'),
      response({ answer: 'A flood [1].', short: short('flood'), citations: [citation(1, 'a fire destroyed')] }),
      70,
    ),
    scoreQuestion(q('bc-3'), response({ answer: 'Not covered.', abstained: true }), 80),
    failedQuestion(q('bc-4'), 'timeout', 90),
    scoreQuestion(q('bc-5'), response({ answer: 'Not covered.', abstained: true }), 100),
  ];
}

describe('computeSquadMetrics', () => {
  const m = computeSquadMetrics(results());

  it('counts questions, sources, abstentions and errors', () => {
    expect(m).toMatchObject({
      questions: 10,
      hasAns: 6,
      noAns: 4,
      abstained: 4,
      errors: 1,
      fromShort: 4,
      fromFallback: 1,
      passed: 6,
    });
  });

  it('computes EM and F1 overall and by HasAns / NoAns', () => {
    // HasAns EM: lv-1 only = 1/6. HasAns F1: lv-1 1, lv-2 F1('It was charted in 1842 by a surveyor.', '1842') = 2·(1/7)·1/(1/7+1) = 0.25, bc-1 'Oswin' vs 'Oswin Tarrel' = 2/3.
    const hasF1 = (1 + 0.25 + 2 / 3) / 6;
    expect(m.hasAnsExactMatch).toBeCloseTo(1 / 6, 10);
    expect(m.hasAnsF1).toBeCloseTo(hasF1, 10);
    // NoAns: lv-3, bc-3, bc-5 abstained, lv-5 answered.
    expect(m.noAnsExactMatch).toBe(0.75);
    expect(m.noAnsF1).toBe(0.75);
    expect(m.exactMatch).toBeCloseTo((1 + 3) / 10, 10);
    expect(m.f1).toBeCloseTo((1 + 0.25 + 2 / 3 + 3) / 10, 10);
  });

  it('computes answer-contains, abstention, false abstention, citation hit and the gate', () => {
    expect(m.answerContains).toBe(3 / 6); // lv-1, lv-2, bc-1
    expect(m.hasAnsAccuracy).toBe(m.answerContains);
    expect(m.noAnsAccuracy).toBe(0.75);
    expect(m.balancedAccuracy).toBeCloseTo((0.5 + 0.75) / 2, 10);
    expect(m.abstentionPrecision).toBe(0.75); // 3 of the 4 abstentions were unanswerable
    expect(m.abstentionRecall).toBe(0.75);
    expect(m.falseAbstentionRate).toBe(1 / 6); // lv-4
    // lv-1, lv-2 and bc-2 (its quote has "fire" although the answer is wrong); not bc-1 (quote lacks the name).
    expect(m.citationHit).toBe(3 / 6);
  });

  it('uses nearest-rank latency percentiles', () => {
    expect(m.latencyMs).toEqual({ p50: 50, p95: 100 });
  });

  it('leaves ratios without a denominator null and the gate on the defined side', () => {
    const noAnsOnly = computeSquadMetrics(results().filter((r) => r.impossible));
    expect(noAnsOnly.answerContains).toBeNull();
    expect(noAnsOnly.hasAnsF1).toBeNull();
    expect(noAnsOnly.balancedAccuracy).toBe(0.75);
  });
});

describe('report shapes', () => {
  const nasty = '<script>alert("x")</script> & \u0001';
  const rs = results();
  rs[6] = { ...rs[6]!, question: `What ${nasty}?`, answer: `A ${nasty}`, prediction: nasty };
  const report = buildSquadReport(rs, RUN, ['Lake_Vorrin', 'Brassmoor_Clockworks', 'Unused']);
  const json = JSON.parse(JSON.stringify(report)) as typeof report;

  it('JSON has the run, the summary, per-article metrics in dataset order and every question', () => {
    expect(Object.keys(json)).toEqual(['kind', 'run', 'summary', 'byArticle', 'questions']);
    expect(json.kind).toBe('squad2');
    expect(Object.keys(json.byArticle)).toEqual(['Lake_Vorrin', 'Brassmoor_Clockworks']);
    expect(json.byArticle.Lake_Vorrin).toMatchObject({ questions: 5, hasAns: 3, noAns: 2 });
    for (const k of SQUAD_RATIO_METRICS)
      expect(json.summary[k] === null || (json.summary[k] >= 0 && json.summary[k] <= 1), k).toBe(true);
    expect(json.questions).toHaveLength(10);
    expect(Object.keys(json.questions[0]!)).toEqual(
      expect.arrayContaining([
        'id',
        'article',
        'impossible',
        'golds',
        'prediction',
        'source',
        'exactMatch',
        'f1',
        'answerContains',
        'citationHit',
        'abstained',
        'passed',
        'latencyMs',
      ]),
    );
  });

  it('JUnit has one testsuite per article and one testcase per question, failing by the pass rule', () => {
    const xml = toSquadJUnitXml(report.questions);
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml.match(/<testcase /g)).toHaveLength(10);
    expect(xml).toMatch(/<testsuites name="citecheck squad2" tests="10" failures="3" errors="1"/);
    expect(xml).toMatch(
      /<testcase classname="Lake_Vorrin" name="lv-4"[^>]*>\s*<failure message="abstained; expected &quot;Kettleby&quot;/,
    );
    expect(xml).toMatch(/name="lv-5"[^>]*>\s*<failure message="unanswerable, but answered: &quot;212&quot;"/);
    expect(xml).toMatch(/name="bc-4"[^>]*>\s*<error message="error: timeout" type="RequestError"/);
    expect(xml).toMatch(/<testcase classname="Lake_Vorrin" name="lv-3" time="0\.030">/);
    expect(xml).not.toContain('<script');
  });

  it('HTML is self-contained and escapes dataset and answer text', () => {
    const html = toSquadHtmlReport(report, { subtitle: nasty });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link\b|<[a-z]+[^>]*\ssrc=|url\(|@import/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;');
    expect(html).toContain('<svg');
    expect(html).toContain('Failed questions (4)');
    expect(html.match(/<tr><td>[a-z]{2}-\d<\/td><td>/g)).toHaveLength(10);
  });
});

describe('SQuAD baseline', () => {
  const before = buildSquadReport(results(), RUN);
  const after = results();
  // lv-1 now wrong (pass → fail), lv-4 now answered (fail → pass): contains unchanged, false abstention falls.
  after[0] = scoreQuestion(q('lv-1'), response({ answer: 'Vorrin [1].', short: short('Vorrin') }), 10);
  after[3] = scoreQuestion(q('lv-4'), response({ answer: 'Kettleby [1].', short: short('Kettleby') }), 40);
  after[2] = scoreQuestion(q('lv-3'), response({ answer: 'Someone.', short: short('Someone') }), 30);

  it('lists flipped questions and metrics that got worse by more than 0.01 (a rise for the false-abstention rate)', () => {
    const base = parseSquadBaseline(JSON.stringify(before), 'prev.json');
    const diff = diffSquadBaseline(base, buildSquadReport(after, RUN));
    expect(diff.regressions).toEqual(['lv-1', 'lv-3']);
    expect(diff.fixes).toEqual(['lv-4']);
    expect(diff.newQuestions).toBe(0);
    expect(diff.missingQuestions).toBe(0);
    expect(diffSquadBaseline(base, buildSquadReport(after.slice(2), RUN))).toMatchObject({
      newQuestions: 0,
      missingQuestions: 2,
    });
    const all = diff.worse.filter((w) => w.scope === 'all').map((w) => w.metric);
    expect(all).toContain('noAnsAccuracy');
    expect(all).toContain('exactMatch');
    expect(all).not.toContain('falseAbstentionRate');
    expect(diff.worse.some((w) => w.scope === 'article:Lake_Vorrin' && w.metric === 'noAnsAccuracy')).toBe(true);
    const reversed = diffSquadBaseline(parseSquadBaseline(JSON.stringify(buildSquadReport(after, RUN)), 'x'), before);
    expect(reversed.worse.some((w) => w.scope === 'all' && w.metric === 'falseAbstentionRate')).toBe(true);
  });

  it('refuses a suite report or a non-JSON file with a message', () => {
    expect(() =>
      parseSquadBaseline(JSON.stringify({ summary: {}, byTag: {}, bySuite: {}, cases: [] }), 'suite.json'),
    ).toThrow(/baseline suite\.json is not a --dataset squad2 --json report \(kind: /);
    expect(() => parseSquadBaseline('nope', 'x.json')).toThrow(/baseline x\.json is not JSON/);
  });
});
